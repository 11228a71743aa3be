package report

import (
	"parley/scenarios"
	"parley/storage"
)

// subject is a scenario of the workspace evaluated: its model, the day it
// is evaluated on, its result and the source lines of its data.
type subject struct {
	id      string
	sc      *scenarios.Scenario
	model   *scenarios.Model
	asOf    scenarios.Date
	sources []string
	result  scenarios.Result
	ev      *storage.Evaluation // what the fields above come from
}

// name returns the scenario's name, or its id when it has none.
func (s *subject) name() string {
	if s.sc.Name != "" {
		return s.sc.Name
	}
	return s.id
}

// evaluate returns the scenario's result on its as-of date.
func (s *subject) evaluate() scenarios.Result { return s.result }

// loadSubjects resolves refs (ids or names) and prepares each scenario for
// evaluation on asOf, or on its own date when asOf is zero; scenarios that
// follow the clock are evaluated on today (zero: the current day). A
// scenario given twice is an error.
func loadSubjects(ws *storage.Workspace, refs []string, asOf, today scenarios.Date) ([]*subject, error) {
	seen := map[string]string{}
	out := make([]*subject, 0, len(refs))
	for _, ref := range refs {
		info, err := ws.Resolve(ref)
		if err != nil {
			return nil, err
		}
		if prev, ok := seen[info.ID]; ok {
			if prev == ref {
				return nil, badInput("scenario %q is given twice", ref)
			}
			return nil, badInput("scenario %q is given twice: %q and %q are the same scenario", info.ID, prev, ref)
		}
		seen[info.ID] = ref
		s, err := loadSubject(ws, info.ID, asOf, today)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// loadSubject evaluates scenario id (storage's Evaluate) and keeps what a
// chart or a deck needs of it.
func loadSubject(ws *storage.Workspace, id string, asOf, today scenarios.Date) (*subject, error) {
	e, err := ws.Evaluate(id, storage.EvalOptions{AsOf: asOf, Today: today, Sources: true})
	if err != nil {
		return nil, err
	}
	return &subject{id: id, sc: e.Scenario, model: e.Model, asOf: e.AsOf, sources: e.Sources, result: e.Result, ev: e}, nil
}

// pickDirection returns want, or when it is "" the direction with the
// larger total duty at stake summed over totals (ties: ca_to_us).
func pickDirection(want scenarios.Direction, totals ...[2]scenarios.Totals) scenarios.Direction {
	if want != "" {
		return want
	}
	var duty [2]float64
	for _, t := range totals {
		for _, d := range scenarios.Directions {
			duty[d.Index()] += t[d.Index()].Duty
		}
	}
	if duty[scenarios.UStoCA.Index()] > duty[scenarios.CAtoUS.Index()] {
		return scenarios.UStoCA
	}
	return scenarios.CAtoUS
}

// timelineRange returns the months a timeline of s covers: from (zero:
// January 2025, or the month of the scenario's first measure when that is
// earlier) to to (zero: the as-of date, or when the scenario's measures
// schedule steps after it, the end of the second month after the last
// step within scheduledYears).
func timelineRange(s *subject, from, to scenarios.Date) (scenarios.Date, scenarios.Date, error) {
	userFrom := !from.IsZero()
	if to.IsZero() {
		to = scheduledEnd(s)
	}
	if !userFrom {
		from = timelineStart
		for _, m := range s.sc.Measures {
			if !m.From.IsZero() && m.From.Before(from) {
				from = m.From
			}
		}
		from = scenarios.NewDate(from.Year(), from.Month(), 1)
		if to.Before(from) {
			// An as-of date before 2025: start in its own month.
			from = scenarios.NewDate(to.Year(), to.Month(), 1)
		}
	}
	if to.Before(from) {
		return from, to, badInput("timeline end %s is before its start %s", to, from)
	}
	months := (to.Year()-from.Year())*12 + int(to.Month()) - int(from.Month()) + 1
	if months > scenarios.MaxTimelineMonths {
		return from, to, badInput("timeline from %s to %s is longer than %d months", from, to, scenarios.MaxTimelineMonths)
	}
	return from, to, nil
}
