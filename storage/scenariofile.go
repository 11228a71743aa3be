package storage

import (
	"fmt"
	"io"
	"maps"
	"os"
	"reflect"
	"slices"

	"parley/scenarios"
	"parley/scenarios/scenariofile"
)

// ImportScenario reads a parley.scenario/2 (or /1) file, validates it against the
// workspace (sectors, presets, documents, quotes, lists) and stores it with
// the user lists it carries in one transaction. It returns the new scenario's id. Errors name the field and its
// line and column; on any error nothing is written.
func (w *Workspace) ImportScenario(r io.Reader) (string, error) {
	f, err := scenariofile.Read(r)
	if err != nil {
		return "", err
	}
	if err := w.validateFile(f, &f.Scenario); err != nil {
		return "", err
	}
	if err := w.restoreLibraryNotes(&f.Scenario); err != nil {
		return "", err
	}
	return w.importFile(f, &f.Scenario, "", 0)
}

// restoreLibraryNotes gives each measure that is a measure of the library,
// with the library's id and scope, the library's note, upper-bound sectors
// and link (with the library's vintage): scenario files do not carry them,
// so that an exported scenario re-imports with its upper bounds.
func (w *Workspace) restoreLibraryNotes(sc *scenarios.Scenario) error {
	lib, err := w.Library()
	if err != nil {
		return err
	}
	byID := make(map[string]*scenarios.Measure, len(lib))
	for i := range lib {
		byID[lib[i].Measure.ID] = &lib[i].Measure
	}
	for i := range sc.Measures {
		m := &sc.Measures[i]
		l := byID[m.ID]
		if l == nil || m.Note != "" || len(m.UpperBound) > 0 || !sameScope(m, l) {
			continue
		}
		m.Note, m.UpperBound, m.Library, m.LibraryVintage = l.Note, slices.Clone(l.UpperBound), l.ID, l.LibraryVintage
	}
	return nil
}

// sameScope reports whether two measures cover the same lines.
func sameScope(a, b *scenarios.Measure) bool {
	return a.Imposer == b.Imposer && a.Content == b.Content && maps.Equal(a.Sectors, b.Sectors) &&
		(a.Sectors == nil) == (b.Sectors == nil) && reflect.DeepEqual(a.Products, b.Products)
}

// openScenarioFile opens a scenario file given by the user: never a live
// workspace file (reading it outside SQLite would drop the process's locks)
// nor anything but a regular file (a FIFO would block for ever).
func openScenarioFile(path string) (*os.File, error) {
	if err := refuseLive(path); err != nil {
		return nil, fmt.Errorf("import %s: %w", path, err)
	}
	if info, err := os.Stat(path); err == nil && !info.Mode().IsRegular() {
		return nil, fmt.Errorf("import %s: %w: not a regular file", path, ErrInvalid)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", path, err)
	}
	return f, nil
}

// ImportScenarioFile is ImportScenario on the file at path.
func (w *Workspace) ImportScenarioFile(path string) (string, error) {
	f, err := openScenarioFile(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	id, err := w.ImportScenario(f)
	if err != nil {
		return "", fmt.Errorf("import %s: %w", path, err)
	}
	return id, nil
}

// ExportScenarioFile writes the scenario to path atomically: a failed export
// leaves no partial file.
func (w *Workspace) ExportScenarioFile(id, path string) error {
	if _, err := w.Scenario(id); err != nil {
		return err
	}
	return WriteFileAtomic(path, func(out io.Writer) error { return w.ExportScenario(id, out) })
}
