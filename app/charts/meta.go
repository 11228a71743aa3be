package charts

// Meta is what every chart carries besides its data.
type Meta struct {
	// Title is the chart's headline, e.g. "Duty at stake by sector".
	Title string
	// Subtitle names the scenario, date and baseline, e.g. "US 35% on
	// non-CUSMA goods (Aug 2025) · as of 2025-08-15 · baseline 2024 trade".
	Subtitle string
	// Footnote holds the lines printed under the chart: the data source
	// line(s) and the evidence cited. The caller builds them; long lines
	// wrap.
	Footnote []string
	// Compact leaves out the line of key figures and the chart's own notes,
	// for small panels of the app that show them beside the chart.
	Compact bool
	// AllSectors keeps the sectors that have nothing to show (no duty at
	// stake and no trade effect) as rows of exposure and comparison charts.
	// By default they are left out and a footnote says how many.
	AllSectors bool
}
