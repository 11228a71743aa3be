package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"parley/scenarios"
	"parley/scenarios/scenariofile"
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
	file, err := scenariofile.Read(f)
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
	if clash == ClashRename {
		// The free name is chosen in the transaction that stores the
		// scenario (and the lists the file carries), so that two processes
		// importing at once never both pick the same one.
		id, err = w.importFileFreeName(file, sc)
		if err != nil {
			return "", "", fmt.Errorf("import %s: %w", path, err)
		}
		return id, sc.Name, nil
	}
	existing, err := w.Resolve(strings.TrimSpace(sc.Name))
	taken := err == nil && strings.EqualFold(existing.Name, strings.TrimSpace(sc.Name))
	if err != nil && !errors.Is(err, ErrNotFound) {
		return "", "", err
	}
	if !taken {
		id, err = w.importFile(file, sc, "", 0)
	} else { // ClashReplace
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

// importFileFreeName stores the scenario sc of file f (with the user lists
// f carries) as a new scenario under its name or, if a scenario has it,
// under the first free "name (2)", "name (3)"... (names compare without
// case). The name is chosen inside the write transaction; sc.Name is set to
// it.
func (w *Workspace) importFileFreeName(f *scenariofile.File, sc *scenarios.Scenario) (string, error) {
	base := strings.TrimSpace(sc.Name)
	var name string
	id, err := w.importFileTx(f, sc, "", 0, func(tx *sql.Tx, sc *scenarios.Scenario) error {
		var err error
		name, err = freeName(tx, base)
		sc.Name = name
		return err
	})
	if err != nil {
		return "", err
	}
	sc.Name = name
	return id, nil
}

// freeName returns base, or "base (2)", "base (3)"... the first name that no
// scenario stored in tx has (names compare without case). The base is
// shortened so that the name stays within the name length limit.
func freeName(tx *sql.Tx, base string) (string, error) {
	rows, err := tx.Query("SELECT name FROM scenarios")
	if err != nil {
		return "", err
	}
	defer rows.Close()
	taken := map[string]bool{}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return "", err
		}
		taken[strings.ToLower(strings.TrimSpace(n))] = true
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	if !taken[strings.ToLower(base)] {
		return base, nil
	}
	for i := 2; ; i++ {
		suffix := fmt.Sprintf(" (%d)", i)
		b := []rune(base)
		if room := scenarios.MaxNameLength - utf8.RuneCountInString(suffix); len(b) > room {
			b = b[:room]
		}
		cand := strings.TrimSpace(string(b)) + suffix
		if !taken[strings.ToLower(cand)] {
			return cand, nil
		}
	}
}
