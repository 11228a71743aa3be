package storage

import (
	"context"
	"database/sql"

	"parley/scenarios"
)

// ModelSources is a model with the source lines of its figures and the
// sectors' defaults, read as one state of the workspace.
type ModelSources struct {
	Model      *scenarios.Model
	Sources    []string // as SourceLines gives them
	SourcesErr error    // why Sources could not be read (the model was)
	Defaults   []SectorDefault
}

// ModelWithSources reads Model, SourceLines and SectorDefaults of a in one
// read transaction, so that they are one state of the workspace: the
// sources never describe other data than the model's.
func (w *Workspace) ModelWithSources(a scenarios.Assumptions) (*ModelSources, error) {
	return w.modelWithSources(a, nil)
}

// modelWithSources is ModelWithSources; afterModel, when set, runs between
// the model and the sources: where a test commits from another connection.
func (w *Workspace) modelWithSources(a scenarios.Assumptions, afterModel func()) (*ModelSources, error) {
	ms := &ModelSources{}
	err := w.inReadTx(func(tx *sql.Tx) error {
		ctx := context.Background()
		r, err := w.refsIn(ctx, tx)
		if err == nil {
			ms.Defaults, err = r.sectorDefaults(a)
		}
		if err == nil {
			ms.Model, err = w.modelWith(ctx, tx, a, nil)
		}
		if err != nil {
			return err
		}
		if afterModel != nil {
			afterModel()
		}
		ms.Sources, ms.SourcesErr = w.sourceLines(ctx, tx, a)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ms, nil
}
