package exposureview

import (
	"context"

	"parley/scenarios"
)

// indexingText is what the products dialog says while it evaluates the
// scenario's lines.
const indexingText = "Indexing products… the lines are listed as soon as the scenario is evaluated line by line."

// productsIndex is the evaluation the products dialog lists and searches:
// the draft it was made for (compared by identity), a copy of it as
// evaluated, its model and its lines with duty by direction and line
// index.
type productsIndex struct {
	draft  *scenarios.Scenario
	sc     *scenarios.Scenario
	model  *scenarios.Model
	asOf   scenarios.Date
	byLine [2]map[int]scenarios.LineFlow
}

// buildProductsIndex evaluates ix.sc line by line on ix.model and indexes
// its lines; it runs off the UI goroutine.
func buildProductsIndex(_ context.Context, ix productsIndex) productsIndex {
	res := ix.model.EvaluateWith(ix.sc, ix.asOf, scenarios.Options{Lines: true})
	for di := range ix.byLine {
		ix.byLine[di] = map[int]scenarios.LineFlow{}
	}
	for _, l := range res.Lines {
		ix.byLine[l.Direction.Index()][l.Index] = l
	}
	return ix
}

// evaluate reports whether the lines of the scenario shown are indexed;
// when they are not, it starts indexing them off the UI goroutine (once
// per draft), says so, and lists them when they are.
func (v *Products) evaluate() bool {
	sess := v.p.sess
	draft := sess.Draft()
	if draft == nil {
		return false
	}
	if v.draft == draft && v.model != nil {
		return true
	}
	if v.indexing == draft {
		return false
	}
	m, err := sess.ModelFor(draft.Assumptions)
	if err != nil {
		v.p.nav.ShowError("compute the products", err)
		return false
	}
	sc := draft.Clone()
	v.indexing = draft
	v.rows, v.selected = v.rows[:0], -1
	v.table.Refresh()
	v.info.SetText(indexingText)
	v.detail.SetText("")
	v.indexer.Submit(productsIndex{draft: draft, sc: &sc, model: m, asOf: draft.EvalDate()})
	return false
}

// indexed lists the lines of the index the worker built; it runs on the
// UI goroutine.
func (v *Products) indexed(ix productsIndex) {
	if ix.draft != v.indexing {
		return
	}
	v.indexing = nil
	v.draft, v.sc, v.model, v.asOf, v.byLine = ix.draft, ix.sc, ix.model, ix.asOf, ix.byLine
	v.refresh()
}

// Indexing reports whether the lines are being indexed: the dialog lists
// them when they are.
func (v *Products) Indexing() bool { return v.indexing != nil }
