package exposureview

import (
	"fmt"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/kit"
	"parley/app/ui/present"
	"parley/scenarios"
)

// ShowFlow explains how a sector's figures are computed: every input with
// its source and the formulas of the calculation.
func (p *Panel) ShowFlow(f scenarios.Flow) {
	msg := widget.NewLabel(p.FlowExplanation(f))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("How this row is computed", "Close", kit.ScrollOf(msg, 620, 460), p.win)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("Close", d.Hide), p.productsButton(f, d)})
	p.nav.Track(d, nil)
}

// FlowExplanation is the text of ShowFlow: the sector's inputs, the
// measures in force that hit at least one of its lines with the duty (or
// banned value) each adds, and the formulas with their values.
func (p *Panel) FlowExplanation(f scenarios.Flow) string {
	sc := p.sess.Draft()
	a := sc.Assumptions
	var b strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	sec := f.Sector
	for _, s := range p.sess.Sectors() {
		if s.Code == f.Sector {
			sec = fmt.Sprintf("%s (%s; HS chapters %s)", s.Name, s.Code, strings.Join(s.Chapters, ", "))
		}
	}
	line("%s, %s, as of %s", sec, present.DirLabel(f.Direction), p.sess.Result().AsOf)
	line("")
	line("Baseline trade V = %s (%d).", present.Money(f.Baseline), a.BaselineYear)
	var ex scenarios.SectorExplanation
	if p.sess.Model() != nil {
		ex = p.sess.Model().ExplainSector(sc, f.Direction, f.Sector, p.sess.Result().AsOf)
	}
	if ex.OwnShares > 0 {
		// The calculation uses each line's own share: no one sector share
		// is used, so show the value-weighted mean of the lines' shares.
		rest := ""
		if ex.OwnShares < ex.Lines {
			rest = fmt.Sprintf("; the other %d take the sector's share %s%s", ex.Lines-ex.OwnShares, present.Number(f.CUSMAShare), p.paramSource(f, "cusma"))
		}
		line("CUSMA claim share c: each line's own claim share (%d of %d lines%s); value-weighted %s.",
			ex.OwnShares, ex.Lines, rest, present.Number(math.Round(ex.CUSMAShare*1e4)/1e4))
	} else {
		line("CUSMA claim share c = %s%s.", present.Number(f.CUSMAShare), p.paramSource(f, "cusma"))
	}
	line("Import demand elasticity e = %s%s.", present.Number(f.Elasticity), p.paramSource(f, "elasticity"))
	line("Baseline tariff t0 = %s%s.", present.FigurePct(f.BaselineTariff), p.paramSource(f, "tariff"))
	line("")
	line("Measures in force that hit this sector's lines:")
	for _, sm := range ex.Measures {
		line("%s", sectorMeasureLine(sm))
	}
	if len(ex.Measures) == 0 {
		line("• none")
	}
	line("")
	b.WriteString(formulas(f, a))
	line("")
	for _, s := range p.nav.SourceLines() {
		line("%s", s)
	}
	return strings.TrimSpace(b.String())
}

// sectorMeasureLine is the line of "How this row is computed" of a measure
// that hits lines of the sector: its rate or ban, the duty it adds or the
// trade it bans, and what limits it.
func sectorMeasureLine(sm scenarios.SectorMeasure) string {
	m := sm.Measure
	var notes []string
	if m.CUSMAExempt {
		notes = append(notes, "CUSMA-claimed goods exempt: × (1 − c)")
	}
	if len(m.YieldsTo) > 0 {
		notes = append(notes, "yields to "+strings.Join(m.YieldsTo, ", ")+" where they apply")
	}
	if sm.UpperBound {
		notes = append(notes, "≤ its coverage of some lines is an upper bound")
	}
	if st := m.StatusOrDefault(); st != scenarios.StatusInForce {
		notes = append(notes, present.StatusLabel(st))
	}
	extra := ""
	if len(notes) > 0 {
		extra = " (" + strings.Join(notes, "; ") + ")"
	}
	if m.IsBan() {
		return fmt.Sprintf("• %s: import ban on %s, trade banned %s%s", present.MeasureName(m), lineCount(sm.Lines), present.Money(sm.Banned), extra)
	}
	return fmt.Sprintf("• %s: rate %s on %s, adds %s of duty%s", present.MeasureName(m), present.Percent(m.Rate), lineCount(sm.Lines), present.Money(sm.Duty), extra)
}

// formulas are the lines of "How this row is computed" that give the
// calculation's formulas with the values of flow f under assumptions a.
func formulas(f scenarios.Flow, a scenarios.Assumptions) string {
	var b strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	line("Additional tariff τ = %s", present.FigurePct(f.Tariff))
	upper := ""
	if f.UpperBound {
		upper = " (upper bound)"
	}
	if f.Banned != 0 {
		line("Trade banned VB = V × B = %s%s (B: each line's largest ban coverage)", present.Money(f.Banned), upper)
		line("Duty at stake D = V × (1 − B) × τ = %s%s", present.Money(f.Duty), upper)
		line("Trade effect ΔM = −VB + max(−V(1 − B), −e × V(1 − B) × τ / (1 + t0)) = %s", present.Money(f.TradeChange))
	} else {
		line("Duty at stake D = V × τ = %s%s", present.Money(f.Duty), upper)
		line("Trade effect ΔM = max(−V, −e × V × τ / (1 + t0)) = %s", present.Money(f.TradeChange))
	}
	line("  low (e × %s) %s, high (e × %s) %s", present.Number(a.ElasticityLow), present.Money(f.TradeChangeLow), present.Number(a.ElasticityHigh), present.Money(f.TradeChangeHigh))
	line("Value after the measures V1 = V + ΔM = %s", present.Money(f.ValueAfter))
	line("Duty collected R = τ × V1 = %s", present.Money(f.DutyCollected))
	return b.String()
}

// lineCount says "1 line" or "n lines".
func lineCount(n int) string {
	if n == 1 {
		return "1 line"
	}
	return fmt.Sprintf("%d lines", n)
}

// paramSource says where a parameter of a flow comes from.
func (p *Panel) paramSource(f scenarios.Flow, which string) string {
	o := p.sess.Draft().Assumptions.Overrides
	var vals map[string]float64
	switch which {
	case "cusma":
		vals = o.CUSMAShare
	case "elasticity":
		vals = o.Elasticity
	default:
		vals = o.BaselineTariff
	}
	if _, ok := vals[f.Sector]; ok {
		return " (your assumption)"
	}
	switch which {
	case "cusma":
		if f.Direction == scenarios.UStoCA {
			return " (no share data for flows into Canada)"
		}
		return " (preset " + p.sess.Draft().Assumptions.CUSMAShares + ")"
	case "elasticity":
		for _, d := range p.sess.Defaults() {
			if d.Sector == f.Sector && d.ElasticityImputed {
				return " (imputed: median of the other sectors)"
			}
		}
		return " (preset " + p.sess.Draft().Assumptions.Elasticities + ")"
	}
	return " (default: CUSMA trade is mostly duty-free)"
}
