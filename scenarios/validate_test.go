package scenarios_test

import (
	"os"
	"strings"
	"testing"

	"parley/scenarios"
	"parley/scenarios/scenariofile"
)

// catalog is a fixed scenarios.Catalog for tests.
type catalog struct{ docs map[string]string }

func (catalog) SectorKnown(code string) bool {
	switch code {
	case "ENERGY", "FERT", "STEEL", "AUTOS", "ALUMINUM":
		return true
	}
	return false
}
func (catalog) BaselineYearKnown(y int) bool { return y >= 2023 && y <= 2025 }
func (catalog) CUSMAPresetKnown(name string) bool {
	return name == "h2-2025" || name == "h2-2025-sector" || name == "2025-01"
}
func (catalog) ListKnown(name string) bool { return name == "us-s232-copper" }
func (catalog) DatasetKnown(d scenarios.Direction, name string) bool {
	return d == scenarios.CAtoUS && name == "my-2026"
}
func (catalog) ElasticityPresetKnown(name string) bool { return name == "hauk2012" }
func (c catalog) DocumentText(id string) (string, bool) {
	t, ok := c.docs[id]
	return t, ok
}

var testCatalog = catalog{docs: map[string]string{
	"004_00f7d1e281d38557": "The dialogue comes amid escalating tensions, particularly following the recent\nannouncement of a 35 percent tariff on Canadian goods by President Donald Trump. Canada’s “flexibility”.",
}}

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		edit func(sc *scenarios.Scenario)
		want string // substring of the only message; "" means valid
	}{
		{"the example is valid", func(*scenarios.Scenario) {}, ""},
		{"rate above 10", func(sc *scenarios.Scenario) { sc.Measures[0].Rate = 10.5 }, "measures[0].rate: 10.5 is out of range [0, 10]"},
		{"negative rate", func(sc *scenarios.Scenario) { sc.Measures[0].Rate = -0.1 }, "measures[0].rate: -0.1 is out of range"},
		{"coverage above 1", func(sc *scenarios.Scenario) { sc.Measures[0].Sectors["STEEL"] = 1.2 }, "measures[0].sectors.STEEL: coverage 1.2 is out of range [0, 1]"},
		{"share above 1", func(sc *scenarios.Scenario) { sc.Assumptions.Overrides.CUSMAShare["AUTOS"] = 2 }, "assumptions.overrides.cusma_share.AUTOS: share 2 is out of range [0, 1]"},
		{"unknown sector", func(sc *scenarios.Scenario) { sc.Measures[0].Sectors["STEAL"] = 1 }, `measures[0].sectors.STEAL: unknown sector "STEAL"`},
		{"unknown override sector", func(sc *scenarios.Scenario) { sc.Assumptions.Overrides.Elasticity["XX"] = 1 }, `assumptions.overrides.elasticity.XX: unknown sector "XX"`},
		{"bad imposer", func(sc *scenarios.Scenario) { sc.Measures[0].Imposer = "MX" }, `measures[0].imposer: must be "US" or "CA", not "MX"`},
		{"unknown document", func(sc *scenarios.Scenario) { sc.Measures[0].Evidence[0].Document = "999_x" }, `measures[0].evidence[0].document: unknown document "999_x"`},
		{"quote not found", func(sc *scenarios.Scenario) { sc.Measures[0].Evidence[0].Quote = "a 45 percent tariff" }, `measures[0].evidence[0].quote: quote "a 45 percent tariff" not found in document 004_00f7d1e281d38557`},
		{"quote ignores case, spaces and quote style", func(sc *scenarios.Scenario) {
			sc.Measures[0].Evidence[0].Quote = "THE RECENT   announcement  of a 35 PERCENT tariff"
			sc.Measures[0].Evidence = append(sc.Measures[0].Evidence, scenarios.Evidence{Document: "004_00f7d1e281d38557", Quote: `Canada's "flexibility"`})
		}, ""},
		{"unknown preset", func(sc *scenarios.Scenario) { sc.Assumptions.CUSMAShares = "2030-01" }, `assumptions.cusma_shares: unknown CUSMA share preset "2030-01"`},
		{"unknown year", func(sc *scenarios.Scenario) { sc.Assumptions.BaselineYear = 1999 }, "assumptions.baseline_year: no baseline trade for year 1999"},
		{"end before start", func(sc *scenarios.Scenario) { sc.Measures[0].To = scenarios.MustDate("2025-01-01") }, "measures[0].effective_to: 2025-01-01 is before effective_from 2025-08-01"},
		{"empty name", func(sc *scenarios.Scenario) { sc.Name = "  " }, "name: must not be empty"},
		{"duplicate measure id", func(sc *scenarios.Scenario) { sc.Measures = append(sc.Measures, sc.Measures[0].Clone()) }, `measures[1].id: "us-ieepa-35" is also the id of measures[0]`},
		{"evidence with nothing", func(sc *scenarios.Scenario) { sc.Measures[0].Evidence[1] = scenarios.Evidence{} }, "measures[0].evidence[1]: needs a document and quote, or a citation"},
		{"empty sectors", func(sc *scenarios.Scenario) { sc.Measures[0].Sectors = map[string]float64{} }, "measures[0].sectors: must name at least one sector"},
		{"low above high", func(sc *scenarios.Scenario) { sc.Assumptions.ElasticityLow = 2 }, "assumptions.elasticity_low: 2 is above elasticity_high 1.5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := scenariofile.Decode(readExample(t))
			if err != nil {
				t.Fatal(err)
			}
			tt.edit(&f.Scenario)
			errs := scenarios.Validate(&f.Scenario, testCatalog)
			if tt.want == "" {
				if len(errs) > 0 {
					t.Fatalf("unexpected errors: %v", errs)
				}
				return
			}
			if len(errs) != 1 || !strings.Contains(errs[0].Error(), tt.want) {
				t.Fatalf("errors = %v, want one containing %q", errs, tt.want)
			}
			if !f.Locate(errs)[0].Pos.IsValid() {
				t.Errorf("error %v has no file position", errs[0])
			}
		})
	}
}

func TestQuoteIn(t *testing.T) {
	text := "Kirsten Hillman said: “We made progress and we’re just\nnot there yet.”"
	for _, tt := range []struct {
		quote string
		want  bool
	}{
		{`"We made progress and we're just not there yet."`, true},
		{"WE MADE   PROGRESS", true},
		{"we made progress and we are just", false},
		{"", false},
		{"   ", false},
	} {
		if got := scenarios.QuoteIn(tt.quote, text); got != tt.want {
			t.Errorf("QuoteIn(%q) = %v, want %v", tt.quote, got, tt.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	for _, s := range []string{"2025-02-29", "2025-13-01", "25-01-01", "2025-1-1", "2025-01-01T00:00:00Z", ""} {
		if _, err := scenarios.ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) accepted", s)
		}
	}
	d, err := scenarios.ParseDate("2024-02-29")
	if err != nil || d.String() != "2024-02-29" || d.MonthEnd().String() != "2024-02-29" || d.AddDays(1).String() != "2024-03-01" {
		t.Errorf("leap day: %v %v", d, err)
	}
}

// TestValidateInvisibleNames: a name that shows nothing, or that carries
// control characters (escape sequences), is refused.
func TestValidateInvisibleNames(t *testing.T) {
	for _, name := range []string{"\u200b", " \u200b\u200c\u200d\ufeff ", "\u2060", "\u202e", "\u3164", "\u0301\u0301", "\ufe0f", "\u2800", "\u00ad"} {
		sc := scenarios.Scenario{Name: name, AsOf: scenarios.MustDate("2025-01-01"), Assumptions: scenarios.DefaultAssumptions()}
		if !hasError(scenarios.Validate(&sc, nil), "name") {
			t.Errorf("name %q accepted", name)
		}
	}
	for _, name := range []string{"a\u001b]0;pwned\u0007", "x\u009b31m", "line\nbreak", "tab\there"} {
		sc := scenarios.Scenario{Name: name, AsOf: scenarios.MustDate("2025-01-01"), Assumptions: scenarios.DefaultAssumptions()}
		if !hasError(scenarios.Validate(&sc, nil), "name") {
			t.Errorf("name %q with control characters accepted", name)
		}
	}
	for _, name := range []string{"Steel & aluminum <50%>", "Café ]]> déjà", "Ĳssel", "e\u0301t\u00e9", "👍🏽 deal", "\u05d0\u05d1"} {
		sc := scenarios.Scenario{Name: name, AsOf: scenarios.MustDate("2025-01-01"), Assumptions: scenarios.DefaultAssumptions()}
		if hasError(scenarios.Validate(&sc, nil), "name") {
			t.Errorf("name %q refused", name)
		}
	}
}

func hasError(es scenarios.Errors, path string) bool {
	for _, e := range es {
		if e.Path == path {
			return true
		}
	}
	return false
}

func readExample(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("scenariofile/testdata/spec_example.json")
	if err != nil {
		t.Fatal(err)
	}
	return b
}
