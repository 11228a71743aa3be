package report

import (
	"slices"

	"parley/app/charts"
	"parley/app/deck"
)

// maxLabelledBars is the most bars a native chart labels with their
// values; beyond it the labels would crowd each other.
const maxLabelledBars = 30

// NativeChart maps the data of a chart (charts.Chart.Table) to a native,
// editable PowerPoint bar chart: the same categories in the same order,
// the same series, colours, orientation, stacking, unit and number format.
// Bars carry value labels unless there are more than 30 of them; a value
// that is a bound keeps its own label ("≤ 1.3") whatever their number.
func NativeChart(t charts.Table) *deck.Chart {
	c := t // charts.Table is a deck.Chart: copy what it holds
	c.Categories = slices.Clone(t.Categories)
	c.Series = make([]deck.Series, len(t.Series))
	for i, s := range t.Series {
		c.Series[i] = deck.Series{Name: s.Name, Values: slices.Clone(s.Values), Color: s.Color, Labels: slices.Clone(s.Labels), Hidden: s.Hidden}
	}
	bars := len(t.Categories)
	if !t.Stacked {
		bars *= len(t.Series)
	}
	c.DataLabels = bars > 0 && bars <= maxLabelledBars
	return &c
}
