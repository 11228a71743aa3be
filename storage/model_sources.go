package storage

import (
	"context"
	"database/sql"

	"parley/scenarios"
)

// ModelSources is the model of a scenario's assumptions with the source
// lines of its figures and its sectors' default values, read as one state
// of the workspace.
type ModelSources struct {
	Model *scenarios.Model
	// Sources are the lines SourceLines gives; SourcesErr says why they
	// could not be read, when they could not (the model still is).
	Sources    []string
	SourcesErr error
	Defaults   []SectorDefault
}

// ModelWithSources reads the model of assumptions a (Model), the source
// lines of its figures (SourceLines) and the sectors' defaults
// (SectorDefaults) in one read transaction, so that they are one state of
// the workspace: a change another window or process commits meanwhile is
// in none of them, and the sources never describe other data than the
// model's.
func (w *Workspace) ModelWithSources(a scenarios.Assumptions) (*ModelSources, error) {
	return w.modelWithSources(a, nil)
}

// modelWithSources is ModelWithSources; afterModel, when set, runs once the
// model is read and before the sources are: where a test commits a change
// from another connection.
func (w *Workspace) modelWithSources(a scenarios.Assumptions, afterModel func()) (*ModelSources, error) {
	var ms *ModelSources
	err := w.inReadTx(func(tx *sql.Tx) error {
		ctx := context.Background()
		m, err := w.modelWith(ctx, tx, a, nil)
		if err != nil {
			return err
		}
		if afterModel != nil {
			afterModel()
		}
		ms = &ModelSources{Model: m}
		ms.Sources, ms.SourcesErr = w.sourceLines(ctx, tx, a)
		if isBusy(ms.SourcesErr) {
			return ms.SourcesErr // read it all again, as one state
		}
		r, err := w.refsIn(ctx, tx)
		if err != nil {
			return err
		}
		ms.Defaults, err = r.sectorDefaults(a)
		return err
	})
	if err != nil {
		return nil, err
	}
	return ms, nil
}
