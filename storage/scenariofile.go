package storage

import (
	"fmt"
	"io"
	"os"

	"parley/scenarios"
)

// ImportScenario reads a parley.scenario/1 file, validates it against the
// workspace (sectors, presets, documents, quotes) and stores it in one
// transaction. It returns the new scenario's id. Errors name the field and its
// line and column; on any error nothing is written.
func (w *Workspace) ImportScenario(r io.Reader) (string, error) {
	f, err := scenarios.ReadFile(r)
	if err != nil {
		return "", err
	}
	cat, err := w.catalog()
	if err != nil {
		return "", err
	}
	if errs := scenarios.Validate(&f.Scenario, cat); len(errs) > 0 {
		return "", f.Locate(errs)
	}
	return w.CreateScenario(&f.Scenario)
}

// ImportScenarioFile is ImportScenario on the file at path.
func (w *Workspace) ImportScenarioFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("import %s: %w", path, err)
	}
	defer f.Close()
	id, err := w.ImportScenario(f)
	if err != nil {
		return "", fmt.Errorf("import %s: %w", path, err)
	}
	return id, nil
}

// ExportScenario writes the scenario as a parley.scenario/1 file. A scenario
// that follows the clock is written with today's date.
func (w *Workspace) ExportScenario(id string, out io.Writer) error {
	sc, err := w.Scenario(id)
	if err != nil {
		return err
	}
	return scenarios.EncodeFile(out, sc, sc.EvalDate())
}

// ExportScenarioFile writes the scenario to path atomically: a failed export
// leaves no partial file.
func (w *Workspace) ExportScenarioFile(id, path string) error {
	if _, err := w.Scenario(id); err != nil {
		return err
	}
	return WriteFileAtomic(path, func(out io.Writer) error { return w.ExportScenario(id, out) })
}
