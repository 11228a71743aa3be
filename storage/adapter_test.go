package storage_test

import (
	"errors"
	"time"

	"parley/scenarios"
	"parley/storage"
)

// saveForce saves sc as scenario id over whatever revision is stored (what a
// writer that read it just before does).
func saveForce(w *storage.Workspace, id string, sc *scenarios.Scenario) error {
	_, rev, err := w.ScenarioRev(id)
	if err != nil {
		return err
	}
	_, err = w.SaveScenario(id, sc, rev)
	return err
}

// openBusy opens a workspace whose changes wait at most busy for others.
func openBusy(path string, busy time.Duration) (*storage.Workspace, error) {
	return storage.OpenWith(path, storage.Options{BusyTimeout: busy})
}

// isBusy reports whether err says the workspace is busy.
func isBusy(err error) bool { return errors.Is(err, storage.ErrBusy) }
