package dataview

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app/numfmt"
	"parley/app/ui/present"
	"parley/scenarios"
	"parley/storage/datasets"
)

// builtinData is the picker's choice of Parley's own trade lines.
const builtinData = "Built-in data"

// datasetPicker chooses, in the Assumptions view, the trade data of each
// direction: Parley's built-in lines or one of the user's datasets.
type datasetPicker struct {
	v    *assumptionsView
	sel  [2]*widget.Select
	hint *widget.Label
	all  []datasets.TradeDataset
}

func newDatasetPicker(v *assumptionsView) *datasetPicker {
	p := &datasetPicker{v: v}
	for _, d := range scenarios.Directions {
		d := d
		s := widget.NewSelect([]string{builtinData}, nil)
		s.OnChanged = func(choice string) {
			name := ""
			if choice != builtinData {
				name = choice
			}
			v.change("", "trade data change", func(a *scenarios.Assumptions) { a.Datasets.Set(d, name) })
		}
		p.sel[d.Index()] = s
	}
	p.hint = widget.NewLabel("")
	p.hint.Wrapping = fyne.TextWrapWord
	p.hint.SizeName = theme.SizeNameCaptionText
	return p
}

// items are the form rows of the picker.
func (p *datasetPicker) items() []*widget.FormItem {
	ca := widget.NewFormItem("Trade data into US", p.sel[scenarios.CAtoUS.Index()])
	ca.HintText = present.TradeDataHint
	return []*widget.FormItem{ca, widget.NewFormItem("Trade data into Canada", p.sel[scenarios.UStoCA.Index()])}
}

// load shows the datasets of the workspace and the scenario's choice; the
// view is loading, so the selects' changes edit nothing.
func (p *datasetPicker) load(a scenarios.Assumptions) {
	all, err := p.v.dv.sess.Workspace().TradeData().List()
	if err != nil {
		p.hint.SetText("Datasets unavailable: " + err.Error())
		return
	}
	p.all = all
	for _, d := range scenarios.Directions {
		opts := []string{builtinData}
		for _, ds := range all {
			if ds.Direction == d {
				opts = append(opts, ds.Name)
			}
		}
		want := a.Datasets.For(d)
		choice := builtinData
		for _, o := range opts[1:] {
			if strings.EqualFold(o, want) {
				choice = o
			}
		}
		if want != "" && choice == builtinData {
			opts = append(opts, want) // missing: show it as it is
			choice = want
		}
		s := p.sel[d.Index()]
		s.Options = opts
		s.SetSelected(choice)
		s.Refresh()
	}
	p.hint.SetText(p.describe(a))
}

// describe says what the chosen datasets hold.
func (p *datasetPicker) describe(a scenarios.Assumptions) string {
	var out []string
	for _, d := range scenarios.Directions {
		name := a.Datasets.For(d)
		if name == "" {
			continue
		}
		for _, ds := range p.all {
			if strings.EqualFold(ds.Name, name) {
				s := fmt.Sprintf("%s: %q, %s, %s lines", present.DirLabel(d), ds.Name, ds.Period(), numfmt.Grouped(float64(ds.Lines), 0))
				if d == scenarios.CAtoUS && ds.CUSMALines > 0 && a.CUSMAShares != scenarios.CUSMADatasetPreset {
					s += `; it has claimed values: choose the CUSMA preset “dataset” to use them`
				}
				if ds.Regions > 0 {
					s += "; View > Exposure by province"
				}
				out = append(out, s+".")
			}
		}
	}
	return strings.Join(out, " ")
}
