package library_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"parley/library"
	"parley/scenarios"
)

func share(x float64) *float64 { return &x }

// samplePack holds a measure of every shape a cell can take.
func samplePack() *library.Pack {
	return &library.Pack{
		Info: library.Info{Format: library.Format, Title: "Sample", Publisher: "Unit", Vintage: "2026-12-01"},
		Measures: []library.Measure{
			{Measure: scenarios.Measure{ID: "A", Label: "Duty on steel, with a \"quote\"; and a comma", Imposer: "US", Program: "S232",
				Sectors: map[string]float64{"*": 1, "SPECIAL": 0, "AUTOS": 0.4}, Content: "steel", Rate: 0.5, CUSMAExempt: true,
				CUSMAExemptShare: share(0.6), Products: &scenarios.ProductScope{Include: []string{"list:mine", "7208.10"}, Exclude: []string{"720851"}},
				YieldsTo: []string{"IEEPA"}, From: scenarios.MustDate("2026-01-01"), To: scenarios.MustDate("2026-12-31"),
				UpperBound: []string{"AUTOS"}, Note: "line one\nline two",
				Evidence: []scenarios.Evidence{{Document: "doc-1", Quote: "the rate is 50 percent"}, {Citation: "Proclamation 1", URL: "https://x.test/1"}, {Citation: "Order 2"}}},
				Remark: "", Row: "US-232", LegalBasis: "Sec. 232", Confidence: "high"},
			{Measure: scenarios.Measure{ID: "B", Label: "Ban", Imposer: "CA", Kind: "ban", Status: "struck_down",
				Products: &scenarios.ProductScope{Include: []string{}}, YieldsTo: []string{}, UpperBound: []string{},
				From: scenarios.MustDate("2026-03-01"), Evidence: []scenarios.Evidence{{Citation: "Order 3"}}},
				StruckDownFrom: scenarios.MustDate("2026-06-15"), Remark: "held unlawful"},
		},
		Lists:     scenarios.ProductLists{"mine": {Name: "mine", Title: "My list", Source: "Annex I", Codes: []string{"7208", "721049"}}},
		Documents: map[string][]byte{"annex.txt": []byte("annex text")},
	}
}

func TestWriteReadRoundTrip(t *testing.T) {
	p := samplePack()
	for _, form := range []string{"zip", "folder"} {
		t.Run(form, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "pack")
			if form == "zip" {
				var b bytes.Buffer
				if err := p.WriteZip(&b); err != nil {
					t.Fatal(err)
				}
				path += ".zip"
				os.WriteFile(path, b.Bytes(), 0o600)
			} else if err := p.WriteDir(path); err != nil {
				t.Fatal(err)
			}
			q, err := library.Read(path)
			if err != nil {
				t.Fatal(err)
			}
			if d := library.Compare(p, q); !d.Empty() {
				var b strings.Builder
				d.Write(&b)
				t.Fatalf("read back differs:\n%s", b.String())
			}
			if !reflect.DeepEqual(q.Documents, p.Documents) || q.Info.Title != "Sample" || q.Lists["mine"].Source != "Annex I" {
				t.Errorf("documents, info or list source lost: %+v", q.Info)
			}
			// What is read writes back the same bytes.
			var b1, b2 bytes.Buffer
			p.WriteZip(&b1)
			q.WriteZip(&b2)
			if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
				t.Error("the pack read back writes other bytes")
			}
		})
	}
}

func TestEffectiveStruckDown(t *testing.T) {
	cases := []struct {
		name       string
		from, to   string
		struck     string
		wantStatus string
		wantTo     string
	}{
		{"struck mid-way", "2026-03-01", "", "2026-06-15", scenarios.StatusInForce, "2026-06-14"},
		{"struck after its end", "2026-03-01", "2026-05-01", "2026-06-15", scenarios.StatusInForce, "2026-05-01"},
		{"struck on its first day", "2026-03-01", "", "2026-03-01", scenarios.StatusStruckDown, ""},
		{"not struck", "2026-03-01", "", "", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := library.Measure{Measure: scenarios.Measure{ID: "X", From: scenarios.MustDate(c.from)}}
			if c.to != "" {
				m.To = scenarios.MustDate(c.to)
			}
			if c.struck != "" {
				m.Status, m.StruckDownFrom = scenarios.StatusStruckDown, scenarios.MustDate(c.struck)
			}
			e := m.Effective()
			if e.Status != c.wantStatus || e.To.String() != c.wantTo || e.Library != "X" {
				t.Errorf("got status %q to %q library %q", e.Status, e.To, e.Library)
			}
		})
	}
}

// TestRebase: the library's changes reach a scenario's measure field by
// field; what the user changed and the library did not stays.
func TestRebase(t *testing.T) {
	base := scenarios.Measure{ID: "A", Label: "Steel", Imposer: "US", Rate: 0.25, From: scenarios.MustDate("2026-01-01"),
		YieldsTo: []string{}, UpperBound: []string{}, Evidence: []scenarios.Evidence{{Citation: "P1"}}}
	next := base
	next.To = scenarios.MustDate("2026-11-30") // the library ends it
	next.Evidence = []scenarios.Evidence{{Citation: "P1"}, {Citation: "P2"}}
	mine := base
	mine.ID, mine.Rate, mine.Library, mine.RateLow, mine.RateHigh = "my-steel", 0.15, "A", 0.1, 0.2 // the user cut the rate
	got := library.Rebase(base, next, mine)
	if got.Rate != 0.15 || got.To.String() != "2026-11-30" || len(got.Evidence) != 2 || got.ID != "my-steel" ||
		got.Library != "A" || got.RateLow != 0.1 || got.RateHigh != 0.2 {
		t.Errorf("rebase gave %+v", got)
	}
	if got := library.Rebase(base, next, base); !reflect.DeepEqual(got.Evidence, next.Evidence) || got.To != next.To {
		t.Errorf("an unchanged measure is not the library's new version: %+v", got)
	}
	if got := library.Rebase(base, base, mine); !reflect.DeepEqual(got, mine) {
		t.Errorf("a library that did not change the measure changed it: %+v", got)
	}
}

func TestReadRefusesWithPlace(t *testing.T) {
	p := samplePack()
	dir := filepath.Join(t.TempDir(), "pack")
	if err := p.WriteDir(dir); err != nil {
		t.Fatal(err)
	}
	csvPath := filepath.Join(dir, "measures.csv")
	b, _ := os.ReadFile(csvPath)
	os.WriteFile(csvPath, bytes.Replace(b, []byte(",0.5,"), []byte(",fifty,"), 1), 0o600)
	_, err := library.Read(dir)
	var es library.Errors
	if !errors.As(err, &es) || !strings.Contains(err.Error(), dir+": measures.csv row 2, field rate: \"fifty\" is not a number") {
		t.Fatalf("got %v", err)
	}
}

func TestCompareLists(t *testing.T) {
	p, q := samplePack(), samplePack()
	q.Lists["mine"] = &scenarios.ProductList{Name: "mine", Title: "My list", Source: "Annex II", Codes: []string{"72", "7208", "7211"}}
	q.Lists["new"] = &scenarios.ProductList{Name: "new", Codes: []string{"01"}}
	q.Measures[0].Rate = 0.25
	q.Measures = q.Measures[:1]
	d := library.Compare(p, q)
	if len(d.ListsChanged) != 1 || !reflect.DeepEqual(d.ListsChanged[0].Added, []string{"72", "7211"}) ||
		!reflect.DeepEqual(d.ListsChanged[0].Removed, []string{"721049"}) || len(d.ListsChanged[0].Fields) != 1 {
		t.Errorf("list change: %+v", d.ListsChanged)
	}
	if !reflect.DeepEqual(d.ListsAdded, []string{"new"}) || len(d.Removed) != 1 || d.Removed[0].ID != "B" ||
		len(d.Changed) != 1 || !reflect.DeepEqual(d.Changed[0].Fields, []library.Change{{Field: "rate", Old: "0.5", New: "0.25"}}) {
		t.Errorf("diff: %+v", d)
	}
}
