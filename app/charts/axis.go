package charts

import "math"

// axis maps values in display units onto a pixel range, with ticks on round
// numbers.
type axis struct {
	lo, hi, step float64 // domain and tick step
	p0, p1       float64 // pixels of lo and hi (p1 < p0 for a vertical axis)
}

// newAxis returns an axis whose domain covers [lo, hi] with at most about
// maxTicks intervals between round-numbered ticks (steps 1, 2, 2.5 or 5
// times a power of ten). An empty domain becomes [0, 1].
func newAxis(lo, hi, p0, p1 float64, maxTicks int) axis {
	if lo > hi {
		lo, hi = hi, lo
	}
	if !finite(lo) || !finite(hi) {
		lo, hi = 0, 1
	}
	if hi == lo {
		switch {
		case hi > 0:
			lo = 0
		case hi < 0:
			hi = 0
		default:
			hi = 1
		}
	}
	step := niceStep(hi-lo, maxTicks)
	nlo := math.Floor(lo/step+1e-9) * step
	nhi := math.Ceil(hi/step-1e-9) * step
	if nhi <= nlo {
		nhi = nlo + step
	}
	return axis{lo: nlo, hi: nhi, step: step, p0: p0, p1: p1}
}

// ticksFor returns how many tick intervals fit along length pixels when a
// tick label needs about labelPx pixels.
func ticksFor(length, labelPx float64) int {
	n := int(length / math.Max(labelPx, 1))
	return min(max(n, 2), 10)
}

func niceStep(span float64, maxTicks int) float64 {
	raw := span / float64(max(maxTicks, 1))
	if !(raw > 0) || !finite(raw) {
		return 1
	}
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5} {
		if m*mag >= raw*(1-1e-9) {
			return m * mag
		}
	}
	return 10 * mag
}

// pos returns the pixel position of v.
func (a axis) pos(v float64) float64 {
	return a.p0 + (v-a.lo)/(a.hi-a.lo)*(a.p1-a.p0)
}

// ticks returns the tick values from lo to hi.
func (a axis) ticks() []float64 {
	n := int(math.Round((a.hi - a.lo) / a.step))
	out := make([]float64, 0, n+1)
	for i := 0; i <= n; i++ {
		v := a.lo + float64(i)*a.step
		if math.Abs(v) < a.step*1e-9 {
			v = 0
		}
		out = append(out, v)
	}
	return out
}

// decimals returns the number of decimals that tick labels need.
func (a axis) decimals() int {
	for d := 0; d < 6; d++ {
		x := a.step * math.Pow(10, float64(d))
		if math.Abs(x-math.Round(x)) < 1e-6 {
			return d
		}
	}
	return 6
}

// label formats a tick value.
func (a axis) label(v float64) string {
	if v == 0 {
		return "0"
	}
	return number(v, a.decimals())
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
