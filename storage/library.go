package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"parley/library"
	"parley/scenarios"
)

// LibraryMeasure is a measure of the measure library with the row of the
// measures table it comes from.
type LibraryMeasure struct {
	Measure scenarios.Measure
	Row     string // id of the row in the measures table
	// Remark says why the measure is not part of the regime in force, e.g.
	// "announced, never implemented"; empty when it was applied.
	Remark     string
	LegalBasis string
	Scope      string
	RateText   string // the rate as the source states it
	DatesText  string // the dates as the source states them
	CUSMAText  string // the CUSMA treatment as the source states it
	Source     string
	Confidence string // high or medium
	// StruckDownFrom is the day from which a measure struck down no longer
	// applies (zero: none); Measure is then in force until the day before.
	StruckDownFrom scenarios.Date
}

// evidenceJSON is evidence in the embedded JSON files and the library table.
type evidenceJSON struct {
	Document string `json:"document,omitempty"`
	Quote    string `json:"quote,omitempty"`
	Citation string `json:"citation,omitempty"`
	URL      string `json:"url,omitempty"`
}

// libraryEntry is a measure of assets/library.json, or a reference to one in
// assets/builtin.json (Library set; the other fields given replace the
// library's).
type libraryEntry struct {
	Row         string             `json:"row,omitempty"`
	Library     string             `json:"library,omitempty"`
	ID          string             `json:"id,omitempty"`
	Label       string             `json:"label,omitempty"`
	Imposer     string             `json:"imposer,omitempty"`
	Program     string             `json:"program,omitempty"`
	Sectors     map[string]float64 `json:"sectors,omitempty"`
	Products    *productsJSON      `json:"products,omitempty"`
	Content     *string            `json:"content,omitempty"`
	Rate        *float64           `json:"rate,omitempty"`
	CUSMAExempt *bool              `json:"cusma_exempt,omitempty"`
	// ExemptShare is cusma_exempt_share: the part of a claimed good's
	// value that is exempt.
	ExemptShare *float64       `json:"cusma_exempt_share,omitempty"`
	YieldsTo    []string       `json:"yields_to"`
	From        *string        `json:"effective_from,omitempty"`
	To          *string        `json:"effective_to,omitempty"`
	Evidence    []evidenceJSON `json:"evidence,omitempty"`
	AddEvidence []evidenceJSON `json:"add_evidence,omitempty"`
	Note        *string        `json:"note,omitempty"`
	UpperBound  []string       `json:"upper_bound"`
	Remark      string         `json:"remark,omitempty"`
	// Status and Kind are the measure's status (in_force, announced,
	// threatened, struck_down, expired) and kind (duty, ban).
	Status string `json:"status,omitempty"`
	Kind   string `json:"kind,omitempty"`
	// StruckDownFrom (YYYY-MM-DD) is the day from which a measure with
	// status struck_down no longer applies; before it, it applies by its
	// dates (library.Measure.Effective).
	StruckDownFrom string `json:"struck_down_from,omitempty"`
}

type libraryFile struct {
	About    string         `json:"about"`
	Measures []libraryEntry `json:"measures"`
}

// measure converts a complete library entry into a measure.
func (e libraryEntry) measure() (scenarios.Measure, error) {
	m := scenarios.Measure{ID: e.ID, Label: e.Label, Imposer: e.Imposer, Program: e.Program, Sectors: e.Sectors,
		YieldsTo: e.YieldsTo, UpperBound: e.UpperBound, Library: e.ID, Status: e.Status, Kind: e.Kind}
	if e.Rate != nil {
		m.Rate = *e.Rate
	}
	if e.CUSMAExempt != nil {
		m.CUSMAExempt = *e.CUSMAExempt
	}
	if e.Products != nil {
		m.Products = e.Products.scope()
	}
	if e.Content != nil {
		m.Content = *e.Content
	}
	if e.ExemptShare != nil {
		x := *e.ExemptShare
		m.CUSMAExemptShare = &x
	}
	if e.Note != nil {
		m.Note = *e.Note
	}
	var err error
	if e.From != nil {
		if m.From, err = storedDate(*e.From); err != nil {
			return m, fmt.Errorf("%s: effective_from: %w", e.ID, err)
		}
	}
	if e.To != nil {
		if m.To, err = storedDate(*e.To); err != nil {
			return m, fmt.Errorf("%s: effective_to: %w", e.ID, err)
		}
	}
	for _, ev := range append(e.Evidence, e.AddEvidence...) {
		m.Evidence = append(m.Evidence, scenarios.Evidence{Document: ev.Document, Quote: ev.Quote, Citation: ev.Citation, URL: ev.URL})
	}
	return m, nil
}

// override returns the library entry base with the fields set in e replacing
// base's, and e's add_evidence appended.
func (e libraryEntry) override(base libraryEntry) libraryEntry {
	out := base
	out.Row, out.Library = base.Row, ""
	if e.ID != "" {
		out.ID = e.ID
	}
	if e.Label != "" {
		out.Label = e.Label
	}
	if e.Imposer != "" {
		out.Imposer = e.Imposer
	}
	if e.Program != "" {
		out.Program = e.Program
	}
	if e.Sectors != nil {
		out.Sectors = e.Sectors
	}
	if e.Rate != nil {
		out.Rate = e.Rate
	}
	if e.CUSMAExempt != nil {
		out.CUSMAExempt = e.CUSMAExempt
	}
	if e.Products != nil {
		out.Products = e.Products
	}
	if e.Content != nil {
		out.Content = e.Content
	}
	if e.ExemptShare != nil {
		out.ExemptShare = e.ExemptShare
	}
	if e.YieldsTo != nil {
		out.YieldsTo = e.YieldsTo
	}
	if e.From != nil {
		out.From = e.From
	}
	if e.To != nil {
		out.To = e.To
	}
	if e.Evidence != nil {
		out.Evidence = e.Evidence
	}
	out.AddEvidence = append(append([]evidenceJSON(nil), base.AddEvidence...), e.AddEvidence...)
	if e.Note != nil {
		out.Note = e.Note
	}
	if e.UpperBound != nil {
		out.UpperBound = e.UpperBound
	}
	if e.Status != "" {
		out.Status = e.Status
	}
	if e.Kind != "" {
		out.Kind = e.Kind
	}
	return out
}

// measureLibrary loads the built-in library pack (assets/library, which
// productsgen writes from assets/library.json and the measures tables):
// each measure with its citations and its row's texts, checked as a
// scenario measure.
func (l *defaultsLoader) measureLibrary() error {
	p, err := library.Builtin()
	if err != nil {
		return err
	}
	lists, err := l.productLists()
	if err != nil {
		return err
	}
	if es := library.Validate(p, func(name string) bool { return lists[name] != nil }); len(es) > 0 {
		return fmt.Errorf("the built-in library: %w", es)
	}
	// An upgrade replaces the library by the built-in one, unless the user
	// imported a pack more recent than it: the built-in scenarios are still
	// made from the built-in library.
	keep := false
	if l.upgrade {
		var vintage string
		err := l.tx.QueryRow("SELECT vintage FROM library_pack WHERE id = 1").Scan(&vintage)
		switch {
		case err == nil:
			keep = vintage > p.Info.Vintage
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		if !keep {
			if _, err := l.tx.Exec("DELETE FROM measure_library"); err != nil {
				return err
			}
			if _, err := l.tx.Exec("DELETE FROM library_pack"); err != nil {
				return err
			}
		}
	}
	for pos := range p.Measures {
		pm := &p.Measures[pos]
		e := entryOf(pm)
		m := pm.Effective()
		probe := scenarios.Scenario{Name: "library", AsOf: scenarios.NewDate(2025, 1, 1), Assumptions: scenarios.DefaultAssumptions(), Measures: []scenarios.Measure{m}}
		if m.From.IsZero() {
			probe.Measures[0].From = probe.AsOf // undated entries are checked with a placeholder date
		}
		if errs := scenarios.Validate(&probe, loaderCatalog{l}); len(errs) > 0 {
			return fmt.Errorf("library measure %s: %w", e.ID, errs)
		}
		l.library[e.ID] = e
		l.libList = append(l.libList, e)
		if keep {
			continue
		}
		stored, err := json.Marshal(e)
		if err != nil {
			return err
		}
		if _, err := l.tx.Exec(`INSERT INTO measure_library (id, position, row, status, measure, legal_basis, scope,
			rate_text, dates_text, cusma_text, source, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			e.ID, pos, pm.Row, pm.Remark, string(stored), pm.LegalBasis, pm.Scope, pm.RateText,
			pm.DatesText, pm.CUSMAText, pm.TableSource, pm.Confidence); err != nil {
			return fmt.Errorf("library measure %s: %w", e.ID, err)
		}
	}
	return nil
}

// resolveEntry turns an entry of a built-in scenario into a measure.
func (l *defaultsLoader) resolveEntry(e libraryEntry) (scenarios.Measure, error) {
	if e.Library == "" {
		return e.measure()
	}
	base, ok := l.library[e.Library]
	if !ok {
		return scenarios.Measure{}, fmt.Errorf("no library measure %q", e.Library)
	}
	m, err := e.override(base).measure()
	m.Library, m.LibraryVintage = base.ID, library.BuiltinInfo().Vintage
	return m, err
}

// Library returns the measure library in its order, each measure as a
// scenario takes it (with the library's id and vintage).
func (w *Workspace) Library() ([]LibraryMeasure, error) {
	vintage, err := w.LibraryVintage()
	if err != nil {
		return nil, err
	}
	var out []LibraryMeasure
	err = scanAll(context.Background(), w, `SELECT measure, row, status, legal_basis, scope, rate_text, dates_text,
		cusma_text, source, confidence FROM measure_library ORDER BY position`, func(scan func(...any) error) error {
		var lm LibraryMeasure
		var stored string
		if err := scan(&stored, &lm.Row, &lm.Remark, &lm.LegalBasis, &lm.Scope, &lm.RateText, &lm.DatesText,
			&lm.CUSMAText, &lm.Source, &lm.Confidence); err != nil {
			return err
		}
		var e libraryEntry
		if err := json.Unmarshal([]byte(stored), &e); err != nil {
			return fmt.Errorf("library measure: %w", err)
		}
		m, err := e.measure()
		if err != nil {
			return err
		}
		pm := library.Measure{Measure: m}
		if e.StruckDownFrom != "" {
			if pm.StruckDownFrom, err = scenarios.ParseDate(e.StruckDownFrom); err != nil {
				return fmt.Errorf("library measure %s: struck_down_from: %w", e.ID, err)
			}
		}
		lm.Measure, lm.StruckDownFrom = pm.Effective(), pm.StruckDownFrom
		lm.Measure.LibraryVintage = vintage
		out = append(out, lm)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read the measure library: %w", err)
	}
	return out, nil
}
