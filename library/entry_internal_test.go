package library

import (
	"testing"

	"parley/scenarios"
)

// TestLibraryEntryStatusAndKind: the loader reads a library entry's status
// and kind into its measure, and an entry of a built-in scenario may
// override them (the other fields coming from the library).
func TestLibraryEntryStatusAndKind(t *testing.T) {
	rate := 0.0
	base := Entry{ID: "us-s338-ban", Label: "Section 338 import bans", Imposer: "US", Program: "S338",
		Rate: &rate, Status: scenarios.StatusAnnounced, Kind: scenarios.KindBan}
	m, err := base.Measure()
	if err != nil {
		t.Fatal(err)
	}
	if m.Status != scenarios.StatusAnnounced || m.Kind != scenarios.KindBan || !m.IsBan() {
		t.Errorf("measure status %q kind %q", m.Status, m.Kind)
	}
	over := Entry{Library: "us-s338-ban", Status: scenarios.StatusThreatened}.Override(base)
	if over.Status != scenarios.StatusThreatened || over.Kind != scenarios.KindBan || over.Label != base.Label {
		t.Errorf("override %+v", over)
	}
	kept := Entry{Library: "us-s338-ban"}.Override(base)
	if kept.Status != scenarios.StatusAnnounced || kept.Kind != scenarios.KindBan {
		t.Errorf("an entry that names no status keeps the library's: %+v", kept)
	}
}

// TestBuiltinIncludeThreats: a built-in scenario of assets/builtin.json may
// say "include_threats": true, and an unknown key is still an error.
func TestBuiltinIncludeThreats(t *testing.T) {
	var f builtinFile
	if err := decodeStrict([]byte(`{"about": "", "scenarios": [{"id": "threats-2027", "name": "Threats of 2027",
		"as_of": "2027-01-15", "include_threats": true, "all_library": true, "measures": []}]}`), &f); err != nil {
		t.Fatal(err)
	}
	if !f.Scenarios[0].IncludeThreats {
		t.Error("include_threats not read")
	}
	if err := decodeStrict([]byte(`{"about": "", "scenarios": [{"id": "x", "include_threat": true}]}`), &f); err == nil {
		t.Error("a misspelt key was accepted")
	}
}
