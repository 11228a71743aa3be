package storage

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"parley/scenarios"
)

// CUSMARanges are the ranges a scenario's Monte Carlo run draws the CUSMA
// claim share into the US in: per sector, the lowest and highest monthly
// share in the built-in monthly data over the months when a measure of the
// scenario that depends on claims was in force.
type CUSMARanges struct {
	Sectors map[string]scenarios.Range
	// Months are the months the ranges span (in order); none when no
	// measure of the scenario depends on claims (nothing is drawn).
	Months []string
	// Latest is set when such measures exist but none was in force in a
	// month of the data: the ranges are then the latest month's shares.
	Latest     bool
	SourceLine string
}

// CUSMARanges returns, per sector, the lowest and highest monthly CUSMA
// claim share of US imports from Canada in the built-in monthly data
// (assets.CUSMASectorMonthlyFile) over the months when a measure of sc
// whose duty depends on claims was in force (Scenario.ClaimMonths): the
// months in which shippers claimed under such a measure. When none was in
// force within the data, the latest month; when sc has no such measure,
// no range (the shares do not change its duty). Sectors with no month in
// the data have no range.
func (w *Workspace) CUSMARanges(sc *scenarios.Scenario) (CUSMARanges, error) {
	r, err := w.refs(context.Background())
	if err != nil {
		return CUSMARanges{}, err
	}
	pd, err := w.productData(r)
	if err != nil {
		return CUSMARanges{}, err
	}
	monthly, err := pd.Monthly()
	if err != nil {
		return CUSMARanges{}, err
	}
	all := make([]string, 0, len(monthly))
	for m := range monthly {
		all = append(all, m)
	}
	slices.Sort(all)
	if len(all) == 0 {
		return CUSMARanges{}, fmt.Errorf("%w: no monthly CUSMA claim shares", ErrNotFound)
	}
	out := CUSMARanges{Sectors: map[string]scenarios.Range{}}
	if sc.DependsOnClaims() {
		out.Months = sc.ClaimMonths(all)
		if len(out.Months) == 0 {
			out.Months, out.Latest = all[len(all)-1:], true
		}
	}
	for _, m := range out.Months { // in month order: the same ranges whatever the map's order
		for _, s := range r.sectors {
			v, ok := monthly[m][s.Code]
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
	out.SourceLine = "Ranges: the P10–P90 ranges cover " + out.Covers() + "."
	return out, nil
}

// Covers says which uncertainties and months of CUSMA claims the ranges
// cover and where the monthly shares come from, in one clause.
func (rg CUSMARanges) Covers() string {
	var b strings.Builder
	switch {
	case len(rg.Months) == 0:
		b.WriteString("no claim share (no measure of the scenario depends on CUSMA claims)")
	default:
		months := rg.Months[0]
		if n := len(rg.Months); n > 1 {
			months += " to " + rg.Months[n-1]
			if want := monthsBetween(rg.Months[0], rg.Months[n-1]); want != n {
				months += fmt.Sprintf(" (%d months)", n)
			}
		}
		b.WriteString("the CUSMA claim share into the US within each sector's lowest and highest monthly share of ")
		if rg.Latest {
			b.WriteString(months + ", the latest month of data (no month of data has a measure of the scenario that depends on claims in force)")
		} else {
			b.WriteString(months + ", the months a measure of the scenario that depends on claims was in force")
		}
		b.WriteString(" (USITC DataWeb via the Budget Lab at Yale's tariff-rate-tracker, monthly HTS10 files summed by sector)")
	}
	b.WriteString(", the elasticity multiplier and the rates marked uncertain")
	return b.String()
}

// monthsBetween counts the months from first to last ("2006-01"),
// inclusive; 0 when either does not parse.
func monthsBetween(first, last string) int {
	var y1, m1, y2, m2 int
	if _, err := fmt.Sscanf(first, "%d-%d", &y1, &m1); err != nil {
		return 0
	}
	if _, err := fmt.Sscanf(last, "%d-%d", &y2, &m2); err != nil {
		return 0
	}
	return (y2-y1)*12 + m2 - m1 + 1
}

// MonteCarlo runs the default Monte Carlo of scenario sc on model m (built
// from sc's assumptions) on asOf: the CUSMA shares within their ranges over
// the months its claim-dependent measures were in force (CUSMARanges),
// around each line's own share, the elasticity between the scenario's low
// and high multipliers and the rates the user marked uncertain.
func (w *Workspace) MonteCarlo(m *scenarios.Model, sc *scenarios.Scenario, asOf scenarios.Date, draws int, seed uint64) (scenarios.MonteCarloResult, CUSMARanges, error) {
	rg, err := w.CUSMARanges(sc)
	if err != nil {
		return scenarios.MonteCarloResult{}, CUSMARanges{}, err
	}
	u := m.MonteCarloInputs(rg.Sectors)
	u.CUSMAMonths = rg.Months
	b, err := m.MonteCarlo(sc, asOf, u, draws, seed)
	if err != nil {
		return scenarios.MonteCarloResult{}, rg, fmt.Errorf("%w: %v", ErrInvalid, strings.TrimPrefix(err.Error(), "monte carlo: "))
	}
	return b, rg, nil
}
