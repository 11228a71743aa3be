package storage

import (
	"slices"

	"parley/library"
	"parley/scenarios"
)

// HoldsRegime reports whether sc holds every measure of library p that is
// part of the regime (no remark): a scenario of the whole regime, such as
// the built-in "Today". Re-basing such a scenario also gives it the new
// library's new measures (RebaseScenario with addNew).
func HoldsRegime(sc *scenarios.Scenario, p *library.Pack) bool {
	have := map[string]bool{}
	for _, m := range sc.Measures {
		have[m.Library] = true
	}
	n := 0
	for i := range p.Measures {
		if p.Measures[i].Remark != "" {
			continue
		}
		n++
		if !have[p.Measures[i].ID] {
			return false
		}
	}
	return n > 0
}

// AddRegimeScenarios completes diff d of pack p (DiffLibrary) for the
// scenarios of the whole regime (HoldsRegime on the current library) when
// p adds measures: each is listed, its Measures naming the new measures of
// the regime it would take, and its duty after is that of the scenario
// re-based with them (RebaseScenario with addNew), as the app re-bases it.
func (w *Workspace) AddRegimeScenarios(d *LibraryDiff, p *library.Pack) error {
	var added []string
	for _, m := range d.Added {
		if m.Remark == "" {
			added = append(added, m.ID)
		}
	}
	if len(added) == 0 {
		return nil
	}
	cur, err := w.LibraryPack()
	if err != nil {
		return err
	}
	infos, err := w.Scenarios()
	if err != nil {
		return err
	}
	for _, info := range infos {
		sc, err := w.Scenario(info.ID)
		if err != nil {
			return err
		}
		if !HoldsRegime(sc, cur) {
			continue
		}
		at := slices.IndexFunc(d.Scenarios, func(s ScenarioImpact) bool { return s.ID == info.ID })
		if at < 0 {
			d.Scenarios = append(d.Scenarios, ScenarioImpact{ID: info.ID, Name: sc.Name, Builtin: info.Builtin})
			at = len(d.Scenarios) - 1
		}
		imp := &d.Scenarios[at]
		imp.Measures = append(imp.Measures, added...)
		date := sc.EvalDate()
		before, err := w.evaluate(sc, date, nil)
		if err != nil {
			return err
		}
		rebased := *sc
		rebased.Measures, _ = rebaseMeasures(sc.Measures, cur, p, true)
		after, err := w.evaluate(&rebased, date, p.Lists)
		if err != nil {
			return err
		}
		for i := range before.Totals {
			imp.Before[i], imp.After[i] = before.Totals[i].Duty, after.Totals[i].Duty
		}
	}
	return nil
}
