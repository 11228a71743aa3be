package storage

import (
	"parley/library"
	"parley/scenarios"
)

// LibraryLine returns library.SourceLine for sc with the workspace's library.
func (w *Workspace) LibraryLine(sc *scenarios.Scenario) (string, error) {
	info, err := w.LibraryInfo()
	if err != nil {
		return "", err
	}
	return library.SourceLine(info, sc), nil
}

// ScenarioSources returns the source lines of scenario sc's figures: those
// of its data (SourceLines) and the measure library's (LibraryLine).
func (w *Workspace) ScenarioSources(sc *scenarios.Scenario) ([]string, error) {
	lines, err := w.SourceLines(sc.Assumptions)
	if err != nil {
		return nil, err
	}
	lib, err := w.LibraryLine(sc)
	if err != nil {
		return nil, err
	}
	return append(lines, lib), nil
}
