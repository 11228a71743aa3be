package present

import (
	"testing"

	"parley/app/charts"
)

// The window writes an amount as charts do: US$12.5 M is "US$ 12.5 M" in
// both, not "US$ 12 M" in one and "US$ 12.5 M" in the other.
func TestWindowMoneyIsChartMoney(t *testing.T) {
	for _, v := range []float64{12.5e6, 850e6, 4.23e9, 40_400, 950, 0, -1.2e9, 7.5e6, 99.96e6} {
		if got, want := Money(v), charts.Money(v); got != want {
			t.Errorf("Money(%v) = %q in the window, %q on a chart", v, got, want)
		}
	}
	if got := Money(12.5e6); got != "US$ 12.5 M" {
		t.Errorf("Money(12.5e6) = %q, want US$ 12.5 M", got)
	}
}

// Computed rates and shares read in the window as on charts: 6.96% is
// "7.0%" in both, 100% is "100.0%".
func TestWindowFiguresPercentIsChartPercent(t *testing.T) {
	for _, r := range []float64{0.0696, 1, 0.8, 0, 0.0004, -0.125, 0.465} {
		if got, want := FigurePct(r), charts.Percent(r); got != want {
			t.Errorf("FigurePct(%v) = %q in the window, %q on a chart", r, got, want)
		}
	}
}
