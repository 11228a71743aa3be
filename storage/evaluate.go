package storage

import (
	"context"
	"database/sql"
	"fmt"

	"parley/scenarios"
	"parley/storage/sqlscan"
)

// EvalOptions say how Evaluate evaluates a stored scenario.
type EvalOptions struct {
	// AsOf is the day to evaluate on; zero: the scenario's own date, or
	// Today for a scenario that follows the clock.
	AsOf scenarios.Date
	// Today is the current day; zero: the day of the computer's clock.
	Today scenarios.Date
	// Lines asks for the result of every trade line (Result.Lines).
	Lines bool
	// Sources asks for the source lines of the figures
	// (Evaluation.Sources); without it they are not read.
	Sources bool

	// afterScenario, when set, runs once the scenario is read and before
	// its model and sources are: where a test commits a change from
	// another connection.
	afterScenario func()
}

// Evaluation is a stored scenario evaluated: what was read, what was
// computed from it, and the facts a comparison needs to say whether two
// evaluations are like with like.
type Evaluation struct {
	Info     ScenarioInfo
	Scenario *scenarios.Scenario
	Rev      int64            // the scenario's revision as read
	Model    *scenarios.Model // the model of its assumptions
	AsOf     scenarios.Date   // the day it was evaluated on
	Result   scenarios.Result
	Sources  []string // the source lines of its figures (ScenarioSources), if asked
}

// Name returns the scenario's name, or its id when it has none.
func (e *Evaluation) Name() string {
	if e.Scenario.Name != "" {
		return e.Scenario.Name
	}
	return e.Info.ID
}

// Compared returns the evaluation as one side of a comparison called label
// (its day and assumptions), for scenarios.LikenessWarnings.
func (e *Evaluation) Compared(label string) scenarios.Compared {
	return scenarios.Compared{Label: label, AsOf: e.AsOf, Assumptions: e.Scenario.Assumptions}
}

// Evaluate reads the scenario ref (an id or a name), the model of its
// assumptions and, when opt asks, the source lines of its figures, and
// evaluates it as opt says. It reads all of them in one read transaction,
// so that they are one state of the workspace: a change another window or
// process commits meanwhile is in none of them, and a result never mixes a
// scenario with data saved after it.
//
// It is the one way the command line, the reports and the window evaluate
// a stored scenario.
func (w *Workspace) Evaluate(ref string, opt EvalOptions) (*Evaluation, error) {
	var e *Evaluation
	err := w.inReadTx(func(tx *sql.Tx) error {
		var err error
		e, err = w.readEvaluation(context.Background(), tx, ref, opt)
		return err
	})
	if err != nil {
		return nil, err
	}
	e.AsOf = evalDay(e.Scenario, opt)
	e.Result = e.Model.EvaluateWith(e.Scenario, e.AsOf, scenarios.Options{Lines: opt.Lines})
	return e, nil
}

// readEvaluation reads through q what Evaluate evaluates: the scenario
// ref, its model and, when opt asks, its sources.
func (w *Workspace) readEvaluation(ctx context.Context, q sqlscan.Querier, ref string, opt EvalOptions) (*Evaluation, error) {
	info, err := resolve(ctx, q, ref)
	if err != nil {
		return nil, err
	}
	e := &Evaluation{Info: info}
	if e.Scenario, e.Rev, err = readScenario(ctx, q, info.ID); err != nil {
		return nil, err
	}
	if opt.afterScenario != nil {
		opt.afterScenario()
	}
	if e.Model, err = w.modelWith(ctx, q, e.Scenario.Assumptions, nil); err != nil {
		return nil, fmt.Errorf("scenario %s: %w", info.ID, err)
	}
	if opt.Sources {
		if e.Sources, err = w.scenarioSources(ctx, q, e.Scenario); err != nil {
			return nil, fmt.Errorf("scenario %s: sources: %w", info.ID, err)
		}
	}
	return e, nil
}

// evalDay returns the day opt evaluates sc on.
func evalDay(sc *scenarios.Scenario, opt EvalOptions) scenarios.Date {
	switch {
	case !opt.AsOf.IsZero():
		return opt.AsOf
	case !sc.AsOfToday:
		return sc.AsOf
	case !opt.Today.IsZero():
		return opt.Today
	}
	return scenarios.Today()
}
