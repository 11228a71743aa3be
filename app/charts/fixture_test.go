package charts_test

import (
	"testing"

	"parley/app/charts"
	"parley/scenarios"
)

// sectorFixture is one of the 26 negotiation sectors with 2024-like
// magnitudes (US$ bn), a CUSMA claim share into the US and an elasticity.
type sectorFixture struct {
	code, name, short string
	caToUS, usToCA    float64 // US$ bn
	cusma, elast      float64
}

var fixtureSectors = []sectorFixture{
	{"ENERGY", "Energy (crude oil, natural gas, refined products, electricity, coal)", "Energy", 124.87, 26.4, 0.9144, 1.19},
	{"AGRI", "Agriculture, livestock & fish (unprocessed)", "Agriculture & fish", 18.3, 14.5, 0.9771, 0.94},
	{"DAIRY", "Dairy, eggs & honey (supply-managed: dairy = HS 0401-0406)", "Dairy, eggs & honey", 0.32, 0.71, 0.9938, 1.12},
	{"FOOD", "Processed food, beverages & tobacco", "Processed food & beverages", 26.16, 18.56, 0.9469, 1.11},
	{"MINERALS", "Critical minerals, ores & non-ferrous base metals (ex Cu/Al)", "Critical minerals & ores", 4.72, 4.05, 0.9534, 0.98},
	{"FERT", "Potash & fertilizers (potash = HS 3104)", "Potash & fertilizers", 3.73, 2.04, 0.9996, 1.11},
	{"CHEM", "Chemicals (ex pharma, ex fertilizer)", "Chemicals", 14.96, 21.67, 0.9558, 1.15},
	{"PHARMA", "Pharmaceuticals", "Pharmaceuticals", 5.33, 6.8, 0.9094, 0.95},
	{"PLASTIC", "Plastics & rubber", "Plastics & rubber", 17.16, 19.13, 0.9821, 1.13},
	{"LUMBER", "Lumber & wood products (softwood lumber = HS 4407)", "Lumber & wood", 11.12, 2.38, 0.9955, 1.02},
	{"PAPER", "Pulp, paper & printed matter", "Pulp & paper", 9.45, 8.1, 0.989, 1.2},
	{"TEXTILE", "Textiles, apparel, leather & footwear", "Textiles & apparel", 1.72, 5.6, 0.9348, 1.2},
	{"NONMET", "Stone, ceramics & glass", "Stone, ceramics & glass", 1.84, 3.51, 0.9815, 1.11},
	{"PRECIOUS", "Precious metals & stones (mostly gold)", "Precious metals & stones", 10.07, 7.47, 0.7201, 0.98},
	{"STEEL", "Iron & steel and steel articles", "Iron & steel", 12.98, 11.47, 0.9615, 1.22},
	{"COPPER", "Copper & articles", "Copper", 3.99, 2.2, 0.9848, 1.01},
	{"ALUMINUM", "Aluminum & articles", "Aluminum", 11.37, 3.21, 0.9894, 1.12},
	{"METALART", "Tools & misc. base-metal articles", "Tools & metal articles", 1.94, 3.23, 0.8857, 0.8},
	{"MACHINERY", "Machinery & mechanical appliances (incl. computers 8471)", "Machinery", 30.11, 51.27, 0.8497, 0.97},
	{"ELECTRONICS", "Electrical machinery, electronics & semiconductors (8541-8542)", "Electrical & electronics", 11.15, 28.3, 0.8502, 1.03},
	{"AUTOS", "Motor vehicles & parts", "Motor vehicles & parts", 50.43, 53.67, 0.9483, 0.87},
	{"AEROSPACE", "Aircraft, spacecraft & parts", "Aircraft & parts", 9.21, 8.26, 0.8619, 0.96},
	{"OTHTRANS", "Rail & marine equipment", "Rail & marine equipment", 0.76, 1.65, 0.8977, 1.94},
	{"INSTR", "Optical, medical & precision instruments", "Instruments", 4.75, 11.07, 0.7174, 0.95},
	{"OTHERMFG", "Furniture, arms, toys & misc. manufactures", "Furniture & misc. manufactures", 7.11, 8.91, 0.9499, 1.11},
	{"SPECIAL", "Special classifications (returns, low-value, etc.)", "Special (returns, low-value)", 19.15, 24.32, 0.1243, 1.11},
}

// fixtureModel returns a model of the 26 sectors; with short false the
// sectors have no short labels, so charts show their long names.
func fixtureModel(t testing.TB, short bool) *scenarios.Model {
	t.Helper()
	n := len(fixtureSectors)
	sectors := make([]scenarios.Sector, n)
	var lines []scenarios.Line
	p := scenarios.Params{
		CUSMAShare:     [2][]float64{make([]float64, n), make([]float64, n)},
		Elasticity:     make([]float64, n),
		BaselineTariff: make([]float64, n),
	}
	for i, s := range fixtureSectors {
		sectors[i] = scenarios.Sector{Code: s.code, Name: s.name}
		if short {
			sectors[i].Short = s.short
		}
		lines = append(lines,
			scenarios.Line{Direction: scenarios.CAtoUS, Code: s.code, Sector: s.code, Value: s.caToUS * 1e9},
			scenarios.Line{Direction: scenarios.UStoCA, Code: s.code, Sector: s.code, Value: s.usToCA * 1e9})
		p.CUSMAShare[0][i] = s.cusma
		p.Elasticity[i] = s.elast
	}
	m, err := scenarios.NewModel(scenarios.ModelData{Sectors: sectors, Lines: lines, Params: p, ElasticityLow: 0.5, ElasticityHigh: 1.5})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// august2025 is a scenario like the August 2025 regime: 35% on non-CUSMA
// goods, energy and potash 10%, Section 232 steel/aluminum 50%, autos 25%
// and copper 50% (upper bounds), and Canada's counter-tariffs.
func august2025() *scenarios.Scenario {
	d := scenarios.MustDate
	return &scenarios.Scenario{
		Name: "US 35% on non-CUSMA goods (Aug 2025)",
		AsOf: d("2025-08-15"),
		Measures: []scenarios.Measure{
			{ID: "ieepa-25", Label: "IEEPA 25% on non-CUSMA goods", Imposer: "US", Program: "IEEPA", Sectors: map[string]float64{"*": 1, "ENERGY": 0, "FERT": 0, "SPECIAL": 0},
				Rate: 0.25, CUSMAExempt: true, YieldsTo: []string{"S232"}, From: d("2025-03-04"), To: d("2025-07-31")},
			{ID: "ieepa-35", Label: "IEEPA 35% on non-CUSMA goods", Imposer: "US", Program: "IEEPA", Sectors: map[string]float64{"*": 1, "ENERGY": 0, "FERT": 0, "SPECIAL": 0},
				Rate: 0.35, CUSMAExempt: true, YieldsTo: []string{"S232"}, From: d("2025-08-01"), To: d("2026-02-23")},
			{ID: "ieepa-10", Label: "IEEPA 10% on energy & potash", Imposer: "US", Program: "IEEPA", Sectors: map[string]float64{"ENERGY": 1, "FERT": 1},
				Rate: 0.10, CUSMAExempt: true, From: d("2025-03-04"), To: d("2026-02-23")},
			{ID: "s232-steel-alu", Label: "Section 232 steel & aluminum 50%", Imposer: "US", Program: "S232", Sectors: map[string]float64{"STEEL": 1, "ALUMINUM": 1},
				Rate: 0.50, From: d("2025-06-04"), UpperBound: []string{"STEEL"}},
			{ID: "s232-autos", Label: "Section 232 autos 25%", Imposer: "US", Program: "S232", Sectors: map[string]float64{"AUTOS": 1},
				Rate: 0.25, From: d("2025-04-03"), UpperBound: []string{"AUTOS"}},
			{ID: "s232-copper", Label: "Section 232 copper 50%", Imposer: "US", Program: "S232", Sectors: map[string]float64{"COPPER": 1},
				Rate: 0.50, From: d("2025-08-01"), UpperBound: []string{"COPPER"}},
			{ID: "ca-counter", Label: "Canada counter-tariffs 25%", Imposer: "CA", Program: "CA-SURTAX", Sectors: map[string]float64{"FOOD": 0.3, "STEEL": 1, "ALUMINUM": 1, "AUTOS": 0.2, "OTHERMFG": 0.4},
				Rate: 0.25, From: d("2025-03-04"), To: d("2025-09-01")},
		},
	}
}

// threat is 25% on all Canadian goods.
func threat() *scenarios.Scenario {
	return &scenarios.Scenario{
		Name: "Threat: 25% on all Canadian goods",
		AsOf: scenarios.MustDate("2025-02-01"),
		Measures: []scenarios.Measure{{ID: "all-25", Label: "25% on all goods", Imposer: "US", Program: "IEEPA",
			Sectors: map[string]float64{"*": 1}, Rate: 0.25, From: scenarios.MustDate("2025-02-01")}},
	}
}

// sectoralDeal lifts steel, aluminum and auto duties from the August regime.
func sectoralDeal() *scenarios.Scenario {
	sc := august2025().Clone()
	sc.Name = "Sectoral deal: steel, aluminum & autos lifted"
	var kept []scenarios.Measure
	for _, m := range sc.Measures {
		if m.ID != "s232-steel-alu" && m.ID != "s232-autos" {
			kept = append(kept, m)
		}
	}
	sc.Measures = kept
	return &sc
}

// meta returns realistic title, subtitle and long footnotes.
func meta(title, subtitle string) charts.Meta {
	return charts.Meta{
		Title:    title,
		Subtitle: subtitle,
		Footnote: []string{
			"Source: US DOT Bureau of Transportation Statistics, TransBorder Freight Data (HS2, 2024), summed over modes; CUSMA claim shares: The Budget Lab at Yale, tariff-rate-tracker (USITC DataWeb, H2 2025); elasticities: Hauk (2012), median by sector.",
			"Evidence: seed 004 \u201cthe recent announcement of a 35 percent tariff on Canadian goods\u201d; Executive order of 2025-07-31 (IEEPA); Proclamation 10947 (Section 232 steel and aluminum, 50% from 2025-06-04).",
		},
	}
}
