package positionview

import (
	"strings"
	"testing"
	"time"

	"parley/scenarios"
)

// until runs what the workers queued for the UI goroutine until cond.
func (tv *testView) until(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.After(30 * time.Second)
	for !cond() {
		select {
		case <-tv.shown:
		case f := <-tv.queue:
			f()
		case <-deadline:
			t.Fatalf("%s: not within 30 s", what)
		}
	}
}

// TestPositionShowsProgress: a refresh says at once what it computes,
// keeps the last result shown meanwhile, then shows the new one and says
// that the ranges are drawn, and hides the indicator when they are.
func TestPositionShowsProgress(t *testing.T) {
	v := newTestView(t)
	var first string // the total the proposal gets, first shown
	for _, st := range []struct {
		name string
		act  func()
		// wait is what the test waits for (nil: nothing) before it reads.
		wait func() bool
		busy string // the indicator's text; "" when hidden
		deal func(total string) bool
	}{
		{name: "computing, nothing shown yet", act: v.Refresh,
			busy: "Computing the deal, each on its own date: A: Today: the regime in force; B: Sectoral deal",
			deal: func(total string) bool { return len(v.deal.Rows) == 0 }},
		{name: "deal shown, ranges drawing", wait: func() bool { return len(v.deal.Rows) > 0 },
			busy: "Drawing the ranges: 10000 Monte Carlo draws",
			deal: func(total string) bool {
				first = total
				return total != "" && strings.Contains(v.summary.Text, "Ranges: drawing…")
			}},
		{name: "done", wait: func() bool { return !v.busy.box.Visible() },
			deal: func(total string) bool {
				return total == first && strings.Contains(v.summary.Text, "Ranges, duty into the US")
			}},
		{name: "another proposal: the last result stays while it computes", act: func() { v.proposal.SetSelected("Aluminum relief: aluminum duty cut to 25%") },
			busy: "; B: Aluminum relief",
			deal: func(total string) bool {
				return total == first && v.deal.Proposal != "Aluminum relief: aluminum duty cut to 25%"
			}},
		{name: "the new proposal shown", wait: func() bool { return !v.busy.box.Visible() },
			deal: func(total string) bool {
				return total != first && v.deal.Proposal == "Aluminum relief: aluminum duty cut to 25%"
			}},
	} {
		if st.act != nil {
			st.act()
		}
		if st.wait != nil {
			v.until(t, st.name, st.wait)
		}
		if got := v.busy.label.Text; v.busy.box.Visible() != (st.busy != "") || !strings.Contains(got, st.busy) {
			t.Errorf("%s: indicator shown %v, %q; want %q", st.name, v.busy.box.Visible(), got, st.busy)
		}
		if total := v.dealTable.Cell(0, 1); !st.deal(total) {
			t.Errorf("%s: deal total %q, proposal %q, summary %q", st.name, total, v.deal.Proposal, v.summary.Text)
		}
	}
}

// TestPositionExportsWhatIsChosenWhileComputing: an export asked for while
// the view still shows the last result is of the scenarios and the date
// chosen, not of the result shown.
func TestPositionExportsWhatIsChosenWhileComputing(t *testing.T) {
	v := newTestView(t)
	v.Refresh()
	v.waitRanges(t)
	v.asOf.SetText("2025-09-01")
	v.Refresh()
	if v.Busy() == "" {
		t.Fatal("not computing")
	}
	v.exportDeck()
	if len(v.nav.decks) != 1 || v.nav.decks[0] != [2]string{"today", "sectoral-deal"} || v.nav.asOf[0] != scenarios.MustDate("2025-09-01") {
		t.Errorf("deck of %v on %v", v.nav.decks, v.nav.asOf)
	}
}
