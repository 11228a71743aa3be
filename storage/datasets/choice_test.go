package datasets_test

import (
	"testing"

	"parley/scenarios"
	"parley/storage/datasets"
)

// TestChoice: a scenario's choice of datasets reads back as written, in
// the stored form (the scenarios table's datasets column) that a workspace
// written before holds.
func TestChoice(t *testing.T) {
	for _, tc := range []struct {
		name   string
		choice scenarios.Datasets
		stored string
	}{
		{"none", scenarios.Datasets{}, `{}`},
		{"into the US", scenarios.Datasets{CAtoUS: "mine"}, `{"ca_to_us":"mine"}`},
		{"both", scenarios.Datasets{CAtoUS: "a", UStoCA: "b \"q\""}, `{"ca_to_us":"a","us_to_ca":"b \"q\""}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := datasets.EncodeChoice(tc.choice)
			if err != nil || s != tc.stored {
				t.Fatalf("EncodeChoice = %q, %v; want %q", s, err, tc.stored)
			}
			var got scenarios.Datasets
			if err := datasets.DecodeChoice(s, &got); err != nil || got != tc.choice {
				t.Errorf("DecodeChoice(%q) = %+v, %v; want %+v", s, got, err, tc.choice)
			}
		})
	}
	var got scenarios.Datasets
	if err := datasets.DecodeChoice("not json", &got); err == nil {
		t.Error("DecodeChoice of a damaged column: no error")
	}
}
