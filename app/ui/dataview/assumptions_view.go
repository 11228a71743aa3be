package dataview

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/kit"
	"parley/app/ui/present"
	"parley/scenarios"
	"parley/storage"
)

// yourAssumption marks a value the user set instead of the default.
const yourAssumption = "your assumption"

// assumptionsView edits the assumptions of the scenario shown: baseline
// year, presets, elasticity multipliers and per-sector overrides, each
// default shown with its source.
type assumptionsView struct {
	dv      *View
	content fyne.CanvasObject
	loading bool

	title   *widget.Label
	problem *widget.Label
	year    *widget.Select
	cusma   *widget.Select
	elast   *widget.Select
	low     *kit.Field
	high    *kit.Field
	threats *widget.Check // include_threats
	totals  [2]*widget.Label
	legend  *widget.Label
	sources *widget.Label
	rows    []*overrideRow
	body    fyne.CanvasObject
	none    *widget.Label

	cusmaPresets []storage.Preset
	elastPresets []storage.Preset
	shownKey     string         // assumptions last shown
	datasets     *datasetPicker // trade data by direction (datasets_picker.go)
}

// overrideRow is one sector's line of the overrides table.
type overrideRow struct {
	code                 string
	cusmaDef, elastDef   *widget.Label
	tariffDef            *widget.Label
	cusma, elast, tariff *kit.Field
	mark                 *widget.Label
}

// widths of the overrides table's columns.
var overrideWidths = []float32{150, 116, 80, 84, 76, 70, 80, 150}

func newAssumptionsView(dv *View) *assumptionsView {
	v := &assumptionsView{dv: dv}
	v.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.title.Wrapping = fyne.TextWrapWord
	v.problem = kit.ErrorLabel()
	v.newControls()
	for i := range v.totals {
		v.totals[i] = widget.NewLabel("")
		v.totals[i].Wrapping = fyne.TextWrapWord
	}
	v.legend = widget.NewLabel("")
	v.legend.Wrapping = fyne.TextWrapWord
	v.sources = widget.NewLabel("")
	v.sources.Wrapping = fyne.TextWrapWord
	v.sources.TextStyle = fyne.TextStyle{Italic: true}

	form := widget.NewForm(
		widget.NewFormItem("Baseline year", v.year),
		widget.NewFormItem("CUSMA shares", v.cusma),
		widget.NewFormItem("Elasticities", v.elast),
		widget.NewFormItem("Elasticity low ×", v.low),
		widget.NewFormItem("Elasticity high ×", v.high),
		widget.NewFormItem("Threats", v.threats),
	)
	form.Items[4].HintText = "Low and high trade effects use e × these"
	form.Items[5].HintText = "Announced publicly, no legal instrument; struck-down and expired measures never apply"
	v.datasets = newDatasetPicker(v)
	for _, it := range v.datasets.items() {
		form.AppendItem(it)
	}

	header := container.New(&kit.ColumnsLayout{Widths: overrideWidths},
		kit.BoldLabel("Sector"), kit.BoldLabel("CUSMA share"), kit.BoldLabel("yours, %"),
		kit.BoldLabel("Elasticity"), kit.BoldLabel("yours"), kit.BoldLabel("Tariff"), kit.BoldLabel("yours, %"), kit.BoldLabel("applied"))
	grid := container.NewVBox()
	for _, s := range dv.sess.Sectors() {
		grid.Add(v.newRow(s))
	}
	table := container.NewBorder(header, nil, nil, nil, container.NewVScroll(grid))
	v.sources.SizeName = theme.SizeNameCaptionText
	// One scroll for the whole pane: it fits a short window.
	left := container.NewVScroll(container.NewVBox(v.title, form, v.datasets.hint, v.problem, widget.NewSeparator(),
		kit.BoldLabel("Result of this scenario"), v.totals[0], v.totals[1], widget.NewSeparator(), v.sources))
	split := container.NewHSplit(left, container.NewBorder(v.legend, nil, nil, nil, container.NewHScroll(table)))
	split.Offset = 0.28
	v.body = split
	v.none = widget.NewLabel("No scenario is open.")
	v.content = container.NewStack(v.body, v.none)
	return v
}

// newControls makes the assumptions' controls, each of which edits the
// scenario shown: year, presets, multipliers and threats.
func (v *assumptionsView) newControls() {
	v.cusmaPresets, _ = v.dv.sess.Workspace().CUSMAPresets()
	v.elastPresets, _ = v.dv.sess.Workspace().ElasticityPresets()
	years, _ := v.dv.sess.Workspace().BaselineYears()
	var yearOpts []string
	for _, y := range years {
		yearOpts = append(yearOpts, strconv.Itoa(y))
	}
	v.year = widget.NewSelect(yearOpts, func(s string) {
		y, err := strconv.Atoi(s)
		if err != nil {
			return
		}
		v.change("", "baseline year change", func(a *scenarios.Assumptions) { a.BaselineYear = y })
	})
	v.cusma = widget.NewSelect(presetLabels(v.cusmaPresets), func(s string) {
		name := presetName(v.cusmaPresets, s)
		v.change("", "CUSMA share preset change", func(a *scenarios.Assumptions) { a.CUSMAShares = name })
	})
	v.elast = widget.NewSelect(presetLabels(v.elastPresets), func(s string) {
		name := presetName(v.elastPresets, s)
		v.change("", "elasticity preset change", func(a *scenarios.Assumptions) { a.Elasticities = name })
	})
	v.low = kit.NewField(v.dv.win, "0.5")
	v.low.Scenario = true
	v.low.Validator = func(s string) error { _, err := present.ParseNumber(s, 0, 100); return err }
	v.low.OnChanged = func(s string) {
		if x, err := present.ParseNumber(s, 0, 100); err == nil {
			v.change("low", "elasticity multiplier change", func(a *scenarios.Assumptions) { a.ElasticityLow = x })
		}
	}
	v.high = kit.NewField(v.dv.win, "1.5")
	v.high.Scenario = true
	v.high.Validator = v.low.Validator
	v.high.OnChanged = func(s string) {
		if x, err := present.ParseNumber(s, 0, 100); err == nil {
			v.change("high", "elasticity multiplier change", func(a *scenarios.Assumptions) { a.ElasticityHigh = x })
		}
	}
	v.threats = widget.NewCheck("Threatened measures are in force by their dates", func(on bool) {
		v.change("", "threats change", func(a *scenarios.Assumptions) { a.IncludeThreats = on })
	})
}

// newRow makes the overrides row of sector s.
func (v *assumptionsView) newRow(s scenarios.Sector) fyne.CanvasObject {
	r := &overrideRow{code: s.Code}
	r.cusmaDef, r.elastDef, r.tariffDef = widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel("0%")
	r.mark = widget.NewLabel("")
	r.mark.Importance = widget.WarningImportance
	r.mark.Truncation = fyne.TextTruncateEllipsis
	name := widget.NewLabel(s.Label())
	name.Truncation = fyne.TextTruncateEllipsis
	mk := func(kind, what, placeholder string, parse func(string) (float64, error), show func(float64) string,
		set func(o *scenarios.Overrides, code string, val float64, on bool)) *kit.Field {
		f := kit.NewField(v.dv.win, placeholder)
		f.Scenario = true
		key := "ov:" + kind + ":" + s.Code
		f.OnChanged = func(text string) {
			if strings.TrimSpace(text) == "" {
				v.change(key, "override removal", func(a *scenarios.Assumptions) { set(&a.Overrides, s.Code, 0, false) })
				return
			}
			x, err := parse(text)
			if err != nil {
				// Nothing out of range is applied, nor kept from the typing
				// that led here: the override goes back to what it was
				// when the user began typing in the field.
				stays := "the default stays"
				if back, berr := parse(f.StartText); berr == nil && strings.TrimSpace(f.StartText) != "" {
					v.change(key, "override change", func(a *scenarios.Assumptions) { set(&a.Overrides, s.Code, back, true) })
					stays = "your value stays " + show(back)
				} else {
					v.change(key, "override removal", func(a *scenarios.Assumptions) { set(&a.Overrides, s.Code, 0, false) })
				}
				v.dv.nav.ShowProblem(v.problem, fmt.Errorf("%s of %s, %q: %w. Not applied: %s", what, s.Label(), strings.TrimSpace(text), err, stays))
				return
			}
			v.change(key, "override change", func(a *scenarios.Assumptions) { set(&a.Overrides, s.Code, x, true) })
		}
		return f
	}
	share := func(max float64) func(string) (float64, error) {
		return func(t string) (float64, error) { x, _, err := present.ParseShare(t, max); return x, err }
	}
	r.cusma = mk("cusma", "CUSMA share", "%", share(1), present.Percent, func(o *scenarios.Overrides, c string, x float64, on bool) {
		o.CUSMAShare = setOverride(o.CUSMAShare, c, x, on)
	})
	r.elast = mk("elast", "elasticity", "", func(s string) (float64, error) { return present.ParseNumber(s, 0, 100) }, present.Number, func(o *scenarios.Overrides, c string, x float64, on bool) {
		o.Elasticity = setOverride(o.Elasticity, c, x, on)
	})
	r.tariff = mk("tariff", "baseline tariff", "%", share(scenarios.MaxRate), present.Percent, func(o *scenarios.Overrides, c string, x float64, on bool) {
		o.BaselineTariff = setOverride(o.BaselineTariff, c, x, on)
	})
	v.rows = append(v.rows, r)
	return container.New(&kit.ColumnsLayout{Widths: overrideWidths}, name, r.cusmaDef, r.cusma, r.elastDef, r.elast, r.tariffDef, r.tariff, r.mark)
}

// setOverride sets or removes one override value.
func setOverride(m map[string]float64, code string, x float64, on bool) map[string]float64 {
	if !on {
		delete(m, code)
		return m
	}
	if m == nil {
		m = map[string]float64{}
	}
	m[code] = x
	return m
}

func presetLabels(ps []storage.Preset) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Name+": "+p.Label)
	}
	return out
}

func presetName(ps []storage.Preset, label string) string {
	for _, p := range ps {
		if p.Name+": "+p.Label == label {
			return p.Name
		}
	}
	name, _, _ := strings.Cut(label, ":")
	return name
}

func presetLabel(ps []storage.Preset, name string) string {
	for _, p := range ps {
		if p.Name == name {
			return p.Name + ": " + p.Label
		}
	}
	return name
}

// change edits the scenario's assumptions.
func (v *assumptionsView) change(key, label string, fn func(a *scenarios.Assumptions)) {
	if v.loading || v.dv.sess.Draft() == nil {
		return
	}
	err := v.dv.nav.Edit(key, label, func(sc *scenarios.Scenario) { fn(&sc.Assumptions) })
	v.dv.nav.ShowProblem(v.problem, err)
}

// load shows the assumptions of the scenario shown.
func (v *assumptionsView) load() {
	dv := v.dv
	if dv.sess.Draft() == nil {
		v.body.Hide()
		v.none.Show()
		return
	}
	v.body.Show()
	v.none.Hide()
	v.loading = true
	defer func() { v.loading = false }()
	a := dv.sess.Draft().Assumptions
	v.title.SetText(fmt.Sprintf("Assumptions of “%s”: changes apply to this scenario, are saved at once and can be undone.", dv.sess.Draft().Name))
	v.year.SetSelected(strconv.Itoa(a.BaselineYear))
	v.cusma.SetSelected(presetLabel(v.cusmaPresets, a.CUSMAShares))
	v.elast.SetSelected(presetLabel(v.elastPresets, a.Elasticities))
	v.datasets.load(a)
	v.low.SetQuiet(present.Number(a.ElasticityLow))
	v.high.SetQuiet(present.Number(a.ElasticityHigh))
	v.threats.SetChecked(a.IncludeThreats)
	o := a.Overrides
	for _, r := range v.rows {
		r.cusma.SetQuiet(present.OverrideText(o.CUSMAShare, r.code, true))
		r.elast.SetQuiet(present.OverrideText(o.Elasticity, r.code, false))
		r.tariff.SetQuiet(present.OverrideText(o.BaselineTariff, r.code, true))
	}
	v.changed()
}

// changed shows the defaults, sources and marks after an edit.
func (v *assumptionsView) changed() {
	dv := v.dv
	if dv.sess.Draft() == nil {
		return
	}
	a := dv.sess.Draft().Assumptions
	if _, err := dv.sess.ModelFor(a); err != nil {
		v.legend.SetText("Defaults unavailable: " + err.Error())
		return
	}
	defs := dv.sess.Defaults()
	key := fmt.Sprintf("%v", a)
	if key == v.shownKey {
		return // nothing this view shows changed
	}
	v.shownKey = key
	byCode := map[string]storage.SectorDefault{}
	for _, d := range defs {
		byCode[d.Sector] = d
	}
	var cusmaSrc, elastSrc string
	if len(defs) > 0 {
		cusmaSrc = dv.datasetSource(defs[0].CUSMASource)
		elastSrc = dv.datasetSource(defs[0].ElasticitySource)
	}
	v.legend.SetText(fmt.Sprintf("Defaults and their sources. CUSMA claim shares (flows into the US; flows into Canada have no share data and take 0): "+
		"preset %s, %s. Elasticities: preset %s, %s; * imputed: median of the other sectors. Baseline tariff: 0 (CUSMA trade is mostly duty-free). "+
		"Type a value under “yours” to replace a default in both directions (your assumption): 50%% or 50 is a percentage, 0.5 a fraction (also 50%%); “applied” shows what is used. Clear it to return to the default.",
		a.CUSMAShares, cusmaSrc, a.Elasticities, elastSrc))
	o := a.Overrides
	for _, r := range v.rows {
		d := byCode[r.code]
		r.cusmaDef.SetText(present.Percent(d.CUSMAShare))
		e := present.Number(d.Elasticity)
		if d.ElasticityImputed {
			e += " *"
		}
		r.elastDef.SetText(e)
		// What each value typed was read as ("0.5" is 50%), as applied.
		var mine []string
		if x, ok := o.CUSMAShare[r.code]; ok {
			mine = append(mine, "share "+present.Percent(x))
		}
		if x, ok := o.Elasticity[r.code]; ok {
			mine = append(mine, "e "+present.Number(x))
		}
		if x, ok := o.BaselineTariff[r.code]; ok {
			mine = append(mine, "tariff "+present.Percent(x))
		}
		if len(mine) > 0 {
			r.mark.SetText("✎ " + yourAssumption + ": " + strings.Join(mine, ", "))
		} else {
			r.mark.SetText("")
		}
	}
	v.sources.SetText(present.WindowText(strings.Join(dv.sess.SourceLines(), "\n")))
}

// datasetSource returns a dataset's source as SOURCES.md gives it.
func (v *View) datasetSource(id string) string {
	if id == "" {
		return "no source"
	}
	d, err := v.sess.Workspace().TradeData().ProvenanceOf(id)
	if err != nil {
		return id
	}
	return strings.TrimSuffix(d.Source, ".")
}

// showResult shows the totals of the scenario as computed now.
func (v *assumptionsView) showResult() {
	for _, d := range scenarios.Directions {
		if v.dv.sess.Draft() == nil {
			v.totals[d.Index()].SetText("")
			continue
		}
		v.totals[d.Index()].SetText(present.TotalsLine(d, v.dv.sess.Result().Totals[d.Index()]))
	}
}
