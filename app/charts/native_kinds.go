package charts

import (
	"math"
	"strconv"
	"strings"
	"time"

	"parley/app/numfmt"
	"parley/scenarios"
)

// maxTornadoBars is the most assumptions a native sensitivity chart shows:
// more would shrink its labels below what reads when projected. The CSV
// and the speaker notes keep every row.
const maxTornadoBars = 8

// maxTornadoLabel bounds an assumption's name on a native sensitivity
// chart, in characters; the notes and the CSV give it in full.
const maxTornadoLabel = 48

// ellipsize cuts s to n characters at most, ending with "…".
func ellipsize(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// table is the deal as a native chart: per sector what Canada gets and
// what it gives, side by side. A figure that comes from an upper bound
// carries the mark of its own bound in its data label, as compare's
// table does: "≤" at most, "≥" at least, "≈" either way.
func (dl *deal) table() (Table, bool) {
	if len(dl.rows) == 0 {
		return Table{}, false
	}
	maxV := 0.0
	for _, r := range dl.rows {
		maxV = math.Max(maxV, math.Max(math.Abs(r.r.Get), math.Abs(r.r.Give)))
	}
	unit := unitFor(maxV)
	cats := make([]string, len(dl.rows))
	get, give := make([]float64, len(dl.rows)), make([]float64, len(dl.rows))
	getLab, giveLab := make([]string, len(dl.rows)), make([]string, len(dl.rows))
	bound := false
	for i, r := range dl.rows {
		cats[i] = r.label
		get[i], give[i] = r.r.Get/unit.Div, r.r.Give/unit.Div
		// A bar too short to read (0.0 in the chart's unit) keeps no mark.
		if b := r.r.GetBound(); b != scenarios.Exact && math.Abs(get[i]) >= 0.05 {
			getLab[i], bound = numfmt.Marked(b, number(get[i], 1)), true
		}
		if b := r.r.GiveBound(); b != scenarios.Exact && math.Abs(give[i]) >= 0.05 {
			giveLab[i], bound = numfmt.Marked(b, number(give[i], 1)), true
		}
	}
	gs := Series{Name: "Canada gets: US duty relief on its goods", Values: get, Color: hexString(colGet)}
	vs := Series{Name: "Canada gives: fall in its duties on US goods", Values: give, Color: hexString(colGive)}
	if bound {
		gs.Labels, vs.Labels = getLab, giveLab
	}
	return Table{
		Categories:   cats,
		Series:       []Series{gs, vs},
		Horizontal:   true,
		ValueTitle:   unit.Title,
		NumberFormat: "#,##0.0",
	}, true
}

// table is the timeline as a native chart: the effective additional
// tariff rate month by month, in percent, the months in force and those
// scheduled after the as-of date in two colours. The duty at stake of each
// month is in the CSV and the speaker notes.
func (t *timeline) table() (Table, bool) {
	if len(t.pts) == 0 {
		return Table{}, false
	}
	f := t.firstScheduled()
	cats := make([]string, len(t.pts))
	inForce, scheduled := make([]float64, len(t.pts)), make([]float64, len(t.pts))
	for i, p := range t.pts {
		// A label a quarter: the year on January ("’25") and on the
		// first month, the month on April, July and October ("Jul"); 40
		// months' labels would not fit under their columns at 12 pt. A
		// few months are labelled in full; the last month, and a first
		// month just before a quarter's, are not: their label would have
		// one column's room.
		switch m := p.month.Month(); {
		case len(t.pts) < 4:
			cats[i] = monthLabel(p.month)
		case i == len(t.pts)-1 || (i == 0 && m%3 == 0):
		case m == time.January || i == 0:
			cats[i] = "’" + strconv.Itoa(p.month.Year()%100)
		case m%3 == 1:
			cats[i] = m.String()[:3]
		}
		if i < f {
			inForce[i] = 100 * p.tot.EffectiveRate
		} else {
			scheduled[i] = 100 * p.tot.EffectiveRate
		}
	}
	name := "Effective additional tariff rate"
	series := []Series{{Name: name, Values: inForce, Color: hexString(okBlue)}}
	if f < len(t.pts) {
		series[0].Name = "In force to " + t.asOf.String()
		series = append(series, Series{Name: "Scheduled after it", Values: scheduled, Color: hexString(tint(okOrange, 0.3))})
	}
	return Table{
		Categories:   cats,
		Series:       series,
		Stacked:      len(series) > 1, // one bar a month, in one colour or the other
		ValueTitle:   "Effective additional tariff rate, %",
		NumberFormat: "0.0",
	}, true
}

// table is the sensitivity as a native chart: for the assumptions that
// move the duty at stake most, how far it moves from the base when each
// is moved down and up, side by side.
func (t *tornado) table() (Table, bool) {
	var rows []swingRow
	for _, r := range t.rows {
		if r.moves(dutyOf, t.base) && len(rows) < maxTornadoBars {
			rows = append(rows, r)
		}
	}
	if len(rows) == 0 {
		return Table{}, false
	}
	maxV := 0.0
	for _, r := range rows {
		maxV = math.Max(maxV, math.Max(math.Abs(r.low.Duty-t.base.Duty), math.Abs(r.high.Duty-t.base.Duty)))
	}
	unit := unitFor(maxV)
	cats := make([]string, len(rows))
	down, up := make([]float64, len(rows)), make([]float64, len(rows))
	for i, r := range rows {
		cats[i] = ellipsize(r.name, maxTornadoLabel)
		down[i] = (r.low.Duty - t.base.Duty) / unit.Div
		up[i] = (r.high.Duty - t.base.Duty) / unit.Div
	}
	return Table{
		Categories: cats,
		Series: []Series{
			{Name: "Assumption moved down", Values: down, Color: hexString(okBlue)},
			{Name: "Assumption moved up", Values: up, Color: hexString(okOrange)},
		},
		Horizontal:   true,
		ValueTitle:   "Change in duty at stake from the base, " + unit.Title,
		NumberFormat: "#,##0.0",
	}, true
}

// table is the leverage chart as a native chart: per sector the two
// dependences, in percent, side by side (a side the source does not give
// is 0; the notes say which). The duty at stake each way, the picture's
// second panel, is in the summary, the CSV and the speaker notes.
func (lv *leverage) table() (Table, bool) {
	if len(lv.rows) == 0 {
		return Table{}, false
	}
	cats := make([]string, len(lv.rows))
	us, ca := make([]float64, len(lv.rows)), make([]float64, len(lv.rows))
	for i, r := range lv.rows {
		cats[i] = r.label
		if r.l.HasUS {
			us[i] = 100 * r.l.USDependence
		}
		if r.l.HasCA {
			ca[i] = 100 * r.l.CADependence
		}
	}
	return Table{
		Categories: cats,
		Series: []Series{
			{Name: "US dependence on Canada (Canada's share of US imports)", Values: us, Color: hexString(colUSDep)},
			{Name: "Canada's dependence on the US (US share of its exports)", Values: ca, Color: hexString(colCADep)},
		},
		Horizontal:   true,
		ValueTitle:   "Share, %",
		NumberFormat: "0",
	}, true
}
