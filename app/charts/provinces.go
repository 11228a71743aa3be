package charts

import (
	"slices"
	"strconv"

	"parley/app/numfmt"
	"parley/scenarios"
)

// noRegionLabel labels the lines of a dataset that name no province or state.
const noRegionLabel = "(no province or state)"

// provincesUpperNote is the footnote for provinces marked as upper bounds.
const provincesUpperNote = numfmt.UpperMark + "upper bound: a measure covers some of the province's lines only partly (a product list finer than the line, an unknown metal content share, or a flagged sector)"

// provinces is duty at stake by province or state (a dataset with a region
// column).
type provinces struct {
	dir    scenarios.Direction
	asOf   scenarios.Date
	rows   []scenarios.ProvinceFlow // largest duty first, no region last
	noData bool                     // the direction's lines name no region
	tot    scenarios.ProvinceFlow   // sums of every row
}

// NewProvinces returns the chart of duty at stake by province or state in
// direction dir, from flows (scenarios.Model.RegionFlows), as horizontal
// bars largest first, each labelled with its duty, the tariff on its trade
// and its trade. hasRegions is false when the direction's lines name no
// province or state: the chart then says so.
func NewProvinces(flows []scenarios.ProvinceFlow, dir scenarios.Direction, asOf scenarios.Date, hasRegions bool, meta Meta) *Chart {
	p := &provinces{dir: dir, asOf: asOf, noData: !hasRegions}
	for _, f := range flows {
		if f.Direction != dir {
			continue
		}
		p.rows = append(p.rows, f)
		p.tot.Baseline += f.Baseline
		p.tot.Duty += f.Duty
		p.tot.TradeChange += f.TradeChange
		p.tot.TradeChangeLow += f.TradeChangeLow
		p.tot.TradeChangeHigh += f.TradeChangeHigh
		p.tot.UpperBound = p.tot.UpperBound || f.UpperBound
	}
	return newChart(Provinces, meta, p)
}

// RegionLabel returns how a chart or table names a region ("" is the lines
// without one).
func RegionLabel(r string) string {
	if r == "" {
		return noRegionLabel
	}
	return r
}

func (p *provinces) named() int {
	n := 0
	for _, r := range p.rows {
		if r.Province != "" {
			n++
		}
	}
	return n
}

func (p *provinces) summary() string {
	t := p.tot
	s := p.dir.Label() + " · " + regionCount(p.named()) + " · Duty at stake " + upperMark(t.UpperBound) + money(t.Duty) +
		" on " + money(t.Baseline) + " of trade"
	if t.Baseline > 0 {
		s += " (" + percent(t.Duty/t.Baseline) + ")"
	}
	s += " · Trade effect " + money(t.TradeChange) + " (range " + amount(t.TradeChangeLow) + " to " + amount(t.TradeChangeHigh) + ")"
	if len(p.rows) > 0 && p.rows[0].Province != "" && t.Duty > 0 {
		s += " · " + p.rows[0].Province + " " + percent(p.rows[0].Duty/t.Duty) + " of the duty"
	}
	return s
}

func (p *provinces) upper() bool {
	return slices.ContainsFunc(p.rows, func(r scenarios.ProvinceFlow) bool { return r.UpperBound && r.Duty != 0 })
}

func (p *provinces) legend() []legendItem {
	if !p.upper() {
		return nil // the bars need no key
	}
	return dutyLegend(true, "upper bound")
}

func (p *provinces) notes() []string {
	out := []string{"By province or state as the dataset gives it (province of origin for Canadian exports); the bars sum to the direction's duty at stake."}
	if p.upper() {
		out = append(out, provincesUpperNote)
	}
	return out
}

func (p *provinces) empty() string {
	if p.noData {
		return "No province or state in this direction's trade data: import a dataset with a province column and choose it in the scenario's assumptions"
	}
	for _, r := range p.rows {
		if r.Duty != 0 {
			return ""
		}
	}
	return noDuty(p.asOf)
}

func (p *provinces) minPlot(c *canvas) float64 { return rowsPlot(c, len(p.rows)) }

func (p *provinces) label(r scenarios.ProvinceFlow) string { return RegionLabel(r.Province) }

func (p *provinces) draw(c *canvas, area box) {
	bars := make([]dutyBar, len(p.rows))
	for i, r := range p.rows {
		text := money(r.Duty) + " · " + percent(r.Tariff) + " of " + money(r.Baseline)
		upper := r.UpperBound && r.Duty != 0
		if upper {
			text = numfmt.UpperMark + text
		}
		bars[i] = dutyBar{label: p.label(r), text: text, duty: r.Duty, upper: upper}
	}
	c.drawDutyBars(area, bars, 0.32, "Duty at stake · tariff on the province's trade", "Duty at stake")
}

func (p *provinces) csv() ([]string, [][]string) {
	header := []string{"region", "baseline_usd", "tariff", "duty_usd", "trade_change_usd", "trade_change_low_usd", "trade_change_high_usd",
		"value_after_usd", "duty_collected_usd", "lines", "lines_with_duty", "upper_bound"}
	rows := make([][]string, len(p.rows))
	for i, r := range p.rows {
		rows[i] = []string{r.Province, csvNumber(r.Baseline), csvNumber(r.Tariff), csvNumber(r.Duty), csvNumber(r.TradeChange),
			csvNumber(r.TradeChangeLow), csvNumber(r.TradeChangeHigh), csvNumber(r.ValueAfter), csvNumber(r.DutyCollected),
			strconv.Itoa(r.Lines), strconv.Itoa(r.DutyLines), strconv.FormatBool(r.UpperBound && r.Duty != 0)}
	}
	return header, rows
}

func (p *provinces) table() (Table, bool) {
	cats := make([]string, len(p.rows))
	vals := make([]float64, len(p.rows))
	for i, r := range p.rows {
		cats[i] = p.label(r)
		if r.UpperBound && r.Duty != 0 {
			cats[i] += " (≤)"
		}
		vals[i] = r.Duty
	}
	return dutyTable(cats, vals), true
}

// ProvinceRows returns the rows of a provinces chart for a table in the
// window: region label, trade, duty, tariff and trade effect, each written
// for people. ok is false for other kinds of chart.
func (c *Chart) ProvinceRows() (rows [][]string, ok bool) {
	p, ok := c.body.(*provinces)
	if !ok {
		return nil, false
	}
	for _, r := range p.rows {
		duty := money(r.Duty)
		if r.UpperBound && r.Duty != 0 {
			duty = numfmt.UpperMark + duty
		}
		rows = append(rows, []string{p.label(r), money(r.Baseline), duty, percent(r.Tariff), money(r.TradeChange),
			amount(r.TradeChangeLow) + " to " + amount(r.TradeChangeHigh), numfmt.Grouped(float64(r.Lines), 0)})
	}
	return rows, true
}

// regionCount says how many provinces or states: "1 province or state".
func regionCount(n int) string {
	if n == 1 {
		return "1 province or state"
	}
	return strconv.Itoa(n) + " provinces or states"
}

// MissingRegions reports whether c is a provinces chart whose direction's
// trade lines name no province or state: it can only say there is no data.
func (c *Chart) MissingRegions() bool {
	p, ok := c.body.(*provinces)
	return ok && p.noData
}
