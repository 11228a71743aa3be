package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"parley/scenarios"
)

// showFlow explains how a sector's figures are computed: every input with
// its source and the formulas of the calculation.
func (u *UI) showFlow(f scenarios.Flow) {
	sc := u.draft
	a := sc.Assumptions
	var b strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	sec := f.Sector
	for _, s := range u.sectors {
		if s.Code == f.Sector {
			sec = fmt.Sprintf("%s (%s; HS chapters %s)", s.Name, s.Code, strings.Join(s.Chapters, ", "))
		}
	}
	line("%s, %s, as of %s", sec, dirLabel(f.Direction), u.result.AsOf)
	line("")
	line("Baseline trade V = %s (%d).", money(f.Baseline), a.BaselineYear)
	line("CUSMA claim share c = %s%s.", number(f.CUSMAShare), u.paramSource(f, "cusma"))
	line("Import demand elasticity e = %s%s.", number(f.Elasticity), u.paramSource(f, "elasticity"))
	line("Baseline tariff t0 = %s%s.", percent(f.BaselineTariff), u.paramSource(f, "tariff"))
	line("")
	line("Measures in force covering this sector:")
	n := 0
	for _, m := range sc.Measures {
		if m.Direction() != f.Direction || !m.ActiveOn(u.result.AsOf, sc.Assumptions.IncludeThreats) || m.Coverage(f.Sector) == 0 {
			continue
		}
		n++
		var notes []string
		if m.CUSMAExempt {
			notes = append(notes, "CUSMA-claimed goods exempt: × (1 − c)")
		}
		if len(m.YieldsTo) > 0 {
			notes = append(notes, "yields to "+strings.Join(m.YieldsTo, ", ")+" where they apply")
		}
		if m.IsUpperBound(f.Sector) {
			notes = append(notes, "≤ coverage is an upper bound")
		}
		extra := ""
		if len(notes) > 0 {
			extra = " (" + strings.Join(notes, "; ") + ")"
		}
		line("• %s: rate %s × coverage %s%s", measureName(&m), percent(m.Rate), percent(m.Coverage(f.Sector)), extra)
	}
	if n == 0 {
		line("• none")
	}
	line("")
	line("Additional tariff τ = %s", percent(f.Tariff))
	upper := ""
	if f.UpperBound {
		upper = " (upper bound)"
	}
	line("Duty at stake D = V × τ = %s%s", money(f.Duty), upper)
	line("Trade effect ΔM = max(−V, −e × V × τ / (1 + t0)) = %s", money(f.TradeChange))
	line("  low (e × %s) %s, high (e × %s) %s", number(a.ElasticityLow), money(f.TradeChangeLow), number(a.ElasticityHigh), money(f.TradeChangeHigh))
	line("Value after the measures V1 = V + ΔM = %s", money(f.ValueAfter))
	line("Duty collected R = τ × V1 = %s", money(f.DutyCollected))
	line("")
	for _, s := range u.sourceLines() {
		line("%s", s)
	}
	msg := widget.NewLabel(strings.TrimSpace(b.String()))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("How this row is computed", "Close", scrollOf(msg, 620, 460), u.win)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("Close", d.Hide), u.productsButton(f, d)})
	u.track(d, nil)
}

// paramSource says where a parameter of a flow comes from.
func (u *UI) paramSource(f scenarios.Flow, which string) string {
	o := u.draft.Assumptions.Overrides
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
		return " (preset " + u.draft.Assumptions.CUSMAShares + ")"
	case "elasticity":
		for _, d := range u.defaults {
			if d.Sector == f.Sector && d.ElasticityImputed {
				return " (imputed: median of the other sectors)"
			}
		}
		return " (preset " + u.draft.Assumptions.Elasticities + ")"
	}
	return " (default: CUSMA trade is mostly duty-free)"
}

// scrollOf wraps o in a vertical scroll of at least w×h.
func scrollOf(o fyne.CanvasObject, w, h float32) fyne.CanvasObject {
	s := container.NewVScroll(o)
	s.SetMinSize(fyne.NewSize(w, h))
	return s
}
