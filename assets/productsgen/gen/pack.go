package gen

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io/fs"
	"regexp"
	"strings"

	"parley/assets"
	"parley/library"
	"parley/scenarios"
)

// PackDir is the folder of the built-in library pack in the assets.
const PackDir = "library"

// libraryJSON is a measure of assets/library.json, the hand-kept source of
// the built-in library.
type libraryJSON struct {
	Row      string             `json:"row"`
	ID       string             `json:"id"`
	Label    string             `json:"label"`
	Imposer  string             `json:"imposer"`
	Program  string             `json:"program"`
	Sectors  map[string]float64 `json:"sectors"`
	Products *struct {
		Include *[]string `json:"include"`
		Exclude []string  `json:"exclude"`
	} `json:"products"`
	Content     string   `json:"content"`
	Rate        float64  `json:"rate"`
	CUSMAExempt bool     `json:"cusma_exempt"`
	ExemptShare *float64 `json:"cusma_exempt_share"`
	YieldsTo    []string `json:"yields_to"`
	From        string   `json:"effective_from"`
	To          string   `json:"effective_to"`
	Evidence    []struct {
		Document string `json:"document"`
		Quote    string `json:"quote"`
		Citation string `json:"citation"`
		URL      string `json:"url"`
	} `json:"evidence"`
	Note       string   `json:"note"`
	UpperBound []string `json:"upper_bound"`
	Remark     string   `json:"remark"`
	Status     string   `json:"status"`
	Kind       string   `json:"kind"`
}

// cutoff finds the cut-off date in the updates' SOURCES.md: "No source
// dated after about YYYY-MM-DD".
var cutoff = regexp.MustCompile(`No source dated after about (\d{4}-\d{2}-\d{2})`)

// libraryPack writes the built-in library as a pack (library/pack.json and
// library/measures.csv): each measure of assets/library.json with the legal
// basis and source of its row of the measures tables (the reference table
// and the update of 2026-12's) as a citation and as its texts, and a
// citation of the source of each built-in list it names. Its vintage is the
// cut-off of the updates' SOURCES.md. Its lists are the built-in lists, so
// the pack does not carry them.
func (b *builder) libraryPack() error {
	raw, err := fs.ReadFile(assets.Files(), assets.LibraryFile)
	if err != nil {
		return err
	}
	var file struct {
		About    string        `json:"about"`
		Measures []libraryJSON `json:"measures"`
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&file); err != nil {
		return fmt.Errorf("%s: %w", assets.LibraryFile, err)
	}
	rows, byID, err := b.measureRows()
	if err != nil {
		return err
	}
	sources, err := b.generated("data/" + UpdatesDir + "/SOURCES.md")
	if err != nil {
		return err
	}
	m := cutoff.FindSubmatch(sources)
	if m == nil {
		return fmt.Errorf("%s/SOURCES.md states no cut-off (\"No source dated after about YYYY-MM-DD\")", UpdatesDir)
	}
	p := &library.Pack{Info: library.Info{Format: library.Format, Title: "Parley built-in measure library",
		Publisher: "Parley", Vintage: string(m[1]),
		Description: "The Canada–US tariff measures of 2025–2026 as Parley ships them, from the legal texts: " +
			"the reference measures table and its update of 2026-12, on the built-in product lists. The update " +
			"covers measures to 2026-12-06, but no source it rests on is dated after about " + string(m[1]) +
			", so the vintage is that cut-off: nothing later is verified."}}
	covered := map[string]bool{}
	for _, e := range file.Measures {
		pm, err := b.packMeasure(e, byID)
		if err != nil {
			return fmt.Errorf("library measure %s: %w", e.ID, err)
		}
		covered[e.Row] = true
		p.Measures = append(p.Measures, pm)
	}
	for _, r := range rows {
		if !covered[r["id"]] {
			return fmt.Errorf("row %s of the measures table is not in the library", r["id"])
		}
	}
	if es := library.Validate(p, func(name string) bool { return b.listIndex[name] != nil }); len(es) > 0 {
		return es
	}
	names, files, err := p.Files()
	if err != nil {
		return err
	}
	for _, n := range names {
		b.add(PackDir+"/"+n, files[n])
	}
	return nil
}

// measureRows returns the rows of the reference measures table and every
// row by id, the update's corrections in place of the rows they correct.
func (b *builder) measureRows() ([]map[string]string, map[string]map[string]string, error) {
	rows, err := b.generatedTable("data/tariff_measures_canada_us_2025_2026.csv")
	if err != nil {
		return nil, nil, err
	}
	byID := map[string]map[string]string{}
	for _, r := range rows {
		byID[r["id"]] = r
	}
	updates, err := b.generatedTable("data/" + UpdatesDir + "/measures_2026h2.csv")
	if err != nil {
		return nil, nil, err
	}
	for _, r := range updates {
		byID[r["id"]] = r // a correction replaces the row of the same id
	}
	return rows, byID, nil
}

// packMeasure returns the pack's measure of a library.json entry.
func (b *builder) packMeasure(e libraryJSON, byID map[string]map[string]string) (library.Measure, error) {
	pm := library.Measure{Remark: e.Remark, Row: e.Row}
	m := scenarios.Measure{ID: e.ID, Label: e.Label, Imposer: e.Imposer, Program: e.Program, Sectors: e.Sectors,
		Content: e.Content, Rate: e.Rate, CUSMAExempt: e.CUSMAExempt, CUSMAExemptShare: e.ExemptShare,
		YieldsTo: e.YieldsTo, Note: e.Note, UpperBound: e.UpperBound, Status: e.Status, Kind: e.Kind}
	if m.YieldsTo == nil {
		m.YieldsTo = []string{}
	}
	if m.UpperBound == nil {
		m.UpperBound = []string{}
	}
	var err error
	if e.From != "" {
		if m.From, err = scenarios.ParseDate(e.From); err != nil {
			return pm, fmt.Errorf("effective_from: %w", err)
		}
	}
	if e.To != "" {
		if m.To, err = scenarios.ParseDate(e.To); err != nil {
			return pm, fmt.Errorf("effective_to: %w", err)
		}
	}
	for _, ev := range e.Evidence {
		m.Evidence = append(m.Evidence, scenarios.Evidence{Document: ev.Document, Quote: ev.Quote, Citation: ev.Citation, URL: ev.URL})
	}
	// A measure that no row of the measures tables holds must cite its own
	// source.
	r, ok := byID[e.Row]
	switch {
	case ok:
		m.Evidence = append(m.Evidence, scenarios.Evidence{Citation: joinNonEmpty("; source: ", r["legal_basis"], r["source"])})
		pm.LegalBasis, pm.Scope, pm.RateText = r["legal_basis"], r["scope"], r["rate"]
		pm.DatesText = joinNonEmpty(" to ", r["effective_from"], r["effective_to"])
		pm.CUSMAText, pm.TableSource, pm.Confidence = r["cusma_exempt"], r["source"], r["confidence"]
	case e.Row != "":
		return pm, fmt.Errorf("no row %q in the measures table", e.Row)
	case len(e.Evidence) == 0:
		return pm, fmt.Errorf("no row of the measures table and no evidence of its own")
	}
	if err := b.packProducts(&m, e); err != nil {
		return pm, err
	}
	pm.Measure = m
	return pm, nil
}

// packProducts sets m's product scope from entry e and cites, for each
// built-in list it names, the list and its source.
func (b *builder) packProducts(m *scenarios.Measure, e libraryJSON) error {
	if e.Products == nil {
		return nil
	}
	m.Products = &scenarios.ProductScope{Exclude: e.Products.Exclude}
	var entries []string
	if e.Products.Include != nil {
		m.Products.Include = append([]string{}, *e.Products.Include...)
		entries = append(entries, *e.Products.Include...)
	}
	for _, x := range append(entries, e.Products.Exclude...) {
		name, ok := strings.CutPrefix(x, scenarios.ListPrefix)
		if !ok {
			continue
		}
		l := b.listIndex[name]
		if l == nil {
			return fmt.Errorf("unknown product list %q", name)
		}
		m.Evidence = append(m.Evidence, scenarios.Evidence{Citation: fmt.Sprintf("Product list %s (%d codes); source: %s", name, l.Codes, l.Source)})
	}
	return nil
}

// generated returns the bytes of a file built earlier in the run.
func (b *builder) generated(name string) ([]byte, error) {
	for _, f := range b.files {
		if f.Name == name {
			return f.Data, nil
		}
	}
	return nil, fmt.Errorf("%s is not generated before the library pack", name)
}

// generatedTable reads a generated CSV file into rows by column name.
func (b *builder) generatedTable(name string) ([]map[string]string, error) {
	raw, err := b.generated(name)
	if err != nil {
		return nil, err
	}
	recs, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
	if err != nil || len(recs) == 0 {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	out := make([]map[string]string, 0, len(recs)-1)
	for _, rec := range recs[1:] {
		m := make(map[string]string, len(rec))
		for i, h := range recs[0] {
			m[h] = rec[i]
		}
		out = append(out, m)
	}
	return out, nil
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, strings.TrimSpace(p))
		}
	}
	return strings.Join(out, sep)
}
