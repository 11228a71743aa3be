package exposureview

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app/charts"
	"parley/app/ui/kit"
	"parley/app/ui/present"
	"parley/scenarios"
	pstorage "parley/storage"
)

// exposureDraws is the number of Monte Carlo draws of the exposure panel's
// ranges, with a fixed seed: the same scenario shows the same ranges.
const (
	exposureDraws = 10000
	exposureSeed  = 1
)

// evalDay lets the exposure panel be evaluated on another day than
// the scenario's (a date, or the scenario's next change with one click),
// and show the P10–P90 ranges of a Monte Carlo run. Neither changes the
// scenario.
type evalDay struct {
	p   *Panel
	bar fyne.CanvasObject

	date    *widget.Entry
	next    *widget.Button
	back    *widget.Button
	ranges  *widget.Check
	message *widget.Label

	// on is the day the panel is evaluated on instead of the scenario's
	// own, for scenario id; zero: the scenario's.
	on   scenarios.Date
	id   string
	busy bool

	// The Monte Carlo bands of the result shown: key says which draft
	// and date they are of.
	mu      sync.Mutex
	bands   *scenarios.MonteCarloResult
	key     string
	pending string
	// computed receives the key of each finished run (NotifyRanges).
	computed chan string
	// ranger draws the bands off the UI goroutine.
	ranger *kit.Latest[rangesRequest, rangesResult]
}

func newEvalDay(p *Panel) *evalDay {
	w := &evalDay{p: p}
	w.ranger = kit.NewLatest(p.post, drawRanges, w.rangesDrawn)
	w.date = widget.NewEntry()
	w.date.SetPlaceHolder("YYYY-MM-DD")
	w.date.OnSubmitted = func(s string) { w.evaluateOn(s) }
	w.next = widget.NewButtonWithIcon("Next change", theme.MediaSkipNextIcon(), w.nextChange)
	w.next.Importance = widget.LowImportance
	w.back = widget.NewButtonWithIcon("", theme.HistoryIcon(), func() { w.setDay(scenarios.Date{}) }) // back to the scenario's date
	w.back.Importance = widget.LowImportance
	w.back.Disable()
	w.ranges = widget.NewCheck("Ranges", func(bool) { w.p.Show(w.p.res, w.p.sess.Time()) }) // P10–P90
	w.message = widget.NewLabel("")
	w.message.Truncation = fyne.TextTruncateEllipsis
	w.message.SizeName = theme.SizeNameCaptionText
	dateBox := container.NewGridWrap(fyne.NewSize(118, w.date.MinSize().Height), w.date)
	w.bar = container.NewBorder(nil, nil,
		container.NewHBox(widget.NewLabel("On"), dateBox, w.next, w.back, w.ranges), nil, w.message)
	return w
}

// evalDate returns the day the panel evaluates sc on: the day chosen, or
// the scenario's own. Opening another scenario goes back to its own date.
func (w *evalDay) evalDate(sc *scenarios.Scenario) scenarios.Date {
	if w.id != w.p.sess.Current() {
		w.id, w.on = w.p.sess.Current(), scenarios.Date{}
		w.back.Disable()
	}
	if w.on.IsZero() {
		d := sc.EvalDate()
		if !w.busy {
			w.date.SetText(d.String())
		}
		w.describe(sc, d)
		return d
	}
	w.describe(sc, w.on)
	return w.on
}

// describe says what the panel shows: the scenario's date, or another day.
func (w *evalDay) describe(sc *scenarios.Scenario, d scenarios.Date) {
	next := w.nextAfter(sc, d)
	if next.IsZero() {
		w.next.Disable()
	} else {
		w.next.Enable()
	}
	var msg string
	switch {
	case !w.on.IsZero():
		msg = fmt.Sprintf("Evaluated on %s, not the scenario's date (%s).", d, sc.EvalDate())
	default:
		msg = "The scenario's date."
	}
	if !next.IsZero() {
		msg += " Next change: " + next.String() + "."
	} else {
		msg += " No change scheduled after it."
	}
	w.message.SetText(msg)
}

// nextAfter returns the first day after d on which a measure of sc starts
// or ends, within 50 years, or the zero date.
func (w *evalDay) nextAfter(sc *scenarios.Scenario, d scenarios.Date) scenarios.Date {
	if sc == nil || d.IsZero() {
		return scenarios.Date{}
	}
	ds := sc.ChangeDates(d.AddDays(1), scenarios.NewDate(d.Year()+50, d.Month(), d.Day()))
	if len(ds) == 0 {
		return scenarios.Date{}
	}
	return ds[0]
}

// nextChange evaluates the scenario on its next change after the day
// shown.
func (w *evalDay) nextChange() {
	sess := w.p.sess
	if sess.Draft() == nil {
		return
	}
	if next := w.nextAfter(sess.Draft(), w.p.res.AsOf); !next.IsZero() {
		w.setDay(next)
	}
}

// evaluateOn evaluates the scenario on the day typed.
func (w *evalDay) evaluateOn(s string) {
	s = strings.TrimSpace(s)
	if s == "" {
		w.setDay(scenarios.Date{})
		return
	}
	d, err := scenarios.ParseDate(s)
	if err != nil {
		w.message.SetText(present.Capitalize(err.Error()) + ".")
		return
	}
	w.setDay(d)
}

// setDay shows the scenario on d (zero: its own date) and recomputes.
func (w *evalDay) setDay(d scenarios.Date) {
	w.id, w.on = w.p.sess.Current(), d
	if d.IsZero() {
		w.back.Disable()
	} else {
		w.back.Enable()
		w.busy = true
		w.date.SetText(d.String())
		w.busy = false
	}
	w.p.nav.Recompute()
}

// bandsFor returns the P10–P90 bands of the result shown when ranges are
// on and they are ready; otherwise it starts computing them (on a worker;
// the panel shows them when they arrive) and returns nil.
func (w *evalDay) bandsFor(res scenarios.Result) *scenarios.MonteCarloResult {
	sess := w.p.sess
	if !w.ranges.Checked || sess.Draft() == nil || sess.Model() == nil {
		return nil
	}
	key := fmt.Sprintf("%p|%p|%s", sess.Draft(), sess.Model(), res.AsOf)
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.key == key {
		return w.bands
	}
	if w.pending == key {
		return nil
	}
	w.pending = key
	w.ranger.Submit(rangesRequest{key: key, ws: sess.Workspace(), sc: sess.Draft().Clone(), m: sess.Model(), asOf: res.AsOf})
	return nil
}

// rangesRequest is a draft to draw the ranges of, on a date.
type rangesRequest struct {
	key  string
	ws   *pstorage.Workspace
	sc   scenarios.Scenario
	m    *scenarios.Model
	asOf scenarios.Date
}

// rangesResult is the bands of a rangesRequest.
type rangesResult struct {
	key   string
	bands scenarios.MonteCarloResult
	err   error
}

// drawRanges computes the bands of req; it runs on the worker.
func drawRanges(_ context.Context, req rangesRequest) rangesResult {
	b, _, err := req.ws.MonteCarlo(req.m, &req.sc, req.asOf, exposureDraws, exposureSeed)
	return rangesResult{req.key, b, err}
}

// rangesDrawn shows the newest bands; it runs on the UI goroutine.
func (w *evalDay) rangesDrawn(r rangesResult) {
	key, err := r.key, r.err
	w.mu.Lock()
	if w.pending != key { // a newer run was asked for
		w.mu.Unlock()
		return
	}
	w.pending, w.key, w.bands = "", key, nil
	if err == nil {
		w.bands = &r.bands
	}
	w.mu.Unlock()
	if err != nil {
		w.p.nav.ShowError("compute the ranges", err)
	} else if w.p.sess.Draft() != nil {
		w.p.Show(w.p.res, w.p.sess.Time())
	}
	if w.computed != nil {
		select {
		case w.computed <- key:
		default:
		}
	}
}

// current returns the bands shown, or nil.
func (w *evalDay) current() *scenarios.MonteCarloResult {
	if !w.ranges.Checked {
		return nil
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.bands
}

// rangesColumn is the exposure table's column of the P10–P90 of duty at
// stake (empty while ranges are off or being computed).
func (p *Panel) rangesColumn() kit.Column {
	band := func(r int) (scenarios.Percentiles, bool) {
		b := p.when.current()
		if b == nil {
			return scenarios.Percentiles{}, false
		}
		if r == 0 {
			return b.Totals[p.dir.Index()].Duty, true
		}
		fb, ok := b.Flow(p.dir, p.flows[r-1].Sector)
		return fb.Duty, ok
	}
	return kit.Column{Title: "Duty P10–P90", Width: 190, Align: fyne.TextAlignTrailing,
		Text: func(r int) string {
			if bd, ok := band(r); ok {
				return present.Millions(bd.P10) + " – " + present.Millions(bd.P90)
			}
			return ""
		},
		Key: func(r int) float64 {
			bd, _ := band(r)
			return bd.P90
		}}
}

// rangesNote explains the ranges, when they are shown.
func (w *evalDay) rangesNote() string {
	b := w.current()
	if b == nil {
		if w.ranges.Checked {
			return "Computing the P10–P90 ranges…"
		}
		return ""
	}
	return fmt.Sprintf("P10–P90: the 10th to 90th percentile over %d Monte Carlo draws (seed %d; elasticity ×%g to ×%g). %s",
		b.Draws, b.Seed, w.p.sess.Draft().Assumptions.ElasticityLow, w.p.sess.Draft().Assumptions.ElasticityHigh, charts.RangesCover(b))
}

// EvalDate returns the day the panel evaluates sc on: the day chosen in
// the panel, or the scenario's own.
func (p *Panel) EvalDate(sc *scenarios.Scenario) scenarios.Date { return p.when.evalDate(sc) }
