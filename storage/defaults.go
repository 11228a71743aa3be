package storage

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"

	"parley/assets"
	"parley/scenarios"
	"parley/seeds"
)

// Dataset ids of the embedded defaults.
const (
	DatasetTrade      = "bts-hs2"
	DatasetSectors    = "sectors"
	DatasetCUSMA      = "usmca-sector-h2-2025"
	DatasetCUSMAMonth = "usmca-monthly"
	DatasetHauk       = "hauk2012"
	DatasetMeasures   = "measures-2025-2026"
	DatasetSeeds      = "seed-documents"
)

func (w *Workspace) defaultsLoaded(ctx context.Context) (bool, error) {
	var v string
	err := w.db.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = 'defaults'").Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("read workspace state: %w", err)
	}
	return true, nil
}

// defaultsLoader loads the embedded defaults inside one transaction.
type defaultsLoader struct {
	w       *Workspace
	tx      *sql.Tx
	now     string
	sources map[string]sourceRow
	sectors []scenarios.Sector
	chapter map[string]string // HS2 -> sector code
	docs    map[string]string // id -> body
	cusma   map[string]bool
	elast   map[string]bool
	years   map[int]bool
	library map[string]libraryEntry
	libList []libraryEntry
}

// loadDefaults loads the embedded default data, once: datasets, sectors,
// trade, presets, seed documents, the measure library and the built-in
// scenarios. All or nothing.
func (w *Workspace) loadDefaults(ctx context.Context) error {
	src, err := readSources()
	if err != nil {
		return fmt.Errorf("read SOURCES.md: %w", err)
	}
	return w.write(ctx, func(tx *sql.Tx) error {
		l := &defaultsLoader{w: w, tx: tx, now: w.timestamp(), sources: src, chapter: map[string]string{},
			docs: map[string]string{}, cusma: map[string]bool{}, elast: map[string]bool{}, years: map[int]bool{},
			library: map[string]libraryEntry{}}
		steps := []struct {
			name string
			fn   func() error
		}{
			{"datasets", l.datasets},
			{"sectors", l.loadSectors},
			{"trade", l.trade},
			{"CUSMA shares", l.cusmaShares},
			{"elasticities", l.elasticities},
			{"seed documents", l.documents},
			{"measure library", l.measureLibrary},
			{"built-in scenarios", l.builtins},
		}
		for _, s := range steps {
			if err := s.fn(); err != nil {
				return fmt.Errorf("%s: %w", s.name, err)
			}
		}
		_, err := tx.Exec("INSERT INTO meta (key, value) VALUES ('defaults', '1'), ('created_at', ?)", l.now)
		return err
	})
}

func readCSV(name string) ([]map[string]string, error) {
	b, err := fs.ReadFile(assets.Files(), name)
	if err != nil {
		return nil, err
	}
	r := csv.NewReader(bytes.NewReader(b))
	recs, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("%s: empty", name)
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

func (l *defaultsLoader) datasets() error {
	// sourceOf names the SOURCES.md row that cites the origin of a file's
	// numbers, when it is not the file's own row.
	type ds struct{ id, name, kind, file, sourceOf string }
	list := []ds{
		{DatasetTrade, "US–Canada trade by HS chapter, 2023–2025 (BTS TransBorder)", "trade", assets.TradeFile, ""},
		{DatasetSectors, "Parley's 26 negotiation sectors (HS chapter mapping)", "sectors", assets.SectorMappingFile, ""},
		{DatasetCUSMA, "USMCA claim shares by sector, H2 2025", "cusma", assets.CUSMASectorFile, ""},
		{DatasetCUSMAMonth, "USMCA claim shares, all goods, by month 2025–2026", "cusma", assets.CUSMAMonthlyFile, ""},
		// The sector medians sit in sector_baseline_2024.csv; the estimates are Hauk's.
		{DatasetHauk, "US import demand elasticities by sector (Hauk 2012, medians over each sector's HS6 lines)", "elasticity",
			assets.SectorBaselineFile, "derived_hauk2012_us_import_demand_elasticity_hs2_median.csv"},
		{DatasetMeasures, "Tariff measures between Canada and the US, 2025–2026", "measures", assets.MeasuresFile, ""},
	}
	for _, d := range list {
		cite := path.Base(d.file)
		if d.sourceOf != "" {
			cite = d.sourceOf
		}
		row, ok := sourceFor(l.sources, cite)
		if !ok {
			return fmt.Errorf("%s has no row in SOURCES.md", cite)
		}
		if _, err := l.tx.Exec(`INSERT INTO datasets (id, name, kind, file, source, licence, description, builtin, imported_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)`, d.id, d.name, d.kind, path.Base(d.file), row.Source, row.Licence, row.Holds, l.now); err != nil {
			return err
		}
	}
	about, err := seedManifest()
	if err != nil {
		return err
	}
	_, err = l.tx.Exec(`INSERT INTO datasets (id, name, kind, file, source, licence, description, builtin, imported_at)
		VALUES (?, 'Seed evidence documents', 'documents', 'seeds/manifest.json', 'Parley seed documents (news, memos, survey answers)', '', ?, 1, ?)`,
		DatasetSeeds, about.About, l.now)
	return err
}

func (l *defaultsLoader) loadSectors() error {
	rows, err := readCSV(assets.SectorMappingFile)
	if err != nil {
		return err
	}
	labels, err := readCSV(assets.SectorLabelsFile)
	if err != nil {
		return err
	}
	short := map[string]string{}
	for _, r := range labels {
		short[r["sector_code"]] = r["short_label"]
	}
	seen := map[string]int{}
	for _, r := range rows {
		code, hs2 := r["sector_code"], r["hs2"]
		if _, ok := seen[code]; !ok {
			seen[code] = len(l.sectors)
			if short[code] == "" {
				return fmt.Errorf("sector %s has no short label", code)
			}
			l.sectors = append(l.sectors, scenarios.Sector{Code: code, Name: r["sector_name"], Short: short[code]})
			if _, err := l.tx.Exec("INSERT INTO sectors (code, name, short, position) VALUES (?, ?, ?, ?)",
				code, r["sector_name"], short[code], seen[code]); err != nil {
				return err
			}
		}
		if _, dup := l.chapter[hs2]; dup {
			return fmt.Errorf("HS chapter %s maps to two sectors", hs2)
		}
		l.chapter[hs2] = code
		if _, err := l.tx.Exec("INSERT INTO sector_chapters (hs2, sector) VALUES (?, ?)", hs2, code); err != nil {
			return err
		}
	}
	return nil
}

func (l *defaultsLoader) trade() error {
	rows, err := readCSV(assets.TradeFile)
	if err != nil {
		return err
	}
	stmt, err := l.tx.Prepare(`INSERT INTO trade_lines (dataset, year, direction, code, sector, description, value_usd)
		VALUES (?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, r := range rows {
		hs2 := r["hs2"]
		sector, ok := l.chapter[hs2]
		if !ok {
			return fmt.Errorf("HS chapter %s has no sector", hs2)
		}
		year, err := strconv.Atoi(r["year"])
		if err != nil {
			return fmt.Errorf("HS %s: year %q: %w", hs2, r["year"], err)
		}
		l.years[year] = true
		for _, f := range []struct {
			dir scenarios.Direction
			col string
		}{{scenarios.CAtoUS, "us_imports_from_canada_usd"}, {scenarios.UStoCA, "us_exports_to_canada_usd"}} {
			v, err := strconv.ParseFloat(r[f.col], 64)
			if err != nil {
				return fmt.Errorf("HS %s %d %s: %w", hs2, year, f.col, err)
			}
			if _, err := stmt.Exec(DatasetTrade, year, string(f.dir), hs2, sector, r["commodity"], v); err != nil {
				return err
			}
		}
	}
	return nil
}

func (l *defaultsLoader) cusmaShares() error {
	rows, err := readCSV(assets.CUSMASectorFile)
	if err != nil {
		return err
	}
	if _, err := l.tx.Exec("INSERT INTO cusma_presets (name, label, dataset, position) VALUES (?, ?, ?, 0)",
		scenarios.DefaultCUSMAPreset, "H2 2025 by sector (USMCA claims, USITC DataWeb via Budget Lab)", DatasetCUSMA); err != nil {
		return err
	}
	l.cusma[scenarios.DefaultCUSMAPreset] = true
	got := map[string]bool{}
	for _, r := range rows {
		v, err := strconv.ParseFloat(r["usmca_share"], 64)
		if err != nil {
			return fmt.Errorf("%s: %w", r["sector_code"], err)
		}
		if _, err := l.tx.Exec("INSERT INTO cusma_shares (preset, sector, share) VALUES (?, ?, ?)",
			scenarios.DefaultCUSMAPreset, r["sector_code"], v); err != nil {
			return fmt.Errorf("%s: %w", r["sector_code"], err)
		}
		got[r["sector_code"]] = true
	}
	for _, s := range l.sectors {
		if !got[s.Code] {
			return fmt.Errorf("no H2 2025 share for sector %s", s.Code)
		}
	}
	months, err := readCSV(assets.CUSMAMonthlyFile)
	if err != nil {
		return err
	}
	for i, r := range months {
		month := r["month"]
		v, err := strconv.ParseFloat(r["usmca_share"], 64)
		if err != nil {
			return fmt.Errorf("%s: %w", month, err)
		}
		label := fmt.Sprintf("%s, all goods: %s (USMCA claims by month)", month, r["usmca_share"])
		if _, err := l.tx.Exec("INSERT INTO cusma_presets (name, label, dataset, position) VALUES (?, ?, ?, ?)",
			month, label, DatasetCUSMAMonth, i+1); err != nil {
			return err
		}
		l.cusma[month] = true
		for _, s := range l.sectors {
			if _, err := l.tx.Exec("INSERT INTO cusma_shares (preset, sector, share) VALUES (?, ?, ?)", month, s.Code, v); err != nil {
				return err
			}
		}
	}
	return nil
}

// elasticities loads preset hauk2012: the sector medians of Hauk (2012); a
// sector without a value takes the median of the other sectors' values and is
// flagged imputed.
func (l *defaultsLoader) elasticities() error {
	rows, err := readCSV(assets.SectorBaselineFile)
	if err != nil {
		return err
	}
	vals := map[string]float64{}
	ns := map[string]int{}
	var known []float64
	for _, r := range rows {
		code := r["sector_code"]
		if s := r["hauk_us_import_demand_elast_median"]; s != "" {
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				return fmt.Errorf("%s: %w", code, err)
			}
			vals[code] = v
			known = append(known, v)
		}
		if n, err := strconv.Atoi(r["hauk_n"]); err == nil {
			ns[code] = n
		}
	}
	if len(known) == 0 {
		return fmt.Errorf("no elasticities in %s", assets.SectorBaselineFile)
	}
	imputed := Median(known)
	if _, err := l.tx.Exec("INSERT INTO elasticity_presets (name, label, dataset, position) VALUES (?, ?, ?, 0)",
		scenarios.DefaultElasticitySet, "Hauk (2012) US import demand elasticities, sector medians", DatasetHauk); err != nil {
		return err
	}
	l.elast[scenarios.DefaultElasticitySet] = true
	for _, s := range l.sectors {
		v, ok := vals[s.Code]
		if !ok {
			v = imputed
		}
		if _, err := l.tx.Exec("INSERT INTO elasticities (preset, sector, value, n, imputed) VALUES (?, ?, ?, ?, ?)",
			scenarios.DefaultElasticitySet, s.Code, v, ns[s.Code], !ok); err != nil {
			return err
		}
	}
	return nil
}

// Median returns the median of vals: for an even count, the mean of the two
// middle values. It returns 0 for no values.
func Median(vals []float64) float64 {
	if len(vals) == 0 {
		return 0
	}
	s := append([]float64(nil), vals...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

type manifest struct {
	About     string `json:"about"`
	Documents []struct {
		ID        string   `json:"id"`
		File      string   `json:"file"`
		Title     string   `json:"title"`
		Publisher string   `json:"publisher"`
		Date      *string  `json:"date"`
		Kind      string   `json:"kind"`
		Topics    []string `json:"topics"`
	} `json:"documents"`
}

func seedManifest() (manifest, error) {
	var m manifest
	b, err := fs.ReadFile(seeds.Files(), seeds.Manifest)
	if err != nil {
		return m, err
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return m, fmt.Errorf("seeds manifest: %w", err)
	}
	return m, nil
}

func (l *defaultsLoader) documents() error {
	m, err := seedManifest()
	if err != nil {
		return err
	}
	for _, d := range m.Documents {
		b, err := fs.ReadFile(seeds.Files(), d.File)
		if err != nil {
			return err
		}
		date := ""
		if d.Date != nil {
			date = *d.Date
		}
		publisher := d.Publisher
		if publisher == "unknown" {
			publisher = ""
		}
		doc := Document{ID: d.ID, Title: d.Title, Publisher: publisher, Date: date, Kind: d.Kind, Topics: d.Topics,
			SourceFile: d.File, Builtin: true}
		if err := insertDocument(l.tx, &doc, string(b), l.now); err != nil {
			return fmt.Errorf("%s: %w", d.ID, err)
		}
		l.docs[d.ID] = string(b)
	}
	return nil
}

// loaderCatalog validates the built-in scenarios against the data being
// loaded.
type loaderCatalog struct{ l *defaultsLoader }

func (c loaderCatalog) SectorKnown(code string) bool {
	for _, s := range c.l.sectors {
		if s.Code == code {
			return true
		}
	}
	return false
}
func (c loaderCatalog) BaselineYearKnown(y int) bool           { return c.l.years[y] }
func (c loaderCatalog) CUSMAPresetKnown(name string) bool      { return c.l.cusma[name] }
func (c loaderCatalog) ElasticityPresetKnown(name string) bool { return c.l.elast[name] }
func (c loaderCatalog) DocumentText(id string) (string, bool) {
	t, ok := c.l.docs[id]
	return t, ok
}

// builtinFile is the shape of assets/builtin.json.
type builtinFile struct {
	About     string `json:"about"`
	Scenarios []struct {
		ID          string         `json:"id"`
		Name        string         `json:"name"`
		Description string         `json:"description"`
		AsOf        string         `json:"as_of"`
		AsOfToday   bool           `json:"as_of_today"`
		AllLibrary  bool           `json:"all_library"`
		Measures    []libraryEntry `json:"measures"`
	} `json:"scenarios"`
}

func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return fmt.Errorf("data after the top-level value")
	}
	return nil
}

func (l *defaultsLoader) builtins() error {
	b, err := fs.ReadFile(assets.Files(), assets.BuiltinFile)
	if err != nil {
		return err
	}
	var f builtinFile
	if err := decodeStrict(b, &f); err != nil {
		return fmt.Errorf("%s: %w", assets.BuiltinFile, err)
	}
	today := scenarios.DateOf(l.w.now())
	for pos, s := range f.Scenarios {
		sc := scenarios.Scenario{Name: s.Name, Description: s.Description, AsOfToday: s.AsOfToday,
			Assumptions: scenarios.DefaultAssumptions()}
		if s.AsOfToday {
			sc.AsOf = today
		} else if sc.AsOf, err = scenarios.ParseDate(s.AsOf); err != nil {
			return fmt.Errorf("scenario %s: as_of: %w", s.ID, err)
		}
		entries := s.Measures
		if s.AllLibrary {
			for _, e := range l.libList {
				if e.Status == "" {
					entries = append(entries, libraryEntry{Library: e.ID})
				}
			}
		}
		for i, e := range entries {
			m, err := l.resolveEntry(e)
			if err != nil {
				return fmt.Errorf("scenario %s: measure %d: %w", s.ID, i, err)
			}
			sc.Measures = append(sc.Measures, m)
		}
		if errs := scenarios.Validate(&sc, loaderCatalog{l}); len(errs) > 0 {
			return fmt.Errorf("scenario %s: %w", s.ID, errs)
		}
		for _, m := range sc.Measures {
			if len(m.Evidence) == 0 {
				return fmt.Errorf("scenario %s: measure %s has no evidence", s.ID, m.ID)
			}
		}
		if err := l.w.writeScenario(l.tx, s.ID, &sc, true, pos, "INSERT"); err != nil {
			return fmt.Errorf("scenario %s: %w", s.ID, err)
		}
	}
	return nil
}

// joinNonEmpty joins the non-empty parts with sep.
func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, strings.TrimSpace(p))
		}
	}
	return strings.Join(out, sep)
}
