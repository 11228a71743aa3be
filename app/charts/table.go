package charts

import "math"

// Table is the data of a native (editable) PowerPoint bar chart.
type Table struct {
	// Title is the chart title (Meta.Title).
	Title string
	// Categories are the category labels, listed top to bottom for
	// horizontal bars, in the order the picture shows them.
	Categories []string
	// Series are the data series, each with one value per category.
	Series []Series
	// Horizontal selects horizontal bars.
	Horizontal bool
	// Stacked stacks the series (absolute values).
	Stacked bool
	// ValueTitle is the value axis title, the unit of the values, e.g.
	// "US$ billions".
	ValueTitle string
	// NumberFormat is the Excel number format of the values, e.g. "#,##0.0".
	NumberFormat string
}

// Series is one data series of a Table.
type Series struct {
	// Name is the legend entry.
	Name string
	// Values are in the unit of Table.ValueTitle, one per category.
	Values []float64
	// Color is the series colour as "RRGGBB".
	Color string
	// Labels, when set, are the data labels' texts, one per value; ""
	// shows the value itself. They mark a value that is an upper bound
	// ("≤ 1.3") on its own bar.
	Labels []string
}

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
		Series:       []Series{{Name: "Duty at stake", Values: scaled(duties, unit.div), Color: hexString(okBlue)}},
		Horizontal:   true,
		ValueTitle:   unit.title,
		NumberFormat: "#,##0.0",
	}
}
