package storage

import (
	"context"
	"database/sql"

	"parley/library"
	"parley/scenarios"
	"parley/storage/sqlscan"
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
// of its data (SourceLines) and the measure library's (LibraryLine), read
// in one read transaction.
func (w *Workspace) ScenarioSources(sc *scenarios.Scenario) ([]string, error) {
	var lines []string
	err := w.inReadTx(func(tx *sql.Tx) error {
		var err error
		lines, err = w.scenarioSources(context.Background(), tx, sc)
		return err
	})
	return lines, err
}

// scenarioSources is ScenarioSources reading through q.
func (w *Workspace) scenarioSources(ctx context.Context, q sqlscan.Querier, sc *scenarios.Scenario) ([]string, error) {
	lines, err := w.sourceLines(ctx, q, sc.Assumptions)
	if err != nil {
		return nil, err
	}
	info, err := libraryInfo(ctx, q)
	if err != nil {
		return nil, err
	}
	return append(lines, library.SourceLine(info, sc)), nil
}
