package scenarios_test

import (
	"reflect"
	"testing"

	"parley/scenarios"
)

// columnsModel is productModel with its ca_to_us lines handed over in
// columns rather than as lines; change edits the columns first.
func columnsModel(t *testing.T, change func(*scenarios.LineColumns, *[]scenarios.Line)) (*scenarios.Model, error) {
	t.Helper()
	lines := []scenarios.Line{
		{Direction: scenarios.UStoCA, Code: "84", Sector: "MACH", Value: 300},
		{Direction: scenarios.UStoCA, Code: "22", Sector: "FOOD", Value: 60},
	}
	c := &scenarios.LineColumns{
		Code:        []string{"7208100000", "7308900000", "8414510000", "8414900000", "2204210000"},
		Sector:      []string{"STEEL", "STEEL", "MACH", "MACH", "FOOD"},
		Description: []string{"", "", "Table fans", "Fan parts", "Wine"},
		Value:       []float64{100, 50, 200, 40, 80},
		Claim:       []float64{0.2, 0, 0.9, 0, 0},
		HasClaim:    []bool{true, false, true, true, false},
	}
	if change != nil {
		change(c, &lines)
	}
	sectors := []scenarios.Sector{{Code: "STEEL"}, {Code: "MACH"}, {Code: "FOOD"}}
	p, err := scenarios.ResolveParams(sectors, scenarios.ParamSources{
		CUSMAShare: map[string]float64{"STEEL": 0.5, "MACH": 0.6, "FOOD": 0.1},
		Elasticity: map[string]float64{"STEEL": 2, "MACH": 1, "FOOD": 0.5},
	})
	if err != nil {
		t.Fatal(err)
	}
	ref := &scenarios.Reference{
		Lists:   scenarios.ProductLists{"fans": {Name: "fans", Codes: []string{"22042", "84145"}}},
		Content: scenarios.ContentShares{"8414510000": {0.25, 0.1, 1.4, 0.6}},
	}
	return scenarios.NewModel(scenarios.ModelData{Sectors: sectors, Lines: lines, Columns: [2]*scenarios.LineColumns{c, nil},
		Params: p, ElasticityLow: 0.5, ElasticityHigh: 1.5, Ref: ref})
}

// TestColumnsAreLines checks that a model given a direction's lines in
// columns evaluates every line as the model given the same lines does.
func TestColumnsAreLines(t *testing.T) {
	fromLines := productModel(t, scenarios.Overrides{})
	fromColumns, err := columnsModel(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	content := prodMeasure("c", "US", "S232", 0.5, []string{"8414"}, nil)
	content.Content = scenarios.ContentCopper
	sc := &scenarios.Scenario{Name: "s", Measures: []scenarios.Measure{
		prodMeasure("a", "US", "P", 0.25, []string{"list:fans", "72"}, []string{"7208.10"}),
		prodMeasure("b", "US", "S", 0.1, []string{"8414.90"}, nil),
		content,
		prodMeasure("d", "CA", "S", 0.25, []string{"8414.51.00"}, nil),
	}}
	for _, d := range scenarios.Directions {
		n := fromLines.LineCount(d)
		if fromColumns.LineCount(d) != n {
			t.Fatalf("%s: %d lines, from lines %d", d, fromColumns.LineCount(d), n)
		}
		for i := range n {
			if got, want := fromColumns.Line(d, i), fromLines.Line(d, i); got != want {
				t.Errorf("%s line %d: %+v, from lines %+v", d, i, got, want)
			}
		}
		if fromColumns.HasProvinces(d) {
			t.Errorf("%s: provinces, with none given", d)
		}
	}
	if !reflect.DeepEqual(fromLines.Baseline, fromColumns.Baseline) {
		t.Errorf("baseline %v, from lines %v", fromColumns.Baseline, fromLines.Baseline)
	}
	on := scenarios.MustDate("2025-06-01")
	want := fromLines.EvaluateWith(sc, on, scenarios.Options{Lines: true})
	got := fromColumns.EvaluateWith(sc, on, scenarios.Options{Lines: true})
	if len(got.Lines) == 0 || !reflect.DeepEqual(got, want) {
		t.Errorf("from columns %+v\nfrom lines %+v", got, want)
	}
}

// TestColumnsAreChecked checks that columns are held to the rules of lines.
func TestColumnsAreChecked(t *testing.T) {
	for name, change := range map[string]func(*scenarios.LineColumns, *[]scenarios.Line){
		"short column":   func(c *scenarios.LineColumns, _ *[]scenarios.Line) { c.Value = c.Value[:4] },
		"short province": func(c *scenarios.LineColumns, _ *[]scenarios.Line) { c.Province = []string{"ON"} },
		"unknown sector": func(c *scenarios.LineColumns, _ *[]scenarios.Line) { c.Sector[4] = "WINE" },
		"negative value": func(c *scenarios.LineColumns, _ *[]scenarios.Line) { c.Value[1] = -1 },
		"claim above 1":  func(c *scenarios.LineColumns, _ *[]scenarios.Line) { c.Claim[0] = 1.5 },
		"both ways": func(_ *scenarios.LineColumns, l *[]scenarios.Line) {
			*l = append(*l, scenarios.Line{Direction: scenarios.CAtoUS, Code: "84", Sector: "MACH", Value: 1})
		},
	} {
		if _, err := columnsModel(t, change); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
