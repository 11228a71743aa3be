package ui

import (
	"parley/app/ui/exportview"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/kit/kittest"
	"parley/scenarios"
)

// selectTab taps the window's tab named text.
func selectTab(t *testing.T, u *UI, text string) {
	t.Helper()
	for i, it := range u.tabs.Items {
		if it.Text == text {
			u.tabs.SelectIndex(i)
			return
		}
	}
	t.Fatalf("no tab %q", text)
}

// waitFor waits for a value on ch (a worker's result shown).
func waitFor[T any](t *testing.T, ch chan T, what string) T {
	t.Helper()
	return waitQueued(t, ch, what)
}

// TestPositionExports: the deal chart of the Position view's choice is
// written as CSV, and its deck has the position slides.
func TestPositionExports(t *testing.T) {
	u, w := newTestUI(t)
	selectTab(t, u, "Position")
	ids := u.position.Choice()
	if ids != [2]string{"today", "sectoral-deal"} {
		t.Fatalf("chose %v", ids)
	}
	path := t.TempDir() + "/deal.csv"
	if err := exportview.WriteDeal(u.sess.Workspace(), path, exportview.Position{Baseline: ids[0], Proposal: ids[1]}); err != nil {
		t.Fatal(err)
	}
	if opt := exportview.PositionDeckOptions(scenarios.Date{}); len(opt.Slides) != len(exportview.PositionDeckSlides) {
		t.Errorf("deck slides %v", opt.Slides)
	}
	// The view's buttons open the save dialogs, proposing a file name.
	for _, c := range []struct{ button, file string }{{"Deal chart…", "deal.png"}, {"Deck…", "position.pptx"}} {
		test.Tap(kittest.Button(t, u.position.Content(), c.button))
		var names []string
		for _, e := range kittest.Find[*widget.Entry](kittest.TopOverlay(t, w)) {
			names = append(names, e.Text)
		}
		if !slices.Contains(names, c.file) {
			t.Errorf("%s: the save dialog proposes %q, want %q", c.button, names, c.file)
		}
		w.Canvas().Overlays().Top().Hide()
		w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	}
}
