package storage

import (
	"context"
	"database/sql"
	"maps"
	"slices"

	"parley/scenarios"
	"parley/storage/refdata"
)

// productYears are the years with built-in product-level lines for flows
// into the US (docs/SPEC.md section 2).
var productYears = []int{2024, 2025}

// Model prepares the calculation for a scenario's assumptions: the baseline
// trade lines of its year and granularity (or of the user's datasets), each
// line's CUSMA share under its preset, the elasticities and baseline tariffs
// of its presets and overrides, and the product lists and content shares
// that measures refer to.
func (w *Workspace) Model(a scenarios.Assumptions) (*scenarios.Model, error) {
	return w.modelWith(a, nil)
}

// modelWith is Model with the lists of extra added to (or replacing) the
// workspace's: a library pack's lists before it is applied.
func (w *Workspace) modelWith(a scenarios.Assumptions, extra scenarios.ProductLists) (*scenarios.Model, error) {
	ctx := context.Background()
	r, err := w.refs(ctx)
	if err != nil {
		return nil, err
	}
	shares, el, err := r.presets(a)
	if err != nil {
		return nil, err
	}
	preset, _ := r.cusmaPreset(a.CUSMAShares)
	pd, err := w.productData(r)
	if err != nil {
		return nil, err
	}
	var byDir [][]scenarios.Line
	n := 0
	for _, d := range scenarios.Directions {
		dl, err := w.directionLines(ctx, r, pd, a, d)
		if err != nil {
			return nil, err
		}
		byDir, n = append(byDir, dl), n+len(dl)
	}
	lines := make([]scenarios.Line, 0, n)
	for k, d := range scenarios.Directions {
		for _, l := range byDir[k] {
			switch {
			case d == scenarios.UStoCA:
				// CUSMA presets apply to flows into the US only.
				l.Claim, l.HasClaim = 0, false
			case preset.LineShares == scenarios.CUSMALinePreset:
				l.Claim, l.HasClaim = pd.H2Share(l.Code)
				if len(l.Code) != 10 {
					l.Claim, l.HasClaim = 0, false
				}
			case preset.LineShares == scenarios.CUSMADatasetPreset:
				// the line's own claimed share, as read
			default:
				l.Claim, l.HasClaim = 0, false
			}
			lines = append(lines, l)
		}
	}
	p, err := scenarios.ResolveParams(r.sectors, scenarios.ParamSources{CUSMAShare: shares, Elasticity: el, Overrides: a.Overrides})
	if err != nil {
		return nil, err
	}
	ref, err := w.reference(ctx, pd)
	if err != nil {
		return nil, err
	}
	if len(extra) > 0 {
		lists := make(scenarios.ProductLists, len(ref.Lists)+len(extra))
		maps.Copy(lists, ref.Lists)
		maps.Copy(lists, extra)
		ref = &scenarios.Reference{Lists: lists, Content: ref.Content}
	}
	return scenarios.NewModel(scenarios.ModelData{Sectors: r.sectors, Lines: lines, Params: p,
		ElasticityLow: a.ElasticityLow, ElasticityHigh: a.ElasticityHigh, Ref: ref})
}

// directionLines returns the baseline lines of direction d under a: the
// user's dataset if a names one, else the built-in HTS10 lines (flows into
// the US in 2024 and 2025, at product granularity), else the chapter lines.
// The slice may be the built-in data's: the caller copies what it changes.
func (w *Workspace) directionLines(ctx context.Context, r *refData, pd *refdata.Products, a scenarios.Assumptions, d scenarios.Direction) ([]scenarios.Line, error) {
	if name := a.Datasets.For(d); name != "" {
		return w.TradeData().Lines(ctx, name, d)
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
	all, err := w.linesFor(ctx, r, a.BaselineYear)
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
// and content shares, and the user's own lists, read now in one
// transaction, so that list:NAME resolves to a user list exactly as to a
// built-in one.
func (w *Workspace) reference(ctx context.Context, pd *refdata.Products) (*scenarios.Reference, error) {
	var user scenarios.ProductLists
	err := w.inReadTx(func(tx *sql.Tx) error {
		var err error
		user, err = readUserLists(ctx, tx)
		return err
	})
	if err != nil {
		return nil, err
	}
	if len(user) == 0 {
		return pd.Ref, nil
	}
	return &scenarios.Reference{Lists: mergeLists(pd.Ref.Lists, user), Content: pd.Ref.Content}, nil
}
