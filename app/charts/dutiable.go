package charts

import (
	"cmp"
	"math"
	"slices"
	"strconv"

	"parley/scenarios"
)

// dutiable is each sector's baseline trade split into CUSMA-claimed value
// and the rest.
type dutiable struct {
	dir  scenarios.Direction
	rows []sectorRow // sorted by baseline, descending
}

// NewDutiable returns the chart of each sector's baseline trade in
// direction dir split into CUSMA-claimed value, Baseline×CUSMAShare (exempt
// from CUSMA-exempt measures), and the rest, Baseline×(1−CUSMAShare), as
// absolute stacked horizontal bars sorted by baseline, largest first.
func NewDutiable(res scenarios.Result, dir scenarios.Direction, sectors []scenarios.Sector, meta Meta) *Chart {
	return NewDutiableTop(res, dir, sectors, 0, meta)
}

// NewDutiableTop is NewDutiable showing the top sectors with the most
// baseline trade and one "All other (K sectors)" bar summing the rest
// (its CUSMA share the trade-weighted share of those sectors); top works
// as in NewExposure.
func NewDutiableTop(res scenarios.Result, dir scenarios.Direction, sectors []scenarios.Sector, top int, meta Meta) *Chart {
	rows := sectorRows(&res, dir, newSectorNames(sectors))
	slices.SortStableFunc(rows, func(a, b sectorRow) int { return cmp.Compare(b.flow.Baseline, a.flow.Baseline) })
	if n := topN(top, len(rows)); n < len(rows) {
		other := sectorRow{label: otherLabel(len(rows) - n), others: len(rows) - n, flow: scenarios.Flow{Direction: dir}}
		claim := 0.0
		for _, r := range rows[n:] {
			other.flow.Add(r.flow)
			claim += claimed(r.flow)
		}
		if other.flow.Baseline != 0 {
			other.flow.CUSMAShare = claim / other.flow.Baseline
		}
		rows = append(rows[:n:n], other)
	}
	return newChart(Dutiable, meta, &dutiable{dir: dir, rows: rows})
}

func claimed(f scenarios.Flow) float64    { return f.Baseline * f.CUSMAShare }
func notClaimed(f scenarios.Flow) float64 { return f.Baseline * (1 - f.CUSMAShare) }

func (d *dutiable) totals() (base, rest float64) {
	for _, r := range d.rows {
		base += r.flow.Baseline
		rest += notClaimed(r.flow)
	}
	return base, rest
}

func (d *dutiable) summary() string {
	base, rest := d.totals()
	share := 0.0
	if base != 0 {
		share = rest / base
	}
	return d.dir.Label() + " · Baseline trade " + money(base) + ", of which " + money(rest) + " (" + percent(share) + ") not CUSMA-claimed"
}

func (d *dutiable) legend() []legendItem {
	return []legendItem{
		{label: "Not CUSMA-claimed: liable to every measure", kind: legendSwatch, fill: okVermillion},
		{label: "CUSMA-claimed: spared only measures that exempt claims (not Section 232 or 338)", kind: legendSwatch, fill: okSky},
	}
}

func (d *dutiable) notes() []string {
	return []string{"CUSMA-claimed value = baseline trade × the sector's CUSMA claim share used by the scenario. " +
		"A claim spares a good only the measures that exempt CUSMA goods; Section 232 and Section 338 duties apply to claimed goods too, so a claimed sector can still pay duty."}
}

func (d *dutiable) empty() string {
	if base, _ := d.totals(); base == 0 {
		return "No baseline trade " + d.dir.Label()
	}
	return ""
}

func (d *dutiable) minPlot(c *canvas) float64 { return rowsPlot(c, len(d.rows)) }

func (d *dutiable) draw(c *canvas, area box) {
	m := c.m
	plot := c.plotArea(area)
	labels := make([]string, len(d.rows))
	maxBase := 0.0
	for i, r := range d.rows {
		labels[i] = r.label
		maxBase = math.Max(maxBase, r.flow.Baseline)
	}
	unit := unitFor(maxBase)
	rl := c.layoutRows(labels, plot, 0.40)
	thick := math.Min(rl.step*0.68, 1.8*m.label)
	vfs := c.barLabel(thick)
	text := make([]string, len(d.rows))
	for i, r := range d.rows {
		text[i] = money(r.flow.Baseline) + " · " + percent(1-r.flow.CUSMAShare) + " not claimed"
	}
	labW := c.widest(vfs, text...)
	end := plot.x1 - labW - 0.6*m.gap
	sample := strconv.Itoa(int(maxBase/unit.Div)) + ".0"
	a := newAxis(0, maxBase/unit.Div, rl.plotX, end, ticksFor(end-rl.plotX, c.tickRoom(sample)))

	c.drawRows(rl, plot.x1)
	c.drawXGrid(a, plot.y0, plot.y1)
	c.drawHeading(rl.plotX, plot.x1, plot.y0, "Baseline trade by CUSMA claim")
	for i, r := range d.rows {
		y := rl.mid(i)
		y0, y1 := y-thick/2, y+thick/2
		x0 := a.pos(0)
		xr := a.pos(notClaimed(r.flow) / unit.Div)
		xe := a.pos(r.flow.Baseline / unit.Div)
		c.rect(x0, y0, xr, y1, okVermillion)
		c.rect(xr, y0, xe, y1, okSky)
		c.textMiddle(text[i], xe+0.5*m.gap, y, textStyle{size: vfs, color: colText})
	}
	c.drawXTicks(a, plot.y1, "Baseline trade, "+unit.Title)
}

func (d *dutiable) csv() ([]string, [][]string) {
	header := []string{"sector_code", "sector", "baseline_usd", "cusma_share", "cusma_claimed_usd", "not_claimed_usd"}
	rows := make([][]string, len(d.rows))
	for i, r := range d.rows {
		f := r.flow
		rows[i] = []string{r.code, r.label, csvNumber(f.Baseline), csvNumber(f.CUSMAShare), csvNumber(claimed(f)), csvNumber(notClaimed(f))}
	}
	return header, rows
}

func (d *dutiable) table() (Table, bool) {
	maxBase := 0.0
	cats := make([]string, len(d.rows))
	rest := make([]float64, len(d.rows))
	claim := make([]float64, len(d.rows))
	for i, r := range d.rows {
		cats[i] = r.label
		rest[i] = notClaimed(r.flow)
		claim[i] = claimed(r.flow)
		maxBase = math.Max(maxBase, r.flow.Baseline)
	}
	unit := unitFor(maxBase)
	return Table{
		Categories: cats,
		Series: []Series{
			{Name: "Not CUSMA-claimed", Values: scaled(rest, unit.Div), Color: hexString(okVermillion)},
			{Name: "CUSMA-claimed (Section 232, 338 still apply)", Values: scaled(claim, unit.Div), Color: hexString(okSky)},
		},
		Horizontal:   true,
		Stacked:      true,
		ValueTitle:   unit.Title,
		NumberFormat: "#,##0.0",
	}, true
}
