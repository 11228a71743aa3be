package library

import (
	"slices"
	"strings"
	"testing"

	"parley/scenarios"
)

// TestAllLibrary: all_library takes every library measure without a
// remark, leaves out those named by id or programme in without, and
// refuses a without that names nothing (a renamed measure must not stay in
// a proposal silently) or comes without all_library.
func TestAllLibrary(t *testing.T) {
	lib := []Entry{
		{ID: "a", Program: "IEEPA"},
		{ID: "b", Program: "IEEPA"},
		{ID: "c", Program: "S232"},
		{ID: "d", Program: "S232", Remark: "announced, never implemented"},
		{ID: "e", Program: "S122"},
	}
	ids := func(es []Entry) []string {
		var out []string
		for _, e := range es {
			out = append(out, e.Library)
		}
		return out
	}
	tests := []struct {
		name    string
		all     bool
		without []string
		want    []string
		err     string
	}{
		{"none", false, nil, nil, ""},
		{"all", true, nil, []string{"a", "b", "c", "e"}, ""},
		{"without a programme", true, []string{"IEEPA"}, []string{"c", "e"}, ""},
		{"without a measure", true, []string{"c"}, []string{"a", "b", "e"}, ""},
		{"without names nothing", true, []string{"gone"}, nil, `no library measure or programme "gone"`},
		{"without needs all", false, []string{"a"}, nil, "without needs all_library"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := allLibrary(lib, tt.all, tt.without)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil || !slices.Equal(ids(got), tt.want) {
				t.Errorf("got %v, %v; want %v", ids(got), err, tt.want)
			}
		})
	}
}

// TestResolveEntry: an entry naming a library measure takes the library's
// fields under its own, and records the library's id and the built-in
// vintage; an entry naming no known measure is refused.
func TestResolveEntry(t *testing.T) {
	rate, over := 0.25, 0.1
	lib := map[string]Entry{"us-steel": {ID: "us-steel", Label: "Steel", Imposer: "US", Program: "S232", Rate: &rate,
		Evidence: []EvidenceJSON{{Document: "proc", Quote: "25 percent"}}}}
	m, err := resolveEntry(lib, Entry{Library: "us-steel", ID: "steel-deal", Rate: &over,
		AddEvidence: []EvidenceJSON{{Document: "memo", Quote: "10 percent"}}})
	if err != nil {
		t.Fatal(err)
	}
	if m.ID != "steel-deal" || m.Label != "Steel" || m.Rate != 0.1 || m.Library != "us-steel" ||
		m.LibraryVintage != BuiltinInfo().Vintage || len(m.Evidence) != 2 {
		t.Errorf("resolved %+v", m)
	}
	if _, err := resolveEntry(lib, Entry{Library: "gone"}); err == nil {
		t.Error("an entry naming no library measure was accepted")
	}
	own, err := resolveEntry(lib, Entry{ID: "mine", Label: "Mine", Rate: &over})
	if err != nil || own.ID != "mine" || own.LibraryVintage != "" {
		t.Errorf("own entry %+v, %v", own, err)
	}
}

// TestEntryRoundTrip: a pack's measure stored as an entry reads back as the
// same measure, remark and struck-down day.
func TestEntryRoundTrip(t *testing.T) {
	share := 0.5
	pm := Measure{Measure: scenarios.Measure{ID: "x", Label: "X", Imposer: "US", Program: "IEEPA", Rate: 0.35,
		CUSMAExempt: true, CUSMAExemptShare: &share, From: scenarios.NewDate(2025, 3, 4),
		Products: &scenarios.ProductScope{Include: []string{}, Exclude: []string{"8703"}}, Status: scenarios.StatusInForce,
		Evidence: []scenarios.Evidence{{Document: "d", Quote: "q"}}},
		Remark: "", StruckDownFrom: scenarios.NewDate(2026, 2, 20)}
	got, err := EntryOf(&pm).PackMeasure()
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != "x" || got.Rate != 0.35 || *got.CUSMAExemptShare != 0.5 || got.From != pm.From ||
		got.Products == nil || got.Products.Include == nil || len(got.Products.Include) != 0 ||
		!slices.Equal(got.Products.Exclude, []string{"8703"}) || got.StruckDownFrom != pm.StruckDownFrom || got.Library != "x" {
		t.Errorf("round trip %+v", got)
	}
}

// TestFieldOf: a scenario error on a probe's measure names the column of
// measures.csv; an error elsewhere names none.
func TestFieldOf(t *testing.T) {
	for path, want := range map[string]string{
		"measures[0]":             "id",
		"measures[0].rate":        "rate",
		"measures[0].evidence[1]": "source",
		"measures[0].products":    "include",
		"measures[0].from":        "effective_from",
		"measures[0].to":          "effective_to",
		"as_of":                   "",
	} {
		if got := fieldOf(path); got != want {
			t.Errorf("fieldOf(%q) = %q, want %q", path, got, want)
		}
	}
}
