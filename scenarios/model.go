package scenarios

import (
	"fmt"
	"math"
)

// Line is one line of baseline trade in one direction: an HS chapter today,
// or a tariff line of an imported dataset, always carrying its sector code.
type Line struct {
	Direction Direction
	Code      string  // HS code of the line
	Sector    string  // sector code
	Value     float64 // trade value, US$
}

// Params are the per-sector parameters of the calculation, aligned with the
// model's sectors.
type Params struct {
	CUSMAShare     [2][]float64 // c(s) by direction index
	Elasticity     []float64    // e(s), absolute import demand elasticity
	BaselineTariff []float64    // t0(s)
}

// ParamSources are the reference values from which Params are resolved.
type ParamSources struct {
	// CUSMAShare is the CUSMA preset for flows into the US; sectors it lacks
	// take 0. Flows into Canada have no share data and take 0.
	CUSMAShare map[string]float64
	// Elasticity is the elasticity preset; every sector must have a value.
	Elasticity map[string]float64
	// Overrides replace values in both directions.
	Overrides Overrides
}

// ResolveParams applies SPEC section 2's rules: the CUSMA preset applies to
// ca_to_us only, overrides replace a sector's value in both directions, and the
// baseline tariff defaults to 0.
func ResolveParams(sectors []Sector, src ParamSources) (Params, error) {
	n := len(sectors)
	p := Params{
		CUSMAShare:     [2][]float64{make([]float64, n), make([]float64, n)},
		Elasticity:     make([]float64, n),
		BaselineTariff: make([]float64, n),
	}
	for i, s := range sectors {
		p.CUSMAShare[CAtoUS.Index()][i] = src.CUSMAShare[s.Code]
		e, ok := src.Elasticity[s.Code]
		if !ok {
			return Params{}, fmt.Errorf("no elasticity for sector %s", s.Code)
		}
		p.Elasticity[i] = e
		if v, ok := src.Overrides.CUSMAShare[s.Code]; ok {
			p.CUSMAShare[0][i], p.CUSMAShare[1][i] = v, v
		}
		if v, ok := src.Overrides.Elasticity[s.Code]; ok {
			p.Elasticity[i] = v
		}
		if v, ok := src.Overrides.BaselineTariff[s.Code]; ok {
			p.BaselineTariff[i] = v
		}
	}
	return p, nil
}

// Model is baseline trade aggregated by sector together with the resolved
// parameters: everything a scenario's measures are evaluated against.
type Model struct {
	Sectors        []Sector
	Baseline       [2][]float64 // V(s) by direction index
	Params                      // c(s), e(s), t0(s)
	ElasticityLow  float64      // multiplier for the low trade effect
	ElasticityHigh float64      // multiplier for the high trade effect
	index          SectorIndex
}

// NewModel sums the trade lines into sector values (the exact sum of each
// sector's lines) and pairs them with params. A line of an unknown sector is
// an error.
func NewModel(sectors []Sector, lines []Line, p Params, low, high float64) (*Model, error) {
	ix := IndexSectors(sectors)
	n := len(sectors)
	if len(p.Elasticity) != n || len(p.BaselineTariff) != n || len(p.CUSMAShare[0]) != n || len(p.CUSMAShare[1]) != n {
		return nil, fmt.Errorf("params cover %d sectors, want %d", len(p.Elasticity), n)
	}
	m := &Model{
		Sectors:        sectors,
		Baseline:       [2][]float64{make([]float64, n), make([]float64, n)},
		Params:         p,
		ElasticityLow:  low,
		ElasticityHigh: high,
		index:          ix,
	}
	for _, l := range lines {
		i, ok := ix[l.Sector]
		if !ok {
			return nil, fmt.Errorf("trade line %s: unknown sector %q", l.Code, l.Sector)
		}
		if l.Direction != CAtoUS && l.Direction != UStoCA {
			return nil, fmt.Errorf("trade line %s: unknown direction %q", l.Code, l.Direction)
		}
		if math.IsNaN(l.Value) || math.IsInf(l.Value, 0) || l.Value < 0 {
			return nil, fmt.Errorf("trade line %s: value %v is not a non-negative number", l.Code, l.Value)
		}
		m.Baseline[l.Direction.Index()][i] += l.Value
	}
	return m, nil
}

// SectorIndex returns the position of the sector with the given code.
func (m *Model) SectorIndex(code string) (int, bool) {
	i, ok := m.index[code]
	return i, ok
}

// WithParams returns a copy of m that shares its baseline but uses p and the
// given elasticity multipliers.
func (m *Model) WithParams(p Params, low, high float64) *Model {
	c := *m
	c.Params = p
	c.ElasticityLow, c.ElasticityHigh = low, high
	return &c
}

// Clone returns a deep copy of m's parameters (the baseline is shared, as it
// is never modified).
func (p Params) Clone() Params {
	return Params{
		CUSMAShare:     [2][]float64{append([]float64(nil), p.CUSMAShare[0]...), append([]float64(nil), p.CUSMAShare[1]...)},
		Elasticity:     append([]float64(nil), p.Elasticity...),
		BaselineTariff: append([]float64(nil), p.BaselineTariff...),
	}
}
