package session_test

import (
	"testing"

	"parley/scenarios"
)

func TestSectorLabel(t *testing.T) {
	s, _ := open(t, "aug-2025")
	if err := s.LoadSectors(); err != nil {
		t.Fatal(err)
	}
	if len(s.Sectors()) == 0 {
		t.Fatal("no sectors")
	}
	first := s.Sectors()[0]
	for _, tc := range []struct{ code, want string }{
		{first.Code, first.Label()},
		{scenarios.Wildcard, "All other sectors"},
		{"no-such-sector", "no-such-sector"},
	} {
		if got := s.SectorLabel(tc.code); got != tc.want {
			t.Errorf("SectorLabel(%q) = %q, want %q", tc.code, got, tc.want)
		}
	}
}
