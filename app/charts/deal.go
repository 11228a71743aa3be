package charts

import (
	"cmp"
	"math"
	"slices"
	"strconv"

	"parley/app/numfmt"
	"parley/scenarios"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// deal is what a proposal gets and gives Canada against a baseline.
type deal struct {
	d      scenarios.Deal
	rows   []dealRow // largest |get| + |give| first; "All other" last
	hidden int       // sectors with nothing to show
}

type dealRow struct {
	code, label string
	others      int
	r           scenarios.DealRow
}

func (r dealRow) size() float64 { return math.Abs(r.r.Get) + math.Abs(r.r.Give) }

// Colours of the deal chart: what Canada gets in blue, what it gives in
// orange.
var (
	colGet  = okBlue
	colGive = okOrange
)

// dealDefinition says what get and give are, under the chart.
const dealDefinition = "Gets: US duty relief on Canadian goods (duty at stake into the US under the baseline minus under the proposal). " +
	"Gives: the fall in Canada's duties on US goods (duty at stake into Canada, baseline minus proposal). " +
	"Bars left of zero: duty that rises instead. Amounts below US$50,000 count as nothing in the verdicts."

// NewDeal returns the deal chart of d: per sector, what Canada gets and
// what it gives as diverging bars around zero (a rise in duty points left),
// with the sector's one-line verdict beside them. Sectors are sorted by the
// sum of the two amounts, largest first; sectors with neither are left out
// (a footnote says how many) unless meta.AllSectors; with 0 < top < number
// of sectors it shows the top sectors and one "All other" row summing the
// rest.
func NewDeal(d scenarios.Deal, sectors []scenarios.Sector, top int, meta Meta) *Chart {
	names := newSectorNames(sectors)
	dl := &deal{d: d}
	for _, r := range d.Rows {
		if !meta.AllSectors && math.Abs(r.Get) < scenarios.DealNegligible && math.Abs(r.Give) < scenarios.DealNegligible {
			dl.hidden++
			continue
		}
		dl.rows = append(dl.rows, dealRow{code: r.Sector, label: names.labelOf(r.Sector), r: r})
	}
	slices.SortStableFunc(dl.rows, func(a, b dealRow) int { return cmp.Compare(b.size(), a.size()) })
	if n := topN(top, len(dl.rows)); n < len(dl.rows) {
		other := dealRow{label: otherLabel(len(dl.rows) - n), others: len(dl.rows) - n}
		for _, r := range dl.rows[n:] {
			other.r.Get += r.r.Get
			other.r.Give += r.r.Give
			for i := range other.r.Sides {
				s, o := r.r.Sides[i], &other.r.Sides[i]
				o.DutyA += s.DutyA
				o.DutyB += s.DutyB
				o.TradeA += s.TradeA
				o.TradeB += s.TradeB
				o.UpperBound = o.UpperBound || s.UpperBound
				o.BoundA = o.BoundA || s.BoundA
				o.BoundB = o.BoundB || s.BoundB
			}
		}
		dl.rows = append(dl.rows[:n:n], other)
	}
	return newChart(Deal, meta, dl)
}

func (dl *deal) summary() string {
	t := dl.d.Totals
	us, ca := t.Sides[scenarios.CAtoUS.Index()], t.Sides[scenarios.UStoCA.Index()]
	return "In total Canada " + numfmt.Verdict(t.Verdict()) +
		" · Trade effect into the US " + upperMark(us.BoundA) + amount(us.TradeA) + " → " + upperMark(us.BoundB) + amount(us.TradeB) +
		", into Canada " + upperMark(ca.BoundA) + amount(ca.TradeA) + " → " + upperMark(ca.BoundB) + amount(ca.TradeB) + " (US$, baseline → proposal)"
}

func (dl *deal) legend() []legendItem {
	return []legendItem{
		{label: "Canada gets: US duty relief on its goods", kind: legendSwatch, fill: colGet},
		{label: "Canada gives: fall in its duties on US goods", kind: legendSwatch, fill: colGive},
	}
}

func (dl *deal) notes() []string {
	out := []string{dealDefinition}
	if slices.ContainsFunc(dl.rows, func(r dealRow) bool { return r.r.UpperBound() }) {
		out = append(out, numfmt.BoundsNote)
	}
	if dl.hidden > 0 && len(dl.rows) > 0 {
		what := " sectors where the proposal changes no duty are not shown"
		if dl.hidden == 1 {
			what = " sector where the proposal changes no duty is not shown"
		}
		out = append(out, strconv.Itoa(dl.hidden)+what)
	}
	return out
}

func (dl *deal) empty() string {
	if len(dl.rows) == 0 {
		return "The proposal changes no duty: nothing gained, nothing given"
	}
	return ""
}

func (dl *deal) minPlot(c *canvas) float64 { return rowsPlot(c, len(dl.rows)) }

func (dl *deal) draw(c *canvas, area box) {
	m := c.m
	plot := c.plotArea(area)
	labels := make([]string, len(dl.rows))
	lo, hi := 0.0, 0.0
	for i, r := range dl.rows {
		labels[i] = r.label
		lo = min(lo, r.r.Get, r.r.Give)
		hi = max(hi, r.r.Get, r.r.Give)
	}
	unit := unitFor(math.Max(hi, -lo))
	rl := c.layoutRows(labels, plot, 0.24)
	thick, vfs := c.pairedBars(rl)

	rest := plot.x1 - rl.plotX
	barX1 := rl.plotX + 0.50*rest
	verdictX := barX1 + 1.5*m.gap
	var texts []string
	for _, r := range dl.rows {
		texts = append(texts, numfmt.UpperMark+amount(r.r.Get), numfmt.UpperMark+amount(r.r.Give)) // room for a mark
	}
	labW := c.widest(vfs, texts...)
	x0, x1 := rl.plotX, barX1
	if lo < 0 {
		x0 += labW + 0.6*m.gap
	}
	x1 -= labW + 0.6*m.gap
	sample := strconv.Itoa(int(math.Max(hi, -lo)/unit.Div)) + ".0"
	ax := newAxis(lo/unit.Div, hi/unit.Div, x0, x1, ticksFor(x1-x0, c.tickRoom(minus+sample)))

	c.drawRows(rl, plot.x1)
	c.drawXGrid(ax, plot.y0, plot.y1)
	c.drawHeading(rl.plotX, barX1, plot.y0, "What Canada gets and gives", "Gets and gives")
	c.drawHeading(verdictX, plot.x1, plot.y0, "Verdict", "Verdict")

	for i, r := range dl.rows {
		y := rl.mid(i)
		fill := func(col drawing.Color) drawing.Color {
			if r.others > 0 {
				return tint(col, 0.35)
			}
			return col
		}
		dealBar(c, ax, unit.Div, r.r.Get, y-thick, thick, vfs, r.r.GetBound(), fill(colGet))
		dealBar(c, ax, unit.Div, r.r.Give, y, thick, vfs, r.r.GiveBound(), fill(colGive))
		drawVerdict(c, capitalise(numfmt.Verdict(r.r.Verdict())), verdictX, y, plot.x1-verdictX, math.Min(rl.font, m.value))
	}
	c.drawXTicks(ax, plot.y1, "Gets and gives, "+unit.Title+" a year at baseline volumes")
}

// dealBar draws a bar of v (US$, in units of div on ax) from y0, thick,
// with its amount marked by its bound beside its end (vfs: label size);
// an amount that counts as nothing has no label: the verdict says so.
func dealBar(c *canvas, ax axis, div, v, y0, thick, vfs float64, bound scenarios.Bound, fill drawing.Color) {
	zero, end := ax.pos(0), ax.pos(v/div)
	c.rect(zero, y0, end, y0+thick, fill)
	if math.Abs(v) < scenarios.DealNegligible {
		return
	}
	text := numfmt.Marked(bound, amount(v))
	if v < 0 {
		c.textMiddle(text, end-0.4*c.m.gap, y0+thick/2, textStyle{size: vfs, color: colText, align: alignRight})
		return
	}
	c.textMiddle(text, end+0.4*c.m.gap, y0+thick/2, textStyle{size: vfs, color: colText})
}

// drawVerdict writes a verdict from x in at most two lines of width w,
// centred on y, at font size fs.
func drawVerdict(c *canvas, verdict string, x, y, w, fs float64) {
	lines := c.fonts.wrap(verdict, fs, false, w, 2)
	for j, ln := range lines {
		yy := y + (float64(j)-float64(len(lines)-1)/2)*1.15*fs
		c.textMiddle(ln, x, yy, textStyle{size: fs, color: colText})
	}
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	if r[0] >= 'a' && r[0] <= 'z' {
		r[0] -= 'a' - 'A'
	}
	return string(r)
}

func (dl *deal) csv() ([]string, [][]string) {
	header := []string{"sector_code", "sector", "get_usd", "give_usd",
		"ca_to_us_duty_a_usd", "ca_to_us_duty_b_usd", "ca_to_us_trade_change_a_usd", "ca_to_us_trade_change_b_usd",
		"us_to_ca_duty_a_usd", "us_to_ca_duty_b_usd", "us_to_ca_trade_change_a_usd", "us_to_ca_trade_change_b_usd", "upper_bound",
		"get_upper_bound", "give_upper_bound", "verdict"}
	row := func(code, label string, r scenarios.DealRow) []string {
		us, ca := r.Sides[0], r.Sides[1]
		return []string{code, label, csvNumber(r.Get), csvNumber(r.Give),
			csvNumber(us.DutyA), csvNumber(us.DutyB), csvNumber(us.TradeA), csvNumber(us.TradeB),
			csvNumber(ca.DutyA), csvNumber(ca.DutyB), csvNumber(ca.TradeA), csvNumber(ca.TradeB),
			strconv.FormatBool(r.UpperBound()), strconv.FormatBool(r.GetUpperBound()), strconv.FormatBool(r.GiveUpperBound()), numfmt.Verdict(r.Verdict())}
	}
	rows := make([][]string, 0, len(dl.rows)+1)
	for _, r := range dl.rows {
		rows = append(rows, row(r.code, r.label, r.r))
	}
	rows = append(rows, row("TOTAL", "All sectors", dl.d.Totals))
	return header, rows
}
