package ui

import "testing"

// TestFindFocusesEvidenceSearch: Ctrl+F (Find in evidence) shows the
// evidence library with the focus in its search field.
func TestFindFocusesEvidenceSearch(t *testing.T) {
	u, _ := newTestUI(t)
	u.find()
	if u.win.Canvas().Focused() != u.evidence.SearchField() {
		t.Fatalf("Ctrl+F did not focus the search field")
	}
}
