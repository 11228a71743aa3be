package charts

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"parley/app/numfmt"
	"parley/scenarios"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// compare is duty at stake by sector for two to four scenarios.
type compare struct {
	dir    scenarios.Direction
	series []compareSeries
	rows   []compareRow // sorted by the largest duty across scenarios
	hidden int          // sectors left out: nothing to show in any scenario
}

// compareSeries is one scenario of a comparison.
type compareSeries struct {
	name  string
	asOf  scenarios.Date
	tot   scenarios.Totals
	color drawing.Color
}

// compareRow is one sector (or "All other") with a flow per scenario.
type compareRow struct {
	code, label string
	others      int
	flows       []scenarios.Flow // by series
}

func (r compareRow) maxDuty() float64 {
	m := math.Inf(-1)
	for _, f := range r.flows {
		m = math.Max(m, f.Duty)
	}
	return m
}

func (r compareRow) upper() bool {
	return slices.ContainsFunc(r.flows, func(f scenarios.Flow) bool { return f.UpperBound })
}

// Compare takes between MinCompare and MaxCompare results.
const (
	MinCompare = 2
	MaxCompare = 4
)

// NewCompare returns the comparison of duty at stake by sector in direction
// dir for 2 to 4 results: grouped horizontal bars, one series per result
// named by Result.Scenario (with the date when two share a name), sectors
// sorted by their largest duty across the results. top works as in
// NewExposure.
func NewCompare(results []scenarios.Result, dir scenarios.Direction, sectors []scenarios.Sector, top int, meta Meta) (*Chart, error) {
	if len(results) < MinCompare || len(results) > MaxCompare {
		return nil, fmt.Errorf("compare chart: need %d to %d scenarios, got %d", MinCompare, MaxCompare, len(results))
	}
	names := newSectorNames(sectors)
	colors := seriesColors()
	series := make([]compareSeries, len(results))
	for i, res := range results {
		series[i] = compareSeries{name: res.Scenario, asOf: res.AsOf, tot: res.Totals[dir.Index()], color: colors[i]}
	}
	uniqueNames(series)

	// One row per sector that any result has, in sector order.
	index := map[string]int{}
	var rows []compareRow
	for i := range results {
		for _, f := range results[i].DirectionFlows(dir) {
			j, ok := index[f.Sector]
			if !ok {
				j = len(rows)
				index[f.Sector] = j
				rows = append(rows, compareRow{code: f.Sector, label: names.labelOf(f.Sector), flows: make([]scenarios.Flow, len(results))})
			}
			rows[j].flows[i] = f
		}
	}
	slices.SortStableFunc(rows, func(a, b compareRow) int { return cmp.Compare(names.rank(a.code), names.rank(b.code)) })
	hidden := 0
	if !meta.AllSectors {
		n := len(rows)
		rows = slices.DeleteFunc(rows, func(r compareRow) bool {
			return !slices.ContainsFunc(r.flows, func(f scenarios.Flow) bool { return !nothing(f) })
		})
		hidden = n - len(rows)
	}
	slices.SortStableFunc(rows, func(a, b compareRow) int { return cmp.Compare(b.maxDuty(), a.maxDuty()) })
	if n := topN(top, len(rows)); n < len(rows) {
		other := compareRow{label: otherLabel(len(rows) - n), others: len(rows) - n, flows: make([]scenarios.Flow, len(results))}
		for _, r := range rows[n:] {
			for i, f := range r.flows {
				other.flows[i].Add(f)
			}
		}
		rows = append(rows[:n:n], other)
	}
	return newChart(Compare, meta, &compare{dir: dir, series: series, rows: rows, hidden: hidden}), nil
}

// uniqueNames makes series names distinct: a repeated name gets its date,
// and a still repeated one its position.
func uniqueNames(series []compareSeries) {
	count := func() map[string]int {
		n := map[string]int{}
		for _, s := range series {
			n[s.name]++
		}
		return n
	}
	n := count()
	for i := range series {
		if n[series[i].name] > 1 && !series[i].asOf.IsZero() {
			series[i].name += " (" + series[i].asOf.String() + ")"
		}
	}
	n = count()
	for i := range series {
		if n[series[i].name] > 1 {
			series[i].name += " #" + strconv.Itoa(i+1)
		}
	}
}

func (c *compare) summary() string {
	s := c.dir.Label() + " · Duty at stake at baseline volumes, by sector, largest first"
	if n := len(c.rows); n > 0 && c.rows[n-1].others > 0 {
		s += " · " + plural(len(c.rows)-1, "largest sector") + " shown"
	}
	return s
}

func (c *compare) legend() []legendItem {
	items := make([]legendItem, len(c.series))
	for i, s := range c.series {
		items[i] = legendItem{label: s.name + ": " + upperMark(s.tot.UpperBound) + money(s.tot.Duty) + " (" + percent(s.tot.EffectiveRate) + ")", kind: legendSwatch, fill: s.color}
	}
	return items
}

func (c *compare) upper() bool {
	return slices.ContainsFunc(c.rows, compareRow.upper)
}

func (c *compare) notes() []string {
	var out []string
	if c.upper() {
		out = append(out, upperBoundNote)
	}
	if c.hidden > 0 && len(c.rows) > 0 {
		out = append(out, hiddenNote(c.hidden))
	}
	return out
}

func (c *compare) empty() string {
	for _, r := range c.rows {
		for _, f := range r.flows {
			if f.Duty != 0 {
				return ""
			}
		}
	}
	dates := map[scenarios.Date]bool{}
	for _, s := range c.series {
		dates[s.asOf] = true
	}
	if len(dates) == 1 {
		return noDuty(c.series[0].asOf)
	}
	return "No duty at stake in these scenarios"
}

func (c *compare) minPlot(cv *canvas) float64 { return rowsPlot(cv, len(c.rows)) }

func (c *compare) draw(cv *canvas, area box) {
	m := cv.m
	k := len(c.series)
	plot := box{area.x0, area.y0 + cv.headBand(), area.x1, area.y1 - cv.axisBand()}
	maxDuty := 0.0
	for _, r := range c.rows {
		maxDuty = math.Max(maxDuty, r.maxDuty())
	}
	unit := unitFor(maxDuty)
	// Bars are k to a row; value labels only when bars are thick enough.
	step := plot.h() / float64(max(len(c.rows), 1))
	group := math.Min(step*0.84, float64(k)*1.5*m.label)
	bar := group / float64(k)
	vfs := cv.barLabel(bar * 0.92)
	labels := make([]string, len(c.rows))
	for i, r := range c.rows {
		labels[i] = r.label
		if vfs == 0 && r.upper() {
			labels[i] += " (≤)"
		}
	}
	rl := cv.layoutRows(labels, plot, 0.38)
	text := make([][]string, len(c.rows))
	labW := 0.0
	for i, r := range c.rows {
		text[i] = make([]string, k)
		for j, f := range r.flows {
			text[i][j] = money(f.Duty)
			if f.UpperBound {
				text[i][j] = numfmt.UpperMark + text[i][j]
			}
			if vfs > 0 {
				labW = math.Max(labW, cv.textWidth(text[i][j], vfs, false))
			}
		}
	}
	end := plot.x1 - labW - 0.6*m.gap
	sample := strconv.Itoa(int(maxDuty/unit.Div)) + ".0"
	a := newAxis(0, maxDuty/unit.Div, rl.plotX, end, ticksFor(end-rl.plotX, cv.tickRoom(sample)))

	cv.drawRows(rl, plot.x1)
	cv.drawXGrid(a, plot.y0, plot.y1)
	cv.drawHeading(rl.plotX, plot.x1, plot.y0, "Duty at stake")
	for i, r := range c.rows {
		top := rl.mid(i) - group/2
		for j, f := range r.flows {
			y0 := top + float64(j)*bar
			y1 := y0 + bar*0.88
			x1 := a.pos(f.Duty / unit.Div)
			cv.rect(a.pos(0), y0, x1, y1, c.series[j].color)
			if vfs > 0 {
				cv.textMiddle(text[i][j], x1+0.4*m.gap, (y0+y1)/2, textStyle{size: vfs, color: colText})
			}
		}
	}
	cv.drawXTicks(a, plot.y1, "Duty at stake, "+unit.Title)
}

func (c *compare) csv() ([]string, [][]string) {
	header := []string{"sector_code", "sector"}
	for _, s := range c.series {
		header = append(header, "duty_usd: "+s.name)
	}
	header = append(header, "upper_bound")
	rows := make([][]string, len(c.rows))
	for i, r := range c.rows {
		row := []string{r.code, r.label}
		var ub []string
		for j, f := range r.flows {
			row = append(row, csvNumber(f.Duty))
			if f.UpperBound {
				ub = append(ub, c.series[j].name)
			}
		}
		rows[i] = append(row, strings.Join(ub, "; "))
	}
	return header, rows
}

func (c *compare) table() (Table, bool) {
	duty := func(r compareRow, j int) float64 { return r.flows[j].Duty }
	return rowsTable(c.rows, c.series, 0, duty, func(s compareSeries) string { return s.name }, "#,##0.0"), true
}

// rowsTable is a horizontal native table of rows, one series for each of
// series from the first on: value(r, j) of row r in series j, in US$,
// written in the unit of the largest absolute value; name names a series.
func rowsTable(rows []compareRow, series []compareSeries, first int, value func(r compareRow, j int) float64,
	name func(compareSeries) string, format string) Table {
	maxAbs := 0.0
	cats := make([]string, len(rows))
	for i, r := range rows {
		cats[i] = r.label
		for j := first; j < len(series); j++ {
			maxAbs = math.Max(maxAbs, math.Abs(value(r, j)))
		}
	}
	unit := unitFor(maxAbs)
	out := make([]Series, 0, len(series)-first)
	for j := first; j < len(series); j++ {
		vals := make([]float64, len(rows))
		for i, r := range rows {
			vals[i] = value(r, j) / unit.Div
		}
		out = append(out, Series{Name: name(series[j]), Values: vals, Color: hexString(series[j].color)})
	}
	return Table{Categories: cats, Series: out, Horizontal: true, ValueTitle: unit.Title, NumberFormat: format}
}
