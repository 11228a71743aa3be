package storage

import (
	"context"
	"fmt"
	"sort"

	"parley/scenarios"
	"parley/storage/refdata"
	"parley/storage/sqlscan"
)

// Preset is a named set of reference values (CUSMA shares or elasticities).
type Preset struct {
	Name    string
	Label   string
	Dataset string // id of the dataset it comes from
	// LineShares says where the preset takes each line's own claim share:
	// "" (the sector's share for every line), scenarios.CUSMALinePreset (the
	// HTS10 line's H2 2025 share) or scenarios.CUSMADatasetPreset (the
	// line's claimed value in its dataset).
	LineShares string
}

// refData is the workspace's reference data, read once and cached: sectors,
// presets and the years of baseline trade. Trade lines are read per year.
type refData struct {
	sectors    []scenarios.Sector
	sectorIx   scenarios.SectorIndex
	years      []int
	cusma      map[string]map[string]float64
	cusmaList  []Preset
	elast      map[string]map[string]float64
	imputed    map[string]map[string]bool
	elastList  []Preset
	lines      map[int][]scenarios.Line
	lineSource map[int]string    // dataset of each year's lines
	chapter    map[string]string // HS2 -> sector code
	products   *refdata.Products // built-in product data, parsed on first use
}

// refs returns the cached reference data, reading it on first use.
func (w *Workspace) refs(ctx context.Context) (*refData, error) {
	return w.refsIn(ctx, w.db)
}

// refsIn is refs reading through q on first use. The reference data is
// written when the workspace is created or its built-in data is brought up
// to date, before it is open for use, so the cache is one state of it.
func (w *Workspace) refsIn(ctx context.Context, q sqlscan.Querier) (*refData, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.ref != nil {
		return w.ref, nil
	}
	r := &refData{
		cusma:      map[string]map[string]float64{},
		elast:      map[string]map[string]float64{},
		imputed:    map[string]map[string]bool{},
		lines:      map[int][]scenarios.Line{},
		lineSource: map[int]string{},
		chapter:    map[string]string{},
	}
	err := sqlscan.Query(ctx, q, "SELECT code, name, short FROM sectors ORDER BY position", func(scan func(...any) error) error {
		var s scenarios.Sector
		if err := scan(&s.Code, &s.Name, &s.Short); err != nil {
			return err
		}
		r.sectors = append(r.sectors, s)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read sectors: %w", err)
	}
	r.sectorIx = scenarios.IndexSectors(r.sectors)
	err = sqlscan.Query(ctx, q, "SELECT hs2, sector FROM sector_chapters ORDER BY hs2", func(scan func(...any) error) error {
		var hs2, code string
		if err := scan(&hs2, &code); err != nil {
			return err
		}
		if i, ok := r.sectorIx[code]; ok {
			r.sectors[i].Chapters = append(r.sectors[i].Chapters, hs2)
		}
		r.chapter[hs2] = code
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read sector chapters: %w", err)
	}

	if err := sqlscan.Query(ctx, q, "SELECT DISTINCT year FROM trade_lines ORDER BY year", func(scan func(...any) error) error {
		var y int
		if err := scan(&y); err != nil {
			return err
		}
		r.years = append(r.years, y)
		return nil
	}); err != nil {
		return nil, fmt.Errorf("read trade years: %w", err)
	}
	if err := r.readPresets(ctx, q); err != nil {
		return nil, err
	}
	w.ref = r
	return r, nil
}

// readPresets reads the CUSMA claim-share presets and the elasticity
// presets.
func (r *refData) readPresets(ctx context.Context, q sqlscan.Querier) error {
	if err := r.readCUSMA(ctx, q); err != nil {
		return err
	}
	return r.readElasticities(ctx, q)
}

// readCUSMA reads the CUSMA claim-share presets and their shares by sector.
func (r *refData) readCUSMA(ctx context.Context, q sqlscan.Querier) error {
	err := sqlscan.Query(ctx, q, "SELECT name, label, dataset, line_shares FROM cusma_presets ORDER BY position", func(scan func(...any) error) error {
		var p Preset
		if err := scan(&p.Name, &p.Label, &p.Dataset, &p.LineShares); err != nil {
			return err
		}
		r.cusmaList = append(r.cusmaList, p)
		r.cusma[p.Name] = map[string]float64{}
		return nil
	})
	if err != nil {
		return fmt.Errorf("read CUSMA presets: %w", err)
	}
	err = sqlscan.Query(ctx, q, "SELECT preset, sector, share FROM cusma_shares", func(scan func(...any) error) error {
		var name, code string
		var v float64
		if err := scan(&name, &code, &v); err != nil {
			return err
		}
		m, ok := r.cusma[name]
		if !ok { // written by another process since the presets were read
			return fmt.Errorf("share of unknown preset %q (the workspace changed while it was read; try again)", name)
		}
		m[code] = v
		return nil
	})
	if err != nil {
		return fmt.Errorf("read CUSMA shares: %w", err)
	}
	return nil
}

// readElasticities reads the elasticity presets and their values by
// sector, and which values are imputed.
func (r *refData) readElasticities(ctx context.Context, q sqlscan.Querier) error {
	err := sqlscan.Query(ctx, q, "SELECT name, label, dataset FROM elasticity_presets ORDER BY position", func(scan func(...any) error) error {
		var p Preset
		if err := scan(&p.Name, &p.Label, &p.Dataset); err != nil {
			return err
		}
		r.elastList = append(r.elastList, p)
		r.elast[p.Name] = map[string]float64{}
		r.imputed[p.Name] = map[string]bool{}
		return nil
	})
	if err != nil {
		return fmt.Errorf("read elasticity presets: %w", err)
	}
	err = sqlscan.Query(ctx, q, "SELECT preset, sector, value, imputed FROM elasticities", func(scan func(...any) error) error {
		var name, code string
		var v float64
		var imputed bool
		if err := scan(&name, &code, &v, &imputed); err != nil {
			return err
		}
		m, ok := r.elast[name]
		if !ok { // written by another process since the presets were read
			return fmt.Errorf("elasticity of unknown preset %q (the workspace changed while it was read; try again)", name)
		}
		m[code] = v
		r.imputed[name][code] = imputed
		return nil
	})
	if err != nil {
		return fmt.Errorf("read elasticities: %w", err)
	}
	return nil
}

// productData returns the built-in product-level data, parsed once.
func (w *Workspace) productData(r *refData) (*refdata.Products, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if r.products != nil {
		return r.products, nil
	}
	p, err := refdata.LoadProducts(r.chapter)
	if err != nil {
		return nil, fmt.Errorf("read the built-in product data: %w", err)
	}
	r.products = p
	return p, nil
}

// cusmaPreset returns the CUSMA preset called name.
func (r *refData) cusmaPreset(name string) (Preset, bool) {
	for _, p := range r.cusmaList {
		if p.Name == name {
			return p, true
		}
	}
	return Preset{}, false
}

// linesFor returns the chapter lines of baseline trade of year, reading them
// once, through q (built-in data, like refsIn's).
func (w *Workspace) linesFor(ctx context.Context, q sqlscan.Querier, r *refData, year int) ([]scenarios.Line, error) {
	w.mu.Lock()
	lines, ok := r.lines[year]
	w.mu.Unlock()
	if ok {
		return lines, nil
	}
	var datasets map[string]bool = map[string]bool{}
	err := sqlscan.Query(ctx, q, "SELECT dataset, direction, code, sector, value_usd FROM trade_lines WHERE year = ? ORDER BY dataset, direction, code", func(scan func(...any) error) error {
		var l scenarios.Line
		var ds, dir string
		if err := scan(&ds, &dir, &l.Code, &l.Sector, &l.Value); err != nil {
			return err
		}
		l.Direction = scenarios.Direction(dir)
		datasets[ds] = true
		lines = append(lines, l)
		return nil
	}, year)
	if err != nil {
		return nil, fmt.Errorf("read trade lines of %d: %w", year, err)
	}
	if len(lines) == 0 {
		return nil, fmt.Errorf("%w: no baseline trade for year %d", ErrNotFound, year)
	}
	names := make([]string, 0, len(datasets))
	for ds := range datasets {
		names = append(names, ds)
	}
	sort.Strings(names)
	w.mu.Lock()
	r.lines[year] = lines
	if len(names) > 0 {
		r.lineSource[year] = names[0]
	}
	w.mu.Unlock()
	return lines, nil
}

// Sectors returns the workspace's sectors in their canonical order.
func (w *Workspace) Sectors() ([]scenarios.Sector, error) {
	r, err := w.refs(context.Background())
	if err != nil {
		return nil, err
	}
	return r.sectors, nil
}

// BaselineYears returns the years with baseline trade.
func (w *Workspace) BaselineYears() ([]int, error) {
	r, err := w.refs(context.Background())
	if err != nil {
		return nil, err
	}
	return r.years, nil
}

// CUSMAPresets returns the CUSMA claim-share presets.
func (w *Workspace) CUSMAPresets() ([]Preset, error) {
	r, err := w.refs(context.Background())
	if err != nil {
		return nil, err
	}
	return r.cusmaList, nil
}

// ElasticityPresets returns the elasticity presets.
func (w *Workspace) ElasticityPresets() ([]Preset, error) {
	r, err := w.refs(context.Background())
	if err != nil {
		return nil, err
	}
	return r.elastList, nil
}

// SectorDefault is a sector's default parameter values under a scenario's
// presets, before overrides, with where they come from.
type SectorDefault struct {
	Sector            string
	CUSMAShare        float64 // flows into the US
	CUSMASource       string  // dataset id
	Elasticity        float64
	ElasticityImputed bool // the preset had no value: median of the others
	ElasticitySource  string
	BaselineTariff    float64 // always 0 by default
}

// SectorDefaults returns every sector's default values under the presets of a.
func (w *Workspace) SectorDefaults(a scenarios.Assumptions) ([]SectorDefault, error) {
	r, err := w.refs(context.Background())
	if err != nil {
		return nil, err
	}
	shares, el, err := r.presets(a)
	if err != nil {
		return nil, err
	}
	cusmaSrc, elSrc := presetDataset(r.cusmaList, a.CUSMAShares), presetDataset(r.elastList, a.Elasticities)
	out := make([]SectorDefault, len(r.sectors))
	for i, s := range r.sectors {
		out[i] = SectorDefault{
			Sector:            s.Code,
			CUSMAShare:        shares[s.Code],
			CUSMASource:       cusmaSrc,
			Elasticity:        el[s.Code],
			ElasticityImputed: r.imputed[a.Elasticities][s.Code],
			ElasticitySource:  elSrc,
		}
	}
	return out, nil
}

// presets returns the CUSMA shares and elasticities of a's presets.
func (r *refData) presets(a scenarios.Assumptions) (shares, elasticities map[string]float64, err error) {
	shares, ok := r.cusma[a.CUSMAShares]
	if !ok {
		return nil, nil, fmt.Errorf("%w: unknown CUSMA share preset %q", ErrNotFound, a.CUSMAShares)
	}
	elasticities, ok = r.elast[a.Elasticities]
	if !ok {
		return nil, nil, fmt.Errorf("%w: unknown elasticity preset %q", ErrNotFound, a.Elasticities)
	}
	return shares, elasticities, nil
}

func presetDataset(list []Preset, name string) string {
	for _, p := range list {
		if p.Name == name {
			return p.Dataset
		}
	}
	return ""
}

// invalidate drops cached reference data after it changed.
func (w *Workspace) invalidate() {
	w.mu.Lock()
	w.ref = nil
	w.mu.Unlock()
}
