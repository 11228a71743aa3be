package ui

import (
	"parley/app/ui/exportview"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

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
		test.Tap(button(t, u.position.Content(), c.button))
		var names []string
		for _, e := range find[*widget.Entry](topOverlay(t, w)) {
			names = append(names, e.Text)
		}
		if !slices.Contains(names, c.file) {
			t.Errorf("%s: the save dialog proposes %q, want %q", c.button, names, c.file)
		}
		w.Canvas().Overlays().Top().Hide()
		w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	}
}

// TestExposureNextChangeAndRanges: the exposure panel evaluates today's
// regime on its next scheduled change with one click, back on its own
// date, and shows P10–P90 ranges in its table.
func TestExposureNextChangeAndRanges(t *testing.T) {
	u, _ := newTestUI(t)
	u.openScenario("today")
	p := u.exposure
	own := u.sess.Result().AsOf
	next := p.when.nextAfter(u.sess.Draft(), own)
	if next.IsZero() || p.when.next.Disabled() {
		t.Fatalf("no next change after %s", own)
	}
	test.Tap(p.when.next)
	if u.sess.Result().AsOf != next || p.when.back.Disabled() || !strings.Contains(p.when.message.Text, "Evaluated on "+next.String()) {
		t.Fatalf("after Next change: as of %s (want %s), %q", u.sess.Result().AsOf, next, p.when.message.Text)
	}
	if u.sess.Draft().EvalDate() != own {
		t.Errorf("the scenario's own date changed to %s", u.sess.Draft().EvalDate())
	}
	test.Tap(p.when.back)
	if u.sess.Result().AsOf != own {
		t.Errorf("back on %s, want %s", u.sess.Result().AsOf, own)
	}
	// A date typed in.
	p.when.date.SetText("2028-02-01")
	p.when.date.OnSubmitted(p.when.date.Text)
	if u.sess.Result().AsOf != scenarios.MustDate("2028-02-01") {
		t.Errorf("evaluated on %s", u.sess.Result().AsOf)
	}
	// Another scenario opens on its own date.
	u.openScenario("aug-2025")
	if u.sess.Result().AsOf != scenarios.MustDate("2025-08-15") {
		t.Errorf("aug-2025 on %s", u.sess.Result().AsOf)
	}

	// Ranges: the table's last column fills once the worker has drawn them.
	p.when.computed = make(chan string, 2)
	p.when.ranges.SetChecked(true)
	waitFor(t, p.when.computed, "ranges")
	last := len(p.table.Cols) - 1
	if c := p.table.Cell(0, last); !strings.Contains(c, " – ") {
		t.Errorf("total range %q", c)
	}
	if !strings.Contains(p.notes.Text, "P10–P90: the 10th to 90th percentile over 10000 Monte Carlo draws") {
		t.Errorf("notes %q", p.notes.Text)
	}
	p.when.ranges.SetChecked(false)
	if c := p.table.Cell(0, last); c != "" {
		t.Errorf("ranges off, yet %q", c)
	}
}
