package kit

// The smallest chart in a panel, in window units: the chart never shrinks
// to a strip; what shares its pane gives way (scrolls).
const (
	MinChartWidth  = 240
	MinChartHeight = 200
)
