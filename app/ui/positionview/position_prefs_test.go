package positionview

import "testing"

// TestPositionRemembersChoice checks that the Position view opens on the
// baseline and proposal chosen in the last run, and on the defaults when
// one of them is gone.
func TestPositionRemembersChoice(t *testing.T) {
	tv := newTestView(t)
	tv.Choose("aug-2025", "today")
	// The next run's view, in the same workspace.
	v := tv.newView(t)
	if v.ids != [2]string{"aug-2025", "today"} {
		t.Errorf("next run chose %v, want [aug-2025 today]", v.ids)
	}
	// A remembered scenario that is gone falls back to the default.
	setPositionChoice(tv.prefs, tv.sess.Workspace().Path(), [2]string{"gone", "aug-2025"})
	v = tv.newView(t)
	if v.ids != [2]string{"today", "aug-2025"} {
		t.Errorf("with a deleted baseline chose %v", v.ids)
	}
}
