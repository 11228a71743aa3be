package report

import (
	"fmt"

	"parley/scenarios"
	"parley/storage"
)

// subject is a scenario of the workspace ready to evaluate: its model, the
// day it is evaluated on and the source lines of its data.
type subject struct {
	id      string
	sc      *scenarios.Scenario
	model   *scenarios.Model
	asOf    scenarios.Date
	sources []string
}

// name returns the scenario's name, or its id when it has none.
func (s *subject) name() string {
	if s.sc.Name != "" {
		return s.sc.Name
	}
	return s.id
}

// evaluate returns the scenario's result on its as-of date.
func (s *subject) evaluate() scenarios.Result { return s.model.Evaluate(s.sc, s.asOf) }

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

// loadSubject reads scenario id and its model and sources.
func loadSubject(ws *storage.Workspace, id string, asOf, today scenarios.Date) (*subject, error) {
	sc, err := ws.Scenario(id)
	if err != nil {
		return nil, err
	}
	model, err := ws.Model(sc.Assumptions)
	if err != nil {
		return nil, fmt.Errorf("scenario %s: %w", id, err)
	}
	sources, err := ws.ScenarioSources(sc)
	if err != nil {
		return nil, fmt.Errorf("scenario %s: sources: %w", id, err)
	}
	if asOf.IsZero() {
		asOf = sc.AsOf
		if sc.AsOfToday {
			asOf = today
			if asOf.IsZero() {
				asOf = scenarios.Today()
			}
		}
	}
	return &subject{id: id, sc: sc, model: model, asOf: asOf, sources: sources}, nil
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
