package charts

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"parley/app/numfmt"
	"parley/scenarios"
)

// delta is the difference in duty at stake by sector between each of one
// to three scenarios and a reference scenario (the first of a comparison).
type delta struct {
	dir    scenarios.Direction
	series []compareSeries // the reference first
	rows   []compareRow    // by the largest absolute difference
	hidden int             // sectors where nothing differs
}

// NewCompareDelta returns the chart of the difference in duty at stake by
// sector in direction dir between each result after the first and the
// first (the reference): diverging horizontal bars, one per scenario and
// sector, right of zero where a scenario puts more duty at stake. Sectors
// are sorted by their largest difference, in absolute value; those where no
// scenario differs from the reference are left out (unless
// meta.AllSectors); top works as in NewExposure. It takes 2 to 4 results.
func NewCompareDelta(results []scenarios.Result, dir scenarios.Direction, sectors []scenarios.Sector, top int, meta Meta) (*Chart, error) {
	base, err := NewCompare(results, dir, sectors, 0, Meta{AllSectors: true})
	if err != nil {
		return nil, err
	}
	c := base.body.(*compare)
	d := &delta{dir: dir, series: c.series, rows: c.rows}
	diff := func(r compareRow) float64 {
		m := 0.0
		for _, f := range r.flows[1:] {
			m = math.Max(m, math.Abs(f.Duty-r.flows[0].Duty))
		}
		return m
	}
	if !meta.AllSectors {
		n := len(d.rows)
		d.rows = slices.DeleteFunc(d.rows, func(r compareRow) bool { return diff(r) == 0 })
		d.hidden = n - len(d.rows)
	}
	slices.SortStableFunc(d.rows, func(a, b compareRow) int { return cmp.Compare(diff(b), diff(a)) })
	if n := topN(top, len(d.rows)); n < len(d.rows) {
		other := compareRow{label: otherLabel(len(d.rows) - n), others: len(d.rows) - n, flows: make([]scenarios.Flow, len(results))}
		for _, r := range d.rows[n:] {
			for i, f := range r.flows {
				other.flows[i].Add(f)
			}
		}
		d.rows = append(d.rows[:n:n], other)
	}
	return newChart(Compare, meta, d), nil
}

// DeltaMark returns how a difference b − a is marked when either figure is
// an upper bound: "≤" when only b is (the difference is at most that), "≥"
// when only a is (at least that), "≈" when both are (it may be either), ""
// when neither is.
func DeltaMark(aUpper, bUpper bool) string {
	return numfmt.Mark(numfmt.DifferenceBound(aUpper, bUpper))
}

// signedMoney formats a difference with its sign: "+US$ 1.2 bn",
// "−US$ 300 M", "US$ 0".
func signedMoney(v float64) string {
	s := money(v)
	if v > 0 && s != "US$ 0" {
		return "+" + s
	}
	return s
}

// mark returns the mark of the difference of series j from the reference
// in row r, with a space, or "".
func (d *delta) mark(r compareRow, j int) string {
	if m := DeltaMark(r.flows[0].UpperBound, r.flows[j].UpperBound); m != "" {
		return m + " "
	}
	return ""
}

func (d *delta) summary() string {
	ref := d.series[0]
	parts := []string{d.dir.Label() + " · Difference in duty at stake from " + ref.name}
	for _, s := range d.series[1:] {
		m := DeltaMark(ref.tot.UpperBound, s.tot.UpperBound)
		if m != "" {
			m += " "
		}
		parts = append(parts, s.name+": "+m+signedMoney(s.tot.Duty-ref.tot.Duty))
	}
	return strings.Join(parts, " · ")
}

func (d *delta) legend() []legendItem {
	items := make([]legendItem, 0, len(d.series)-1)
	for _, s := range d.series[1:] {
		items = append(items, legendItem{label: s.name + " − " + d.series[0].name, kind: legendSwatch, fill: s.color})
	}
	return items
}

func (d *delta) notes() []string {
	var out []string
	upper := false
	for _, r := range d.rows {
		upper = upper || r.upper()
	}
	if upper {
		out = append(out, numfmt.DifferenceNote)
	}
	if d.hidden > 0 && len(d.rows) > 0 {
		what := " sectors where the scenarios do not differ are not shown"
		if d.hidden == 1 {
			what = " sector where the scenarios do not differ is not shown"
		}
		out = append(out, strconv.Itoa(d.hidden)+what)
	}
	return out
}

func (d *delta) empty() string {
	for _, r := range d.rows {
		for _, f := range r.flows[1:] {
			if f.Duty != r.flows[0].Duty {
				return ""
			}
		}
	}
	return "No difference in duty at stake from " + d.series[0].name
}

func (d *delta) minPlot(c *canvas) float64 { return rowsPlot(c, len(d.rows)) }

func (d *delta) draw(c *canvas, area box) {
	m := c.m
	k := len(d.series) - 1
	plot := c.plotArea(area)
	lo, hi := 0.0, 0.0
	for _, r := range d.rows {
		for _, f := range r.flows[1:] {
			v := f.Duty - r.flows[0].Duty
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	unit := unitFor(math.Max(-lo, hi))
	step := plot.h() / float64(max(len(d.rows), 1))
	group := math.Min(step*0.84, float64(k)*1.5*m.label)
	bar := group / float64(k)
	vfs := c.barLabel(bar * 0.92)
	labels := make([]string, len(d.rows))
	for i, r := range d.rows {
		labels[i] = r.label
	}
	rl := c.layoutRows(labels, plot, 0.34)
	text := make([][]string, len(d.rows))
	labW := 0.0
	for i, r := range d.rows {
		text[i] = make([]string, k)
		for j := 1; j <= k; j++ {
			text[i][j-1] = d.mark(r, j) + signedMoney(r.flows[j].Duty-r.flows[0].Duty)
		}
		labW = math.Max(labW, c.widest(vfs, text[i]...))
	}
	p0, p1 := rl.plotX, plot.x1
	if lo < 0 {
		p0 += labW + 0.6*m.gap
	}
	if hi > 0 {
		p1 -= labW + 0.6*m.gap
	}
	sample := minus + strconv.Itoa(int(math.Max(-lo, hi)/unit.Div)) + ".0"
	a := newAxis(lo/unit.Div, hi/unit.Div, p0, p1, ticksFor(p1-p0, c.tickRoom(sample)))

	c.drawRows(rl, plot.x1)
	c.drawXGrid(a, plot.y0, plot.y1)
	c.drawHeading(rl.plotX, plot.x1, plot.y0, "Difference in duty at stake from "+d.series[0].name, "Difference from "+d.series[0].name)
	for i, r := range d.rows {
		d.drawGroup(c, r, text[i], a, unit.Div, rl.mid(i)-group/2, bar, vfs)
	}
	c.drawXTicks(a, plot.y1, "Difference in duty at stake, "+unit.Title)
}

// drawGroup draws row r's differences, one bar of height bar per
// scenario after the first from top, on axis a (in units of div), each
// with its text (labels of size vfs, none at 0).
func (d *delta) drawGroup(c *canvas, r compareRow, text []string, a axis, div, top, bar, vfs float64) {
	zero := a.pos(0)
	for j := 1; j < len(d.series); j++ {
		v := r.flows[j].Duty - r.flows[0].Duty
		y0 := top + float64(j-1)*bar
		y1 := y0 + bar*0.88
		x := a.pos(v / div)
		c.rect(zero, y0, x, y1, d.series[j].color)
		if vfs == 0 {
			continue
		}
		st := textStyle{size: vfs, color: colText}
		lx := x + 0.4*c.m.gap
		if v < 0 {
			st.align = alignRight
			lx = x - 0.4*c.m.gap
		}
		c.textMiddle(text[j-1], lx, (y0+y1)/2, st)
	}
}

func (d *delta) csv() ([]string, [][]string) {
	header := []string{"sector_code", "sector", "duty_usd: " + d.series[0].name}
	for _, s := range d.series[1:] {
		header = append(header, "difference_usd: "+s.name)
	}
	header = append(header, "marks")
	rows := make([][]string, len(d.rows))
	for i, r := range d.rows {
		row := []string{r.code, r.label, csvNumber(r.flows[0].Duty)}
		var marks []string
		for j := 1; j < len(d.series); j++ {
			row = append(row, csvNumber(r.flows[j].Duty-r.flows[0].Duty))
			if mk := DeltaMark(r.flows[0].UpperBound, r.flows[j].UpperBound); mk != "" {
				marks = append(marks, d.series[j].name+" "+mk)
			}
		}
		rows[i] = append(row, strings.Join(marks, "; "))
	}
	return header, rows
}

func (d *delta) table() (Table, bool) {
	diff := func(r compareRow, j int) float64 { return r.flows[j].Duty - r.flows[0].Duty }
	name := func(s compareSeries) string { return s.name + " − " + d.series[0].name }
	return rowsTable(d.rows, d.series, 1, diff, name, "+#,##0.0;−#,##0.0;0"), true
}
