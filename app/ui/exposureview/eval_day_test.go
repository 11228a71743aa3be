package exposureview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"parley/scenarios"
)

// TestExposureNextChangeAndRanges: the exposure panel evaluates today's
// regime on its next scheduled change with one click, back on its own
// date, and shows P10–P90 ranges in its table.
func TestExposureNextChangeAndRanges(t *testing.T) {
	p, nav := newTestPanel(t)
	nav.open("today")
	sess := nav.sess
	own := sess.Result().AsOf
	next := p.when.nextAfter(sess.Draft(), own)
	if next.IsZero() || p.when.next.Disabled() {
		t.Fatalf("no next change after %s", own)
	}
	test.Tap(p.when.next)
	if sess.Result().AsOf != next || p.when.back.Disabled() || !strings.Contains(p.when.message.Text, "Evaluated on "+next.String()) {
		t.Fatalf("after Next change: as of %s (want %s), %q", sess.Result().AsOf, next, p.when.message.Text)
	}
	if sess.Draft().EvalDate() != own {
		t.Errorf("the scenario's own date changed to %s", sess.Draft().EvalDate())
	}
	test.Tap(p.when.back)
	if sess.Result().AsOf != own {
		t.Errorf("back on %s, want %s", sess.Result().AsOf, own)
	}
	// A date typed in.
	p.when.date.SetText("2028-02-01")
	p.when.date.OnSubmitted(p.when.date.Text)
	if sess.Result().AsOf != scenarios.MustDate("2028-02-01") {
		t.Errorf("evaluated on %s", sess.Result().AsOf)
	}
	// Another scenario opens on its own date.
	nav.open("aug-2025")
	if sess.Result().AsOf != scenarios.MustDate("2025-08-15") {
		t.Errorf("aug-2025 on %s", sess.Result().AsOf)
	}

	// Ranges: the table's last column fills once the worker has drawn them.
	p.when.computed = make(chan string, 2)
	p.when.ranges.SetChecked(true)
	waitFor(t, nav, p.when.computed, "ranges")
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
