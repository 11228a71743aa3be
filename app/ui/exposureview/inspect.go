package exposureview

import (
	"time"

	"fyne.io/fyne/v2/widget"

	"parley/app/report"
	"parley/app/ui/kit"
	"parley/app/ui/present"
	"parley/scenarios"
)

// What the exposure's views show, read by the shell and its tests.

// Table is the sector table; row 0 holds the direction's totals.
func (p *Panel) Table() *kit.SortTable { return p.table }

// Flows are the sectors the table lists, in sector order.
func (p *Panel) Flows() []scenarios.Flow { return p.flows }

// TotalText is the text of column col (0 direction, 1 duty, 2 rate,
// 3 trade effect) of the totals of direction d.
func (p *Panel) TotalText(d scenarios.Direction, col int) string {
	return p.totals[d.Index()][col].Text
}

// Notes is the text of the notes under the table.
func (p *Panel) Notes() string { return p.notes.Text }

// Cost is the text under the totals that says what it costs Canada
// (CostText).
func (p *Panel) Cost() string { return p.cost.label.Text }

// Chart is the panel's chart.
func (p *Panel) Chart() *kit.ChartView { return p.chart }

// NotifyDrawn sends the time from each edit to its redrawn chart on ch,
// without blocking; nil stops.
func (p *Panel) NotifyDrawn(ch chan time.Duration) { p.drawn = ch }

// Drawn is the channel given to NotifyDrawn, or nil.
func (p *Panel) Drawn() chan time.Duration { return p.drawn }

// SetRanges turns the P10–P90 ranges on or off.
func (p *Panel) SetRanges(on bool) { p.when.ranges.SetChecked(on) }

// NotifyRanges sends the key of each finished ranges run on ch, without
// blocking; nil stops.
func (p *Panel) NotifyRanges(ch chan string) {
	p.when.mu.Lock()
	defer p.when.mu.Unlock()
	p.when.computed = ch
}

// WhenControls are the controls of the day the panel is evaluated on: the
// date typed, the next change, back to the scenario's date.
func (p *Panel) WhenControls() (date *widget.Entry, next, back *widget.Button) {
	return p.when.date, p.when.next, p.when.back
}

// WhenMessage says which day the panel shows and the next change.
func (p *Panel) WhenMessage() string { return p.when.message.Text }

// NextChange is the first day after d on which a measure of sc starts or
// ends, or the zero date.
func (p *Panel) NextChange(sc *scenarios.Scenario, d scenarios.Date) scenarios.Date {
	return p.when.nextAfter(sc, d)
}

// Rows are the lines listed, in the table's data order.
func (v *Products) Rows() []scenarios.LineFlow { return v.rows }

// Table is the products table, over Rows.
func (v *Products) Table() *kit.SortTable { return v.table }

// Query is the search field.
func (v *Products) Query() *kit.Field { return v.query }

// Info says what the table lists.
func (v *Products) Info() string { return v.info.Text }

// Detail explains the selected line.
func (v *Products) Detail() string { return v.detail.Text }

// Sector is the sector listed, "" for every sector.
func (v *Products) Sector() string { return v.sector }

// SetDirection lists the lines of direction d.
func (v *Products) SetDirection(d scenarios.Direction) { v.dirSel.SetSelected(present.DirLabel(d)) }

// Reload evaluates the scenario again and lists its lines, as on opening.
func (v *Products) Reload() {
	v.draft = nil
	v.refresh()
}

// LastOpen is how long the last listing took.
func (v *Products) LastOpen() time.Duration { return v.lastOpen }

// Rows are the table's rows of cells (report.ProvinceColumns).
func (v *Provinces) Rows() [][]string { return v.rows }

// Chart makes the chart shown, or is nil.
func (v *Provinces) Chart() kit.ChartMaker { return v.view.Chart() }

// Note is the text above the table.
func (v *Provinces) Note() string { return v.note.Text }

// Request is the chart request of the scenario and direction shown.
func (v *Provinces) Request() report.ChartRequest { return v.request() }
