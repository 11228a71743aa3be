package storage

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"parley/scenarios"
)

// CUSMARanges are the ranges a Monte Carlo run draws the CUSMA claim share
// into the US from: per sector, the lowest and highest monthly share in the
// built-in monthly data, with the months they span.
type CUSMARanges struct {
	Sectors    map[string]scenarios.Range
	First      string // first month, "2025-01"
	Last       string // last month, "2026-02"
	SourceLine string
}

// CUSMARanges returns, per sector, the lowest and highest monthly CUSMA
// claim share of US imports from Canada in the built-in monthly data
// (assets.CUSMASectorMonthlyFile). Sectors with no month in the data have
// no range.
func (w *Workspace) CUSMARanges() (CUSMARanges, error) {
	r, err := w.refs(context.Background())
	if err != nil {
		return CUSMARanges{}, err
	}
	pd, err := w.productData(r)
	if err != nil {
		return CUSMARanges{}, err
	}
	months := make([]string, 0, len(pd.monthly))
	for m := range pd.monthly {
		months = append(months, m)
	}
	slices.Sort(months)
	if len(months) == 0 {
		return CUSMARanges{}, fmt.Errorf("%w: no monthly CUSMA claim shares", ErrNotFound)
	}
	out := CUSMARanges{Sectors: map[string]scenarios.Range{}, First: months[0], Last: months[len(months)-1]}
	for _, m := range months { // in month order: the same ranges whatever the map's order
		for _, s := range r.sectors {
			v, ok := pd.monthly[m][s.Code]
			if !ok {
				continue
			}
			rg, seen := out.Sectors[s.Code]
			if !seen {
				rg = scenarios.Range{Lo: v, Hi: v}
			}
			rg.Lo, rg.Hi = min(rg.Lo, v), max(rg.Hi, v)
			out.Sectors[s.Code] = rg
		}
	}
	out.SourceLine = fmt.Sprintf("Ranges: CUSMA claim share into the US drawn per sector between its lowest and highest monthly share, %s to %s "+
		"(USITC DataWeb via the Budget Lab at Yale's tariff-rate-tracker, monthly HTS10 files summed by sector); "+
		"elasticity multiplier between the scenario's low and high multipliers; rates the user marked uncertain within their ranges.",
		out.First, out.Last)
	return out, nil
}

// MonteCarlo runs the default Monte Carlo of scenario sc on model m (built
// from sc's assumptions) on asOf: the CUSMA shares between their monthly
// extremes, the elasticity between the scenario's low and high multipliers
// and the rates the user marked uncertain.
func (w *Workspace) MonteCarlo(m *scenarios.Model, sc *scenarios.Scenario, asOf scenarios.Date, draws int, seed uint64) (scenarios.Bands, CUSMARanges, error) {
	rg, err := w.CUSMARanges()
	if err != nil {
		return scenarios.Bands{}, CUSMARanges{}, err
	}
	b, err := m.MonteCarlo(sc, asOf, m.Uncertainty(rg.Sectors), draws, seed)
	if err != nil {
		return scenarios.Bands{}, rg, fmt.Errorf("%w: %v", ErrInvalid, strings.TrimPrefix(err.Error(), "monte carlo: "))
	}
	return b, rg, nil
}
