package storage

import (
	"context"
	"fmt"

	"parley/scenarios"
)

// Model prepares the calculation for a scenario's assumptions: the baseline
// trade of its year summed by sector and the CUSMA shares, elasticities and
// baseline tariffs of its presets and overrides.
func (w *Workspace) Model(a scenarios.Assumptions) (*scenarios.Model, error) {
	ctx := context.Background()
	r, err := w.refs(ctx)
	if err != nil {
		return nil, err
	}
	shares, el, err := r.presets(a)
	if err != nil {
		return nil, err
	}
	lines, err := w.linesFor(ctx, r, a.BaselineYear)
	if err != nil {
		return nil, err
	}
	p, err := scenarios.ResolveParams(r.sectors, scenarios.ParamSources{CUSMAShare: shares, Elasticity: el, Overrides: a.Overrides})
	if err != nil {
		return nil, err
	}
	return scenarios.NewModel(r.sectors, lines, p, a.ElasticityLow, a.ElasticityHigh)
}

// Compute evaluates the scenario with the given id on asOf, or on its own
// date when asOf is zero.
func (w *Workspace) Compute(id string, asOf scenarios.Date) (scenarios.Result, error) {
	sc, err := w.Scenario(id)
	if err != nil {
		return scenarios.Result{}, err
	}
	m, err := w.Model(sc.Assumptions)
	if err != nil {
		return scenarios.Result{}, fmt.Errorf("scenario %s: %w", id, err)
	}
	if asOf.IsZero() {
		asOf = sc.EvalDate()
	}
	return m.Evaluate(sc, asOf), nil
}
