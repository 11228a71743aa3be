package scenarios

import (
	"cmp"
	"slices"
)

// LeverageNote says what the leverage figures are not; every chart, table
// and slide that shows them carries it.
const LeverageNote = "The two sides come from different national statistics (US Census for the US, " +
	"Statistics Canada via ISED for Canada) and are not mirror-reconciled."

// ChapterTrade is one HS chapter's row of the leverage data: the US's
// imports (US$, US statistics) and Canada's exports (C$, Canadian
// statistics) of one year. A side the source lacks is marked absent.
type ChapterTrade struct {
	Chapter string // HS2, two digits
	// USImportsWorld and USImportsFromCanada are US imports from the world
	// and from Canada, US$.
	USImportsWorld, USImportsFromCanada float64
	// CAExportsWorld and CAExportsToUS are Canada's total exports and its
	// exports to the US, C$.
	CAExportsWorld, CAExportsToUS float64
	// HasUS and HasCA report whether the source gives each side.
	HasUS, HasCA bool
}

// SectorLeverage is who depends on whom in one sector: the value-weighted
// dependence of each side, from the sector's chapters, and the duty each
// side's measures put at stake under a scenario.
type SectorLeverage struct {
	Sector string
	// The sums over the sector's chapters with data on that side.
	USImportsWorld, USImportsFromCanada float64 // US$
	CAExportsWorld, CAExportsToUS       float64 // C$
	// USDependence is the US's dependence on Canada: Canada's share of US
	// imports, sum of imports from Canada over sum of imports from the
	// world (US$). Valid when HasUS.
	USDependence float64
	// CADependence is Canada's dependence on the US: the US share of
	// Canada's exports, sum of exports to the US over sum of total exports
	// (C$). Valid when HasCA.
	CADependence float64
	HasUS, HasCA bool
	// Missing lists the sector's chapters that the data lacks on either
	// side (e.g. HS 98–99 on Canada's side).
	Missing []string
	// DutyCAtoUS is the duty at stake on Canadian goods entering the US
	// (US measures) and DutyUStoCA on US goods entering Canada (Canada's
	// measures), US$, under the scenario the leverage was joined with.
	DutyCAtoUS, DutyUStoCA float64
	// UpperBound marks a duty that is an upper bound in either direction;
	// UpperBoundCAtoUS and UpperBoundUStoCA say which.
	UpperBound                         bool
	UpperBoundCAtoUS, UpperBoundUStoCA bool
}

// Gap returns Canada's dependence minus the US's: positive where Canada
// needs the US market more than the US needs Canadian supply.
func (s SectorLeverage) Gap() float64 { return s.CADependence - s.USDependence }

// Leverage weights the chapters' figures into sectors (docs/SPEC.md: a sector is
// the exact sum of its chapters): per sector, US dependence on Canada =
// sum of US imports from Canada / sum of US imports from the world, and
// Canada's dependence on the US = sum of Canada's exports to the US / sum of
// Canada's total exports, each over the chapters with data on that side and
// a positive denominator. It returns one row per sector in sector order; a
// side with no data (or a zero denominator) is not valid (HasUS/HasCA
// false). Chapters of no sector are ignored.
func Leverage(sectors []Sector, chapters []ChapterTrade) []SectorLeverage {
	byChapter := make(map[string]ChapterTrade, len(chapters))
	for _, c := range chapters {
		byChapter[c.Chapter] = c
	}
	out := make([]SectorLeverage, len(sectors))
	for i, s := range sectors {
		sl := SectorLeverage{Sector: s.Code}
		var us, ca bool
		for _, ch := range s.Chapters {
			c, ok := byChapter[ch]
			if !ok || !c.HasUS || !c.HasCA {
				sl.Missing = append(sl.Missing, ch)
			}
			if ok && c.HasUS {
				sl.USImportsWorld += c.USImportsWorld
				sl.USImportsFromCanada += c.USImportsFromCanada
				us = true
			}
			if ok && c.HasCA {
				sl.CAExportsWorld += c.CAExportsWorld
				sl.CAExportsToUS += c.CAExportsToUS
				ca = true
			}
		}
		if us && sl.USImportsWorld > 0 {
			sl.USDependence, sl.HasUS = sl.USImportsFromCanada/sl.USImportsWorld, true
		}
		if ca && sl.CAExportsWorld > 0 {
			sl.CADependence, sl.HasCA = sl.CAExportsToUS/sl.CAExportsWorld, true
		}
		out[i] = sl
	}
	return out
}

// LeverageTotal is the same weighting over every chapter of the sectors:
// the dependence of all goods.
func LeverageTotal(rows []SectorLeverage) SectorLeverage {
	t := SectorLeverage{Sector: "TOTAL"}
	for _, r := range rows {
		if r.HasUS {
			t.USImportsWorld += r.USImportsWorld
			t.USImportsFromCanada += r.USImportsFromCanada
		}
		if r.HasCA {
			t.CAExportsWorld += r.CAExportsWorld
			t.CAExportsToUS += r.CAExportsToUS
		}
		t.Missing = append(t.Missing, r.Missing...)
		t.DutyCAtoUS += r.DutyCAtoUS
		t.DutyUStoCA += r.DutyUStoCA
		t.UpperBound = t.UpperBound || r.UpperBound
		t.UpperBoundCAtoUS = t.UpperBoundCAtoUS || r.UpperBoundCAtoUS
		t.UpperBoundUStoCA = t.UpperBoundUStoCA || r.UpperBoundUStoCA
	}
	if t.USImportsWorld > 0 {
		t.USDependence, t.HasUS = t.USImportsFromCanada/t.USImportsWorld, true
	}
	if t.CAExportsWorld > 0 {
		t.CADependence, t.HasCA = t.CAExportsToUS/t.CAExportsWorld, true
	}
	return t
}

// WithDuty returns a copy of rows with each sector's duty at stake each way
// under res (a sector res lacks gets 0).
func WithDuty(rows []SectorLeverage, res *Result) []SectorLeverage {
	out := slices.Clone(rows)
	for i := range out {
		out[i].DutyCAtoUS, out[i].DutyUStoCA = 0, 0
		out[i].UpperBound, out[i].UpperBoundCAtoUS, out[i].UpperBoundUStoCA = false, false, false
		if f, ok := res.Flow(CAtoUS, out[i].Sector); ok {
			out[i].DutyCAtoUS = f.Duty
			out[i].UpperBoundCAtoUS = f.UpperBound && f.Duty != 0
		}
		if f, ok := res.Flow(UStoCA, out[i].Sector); ok {
			out[i].DutyUStoCA = f.Duty
			out[i].UpperBoundUStoCA = f.UpperBound && f.Duty != 0
		}
		out[i].UpperBound = out[i].UpperBoundCAtoUS || out[i].UpperBoundUStoCA
	}
	return out
}

// ByUSDependence returns the rows sorted by the US's dependence on Canada,
// largest first (rows without US data last), ties in their given order.
func ByUSDependence(rows []SectorLeverage) []SectorLeverage {
	out := slices.Clone(rows)
	slices.SortStableFunc(out, func(a, b SectorLeverage) int {
		if a.HasUS != b.HasUS {
			if a.HasUS {
				return -1
			}
			return 1
		}
		return cmp.Compare(b.USDependence, a.USDependence)
	})
	return out
}
