package charts

import (
	"math"

	"parley/app/deck"
)

// Table is the data of a native (editable) PowerPoint bar chart: the
// chart a deck draws (deck.Chart). Its categories are listed top to bottom
// for horizontal bars, in the order the picture shows them; its values are
// in the unit of ValueTitle; a series' Labels mark a value that is a bound
// ("≤ 1.3") on its own bar. Title is Meta.Title; DataLabels is the deck's
// choice (report.NativeChart).
type Table = deck.Chart

// Series is one data series of a Table.
type Series = deck.Series

// Table gives the data for a native (editable) PowerPoint chart of the same
// content; ok is false for kinds that have none (pictures, such as the
// leverage chart's two panels).
// Values are in the unit named by ValueTitle (not rounded).
func (c *Chart) Table() (t Table, ok bool) {
	t, ok = c.body.table()
	if ok {
		t.Title = c.Meta.Title
	}
	return t, ok
}

// scaled returns vs divided by div.
func scaled(vs []float64, div float64) []float64 {
	out := make([]float64, len(vs))
	for i, v := range vs {
		out[i] = v / div
	}
	return out
}

// dutyTable is the native chart of one duty-at-stake bar per category, in
// the money unit that suits the largest.
func dutyTable(cats []string, duties []float64) Table {
	maxDuty := 0.0
	for _, v := range duties {
		maxDuty = math.Max(maxDuty, v)
	}
	unit := unitFor(maxDuty)
	return Table{
		Categories:   cats,
		Series:       []Series{{Name: "Duty at stake", Values: scaled(duties, unit.Div), Color: hexString(okBlue)}},
		Horizontal:   true,
		ValueTitle:   unit.Title,
		NumberFormat: "#,##0.0",
	}
}
