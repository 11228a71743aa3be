package library

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"

	"parley/assets"
	"parley/scenarios"
)

// builtinFile is the shape of assets/builtin.json.
type builtinFile struct {
	About     string `json:"about"`
	Scenarios []struct {
		ID          string `json:"id"`
		Name        string `json:"name"`
		Description string `json:"description"`
		AsOf        string `json:"as_of"`
		AsOfToday   bool   `json:"as_of_today"`
		AllLibrary  bool   `json:"all_library"`
		// IncludeThreats is the scenario's include_threats assumption:
		// threatened measures are active by their dates.
		IncludeThreats bool    `json:"include_threats"`
		Measures       []Entry `json:"measures"`

		// Without names library measures (by id) or programmes that
		// all_library leaves out: a proposal on today's regime is the
		// library without the measures it lifts, plus its own measures.
		Without []string `json:"without"`
	} `json:"scenarios"`
}

func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return fmt.Errorf("data after the top-level value")
	}
	return nil
}

// BuiltinEntries returns the built-in library pack (Builtin) and its
// measures as the library table stores them, in order, after checking the
// pack against the product lists and each measure as a scenario measure
// against cat (an undated one with a placeholder date).
func BuiltinEntries(lists scenarios.ProductLists, cat scenarios.Catalog) (*Pack, []Entry, error) {
	p, err := Builtin()
	if err != nil {
		return nil, nil, err
	}
	if es := Validate(p, func(name string) bool { return lists[name] != nil }); len(es) > 0 {
		return nil, nil, fmt.Errorf("the built-in library: %w", es)
	}
	entries := make([]Entry, len(p.Measures))
	for pos := range p.Measures {
		pm := &p.Measures[pos]
		e := EntryOf(pm)
		probe := probeOf(pm.Effective())
		if errs := scenarios.Validate(&probe, cat); len(errs) > 0 {
			return nil, nil, fmt.Errorf("library measure %s: %w", e.ID, errs)
		}
		entries[pos] = e
	}
	return p, entries, nil
}

// BuiltinScenario is a scenario of assets/builtin.json, built from the
// built-in library.
type BuiltinScenario struct {
	ID       string
	Scenario scenarios.Scenario
}

// BuiltinScenarios builds the scenarios of assets/builtin.json, in order,
// from the library entries lib (BuiltinEntries), a scenario as of today
// dated today; each is checked against cat, and each of its measures must
// cite evidence.
func BuiltinScenarios(lib []Entry, today scenarios.Date, cat scenarios.Catalog) ([]BuiltinScenario, error) {
	b, err := fs.ReadFile(assets.Files(), assets.BuiltinFile)
	if err != nil {
		return nil, err
	}
	var f builtinFile
	if err := decodeStrict(b, &f); err != nil {
		return nil, fmt.Errorf("%s: %w", assets.BuiltinFile, err)
	}
	byID := make(map[string]Entry, len(lib))
	for _, e := range lib {
		byID[e.ID] = e
	}
	out := make([]BuiltinScenario, 0, len(f.Scenarios))
	for _, s := range f.Scenarios {
		sc := scenarios.Scenario{Name: s.Name, Description: s.Description, AsOfToday: s.AsOfToday,
			Assumptions: scenarios.DefaultAssumptions()}
		sc.Assumptions.IncludeThreats = s.IncludeThreats
		if s.AsOfToday {
			sc.AsOf = today
		} else if sc.AsOf, err = scenarios.ParseDate(s.AsOf); err != nil {
			return nil, fmt.Errorf("scenario %s: as_of: %w", s.ID, err)
		}
		// all_library takes every library measure without a remark,
		// whatever its status: the engine decides which are active.
		entries, err := allLibrary(lib, s.AllLibrary, s.Without)
		if err != nil {
			return nil, fmt.Errorf("scenario %s: %w", s.ID, err)
		}
		entries = append(entries, s.Measures...)
		for i, e := range entries {
			m, err := resolveEntry(byID, e)
			if err != nil {
				return nil, fmt.Errorf("scenario %s: measure %d: %w", s.ID, i, err)
			}
			sc.Measures = append(sc.Measures, m)
		}
		if errs := scenarios.Validate(&sc, cat); len(errs) > 0 {
			return nil, fmt.Errorf("scenario %s: %w", s.ID, errs)
		}
		for _, m := range sc.Measures {
			if len(m.Evidence) == 0 {
				return nil, fmt.Errorf("scenario %s: measure %s has no evidence", s.ID, m.ID)
			}
		}
		out = append(out, BuiltinScenario{ID: s.ID, Scenario: sc})
	}
	return out, nil
}

// resolveEntry turns an entry of a built-in scenario into a measure, taking
// the library measure it names from lib (by id).
func resolveEntry(lib map[string]Entry, e Entry) (scenarios.Measure, error) {
	if e.Library == "" {
		return e.Measure()
	}
	base, ok := lib[e.Library]
	if !ok {
		return scenarios.Measure{}, fmt.Errorf("no library measure %q", e.Library)
	}
	m, err := e.Override(base).Measure()
	m.Library, m.LibraryVintage = base.ID, BuiltinInfo().Vintage
	return m, err
}

// allLibrary returns the entries of lib a built-in scenario with
// all_library takes: every measure without a remark, whatever its status,
// but those whose id or programme is in without (each of which must name a
// library measure or programme, so that a renamed measure cannot silently
// stay in a proposal).
func allLibrary(lib []Entry, all bool, without []string) ([]Entry, error) {
	if !all {
		if len(without) > 0 {
			return nil, fmt.Errorf("without needs all_library")
		}
		return nil, nil
	}
	drop := map[string]bool{}
	for _, w := range without {
		drop[w] = true
	}
	used := map[string]bool{}
	var out []Entry
	for _, e := range lib {
		if drop[e.ID] || drop[e.Program] {
			used[e.ID], used[e.Program] = true, true
			continue
		}
		if e.Remark != "" {
			continue
		}
		out = append(out, Entry{Library: e.ID})
	}
	for _, w := range without {
		if !used[w] {
			return nil, fmt.Errorf("without: no library measure or programme %q", w)
		}
	}
	return out, nil
}
