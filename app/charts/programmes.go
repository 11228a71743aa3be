package charts

import (
	"cmp"
	"math"
	"slices"
	"strconv"

	"github.com/wcharczuk/go-chart/v2/drawing"

	"parley/app/numfmt"
	"parley/scenarios"
)

// Programmes is each sector's duty at stake taken apart by legal
// programme (programmes.go): a deck slide, not a kind of the command line.
const Programmes Kind = "programmes"

// The most sectors and programmes a programmes chart shows: more bars or
// colours would not read on a slide. The other sectors are summed in one
// bar, the other programmes in "Other"; the CSV keeps every one.
const (
	MaxProgrammeSectors = 8
	MaxProgrammes       = 6
)

// otherProgramme is the series that sums the programmes not shown.
const otherProgramme = "Other"

// programmeColors colour the programmes shown, by their rank in the order.
var programmeColors = []drawing.Color{okBlue, okOrange, okGreen, okVermillion, okPurple, okSky}

// programmeRow is a sector's bar: its duty by programme.
type programmeRow struct {
	code  string // "" for "All other"
	label string
	sp    scenarios.SectorProgrammes
}

// programmes is duty at stake by sector, stacked by legal programme.
type programmes struct {
	dir    scenarios.Direction
	asOf   scenarios.Date
	rows   []programmeRow // largest duty first; "All other" last
	all    []programmeRow // every sector, for the CSV
	shown  []string       // programmes with a series of their own, in the order's
	colors []int          // by programme shown, its colour's index in programmeColors
	totals map[string]float64
	total  float64
	upper  bool
}

// NewProgrammes returns the chart of each sector's duty at stake in
// direction dir, as scenarios.Model.DutyByProgramme takes it apart, as
// horizontal bars stacked by programme: the MaxProgrammeSectors sectors
// with the most duty, largest first, then one "All other (K sectors)" bar;
// the first MaxProgrammes programmes of order, each in its colour, and
// "Other" for the rest. order ranks the programmes the same way on every
// chart of a deck (scenarios.ProgrammeOrder over all its scenarios), so that a
// programme keeps its colour from slide to slide; nil ranks this chart's
// by their duty. sectors give the labels.
func NewProgrammes(parts []scenarios.SectorProgrammes, dir scenarios.Direction, asOf scenarios.Date, sectors []scenarios.Sector, order []string, meta Meta) *Chart {
	names := newSectorNames(sectors)
	p := &programmes{dir: dir, asOf: asOf, totals: map[string]float64{}}
	for _, sp := range parts {
		if sp.Duty == 0 {
			continue
		}
		p.all = append(p.all, programmeRow{code: sp.Sector, label: names.labelOf(sp.Sector), sp: sp})
		p.total += sp.Duty
		p.upper = p.upper || sp.UpperBound
		for _, d := range sp.Parts {
			p.totals[d.Program] += d.Duty
		}
	}
	slices.SortStableFunc(p.all, func(a, b programmeRow) int { return cmp.Compare(b.sp.Duty, a.sp.Duty) })
	p.rows = slices.Clone(p.all)
	if n := topN(MaxProgrammeSectors, len(p.rows)); n < len(p.rows) {
		other := programmeRow{label: otherLabel(len(p.rows) - n)}
		sums := map[string]float64{}
		for _, r := range p.rows[n:] {
			other.sp.Duty += r.sp.Duty
			other.sp.UpperBound = other.sp.UpperBound || r.sp.UpperBound
			for _, d := range r.sp.Parts {
				sums[d.Program] += d.Duty
			}
		}
		for prog, v := range sums {
			other.sp.Parts = append(other.sp.Parts, scenarios.ProgrammeDuty{Program: prog, Duty: v})
		}
		p.rows = append(p.rows[:n:n], other)
	}
	if order == nil {
		order = scenarios.ProgrammeOrder(parts)
	}
	for i, prog := range order[:min(MaxProgrammes, len(order))] {
		if p.totals[prog] != 0 {
			p.shown = append(p.shown, prog)
			p.colors = append(p.colors, i)
		}
	}
	return newChart(Programmes, meta, p)
}

// series returns the names of the chart's series (programmes, then
// "Other" when some are not shown) and row r's duty in each.
func (p *programmes) series(r programmeRow) []float64 {
	vals := make([]float64, len(p.shown)+1)
	for _, d := range r.sp.Parts {
		if i := slices.Index(p.shown, d.Program); i >= 0 {
			vals[i] += d.Duty
		} else {
			vals[len(p.shown)] += d.Duty
		}
	}
	return vals
}

// hasOther reports whether some programme is summed in "Other".
func (p *programmes) hasOther() bool { return len(p.shown) < len(p.totals) }

func (p *programmes) seriesNames() []string {
	names := make([]string, len(p.shown), len(p.shown)+1)
	for i, prog := range p.shown {
		names[i] = scenarios.ProgrammeLabel(prog)
	}
	if p.hasOther() {
		names = append(names, otherProgramme)
	}
	return names
}

func (p *programmes) color(i int) drawing.Color {
	if i < len(p.shown) {
		return programmeColors[p.colors[i]%len(programmeColors)]
	}
	return colOther
}

func (p *programmes) summary() string {
	return p.dir.Label() + " · Total duty at stake " + upperMark(p.upper) + money(p.total) + " · " + plural(len(p.totals), "programme")
}

func (p *programmes) legend() []legendItem {
	var items []legendItem
	for i, n := range p.seriesNames() {
		items = append(items, legendItem{label: n, kind: legendSwatch, fill: p.color(i)})
	}
	return items
}

func (p *programmes) notes() []string {
	out := []string{"Each bar is a sector's duty at stake: on each line, the duty each measure in force adds, summed by the measure's legal programme. " +
		"A CUSMA claim spares a good only the measures that exempt claims; Section 232 and Section 338 duties apply to claimed goods too."}
	if p.upper {
		out = append(out, upperBoundNote)
	}
	return out
}

func (p *programmes) empty() string {
	if p.total == 0 {
		return noDuty(p.asOf)
	}
	return ""
}

func (p *programmes) minPlot(c *canvas) float64 { return rowsPlot(c, len(p.rows)) }

func (p *programmes) draw(c *canvas, area box) {
	m := c.m
	plot := c.plotArea(area)
	labels := make([]string, len(p.rows))
	text := make([]string, len(p.rows))
	maxDuty := 0.0
	for i, r := range p.rows {
		labels[i] = r.label
		text[i] = numfmt.Bound(money(r.sp.Duty), r.sp.UpperBound)
		maxDuty = math.Max(maxDuty, r.sp.Duty)
	}
	unit := unitFor(maxDuty)
	rl := c.layoutRows(labels, plot, 0.40)
	thick := math.Min(rl.step*0.68, 1.8*m.label)
	vfs := c.barLabel(thick)
	end := plot.x1 - c.widest(vfs, text...) - 0.6*m.gap
	sample := strconv.Itoa(int(maxDuty/unit.Div)) + ".0"
	a := newAxis(0, maxDuty/unit.Div, rl.plotX, end, ticksFor(end-rl.plotX, c.tickRoom(sample)))

	c.drawRows(rl, plot.x1)
	c.drawXGrid(a, plot.y0, plot.y1)
	c.drawHeading(rl.plotX, plot.x1, plot.y0, "Duty at stake by legal programme")
	for i, r := range p.rows {
		y := rl.mid(i)
		x, sum := a.pos(0), 0.0
		for k, v := range p.series(r) {
			if v == 0 {
				continue
			}
			sum += v
			x1 := a.pos(sum / unit.Div)
			c.rect(x, y-thick/2, x1, y+thick/2, p.color(k))
			x = x1
		}
		c.textMiddle(text[i], x+0.5*m.gap, y, textStyle{size: vfs, color: colText})
	}
	c.drawXTicks(a, plot.y1, "Duty at stake, "+unit.Title)
}

// csv gives every sector's duty by every programme, one row each.
func (p *programmes) csv() ([]string, [][]string) {
	header := []string{"sector_code", "sector", "program", "program_label", "duty_usd", "share_of_sector", "upper_bound"}
	var rows [][]string
	for _, r := range p.all {
		for _, d := range r.sp.Parts {
			rows = append(rows, []string{r.code, r.label, d.Program, scenarios.ProgrammeLabel(d.Program), csvNumber(d.Duty),
				csvNumber(r.sp.Share(d.Program)), strconv.FormatBool(r.sp.UpperBound)})
		}
	}
	return header, rows
}

// table is the chart as a native stacked bar chart: one series a
// programme shown, and "Other"; a sector whose duty is an upper bound is
// marked in its label.
func (p *programmes) table() (Table, bool) {
	maxDuty := 0.0
	for _, r := range p.rows {
		maxDuty = math.Max(maxDuty, r.sp.Duty)
	}
	unit := unitFor(maxDuty)
	names := p.seriesNames()
	series := make([]Series, len(names))
	for k, n := range names {
		series[k] = Series{Name: n, Values: make([]float64, len(p.rows)), Color: hexString(p.color(k))}
	}
	cats := make([]string, len(p.rows))
	for i, r := range p.rows {
		cats[i] = r.label
		if r.sp.UpperBound {
			cats[i] += " (≤)"
		}
		for k, v := range p.series(r) {
			if k < len(series) {
				series[k].Values[i] = v / unit.Div
			}
		}
	}
	return Table{
		Categories:   cats,
		Series:       series,
		Horizontal:   true,
		Stacked:      true,
		ValueTitle:   "Duty at stake, " + unit.Title,
		NumberFormat: "#,##0.0",
	}, true
}
