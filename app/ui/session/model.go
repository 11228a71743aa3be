package session

import (
	"fmt"
	"slices"
	"strings"

	"parley/scenarios"
	"parley/storage"
)

// ModelFor returns the calculation model for a scenario's assumptions,
// reusing the last one when they did not change. The model, its source
// lines and the sector defaults are read as one state of the workspace
// (storage's ModelWithSources), so the sources shown with a model always
// describe the data it was built from.
func (s *Session) ModelFor(a scenarios.Assumptions) (*scenarios.Model, error) {
	a.IncludeThreats = false // decides which measures are active, not the model
	key := fmt.Sprintf("%v", a)
	if s.model != nil && key == s.modelKey {
		return s.model, nil
	}
	ms, err := s.ws.ModelWithSources(a)
	if err != nil {
		return nil, err
	}
	lines := ms.Sources
	if ms.SourcesErr != nil {
		lines = []string{"Sources unavailable: " + ms.SourcesErr.Error()}
	}
	s.model, s.modelKey, s.sources, s.defaults = ms.Model, key, lines, ms.Defaults
	return ms.Model, nil
}

// Model returns the cached model (nil when none is).
func (s *Session) Model() *scenarios.Model { return s.model }

// Sources returns the source lines of the cached model.
func (s *Session) Sources() []string { return s.sources }

// SourceLines returns the source lines of the scenario shown's figures:
// those of its model's data (Sources) and the measure library's line; a
// line says so where they cannot be read. None when no scenario is shown.
func (s *Session) SourceLines() []string {
	if s.draft == nil {
		return nil
	}
	if _, err := s.ModelFor(s.draft.Assumptions); err != nil {
		return []string{"Sources unavailable: " + err.Error()}
	}
	lib, err := s.ws.LibraryLine(s.draft)
	if err != nil {
		lib = "Measure library unavailable: " + err.Error()
	}
	return append(slices.Clip(s.sources), lib)
}

// Defaults returns the sector defaults of the cached model.
func (s *Session) Defaults() []storage.SectorDefault { return s.defaults }

// DropModel forgets the cached model: the data it was built from changed.
func (s *Session) DropModel() { s.model, s.modelKey = nil, "" }

// Evaluate evaluates the draft on date on and keeps the result (none when
// no scenario is shown).
func (s *Session) Evaluate(on scenarios.Date) (scenarios.Result, error) {
	if s.draft == nil {
		s.result = scenarios.Result{}
		return s.result, nil
	}
	m, err := s.ModelFor(s.draft.Assumptions)
	if err != nil {
		return s.result, err
	}
	s.result = m.Evaluate(s.draft, on)
	return s.result, nil
}

// Result returns the last result Evaluate gave.
func (s *Session) Result() scenarios.Result { return s.result }

// listsStamp says which user lists the workspace holds and when each last
// changed ("" when they cannot be read).
func (s *Session) listsStamp() string {
	infos, err := s.ws.ListInfos()
	if err != nil {
		return ""
	}
	var b strings.Builder
	for _, l := range infos {
		if !l.Builtin {
			fmt.Fprintf(&b, "%s %s %d\n", l.Name, l.Updated, l.Size)
		}
	}
	return b.String()
}

// DropModelIfListsChanged forgets the cached model when the user's lists
// changed elsewhere (the command line, another window), so that the
// product picker and the figures use the lists as they are now.
func (s *Session) DropModelIfListsChanged() bool {
	stamp := s.listsStamp()
	if stamp == s.listsSeen {
		return false
	}
	s.listsSeen = stamp
	s.DropModel()
	return true
}

// CacheModel makes m the cached model for assumptions a, as if ModelFor
// had built it (with no source lines nor sector defaults): for a model
// built from other data than the workspace's.
func (s *Session) CacheModel(a scenarios.Assumptions, m *scenarios.Model) {
	a.IncludeThreats = false
	s.model, s.modelKey, s.sources, s.defaults = m, fmt.Sprintf("%v", a), nil, nil
}
