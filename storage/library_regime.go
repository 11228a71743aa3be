package storage

import (
	"slices"

	"parley/library"
)

// AddRegimeScenarios completes diff d of pack p (DiffLibrary) for the
// scenarios of the whole regime (library.HoldsRegime on the current library) when
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
		if !library.HoldsRegime(sc, cur) {
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
		rebased.Measures, _ = library.RebaseMeasures(sc.Measures, cur, p, true)
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
