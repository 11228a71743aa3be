package storage

import (
	"errors"
	"fmt"
	"strings"

	"parley/scenarios"
)

// Clash says what importing a scenario does when the workspace already has
// a scenario of the same name.
type Clash int

const (
	// ClashRefuse refuses the import with ErrExists (ImportScenario).
	ClashRefuse Clash = iota
	// ClashRename imports it under a free name: "Name (2)", "Name (3)"...
	ClashRename
	// ClashReplace replaces the scenario of that name, keeping its id and
	// place in the list; the import is then a new revision of it.
	ClashReplace
)

// ImportScenarioFileAs is ImportScenarioFile with a rule for a name that is
// taken. It returns the scenario's id and the name it was stored under.
func (w *Workspace) ImportScenarioFileAs(path string, clash Clash) (id, name string, err error) {
	if clash == ClashRefuse {
		id, err := w.ImportScenarioFile(path)
		if err != nil {
			return "", "", err
		}
		info, err := w.Resolve(id)
		return id, info.Name, err
	}
	f, err := openScenarioFile(path)
	if err != nil {
		return "", "", err
	}
	defer f.Close()
	file, err := scenarios.ReadFile(f)
	if err != nil {
		return "", "", fmt.Errorf("import %s: %w", path, err)
	}
	sc := &file.Scenario
	if err := w.validateFile(file, sc); err != nil {
		return "", "", fmt.Errorf("import %s: %w", path, err)
	}
	if err := w.restoreLibraryNotes(sc); err != nil {
		return "", "", err
	}
	existing, err := w.Resolve(strings.TrimSpace(sc.Name))
	taken := err == nil && strings.EqualFold(existing.Name, strings.TrimSpace(sc.Name))
	if err != nil && !errors.Is(err, ErrNotFound) {
		return "", "", err
	}
	switch {
	case !taken:
		id, err = w.importFile(file, sc, "", 0)
	case clash == ClashRename:
		sc.Name, err = w.freeName(sc.Name)
		if err == nil {
			id, err = w.importFile(file, sc, "", 0)
		}
	default: // ClashReplace
		var rev int64
		if _, rev, err = w.ScenarioRev(existing.ID); err == nil {
			id, err = w.importFile(file, sc, existing.ID, rev)
		}
	}
	if err != nil {
		return "", "", fmt.Errorf("import %s: %w", path, err)
	}
	return id, sc.Name, nil
}

// freeName returns name, or "name (2)", "name (3)"... the first that no
// scenario of the workspace has (names compare without case).
func (w *Workspace) freeName(name string) (string, error) {
	list, err := w.Scenarios()
	if err != nil {
		return "", err
	}
	taken := map[string]bool{}
	for _, s := range list {
		taken[strings.ToLower(strings.TrimSpace(s.Name))] = true
	}
	base := strings.TrimSpace(name)
	for i := 2; ; i++ {
		cand := fmt.Sprintf("%s (%d)", base, i)
		if !taken[strings.ToLower(cand)] {
			return cand, nil
		}
	}
}
