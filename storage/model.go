package storage

import (
	"context"
	"database/sql"
	"maps"
	"slices"

	"parley/scenarios"
	"parley/storage/refdata"
	"parley/storage/sqlscan"
)

// productYears are the years with built-in product-level lines for flows
// into the US (docs/SPEC.md section 2).
var productYears = []int{2024, 2025}

// Model prepares the calculation for a scenario's assumptions: the baseline
// trade lines of its year and granularity (or of the user's datasets), each
// line's CUSMA share under its preset, the elasticities and baseline tariffs
// of its presets and overrides, and the product lists and content shares
// that measures refer to. It reads them in one read transaction.
func (w *Workspace) Model(a scenarios.Assumptions) (*scenarios.Model, error) {
	return w.readModel(a, nil)
}

// readModel is modelWith in a read transaction of its own.
func (w *Workspace) readModel(a scenarios.Assumptions, extra scenarios.ProductLists) (*scenarios.Model, error) {
	var m *scenarios.Model
	err := w.inReadTx(func(tx *sql.Tx) error {
		var err error
		m, err = w.modelWith(context.Background(), tx, a, extra)
		return err
	})
	return m, err
}

// modelWith is Model reading through q, with the lists of extra added to
// (or replacing) the workspace's: a library pack's lists before it is
// applied.
func (w *Workspace) modelWith(ctx context.Context, q sqlscan.Querier, a scenarios.Assumptions, extra scenarios.ProductLists) (*scenarios.Model, error) {
	r, err := w.refsIn(ctx, q)
	if err != nil {
		return nil, err
	}
	shares, el, err := r.presets(a)
	if err != nil {
		return nil, err
	}
	pd, err := w.productData(r)
	if err != nil {
		return nil, err
	}
	data := scenarios.ModelData{Sectors: r.sectors, ElasticityLow: a.ElasticityLow, ElasticityHigh: a.ElasticityHigh}
	if err := w.modelLines(ctx, q, r, pd, a, &data); err != nil {
		return nil, err
	}
	if data.Params, err = scenarios.ResolveParams(r.sectors, scenarios.ParamSources{CUSMAShare: shares, Elasticity: el, Overrides: a.Overrides}); err != nil {
		return nil, err
	}
	if data.Ref, err = w.reference(ctx, q, pd); err != nil {
		return nil, err
	}
	if len(extra) > 0 {
		lists := make(scenarios.ProductLists, len(data.Ref.Lists)+len(extra))
		maps.Copy(lists, data.Ref.Lists)
		maps.Copy(lists, extra)
		data.Ref = &scenarios.Reference{Lists: lists, Content: data.Ref.Content}
	}
	return scenarios.NewModel(data)
}

// modelLines gives data the baseline lines under a, each with its CUSMA
// claim share under a's preset (claimShare): the built-in HTS10 lines in
// columns the model shares, the others as lines.
func (w *Workspace) modelLines(ctx context.Context, q sqlscan.Querier, r *refData, pd *refdata.Products, a scenarios.Assumptions, data *scenarios.ModelData) error {
	preset, _ := r.cusmaPreset(a.CUSMAShares)
	claim := claimShare(preset, pd)
	for k, d := range scenarios.Directions {
		c, err := builtinColumns(pd, a, d)
		if err != nil {
			return err
		}
		if c != nil {
			data.Columns[k] = builtinClaims(c, d, preset, pd, claim)
			continue
		}
		dl, err := w.directionLines(ctx, q, r, pd, a, d)
		if err != nil {
			return err
		}
		for _, l := range dl {
			l.Claim, l.HasClaim = claim(d, l.Code, l.Claim, l.HasClaim)
			data.Lines = append(data.Lines, l)
		}
	}
	return nil
}

// claimShare returns the rule that gives a line of direction d and code its
// CUSMA claim share under preset, from the share it was read with.
func claimShare(preset Preset, pd *refdata.Products) func(d scenarios.Direction, code string, claim float64, has bool) (float64, bool) {
	h2Share := pd.H2Shares()
	return func(d scenarios.Direction, code string, claim float64, has bool) (float64, bool) {
		switch {
		case d == scenarios.UStoCA:
			// CUSMA presets apply to flows into the US only.
			return 0, false
		case preset.LineShares == scenarios.CUSMALinePreset:
			if len(code) != 10 {
				return 0, false
			}
			return h2Share(code)
		case preset.LineShares == scenarios.CUSMADatasetPreset:
			// the line's own claimed share, as read
			return claim, has
		}
		return 0, false
	}
}

// builtinClaims returns the built-in lines c of direction d with each
// line's claim share under preset: the generator's shares where it
// computed them (the line-level preset on the lines of 2024), else under
// claim (withClaims).
func builtinClaims(c *scenarios.LineColumns, d scenarios.Direction, preset Preset, pd *refdata.Products,
	claim func(scenarios.Direction, string, float64, bool) (float64, bool)) *scenarios.LineColumns {
	if h, has, ok := pd.H2Claims(c); ok && d == scenarios.CAtoUS && preset.LineShares == scenarios.CUSMALinePreset {
		out := *c
		out.Claim, out.HasClaim = h, has
		return &out
	}
	return withClaims(c, d, claim)
}

// withClaims returns c with each line's claim share under claim, in columns
// of its own (c is the built-in data's).
func withClaims(c *scenarios.LineColumns, d scenarios.Direction, claim func(scenarios.Direction, string, float64, bool) (float64, bool)) *scenarios.LineColumns {
	out := *c
	out.Claim, out.HasClaim = make([]float64, len(c.Code)), make([]bool, len(c.Code))
	for i, code := range c.Code {
		own, has := refdata.OwnClaim(c, i)
		out.Claim[i], out.HasClaim[i] = claim(d, code, own, has)
	}
	return &out
}

// builtinColumns returns the built-in HTS10 lines of direction d under a,
// where directionLines would give them, else nil.
func builtinColumns(pd *refdata.Products, a scenarios.Assumptions, d scenarios.Direction) (*scenarios.LineColumns, error) {
	if a.Datasets.For(d) != "" || a.ChapterLevel() || d != scenarios.CAtoUS || !slices.Contains(productYears, a.BaselineYear) {
		return nil, nil
	}
	c, err := pd.Columns(a.BaselineYear)
	if err != nil || c == nil || len(c.Code) == 0 {
		return nil, err
	}
	return c, nil
}

// directionLines returns the baseline lines of direction d under a: the
// user's dataset if a names one, else the built-in HTS10 lines (flows into
// the US in 2024 and 2025, at product granularity), else the chapter lines.
// The slice may be the built-in data's: the caller copies what it changes.
func (w *Workspace) directionLines(ctx context.Context, q sqlscan.Querier, r *refData, pd *refdata.Products, a scenarios.Assumptions, d scenarios.Direction) ([]scenarios.Line, error) {
	if name := a.Datasets.For(d); name != "" {
		return w.TradeData().In(q).Lines(ctx, name, d)
	}
	if !a.ChapterLevel() && d == scenarios.CAtoUS && slices.Contains(productYears, a.BaselineYear) {
		pl, err := pd.Lines(a.BaselineYear)
		if err != nil {
			return nil, err
		}
		if len(pl) > 0 {
			return pl, nil
		}
	}
	all, err := w.linesFor(ctx, q, r, a.BaselineYear)
	if err != nil {
		return nil, err
	}
	var out []scenarios.Line
	for _, l := range all {
		if l.Direction == d {
			out = append(out, l)
		}
	}
	return out, nil
}

// Compute evaluates the scenario with the given id on asOf, or on its own
// date when asOf is zero: Evaluate's result.
func (w *Workspace) Compute(id string, asOf scenarios.Date) (scenarios.Result, error) {
	e, err := w.Evaluate(id, EvalOptions{AsOf: asOf})
	if err != nil {
		return scenarios.Result{}, err
	}
	return e.Result, nil
}

// reference returns the product reference of a model: the built-in lists
// and content shares, and the user's own lists, read now through q, so
// that list:NAME resolves to a user list exactly as to a built-in one.
func (w *Workspace) reference(ctx context.Context, q sqlscan.Querier, pd *refdata.Products) (*scenarios.Reference, error) {
	user, err := readUserLists(ctx, q)
	if err != nil {
		return nil, err
	}
	if len(user) == 0 {
		return pd.Ref, nil
	}
	return &scenarios.Reference{Lists: mergeLists(pd.Ref.Lists, user), Content: pd.Ref.Content}, nil
}
