package ui

import (
	"strings"
	"testing"
	"time"

	"parley/app/ui/kit/kittest"
	"parley/storage"
)

// TestExternalChangesAreShown checks that a change made by another process
// (here a second connection, as the command line makes it) is shown: the
// scenario list, the scenario shown, with its selected measure kept; and
// that an edit not saved yet is kept rather than overwritten.
func TestExternalChangesAreShown(t *testing.T) {
	u, _ := newTestUI(t)
	u.openScenario("aug-2025")
	second := u.sess.Draft().Measures[1].ID
	u.scen.SelectMeasure(second)

	cli, err := storage.Open(u.sess.Workspace().Path())
	if err != nil {
		t.Fatal(err)
	}
	defer cli.Close()
	v0, err := u.sess.Workspace().DataVersion()
	if err != nil {
		t.Fatal(err)
	}
	sc, rev, err := cli.ScenarioRev("aug-2025")
	if err != nil {
		t.Fatal(err)
	}
	sc.Description = "Changed by the command line."
	if _, err := cli.SaveScenario("aug-2025", sc, rev); err != nil {
		t.Fatal(err)
	}
	other, _ := cli.Scenario("threat-25")
	other.Name = "Imported by the command line"
	if _, err := cli.CreateScenario(other); err != nil {
		t.Fatal(err)
	}
	if v, err := u.sess.Workspace().DataVersion(); err != nil || v == v0 {
		t.Fatalf("the data version did not move: %d then %d (%v)", v0, v, err)
	}
	u.externalChange()
	if u.sess.Draft().Description != "Changed by the command line." || editorField(t, u, "Describe what this scenario assumes").Text != u.sess.Draft().Description {
		t.Errorf("the scenario shown was not read again: %q / %q", u.sess.Draft().Description, editorField(t, u, "Describe what this scenario assumes").Text)
	}
	if u.scen.SelectedMeasure() != second || u.sess.Current() != "aug-2025" {
		t.Errorf("the selection was lost: scenario %q, measure %q", u.sess.Current(), u.scen.SelectedMeasure())
	}
	if _, ok := u.sess.Info(strings.ToLower("imported-by-the-command-line")); !ok && len(u.sess.Infos()) != 12 {
		t.Errorf("the new scenario is not listed: %d scenarios", len(u.sess.Infos()))
	}

	// An edit not saved yet is kept.
	u.sess.SaveDelay = time.Hour
	kittest.TypeInto(editorField(t, u, "Describe what this scenario assumes"), "My edit, not saved yet.")
	if !u.sess.Dirty() {
		t.Fatal("the edit was saved at once")
	}
	sc, rev, _ = cli.ScenarioRev("aug-2025")
	sc.Description = "Changed again elsewhere."
	if _, err := cli.SaveScenario("aug-2025", sc, rev); err != nil {
		t.Fatal(err)
	}
	u.externalChange()
	if u.sess.Draft().Description != "My edit, not saved yet." || !strings.Contains(u.status.Text, "not saved yet") {
		t.Errorf("the unsaved edit was replaced: %q (status %q)", u.sess.Draft().Description, u.status.Text)
	}
	// Drop the edit: the conflict would otherwise be kept in a file when
	// the window closes.
	u.sess.DropPending()
	u.sess.SaveDelay = 0
}
