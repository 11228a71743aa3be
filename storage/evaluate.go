package storage

import (
	"context"
	"database/sql"
	"fmt"

	"parley/scenarios"
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
	Sources  []string // the source lines of its figures (ScenarioSources)
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

// evaluateAttempts bounds how often Evaluate starts again when another
// connection commits while it reads.
const evaluateAttempts = 5

// Evaluate reads the scenario ref (an id or a name) and the model of its
// assumptions, and evaluates it as opt says. Everything it reads is one
// state of the workspace: the scenario is read in one read transaction,
// and when another window or process commits a change before the model
// and the sources are read too, it reads them all again, so that a result
// never mixes a scenario with data saved after it.
//
// It is the one way the command line, the reports and the window evaluate
// a stored scenario.
func (w *Workspace) Evaluate(ref string, opt EvalOptions) (*Evaluation, error) {
	ctx := context.Background()
	for attempt := 1; ; attempt++ {
		e, stable, err := w.evaluateOnce(ctx, ref, opt)
		if err != nil || stable || attempt == evaluateAttempts {
			return e, err
		}
	}
}

// evaluateOnce is one attempt of Evaluate. stable is false when a change
// was committed by another connection while it read.
func (w *Workspace) evaluateOnce(ctx context.Context, ref string, opt EvalOptions) (*Evaluation, bool, error) {
	conn, err := w.db.Conn(ctx)
	if err != nil {
		return nil, false, fmt.Errorf("evaluate %q: %w", ref, err)
	}
	defer conn.Close()
	before, err := dataVersion(ctx, conn)
	if err != nil {
		return nil, false, fmt.Errorf("evaluate %q: %w", ref, err)
	}
	info, err := w.Resolve(ref)
	if err != nil {
		return nil, false, err
	}
	e := &Evaluation{Info: info}
	err = w.retry(func() error {
		tx, err := conn.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
		if err != nil {
			return err
		}
		defer tx.Rollback()
		e.Scenario, e.Rev, err = readScenario(ctx, tx, info.ID)
		return err
	})
	if err != nil {
		return nil, false, err
	}
	if err := w.computeEvaluation(e, opt); err != nil {
		return nil, false, err
	}
	after, err := dataVersion(ctx, conn)
	if err != nil {
		return nil, false, fmt.Errorf("evaluate %q: %w", ref, err)
	}
	return e, before == after, nil
}

// computeEvaluation builds e's model and sources and evaluates its scenario.
func (w *Workspace) computeEvaluation(e *Evaluation, opt EvalOptions) error {
	sc, id := e.Scenario, e.Info.ID
	m, err := w.Model(sc.Assumptions)
	if err != nil {
		return fmt.Errorf("scenario %s: %w", id, err)
	}
	sources, err := w.ScenarioSources(sc)
	if err != nil {
		return fmt.Errorf("scenario %s: sources: %w", id, err)
	}
	e.Model, e.Sources, e.AsOf = m, sources, evalDay(sc, opt)
	e.Result = m.EvaluateWith(sc, e.AsOf, scenarios.Options{Lines: opt.Lines})
	return nil
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

// dataVersion returns SQLite's data_version on conn: it changes when
// another connection commits.
func dataVersion(ctx context.Context, conn *sql.Conn) (int64, error) {
	var v int64
	if err := conn.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("read the data version: %w", err)
	}
	return v, nil
}
