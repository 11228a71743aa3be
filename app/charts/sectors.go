package charts

import (
	"cmp"
	"slices"
	"strconv"

	"parley/app/numfmt"
	"parley/scenarios"
)

// upperBoundNote is the footnote for bars marked as upper bounds.
const upperBoundNote = numfmt.UpperMark + "upper bound: the measure covers only part of the sector; no source gives the share"

// sectorRow is one sector's bar (or the "All other" bar) of a chart.
type sectorRow struct {
	code   string // sector code; "" for "All other"
	label  string
	others int // > 0: the row sums this many sectors
	flow   scenarios.Flow
}

// sectorNames maps sector codes to chart labels, and to their position in
// sectors for a stable order.
type sectorNames struct {
	label map[string]string
	order map[string]int
}

func newSectorNames(sectors []scenarios.Sector) sectorNames {
	n := sectorNames{label: make(map[string]string, len(sectors)), order: make(map[string]int, len(sectors))}
	for i, s := range sectors {
		n.label[s.Code] = s.Label()
		n.order[s.Code] = i
	}
	return n
}

// labelOf returns the label of code, or code itself for an unknown sector.
func (n sectorNames) labelOf(code string) string {
	if l, ok := n.label[code]; ok {
		return l
	}
	return code
}

// rank returns the position of code in the sector list; unknown codes
// come last.
func (n sectorNames) rank(code string) int {
	if i, ok := n.order[code]; ok {
		return i
	}
	return len(n.order)
}

// sectorRows returns the flows of direction dir as rows, in sector order.
func sectorRows(res *scenarios.Result, dir scenarios.Direction, names sectorNames) []sectorRow {
	flows := res.DirectionFlows(dir)
	rows := make([]sectorRow, len(flows))
	for i, f := range flows {
		rows[i] = sectorRow{code: f.Sector, label: names.labelOf(f.Sector), flow: f}
	}
	slices.SortStableFunc(rows, func(a, b sectorRow) int { return cmp.Compare(names.rank(a.code), names.rank(b.code)) })
	return rows
}

// topN reports how many rows to keep of n for a "top" argument: all when
// top <= 0 or top >= n, and when only one row would be left over (a bar
// "All other (1 sector)" would only hide its name).
func topN(top, n int) int {
	if top <= 0 || top >= n-1 {
		return n
	}
	return top
}

// DefaultTop is how many sectors exposure and comparison charts show by
// default in the app, in exported files and in decks: the largest ten,
// then one "All other" bar.
const DefaultTop = 10

// nothing reports whether a flow has nothing to show: no duty at stake and
// no trade effect.
func nothing(f scenarios.Flow) bool {
	return f.Duty == 0 && f.TradeChange == 0 && f.TradeChangeLow == 0 && f.TradeChangeHigh == 0
}

// hiddenNote is the footnote of a chart that leaves out k sectors with
// nothing to show.
func hiddenNote(k int) string {
	what := "sectors with no duty at stake are not shown"
	if k == 1 {
		what = "sector with no duty at stake is not shown"
	}
	return strconv.Itoa(k) + " " + what
}

// otherLabel is the label of the bar that sums k sectors.
func otherLabel(k int) string { return "All other (" + plural(k, "sector") + ")" }

// noDuty returns the message of a chart with no duty at stake on asOf.
func noDuty(asOf scenarios.Date) string {
	if asOf.IsZero() {
		return "No duty at stake"
	}
	return "No duty at stake on " + asOf.String()
}

// upperMark returns "≤ " for a total or value that is an upper bound.
func upperMark(upper bool) string {
	if upper {
		return numfmt.UpperMark
	}
	return ""
}
