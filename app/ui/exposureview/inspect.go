package exposureview

import (
	"time"

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

// Chart is the panel's chart.
func (p *Panel) Chart() *kit.ChartView { return p.chart }

// NotifyDrawn sends the time from each edit to its redrawn chart on ch,
// without blocking; nil stops.
func (p *Panel) NotifyDrawn(ch chan time.Duration) { p.drawn = ch }

// Drawn is the channel given to NotifyDrawn, or nil.
func (p *Panel) Drawn() chan time.Duration { return p.drawn }

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

// Reload indexes the scenario's lines again, as on opening, and lists
// them when they are (Indexing); it returns v.
func (v *Products) Reload() *Products {
	v.draft, v.model = nil, nil
	v.refresh()
	return v
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
