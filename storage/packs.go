package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"parley/library"
	"parley/scenarios"
	"parley/storage/sqlscan"
)

// The measure library as a pack (package library).
//
// To update a workspace's library from a pack file:
//
//	p, err := library.Read(path)            // format errors: library.Errors
//	d, err := ws.DiffLibrary(p, today)      // what would change, checked against the workspace
//	d.Write(out)                            // or walk d.Diff, d.Today, d.Scenarios
//	prev, err := ws.ImportLibrary(p)        // one transaction; library.Errors if p is bad
//	_, err = ws.ImportLibrary(prev)         // undo: the previous library back
//
// An import never changes a scenario: each scenario measure keeps the
// library id and vintage it was taken from (Measure.Library,
// Measure.LibraryVintage); RebaseScenario moves one scenario onto the
// current library. LibraryInfo gives the vintage to show in the window and
// in footnotes; LibraryPack and ExportLibrary write the library out.

// LibraryInfo returns the pack the workspace's library came from: the
// imported pack, or the built-in one the workspace was created with.
func (w *Workspace) LibraryInfo() (library.Info, error) {
	return libraryInfo(context.Background(), w.db)
}

// libraryInfo is LibraryInfo reading through q.
func libraryInfo(ctx context.Context, q sqlscan.Querier) (library.Info, error) {
	var info library.Info
	err := q.QueryRowContext(ctx, "SELECT title, publisher, vintage, description FROM library_pack WHERE id = 1").
		Scan(&info.Title, &info.Publisher, &info.Vintage, &info.Description)
	if errors.Is(err, sql.ErrNoRows) {
		return library.BuiltinInfo(), nil
	}
	if err != nil {
		return info, fmt.Errorf("read the library's pack: %w", err)
	}
	info.Format = library.Format
	return info, nil
}

// LibraryVintage returns the vintage of the workspace's library
// (YYYY-MM-DD), for the window and footnotes.
func (w *Workspace) LibraryVintage() (string, error) {
	info, err := w.LibraryInfo()
	return info.Vintage, err
}

// LibraryPack returns the workspace's whole library as a pack: its measures
// in order, each list they name (built-in or the workspace's) and the
// pack it came from.
func (w *Workspace) LibraryPack() (*library.Pack, error) {
	info, err := w.LibraryInfo()
	if err != nil {
		return nil, err
	}
	p := &library.Pack{Info: info, Lists: scenarios.ProductLists{}, Documents: map[string][]byte{}}
	err = sqlscan.Query(context.Background(), w.db, `SELECT measure, row, legal_basis, scope, rate_text, dates_text,
		cusma_text, source, confidence FROM measure_library ORDER BY position`, func(scan func(...any) error) error {
		var stored string
		var pm library.Measure
		if err := scan(&stored, &pm.Row, &pm.LegalBasis, &pm.Scope, &pm.RateText, &pm.DatesText, &pm.CUSMAText,
			&pm.TableSource, &pm.Confidence); err != nil {
			return err
		}
		got, err := decodeEntry(stored)
		if err != nil {
			return err
		}
		got.Measure.Library, got.Measure.LibraryVintage = "", ""
		pm.Measure, pm.Remark, pm.StruckDownFrom = got.Measure, got.Remark, got.StruckDownFrom
		p.Measures = append(p.Measures, pm)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read the measure library: %w", err)
	}
	lists, err := w.Lists()
	if err != nil {
		return nil, err
	}
	for _, name := range p.ListNames() {
		l := lists[name]
		if l == nil {
			return nil, fmt.Errorf("the library names list %q, which the workspace lacks", name)
		}
		p.Lists[name] = l
	}
	return p, nil
}

// CheckPack checks p against the workspace: every list it names exists
// (in the pack, built in or in the workspace), a list of the pack named like
// a built-in one has its codes, and each measure is valid as a scenario
// measure (sectors, quoted documents, dates, rate). The error is
// library.Errors naming the file within the pack, the row and the field.
func (w *Workspace) CheckPack(p *library.Pack) error {
	lists, err := w.Lists()
	if err != nil {
		return err
	}
	builtin, err := w.builtinLists()
	if err != nil {
		return err
	}
	es := library.Validate(p, func(name string) bool { return lists[name] != nil })
	for _, name := range p.Lists.Names() {
		b := builtin[name]
		if b == nil {
			continue
		}
		if !slices.Equal(b.Codes, p.Lists[name].Codes) {
			es = append(es, &library.Error{Part: library.ListsDir + "/" + name + ".csv",
				Msg: fmt.Sprintf("differs from the built-in list %s (%d codes here, %d built in): give the list another name", name, len(p.Lists[name].Codes), len(b.Codes))})
		}
	}
	conflicts, err := w.packListConflicts(nil, p)
	if err != nil {
		return err
	}
	es = append(es, conflicts...)
	cat, err := w.catalog()
	if err != nil {
		return err
	}
	es = append(es, library.CheckMeasures(p, packCatalog{catalog: cat, lists: p.Lists})...)
	if err := cat.failure(); err != nil {
		return err
	}
	return es.Err()
}

// packCatalog is the workspace's catalog with a pack's lists known.
type packCatalog struct {
	*catalog
	lists scenarios.ProductLists
}

func (c packCatalog) ListKnown(name string) bool {
	return c.lists[name] != nil || c.catalog.ListKnown(name)
}

// ImportLibrary checks p (CheckPack) and replaces the workspace's library
// by it in one transaction: its measures, its pack information, and, for
// each list of the pack that is not built in, a workspace list. A bad pack
// changes nothing and gives library.Errors. It returns the library as it was
// before, which ImportLibrary takes back to undo the import. Scenarios are
// not changed (see RebaseScenario).
func (w *Workspace) ImportLibrary(p *library.Pack) (previous *library.Pack, err error) {
	if err := w.CheckWritable(); err != nil {
		return nil, err
	}
	if err := w.CheckPack(p); err != nil {
		return nil, err
	}
	previous, err = w.LibraryPack()
	if err != nil {
		return nil, err
	}
	entries := make([]library.Entry, len(p.Measures))
	stored := make([][]byte, len(p.Measures))
	for i := range p.Measures {
		entries[i] = library.EntryOf(&p.Measures[i])
		if stored[i], err = json.Marshal(entries[i]); err != nil {
			return nil, err
		}
	}
	err = w.write(context.Background(), func(tx *sql.Tx) error {
		if err := w.storePackLists(tx, p); err != nil {
			return err
		}
		if _, err := tx.Exec("DELETE FROM measure_library"); err != nil {
			return err
		}
		for i := range p.Measures {
			pm := &p.Measures[i]
			if _, err := tx.Exec(`INSERT INTO measure_library (id, position, row, status, measure, legal_basis, scope,
				rate_text, dates_text, cusma_text, source, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				pm.ID, i, pm.Row, pm.Remark, string(stored[i]), pm.LegalBasis, pm.Scope, pm.RateText, pm.DatesText,
				pm.CUSMAText, pm.TableSource, pm.Confidence); err != nil {
				return fmt.Errorf("library measure %s: %w", pm.ID, err)
			}
		}
		_, err := tx.Exec(`INSERT INTO library_pack (id, title, publisher, vintage, description, imported_at)
			VALUES (1, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET title = excluded.title,
			publisher = excluded.publisher, vintage = excluded.vintage, description = excluded.description,
			imported_at = excluded.imported_at`,
			p.Info.Title, p.Info.Publisher, p.Info.Vintage, p.Info.Description, w.timestamp())
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("import the library: %w", err)
	}
	return previous, nil
}

// ScenarioImpact is how a new library would move one scenario that uses a
// measure it changes or removes, were the scenario re-based on it.
type ScenarioImpact struct {
	ID, Name string
	Builtin  bool
	// Measures are the library ids the scenario uses that the pack changes
	// or removes.
	Measures []string
	// Before and After are the duty at stake by direction (index of
	// scenarios.Directions) on the scenario's own date: as stored, and
	// re-based on the pack.
	Before, After [2]float64
}

// LibraryDiff is what importing a pack would change in a workspace.
type LibraryDiff struct {
	*library.Diff
	// Today is the date of the regime "today" below.
	Today scenarios.Date
	// TodayBefore and TodayAfter are the totals by direction of the regime
	// in force on Today (every measure of the library without a remark, with
	// the default assumptions) under the current library and the pack's.
	TodayBefore, TodayAfter [2]scenarios.Totals
	// Scenarios are the workspace's scenarios that use a measure the pack
	// changes or removes.
	Scenarios []ScenarioImpact
}

// DiffLibrary checks p against the workspace (CheckPack) and returns what
// importing it would change: the measures and lists added, removed and
// changed field by field, the duty of the regime in force on today before
// and after, and the scenarios that use a changed measure with their duty
// before and after a re-base.
func (w *Workspace) DiffLibrary(p *library.Pack, today scenarios.Date) (*LibraryDiff, error) {
	if err := w.CheckPack(p); err != nil {
		return nil, err
	}
	cur, err := w.LibraryPack()
	if err != nil {
		return nil, err
	}
	d := &LibraryDiff{Diff: library.Compare(cur, p), Today: today}
	if d.TodayBefore, err = w.regimeTotals(cur, today); err != nil {
		return nil, err
	}
	if d.TodayAfter, err = w.regimeTotals(p, today); err != nil {
		return nil, err
	}
	changed := map[string]bool{}
	for _, id := range d.ChangedIDs() {
		changed[id] = true
	}
	if len(changed) == 0 {
		return d, nil
	}
	infos, err := w.Scenarios()
	if err != nil {
		return nil, err
	}
	for _, info := range infos {
		sc, err := w.Scenario(info.ID)
		if err != nil {
			return nil, err
		}
		var used []string
		for _, m := range sc.Measures {
			if changed[m.Library] && !slices.Contains(used, m.Library) {
				used = append(used, m.Library)
			}
		}
		if len(used) == 0 {
			continue
		}
		imp := ScenarioImpact{ID: info.ID, Name: sc.Name, Builtin: info.Builtin, Measures: used}
		date := sc.EvalDate()
		before, err := w.evaluate(sc, date, nil)
		if err != nil {
			return nil, err
		}
		rebased := *sc
		rebased.Measures, _ = library.RebaseMeasures(sc.Measures, cur, p, false)
		after, err := w.evaluate(&rebased, date, p.Lists)
		if err != nil {
			return nil, err
		}
		for i := range before.Totals {
			imp.Before[i], imp.After[i] = before.Totals[i].Duty, after.Totals[i].Duty
		}
		d.Scenarios = append(d.Scenarios, imp)
	}
	return d, nil
}

// evaluate computes sc on date with the extra lists known.
func (w *Workspace) evaluate(sc *scenarios.Scenario, date scenarios.Date, extra scenarios.ProductLists) (scenarios.Result, error) {
	m, err := w.readModel(sc.Assumptions, extra)
	if err != nil {
		return scenarios.Result{}, err
	}
	return m.Evaluate(sc, date), nil
}

// regimeTotals returns the totals on date of the regime a library pack
// holds: every measure without a remark, with the default assumptions.
func (w *Workspace) regimeTotals(p *library.Pack, date scenarios.Date) ([2]scenarios.Totals, error) {
	sc := scenarios.Scenario{Name: "today", AsOf: date, Assumptions: scenarios.DefaultAssumptions()}
	for i := range p.Measures {
		if p.Measures[i].Remark == "" {
			sc.Measures = append(sc.Measures, p.Measures[i].Effective())
		}
	}
	r, err := w.evaluate(&sc, date, p.Lists)
	if err != nil {
		return [2]scenarios.Totals{}, err
	}
	return r.Totals, nil
}

// RebaseScenario moves scenario id onto the workspace's current library:
// each of its measures taken from the library becomes the library's
// current version (keeping its id in the scenario, and recording the
// library's vintage); with addNew, the library's measures without a remark
// that the scenario lacks are added (for a scenario of the whole regime,
// such as the built-in "today"). base is the library the scenario's
// measures were taken from (the previous library ImportLibrary returned):
// a measure the user changed keeps the changes in the fields the library
// did not change (library.Rebase); with base nil, each measure taken from
// the library is replaced whole. Measures of the user's own, and those whose
// library entry is gone, are kept. The scenario is saved at revision rev
// (ErrConflict if another save came first); it returns the new revision and
// the ids of the measures changed or added.
func (w *Workspace) RebaseScenario(id string, rev int64, base *library.Pack, addNew bool) (int64, []string, error) {
	sc, err := w.Scenario(id)
	if err != nil {
		return 0, nil, err
	}
	p, err := w.LibraryPack()
	if err != nil {
		return 0, nil, err
	}
	var touched []string
	sc.Measures, touched = library.RebaseMeasures(sc.Measures, base, p, addNew)
	next, err := w.SaveScenario(id, sc, rev)
	if err != nil {
		return 0, nil, fmt.Errorf("re-base scenario %s: %w", id, err)
	}
	return next, touched, nil
}
