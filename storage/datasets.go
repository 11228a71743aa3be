package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"parley/scenarios"
	"parley/storage/datasets"
	"parley/storage/defaults"
	"parley/storage/sqlscan"
)

// SourceLines returns the lines that say where a scenario's numbers come from
// under assumptions a: baseline trade of each direction, CUSMA shares and
// elasticities, each with its source as SOURCES.md gives it, and the user's
// own data and overrides. It reads them in one read transaction.
func (w *Workspace) SourceLines(a scenarios.Assumptions) ([]string, error) {
	var lines []string
	err := w.inReadTx(func(tx *sql.Tx) error {
		var err error
		lines, err = w.sourceLines(context.Background(), tx, a)
		return err
	})
	return lines, err
}

// sourceLines is SourceLines reading through q.
func (w *Workspace) sourceLines(ctx context.Context, q sqlscan.Querier, a scenarios.Assumptions) ([]string, error) {
	r, err := w.refsIn(ctx, q)
	if err != nil {
		return nil, err
	}
	if _, err := w.linesFor(ctx, q, r, a.BaselineYear); err != nil {
		return nil, err
	}
	w.mu.Lock()
	chapterID := r.lineSource[a.BaselineYear]
	w.mu.Unlock()
	var lines []string
	data := w.TradeData().In(q)
	add := func(what, id string) error {
		d, err := data.ProvenanceOf(id)
		if err != nil {
			return err
		}
		lines = append(lines, fmt.Sprintf("%s: %s.", what, strings.TrimSuffix(d.Source, ".")))
		return nil
	}
	if a.Datasets.IsEmpty() && w.builtinLineSource(a, scenarios.CAtoUS) == "" {
		// Both directions by HS chapter, from one source.
		if err := add(fmt.Sprintf("Baseline trade %d (US$)", a.BaselineYear), chapterID); err != nil {
			return nil, err
		}
	} else {
		for _, d := range scenarios.Directions {
			l, err := w.baselineSourceLine(data, a, d, chapterID)
			if err != nil {
				return nil, err
			}
			lines = append(lines, l)
		}
	}
	if id := presetDataset(r.cusmaList, a.CUSMAShares); id != "" {
		if err := add(fmt.Sprintf("CUSMA claim shares (%s, flows into the US)", a.CUSMAShares), id); err != nil {
			return nil, err
		}
	}
	if id := presetDataset(r.elastList, a.Elasticities); id != "" {
		if err := add(fmt.Sprintf("Import demand elasticities (%s)", a.Elasticities), id); err != nil {
			return nil, err
		}
	}
	if !a.Overrides.IsEmpty() {
		lines = append(lines, "User assumptions: "+describeOverrides(a.Overrides)+".")
	}
	return lines, nil
}

// baselineSourceLine is the source line of the baseline trade of a in
// direction d: the user's dataset, the built-in HTS10 product lines, or the
// built-in dataset chapterID by HS chapter, as data reads them.
func (w *Workspace) baselineSourceLine(data *datasets.Datasets, a scenarios.Assumptions, d scenarios.Direction, chapterID string) (string, error) {
	what := fmt.Sprintf("Baseline trade %d (US$), %s", a.BaselineYear, d.Label())
	if name := a.Datasets.For(d); name != "" {
		return userDatasetSource(data, what, name)
	}
	id := w.builtinLineSource(a, d)
	if id != "" {
		what += " by HTS10 product"
	} else {
		id, what = chapterID, what+" by HS chapter"
		if d == scenarios.UStoCA {
			what += " (no product-level data for flows into Canada)"
		}
	}
	ds, err := data.ProvenanceOf(id)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%s: %s.", what, strings.TrimSuffix(ds.Source, ".")), nil
}

// userDatasetSource is the source line of the user's dataset name: its
// name, the source the user gave, its file and its currency.
func userDatasetSource(data *datasets.Datasets, what, name string) (string, error) {
	d, err := data.Get(name)
	if err != nil {
		return "", err
	}
	src := strings.TrimRight(strings.TrimSpace(d.Source), ".")
	if src == "" {
		src = "no source given"
	}
	return fmt.Sprintf("%s: the user's dataset %q — %s; file %s, values in %s.", what, name, src, d.FileName, d.CurrencyLabel()), nil
}

// builtinLineSource returns the dataset of the built-in product lines that
// direction d uses under a, or "" when it uses chapter lines.
func (w *Workspace) builtinLineSource(a scenarios.Assumptions, d scenarios.Direction) string {
	if a.ChapterLevel() || d != scenarios.CAtoUS || a.Datasets.For(d) != "" {
		return ""
	}
	switch a.BaselineYear {
	case 2024:
		return defaults.DatasetLines2024
	case 2025:
		return defaults.DatasetLines2025
	}
	return ""
}

func describeOverrides(o scenarios.Overrides) string {
	var parts []string
	for _, g := range []struct {
		name string
		vals map[string]float64
	}{{"CUSMA share", o.CUSMAShare}, {"elasticity", o.Elasticity}, {"baseline tariff", o.BaselineTariff}} {
		for _, code := range sortedCodes(g.vals) {
			parts = append(parts, fmt.Sprintf("%s %s = %g", code, g.name, g.vals[code]))
		}
	}
	return strings.Join(parts, ", ")
}

// BuiltinBaseline returns the built-in baseline trade of year in direction
// d that a dataset of that year and direction is set against, in US$, and
// what it is (see DatasetImport.Baseline): 0 and "" for a year Parley lacks.
func (w *Workspace) BuiltinBaseline(year int, d scenarios.Direction) (float64, string, error) {
	return w.builtinBaseline(context.Background(), year, d)
}

// builtinBaseline returns the built-in baseline trade of year in direction
// d, in US$, and what it is: the HTS10 lines of flows into the US in 2024
// and 2025, else the BTS chapter totals; 0 and "" for a year Parley lacks.
func (w *Workspace) builtinBaseline(ctx context.Context, year int, d scenarios.Direction) (float64, string, error) {
	r, err := w.refs(ctx)
	if err != nil {
		return 0, "", err
	}
	pd, err := w.productData(r)
	if err != nil {
		return 0, "", err
	}
	total := 0.0
	pl, err := pd.Lines(year)
	if err != nil {
		return 0, "", err
	}
	if d == scenarios.CAtoUS && len(pl) > 0 {
		for _, l := range pl {
			total += l.Value
		}
		src := defaults.DatasetLines2024
		if year == 2025 {
			src = defaults.DatasetLines2025
		}
		label := groupDigits(len(pl)) + " built-in HTS10 lines"
		if ds, err := w.TradeData().ProvenanceOf(src); err == nil {
			label += ", " + ds.Name
		}
		return total, label, nil
	}
	lines, err := w.linesFor(ctx, w.db, r, year)
	if errors.Is(err, ErrNotFound) {
		return 0, "", nil
	}
	if err != nil {
		return 0, "", err
	}
	for _, l := range lines {
		if l.Direction == d {
			total += l.Value
		}
	}
	return total, "BTS TransBorder totals by HS chapter", nil
}

// groupDigits writes n with comma thousands separators.
func groupDigits(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
