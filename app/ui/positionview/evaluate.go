package positionview

import (
	"context"
	"fmt"
	"slices"

	"parley/scenarios"
	"parley/storage"
)

// positionEval is a refresh's request to evaluate the baseline and the
// proposal on day (zero: each on its own date), and what the worker
// computed: both scenarios, the deal, and the leverage with the baseline's
// duty (lev and levSrc come in as last read, read again when nil).
type positionEval struct {
	run int
	ids [2]string
	day scenarios.Date
	ws  *storage.Workspace

	scs    [2]*scenarios.Scenario
	models [2]*scenarios.Model
	names  [2]string
	res    [2]scenarios.Result
	srcs   []string
	deal   scenarios.Deal
	lev    []scenarios.SectorLeverage
	levSrc []string
	// err is why it could not; failed, when set, is what failed, for an
	// error dialog (else err is the user's to fix, said in the message).
	err    error
	failed string
}

// evaluatePosition evaluates the two scenarios of e, scores the deal and
// adds the baseline's duty to the leverage; it runs on the worker.
func evaluatePosition(_ context.Context, e positionEval) positionEval {
	e.srcs = nil
	for i, id := range e.ids {
		ev, err := e.ws.Evaluate(id, storage.EvalOptions{AsOf: e.day, Sources: true})
		if err != nil {
			e.err, e.failed = err, "compute the scenario"
			return e
		}
		e.scs[i], e.models[i], e.names[i], e.res[i] = ev.Scenario, ev.Model, ev.Scenario.Name, ev.Result
		for _, l := range ev.Sources {
			if !slices.Contains(e.srcs, l) {
				e.srcs = append(e.srcs, l)
			}
		}
	}
	d, err := scenarios.ScoreDeal(&e.res[0], &e.res[1])
	if err != nil {
		e.err = err
		return e
	}
	e.deal = d
	if e.levSrc == nil {
		lev, err := e.ws.Leverage()
		if err != nil {
			e.err, e.failed = err, "read the leverage data"
			return e
		}
		e.lev, e.levSrc = lev.Rows, lev.Sources
	}
	e.lev = scenarios.WithDuty(e.lev, &e.res[0])
	return e
}

// computingText says what a refresh computes: the two scenarios named a
// and b, on day or each on its own date.
func computingText(a, b string, day scenarios.Date) string {
	on := "each on its own date"
	if !day.IsZero() {
		on = "both on " + day.String()
	}
	return fmt.Sprintf("Computing the deal, %s: A: %s; B: %s…", on, a, b)
}
