package charts

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"parley/app/numfmt"
	"parley/scenarios"
)

// DefaultProducts is the number of lines a products chart shows when its
// Top is 0.
const DefaultProducts = 15

// chapterNote says why a products chart of flows into Canada shows chapters.
const chapterNote = "Flows into Canada are by HS chapter: there is no product-level Canadian import data, so each bar is a whole chapter."

// productsUpperNote is the footnote for lines marked as upper bounds.
const productsUpperNote = numfmt.UpperMark + "upper bound: a measure's product list is more detailed than the line, the line's metal content share is unknown, or the measure's note flags its coverage"

// maxLabelRunes is the longest description a bar label keeps before the
// layout shortens it further to fit.
const maxLabelRunes = 64

// nativeLabelRunes is the longest description a native chart's category
// keeps: PowerPoint gives long categories the room of the bars.
const nativeLabelRunes = 40

// ProductSelection says which lines a products chart shows.
type ProductSelection struct {
	// Direction is the direction of trade.
	Direction scenarios.Direction
	// Sector is the code of the sector whose lines are shown; "" shows the
	// lines of every sector.
	Sector string
	// Sectors give the sector labels.
	Sectors []scenarios.Sector
	// Top is the number of lines shown, largest duty first; 0 shows
	// DefaultProducts.
	Top int
	// ChapterLevel is set when the direction has HS chapter lines only (no
	// product-level data): the chart says so.
	ChapterLevel bool
}

// products is the top trade lines of a sector by duty at stake.
type products struct {
	dir     scenarios.Direction
	asOf    scenarios.Date
	sector  string // code, "" for every sector
	label   string // the sector's label, or "All sectors"
	chapter bool
	rows    []scenarios.LineFlow // shown, largest duty first
	names   sectorNames
	lines   int     // lines with duty in the selection
	duty    float64 // duty of every line with duty in the selection
	base    float64 // baseline trade of the selection
	shown   float64 // duty of the lines shown
}

// NewProducts returns the chart of the trade lines of res (evaluated with
// lines, scenarios.Options.Lines) in one direction and sector with the
// largest duty at stake, as horizontal bars labelled with the line's code
// and description, largest first.
func NewProducts(res scenarios.Result, sel ProductSelection, meta Meta) *Chart {
	names := newSectorNames(sel.Sectors)
	p := &products{dir: sel.Direction, asOf: res.AsOf, sector: sel.Sector, label: "All sectors", chapter: sel.ChapterLevel, names: names}
	if sel.Sector != "" {
		p.label = names.labelOf(sel.Sector)
	}
	var all []scenarios.LineFlow
	for _, l := range res.Lines {
		if l.Direction != sel.Direction || (sel.Sector != "" && l.Sector != sel.Sector) || l.Duty == 0 {
			continue
		}
		all = append(all, l)
		p.duty += l.Duty
	}
	slices.SortStableFunc(all, func(a, b scenarios.LineFlow) int {
		if c := cmp.Compare(b.Duty, a.Duty); c != 0 {
			return c
		}
		return cmp.Compare(a.Code, b.Code)
	})
	p.lines = len(all)
	n := sel.Top
	if n <= 0 {
		n = DefaultProducts
	}
	p.rows = all[:min(n, len(all))]
	for _, r := range p.rows {
		p.shown += r.Duty
	}
	for _, f := range res.DirectionFlows(sel.Direction) {
		if sel.Sector == "" || f.Sector == sel.Sector {
			p.base += f.Baseline
		}
	}
	return newChart(Products, meta, p)
}

// productLabel returns the label of a trade line on a chart: its code as
// schedules print it and its description, shortened to at most maxRunes.
func productLabel(code, description string, maxRunes int) string {
	s := numfmt.HSCode(code)
	if len(code) <= 2 {
		s = "HS " + s
	}
	d := strings.Join(strings.Fields(description), " ")
	if r := []rune(d); len(r) > maxRunes {
		d = strings.TrimRight(string(r[:maxRunes-1]), " ,;:-") + "…"
	}
	if d != "" {
		s += " " + d
	}
	return s
}

// describe returns a line's description, or for a chapter line without
// one its sector's label in parentheses.
func (p *products) describe(l scenarios.LineFlow) string {
	if l.Description == "" && len(l.Code) <= 2 {
		return "(" + p.names.labelOf(l.Sector) + ")"
	}
	return l.Description
}

func (p *products) upper() bool {
	return slices.ContainsFunc(p.rows, func(l scenarios.LineFlow) bool { return l.UpperBound })
}

func (p *products) what() string {
	if p.chapter {
		return "chapter"
	}
	return "line"
}

func (p *products) summary() string {
	what := p.what() + "s"
	if p.lines == 1 {
		what = p.what()
	}
	s := p.dir.Label() + " · " + p.label + ": " + numfmt.Grouped(float64(p.lines), 0) + " " + what + " with duty at stake, " + money(p.duty)
	if p.base > 0 {
		s += " on " + money(p.base) + " of trade (" + percent(p.duty/p.base) + ")"
	}
	if len(p.rows) < p.lines && p.duty > 0 {
		s += " · top " + strconv.Itoa(len(p.rows)) + " shown: " + money(p.shown) + " (" + percent(p.shown/p.duty) + " of the duty)"
	}
	return s
}

func (p *products) legend() []legendItem {
	if !p.upper() {
		return nil // the bars need no key
	}
	return dutyLegend(true, "upper bound")
}

func (p *products) notes() []string {
	var out []string
	if p.chapter {
		out = append(out, chapterNote)
	}
	if p.upper() {
		out = append(out, productsUpperNote)
	}
	return out
}

func (p *products) empty() string {
	if len(p.rows) > 0 {
		return ""
	}
	msg := noDuty(p.asOf)
	if p.sector != "" {
		msg += " in " + p.label
	}
	return msg
}

func (p *products) minPlot(c *canvas) float64 { return rowsPlot(c, len(p.rows)) }

func (p *products) draw(c *canvas, area box) {
	bars := make([]dutyBar, len(p.rows))
	for i, r := range p.rows {
		text := money(r.Duty) + " · " + percent(r.Tariff)
		if r.UpperBound {
			text = numfmt.UpperMark + text
		}
		bars[i] = dutyBar{label: productLabel(r.Code, p.describe(r), maxLabelRunes), text: text, duty: r.Duty, upper: r.UpperBound}
	}
	c.drawDutyBars(area, bars, 0.48, "Duty at stake · tariff on the line", "Duty at stake")
}

func (p *products) csv() ([]string, [][]string) {
	header := []string{"code", "description", "sector_code", "baseline_usd", "cusma_share", "tariff", "duty_usd",
		"trade_change_usd", "trade_change_low_usd", "trade_change_high_usd", "upper_bound"}
	rows := make([][]string, len(p.rows))
	for i, r := range p.rows {
		rows[i] = []string{r.Code, r.Description, r.Sector, csvNumber(r.Baseline), csvNumber(r.CUSMAShare), csvNumber(r.Tariff),
			csvNumber(r.Duty), csvNumber(r.TradeChange), csvNumber(r.TradeChangeLow), csvNumber(r.TradeChangeHigh), strconv.FormatBool(r.UpperBound)}
	}
	return header, rows
}

func (p *products) table() (Table, bool) {
	cats := make([]string, len(p.rows))
	vals := make([]float64, len(p.rows))
	for i, r := range p.rows {
		cats[i] = productLabel(r.Code, p.describe(r), nativeLabelRunes)
		if r.UpperBound {
			cats[i] += " (≤)"
		}
		vals[i] = r.Duty
	}
	return dutyTable(cats, vals), true
}
