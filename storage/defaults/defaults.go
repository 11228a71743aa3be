// Package defaults loads the data a new workspace starts with, embedded in
// the build, into the workspace's tables inside one transaction: the
// datasets' provenance, the sectors, the trade by HS chapter, the CUSMA and
// elasticity presets, the seed documents, the measure library and the
// built-in scenarios; and upgrades a workspace that holds older defaults.
// It writes scenarios and documents through the Store the workspace gives.
package defaults

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"time"

	"parley/assets"
	"parley/library"
	"parley/scenarios"
	"parley/seeds"
	"parley/storage/refdata"
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
	// Product-level data (docs/SPEC.md section 1).
	DatasetLines2024 = "census-hts10-2024"
	DatasetLines2025 = "dataweb-hts10-2025"
	DatasetListsYale = "product-lists-yale"
	DatasetListsS338 = "product-lists-s338"
	DatasetListsCA   = "product-lists-canada"
	DatasetContent   = "metal-content-bea"
	DatasetPolicy    = "policy-params"
	// Leverage: each side's dependence on the other by HS chapter.
	DatasetLeverage   = "leverage-hs2-2024"
	DatasetUSImports  = "us-imports-hs2-2024"
	DatasetCanadaISED = "canada-trade-hs2-ised"
)

// Version is the version of the embedded defaults this build loads:
// 1 chapter-level data, 2 product-level data and the library on product lists,
// 3 the measures since mid-2026, each measure's status and kind (duty or ban),
// and the proposals on today's regime.
const Version = 3

// Queryer runs a query that returns one row: a database, connection or
// transaction.
type Queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Loaded returns the version of the defaults loaded into the workspace, 0
// for none.
func Loaded(ctx context.Context, q Queryer) (int, error) {
	var v string
	err := q.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = 'defaults'").Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("read workspace state: %w", err)
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, fmt.Errorf("read workspace state: defaults version %q", v)
	}
	return n, nil
}

// Document is a built-in document as the Store inserts it.
type Document struct {
	ID, Title, Publisher, Date, Kind string
	Topics                           []string
	// SourceFile names the file the text was derived from.
	SourceFile string
}

// Store is what the loader needs of the workspace beyond the transaction.
type Store interface {
	// Now is the workspace's clock: the day of a built-in scenario as of
	// today.
	Now() time.Time
	// Timestamp is the workspace's time stamp of now.
	Timestamp() string
	// WriteBuiltinScenario inserts built-in scenario sc as id at position
	// pos of the scenario list.
	WriteBuiltinScenario(tx *sql.Tx, id string, sc *scenarios.Scenario, pos int) error
	// InsertDocument inserts built-in document d with its text body,
	// imported at now.
	InsertDocument(tx *sql.Tx, d Document, body, now string) error
}

// loader loads the embedded defaults inside one transaction.
type loader struct {
	s       Store
	tx      *sql.Tx
	now     string
	sources map[string]refdata.SourceRow
	sectors []scenarios.Sector
	chapter map[string]string // HS2 -> sector code
	docs    map[string]string // id -> body
	cusma   map[string]bool
	elast   map[string]bool
	years   map[int]bool
	libList []library.Entry // the built-in library, in order
	// upgrade is set when the workspace holds older defaults.
	upgrade bool
	lists   scenarios.ProductLists // the built-in product lists, read once
}

// productLists returns the built-in product lists, read once per load.
func (l *loader) productLists() (scenarios.ProductLists, error) {
	if l.lists == nil {
		lists, err := refdata.LoadLists()
		if err != nil {
			return nil, err
		}
		l.lists = lists
	}
	return l.lists, nil
}

// Load loads the embedded defaults in tx, all or nothing: into a
// new workspace (from 0) the datasets, sectors, trade, presets, seed
// documents, the measure library and the built-in scenarios; into one that
// holds defaults of version from, what changed since. An upgrade refreshes the
// provenance, the CUSMA presets and the measure library, and replaces the
// built-in scenarios the user never changed; scenarios the user made or
// changed keep their meaning.
func Load(tx *sql.Tx, from int, s Store) error {
	src, err := refdata.ReadSources()
	if err != nil {
		return fmt.Errorf("read SOURCES.md: %w", err)
	}
	l := &loader{s: s, tx: tx, now: s.Timestamp(), sources: src, chapter: map[string]string{},
		docs: map[string]string{}, cusma: map[string]bool{}, elast: map[string]bool{}, years: map[int]bool{},
		upgrade: from > 0}
	type step struct {
		name string
		fn   func() error
	}
	steps := []step{
		{"datasets", l.datasets},
		{"datasets of the update of 2026-12", l.updateDatasets},
		{"sectors", l.loadSectors},
		{"trade", l.trade},
		{"CUSMA shares", l.cusmaShares},
		{"elasticities", l.elasticities},
		{"seed documents", l.documents},
		{"measure library", l.measureLibrary},
		{"built-in scenarios", l.builtins},
	}
	if l.upgrade {
		steps = []step{
			{"datasets", l.datasets},
			{"datasets of the update of 2026-12", l.updateDatasets},
			{"sectors", l.readSectors},
			{"trade years", l.readYears},
			{"CUSMA shares", l.cusmaShares},
			{"elasticities", l.readElasticityPresets},
			{"seed documents", l.upgradeDocuments},
			{"measure library", l.measureLibrary},
			{"built-in scenarios", l.builtins},
		}
	}
	for _, st := range steps {
		if err := st.fn(); err != nil {
			return fmt.Errorf("%s: %w", st.name, err)
		}
	}
	if l.upgrade {
		_, err = tx.Exec("UPDATE meta SET value = ? WHERE key = 'defaults'", strconv.Itoa(Version))
		return err
	}
	_, err = tx.Exec("INSERT INTO meta (key, value) VALUES ('defaults', ?), ('created_at', ?)", strconv.Itoa(Version), l.now)
	return err
}

// builtinDataset is a dataset of the embedded defaults: cite names the
// SOURCES.md row of the data, when it is not the file's own row;
// derivedFrom the row of the source a derived file was computed from,
// cited after it.
type builtinDataset struct{ id, name, kind, file, cite, derivedFrom string }

// builtinDatasets returns the datasets of the embedded defaults but the
// seed documents.
func builtinDatasets() []builtinDataset {
	return []builtinDataset{
		{DatasetTrade, "US–Canada trade by HS chapter, 2023–2025 (BTS TransBorder)", "trade", assets.TradeFile, "", ""},
		{DatasetSectors, "Parley's 26 negotiation sectors (HS chapter mapping)", "sectors", assets.SectorMappingFile, "", ""},
		{DatasetCUSMA, "USMCA claim shares by sector, H2 2025", "cusma", assets.CUSMASectorFile, "", ""},
		{DatasetCUSMAMonth, "USMCA claim shares, all goods, by month 2025–2026", "cusma", assets.CUSMAMonthlyFile, "", ""},
		// The sector medians sit in sector_baseline_2024.csv; the estimates are Hauk's.
		{DatasetHauk, "US import demand elasticities by sector (Hauk 2012, medians over each sector's HS6 lines)", "elasticity",
			assets.SectorBaselineFile, "derived_hauk2012_us_import_demand_elasticity_hs2_median.csv", ""},
		{DatasetMeasures, "Tariff measures between Canada and the US, 2025–2026", "measures", assets.MeasuresFile, "", ""},
		{DatasetLines2024, "US imports from Canada by HTS10, 2024 (US Census)", "trade",
			"derived_census_us_imports_from_canada_hts10_2024.csv", "products/derived_census_us_imports_from_canada_hts10_2024.csv", ""},
		{DatasetLines2025, "US imports from Canada by HTS10, 2025, with CUSMA claims (USITC DataWeb via Budget Lab)", "trade",
			"derived_dataweb_us_imports_from_canada_hts10_2025.csv", "products/derived_dataweb_us_imports_from_canada_hts10_2025.csv",
			"products/yale/usmca_product_shares_2025_MM.csv (12 months)"},
		{DatasetListsYale, "US product lists: IEEPA carve-outs, Section 232, Section 122 (Budget Lab tariff-rate-tracker)", "lists",
			"fentanyl_carveout_products.csv", "products/yale/fentanyl_carveout_products.csv", ""},
		{DatasetListsS338, "US Section 338 product lists of 2026-07-20 (trade-war-redux)", "lists",
			"canada-338-alcohol.csv", "products/twt/canada-338-alcohol.csv", ""},
		{DatasetListsCA, "Canada's surtax lists of 2025 (trade-war-redux)", "lists",
			"canada-march-list.csv", "products/twt/canada-march-list.csv", ""},
		{DatasetContent, "Metal content shares by HTS10 (BEA input-output, via Budget Lab)", "content",
			"metal_content_shares_bea_hs10.csv", "products/yale/metal_content_shares_bea_hs10.csv", ""},
		{DatasetPolicy, "Tariff tracker parameters (Budget Lab policy_params.yaml)", "parameters",
			"policy_params.yaml", "products/yale/policy_params.yaml", ""},
		{DatasetLeverage, "Leverage by HS chapter, 2024: each side's dependence on the other", "leverage", assets.LeverageFile, "", ""},
		{DatasetUSImports, "US imports from the world and from Canada by HS chapter, 2024 (US Census)", "trade", assets.USImportsWorldFile, "", ""},
		{DatasetCanadaISED, "Canada's trade with the world and the US by HS chapter, 2019–2024 (Statistics Canada via ISED)", "trade", assets.CanadaTradeFile, "", ""},
	}
}

// datasets records the provenance of the embedded datasets, from their
// rows of SOURCES.md, and of the seed documents.
func (l *loader) datasets() error {
	const upsert = `INSERT INTO datasets (id, name, kind, file, source, licence, description, builtin, imported_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, file = excluded.file,
			source = excluded.source, licence = excluded.licence, description = excluded.description`
	for _, d := range builtinDatasets() {
		cite := path.Base(d.file)
		if d.cite != "" {
			cite = d.cite
		}
		row, ok := refdata.SourceFor(l.sources, cite)
		if !ok {
			return fmt.Errorf("%s has no row in SOURCES.md", cite)
		}
		if d.derivedFrom != "" {
			base, ok := refdata.SourceFor(l.sources, d.derivedFrom)
			if !ok {
				return fmt.Errorf("%s has no row in SOURCES.md", d.derivedFrom)
			}
			row.Source = "Derived from " + base.Source
		}
		if _, err := l.tx.Exec(upsert, d.id, d.name, d.kind, path.Base(d.file), row.Source, row.Licence, row.Holds, l.now); err != nil {
			return err
		}
	}
	about, err := SeedManifest()
	if err != nil {
		return err
	}
	_, err = l.tx.Exec(upsert, DatasetSeeds, "Seed evidence documents", "documents", "seeds/manifest.json",
		"Parley seed documents (news, memos, survey answers) and legal texts (proclamations, Federal Register notices)", "", about.About, l.now)
	return err
}

func (l *loader) loadSectors() error {
	rows, err := refdata.ReadTable(assets.SectorMappingFile)
	if err != nil {
		return err
	}
	labels, err := refdata.ReadTable(assets.SectorLabelsFile)
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

func (l *loader) trade() error {
	rows, err := refdata.ReadTable(assets.TradeFile)
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

// cusmaShares loads the CUSMA claim-share presets (docs/SPEC.md section 2): h2-2025
// (each HTS10 line's own H2 2025 share, else its sector's), h2-2025-sector
// (the sector share for every line: what h2-2025 means in format /1), one
// all-goods preset per month, and dataset (each line's own claimed share in
// its dataset, else the sector's H2 2025 share). An upgrade replaces them.
func (l *loader) cusmaShares() error {
	if l.upgrade {
		if _, err := l.tx.Exec("DELETE FROM cusma_presets"); err != nil {
			return err
		}
	}
	sector, err := l.sectorShares()
	if err != nil {
		return err
	}
	pos := 0
	add := func(name, label, dataset, lineShares string, shares func(code string) float64) error {
		if _, err := l.tx.Exec("INSERT INTO cusma_presets (name, label, dataset, position, line_shares) VALUES (?, ?, ?, ?, ?)",
			name, label, dataset, pos, lineShares); err != nil {
			return fmt.Errorf("preset %s: %w", name, err)
		}
		pos++
		l.cusma[name] = true
		for _, s := range l.sectors {
			if _, err := l.tx.Exec("INSERT INTO cusma_shares (preset, sector, share) VALUES (?, ?, ?)", name, s.Code, shares(s.Code)); err != nil {
				return fmt.Errorf("preset %s: %w", name, err)
			}
		}
		return nil
	}
	bySector := func(code string) float64 { return sector[code] }
	if err := add(scenarios.CUSMALinePreset, "H2 2025 by product: each HTS10 line's own claim share, else its sector's (USITC DataWeb via Budget Lab)",
		DatasetLines2025, scenarios.CUSMALinePreset, bySector); err != nil {
		return err
	}
	if err := add(scenarios.CUSMASectorPreset, "H2 2025 by sector (USMCA claims, USITC DataWeb via Budget Lab)",
		DatasetCUSMA, "", bySector); err != nil {
		return err
	}
	months, err := refdata.ReadTable(assets.CUSMAMonthlyFile)
	if err != nil {
		return err
	}
	for _, r := range months {
		month := r["month"]
		v, err := strconv.ParseFloat(r["usmca_share"], 64)
		if err != nil {
			return fmt.Errorf("%s: %w", month, err)
		}
		label := fmt.Sprintf("%s, all goods: %s (USMCA claims by month)", month, r["usmca_share"])
		if err := add(month, label, DatasetCUSMAMonth, "", func(string) float64 { return v }); err != nil {
			return err
		}
	}
	return add(scenarios.CUSMADatasetPreset, "Each line's own claimed share in its dataset, else its sector's H2 2025 share",
		DatasetCUSMA, scenarios.CUSMADatasetPreset, bySector)
}

// sectorShares reads each sector's CUSMA claim share of H2 2025; every
// sector must have one.
func (l *loader) sectorShares() (map[string]float64, error) {
	rows, err := refdata.ReadTable(assets.CUSMASectorFile)
	if err != nil {
		return nil, err
	}
	sector := map[string]float64{}
	for _, r := range rows {
		v, err := strconv.ParseFloat(r["usmca_share"], 64)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", r["sector_code"], err)
		}
		sector[r["sector_code"]] = v
	}
	for _, s := range l.sectors {
		if _, ok := sector[s.Code]; !ok {
			return nil, fmt.Errorf("no H2 2025 share for sector %s", s.Code)
		}
	}
	return sector, nil
}

// elasticities loads preset hauk2012: the sector medians of Hauk (2012); a
// sector without a value takes the median of the other sectors' values and is
// flagged imputed.
func (l *loader) elasticities() error {
	rows, err := refdata.ReadTable(assets.SectorBaselineFile)
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

// Manifest is the seed documents' manifest (seeds.Manifest).
type Manifest struct {
	About     string `json:"about"`
	Documents []struct {
		ID        string   `json:"id"`
		File      string   `json:"file"`
		Title     string   `json:"title"`
		Publisher string   `json:"publisher"`
		Date      *string  `json:"date"`
		Kind      string   `json:"kind"`
		Topics    []string `json:"topics"`
		// SourceFile names the file the text was derived from (a legal
		// text's PDF), when it is not File itself.
		SourceFile string `json:"source_file"`
	} `json:"documents"`
}

// SeedManifest reads the seed documents' manifest.
func SeedManifest() (Manifest, error) {
	var m Manifest
	b, err := fs.ReadFile(seeds.Files(), seeds.Manifest)
	if err != nil {
		return m, err
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return m, fmt.Errorf("seeds manifest: %w", err)
	}
	return m, nil
}

func (l *loader) documents() error {
	return insertBuiltinDocuments(l.tx, l.s, l.now, l.docs)
}

// upgradeDocuments reads the workspace's documents and adds the built-in
// documents it lacks (see insertBuiltinDocuments).
func (l *loader) upgradeDocuments() error {
	if err := l.readDocuments(); err != nil {
		return err
	}
	return insertBuiltinDocuments(l.tx, l.s, l.now, l.docs)
}

// insertBuiltinDocuments inserts in tx each built-in document of the seeds
// manifest whose id is not in have (id -> body), and adds it to have. It
// depends on no version number: a workspace made by any earlier Parley gets
// the built-in documents it lacks, and running it again adds nothing. A
// built-in document already there is left as it is (measures may quote it).
func insertBuiltinDocuments(tx *sql.Tx, s Store, now string, have map[string]string) error {
	m, err := SeedManifest()
	if err != nil {
		return err
	}
	for _, d := range m.Documents {
		if _, ok := have[d.ID]; ok {
			continue
		}
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
		source := d.File
		if d.SourceFile != "" {
			source = d.SourceFile
		}
		doc := Document{ID: d.ID, Title: d.Title, Publisher: publisher, Date: date, Kind: d.Kind, Topics: d.Topics,
			SourceFile: source}
		if err := s.InsertDocument(tx, doc, string(b), now); err != nil {
			return fmt.Errorf("%s: %w", d.ID, err)
		}
		have[d.ID] = string(b)
	}
	return nil
}

// AddDocuments adds the built-in documents a workspace lacks, in tx: for an
// Open that migrates the schema but finds the defaults current.
func AddDocuments(tx *sql.Tx, s Store) error {
	have := map[string]string{}
	rows, err := tx.Query("SELECT id FROM documents")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return err
		}
		have[id] = ""
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return insertBuiltinDocuments(tx, s, s.Timestamp(), have)
}

// loaderCatalog validates the built-in scenarios against the data being
// loaded.
type loaderCatalog struct{ l *loader }

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
func (c loaderCatalog) ListKnown(name string) bool {
	lists, err := c.l.productLists()
	return err == nil && lists[name] != nil
}
func (c loaderCatalog) DatasetKnown(scenarios.Direction, string) bool { return false }

// measureLibrary loads the built-in library pack (assets/library, which
// productsgen writes from assets/library.json and the measures tables):
// each measure with its citations and its row's texts, checked as a
// scenario measure.
func (l *loader) measureLibrary() error {
	lists, err := l.productLists()
	if err != nil {
		return err
	}
	p, entries, err := library.BuiltinEntries(lists, loaderCatalog{l})
	if err != nil {
		return err
	}
	l.libList = entries
	// An upgrade replaces the library by the built-in one, unless the user
	// imported a pack more recent than it: the built-in scenarios are still
	// made from the built-in library.
	if l.upgrade {
		var vintage string
		err := l.tx.QueryRow("SELECT vintage FROM library_pack WHERE id = 1").Scan(&vintage)
		switch {
		case err == nil && vintage > p.Info.Vintage:
			return nil
		case err != nil && !errors.Is(err, sql.ErrNoRows):
			return err
		}
		if _, err := l.tx.Exec("DELETE FROM measure_library"); err != nil {
			return err
		}
		if _, err := l.tx.Exec("DELETE FROM library_pack"); err != nil {
			return err
		}
	}
	for pos, e := range entries {
		pm := &p.Measures[pos]
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

// builtins writes the built-in scenarios (library.BuiltinScenarios); an
// upgrade writes only those replaceable.
func (l *loader) builtins() error {
	list, err := library.BuiltinScenarios(l.libList, scenarios.DateOf(l.s.Now()), loaderCatalog{l})
	if err != nil {
		return err
	}
	for pos := range list {
		s := &list[pos]
		if l.upgrade {
			replace, err := l.replaceable(s.ID, s.Scenario.Name)
			if err != nil {
				return fmt.Errorf("scenario %s: %w", s.ID, err)
			}
			if !replace {
				continue
			}
		}
		if err := l.s.WriteBuiltinScenario(l.tx, s.ID, &s.Scenario, pos); err != nil {
			return fmt.Errorf("scenario %s: %w", s.ID, err)
		}
	}
	return nil
}

// replaceable decides, in an upgrade, whether built-in scenario id is
// written anew: when the workspace lacks it (and its name is free), or holds
// it as shipped, never changed by the user (which it then deletes). A
// scenario the user changed keeps its meaning.
func (l *loader) replaceable(id, name string) (bool, error) {
	var builtin bool
	var created, updated string
	err := l.tx.QueryRow("SELECT builtin, created_at, updated_at FROM scenarios WHERE id = ?", id).Scan(&builtin, &created, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		var n int
		if err := l.tx.QueryRow("SELECT count(*) FROM scenarios WHERE name = ? COLLATE NOCASE", name).Scan(&n); err != nil {
			return false, err
		}
		return n == 0, nil
	}
	if err != nil {
		return false, err
	}
	if !builtin || created != updated {
		return false, nil
	}
	_, err = l.tx.Exec("DELETE FROM scenarios WHERE id = ?", id)
	return err == nil, err
}

// readSectors, readYears, readElasticityPresets and readDocuments fill the
// loader from the workspace in an upgrade, for validating what it writes.
func (l *loader) readSectors() error {
	rows, err := l.tx.Query("SELECT code, name, short FROM sectors ORDER BY position")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var s scenarios.Sector
		if err := rows.Scan(&s.Code, &s.Name, &s.Short); err != nil {
			return err
		}
		l.sectors = append(l.sectors, s)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return l.scan("SELECT hs2, sector FROM sector_chapters", func(scan func(...any) error) error {
		var hs2, code string
		if err := scan(&hs2, &code); err != nil {
			return err
		}
		l.chapter[hs2] = code
		return nil
	})
}

func (l *loader) readYears() error {
	return l.scan("SELECT DISTINCT year FROM trade_lines", func(scan func(...any) error) error {
		var y int
		if err := scan(&y); err != nil {
			return err
		}
		l.years[y] = true
		return nil
	})
}

func (l *loader) readElasticityPresets() error {
	return l.scan("SELECT name FROM elasticity_presets", func(scan func(...any) error) error {
		var n string
		if err := scan(&n); err != nil {
			return err
		}
		l.elast[n] = true
		return nil
	})
}

func (l *loader) readDocuments() error {
	return l.scan("SELECT id, body FROM documents", func(scan func(...any) error) error {
		var id, body string
		if err := scan(&id, &body); err != nil {
			return err
		}
		l.docs[id] = body
		return nil
	})
}

// scan runs a query in the loader's transaction and calls fn for each row.
func (l *loader) scan(query string, fn func(scan func(...any) error) error) error {
	rows, err := l.tx.Query(query)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows.Scan); err != nil {
			return err
		}
	}
	return rows.Err()
}
