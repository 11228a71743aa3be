package positionview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/present"
	"parley/scenarios"
)

func TestPositionView(t *testing.T) {
	v := newTestView(t)
	v.Refresh() // the tab is shown
	// It opens on today's regime against the sectoral deal.
	if v.ids != [2]string{"today", "sectoral-deal"} {
		t.Fatalf("chose %v", v.ids)
	}
	v.waitRanges(t)

	// The deal table: get and give are the differences of the two
	// scenarios' duties, each on its own date.
	a, err := v.sess.Workspace().Compute("today", scenarios.Date{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := v.sess.Workspace().Compute("sectoral-deal", scenarios.Date{})
	if err != nil {
		t.Fatal(err)
	}
	get := a.Totals[0].Duty - b.Totals[0].Duty
	give := a.Totals[1].Duty - b.Totals[1].Duty
	if got := strings.TrimLeft(v.dealTable.Cell(0, 1), "≤≥≈ "); got != present.Millions(get) {
		t.Errorf("total get %q, want %s", got, present.Millions(get))
	}
	if got := strings.TrimLeft(v.dealTable.Cell(0, 2), "≤≥≈ "); got != present.Millions(give) {
		t.Errorf("total give %q, want %s", got, present.Millions(give))
	}
	if verdict := v.dealTable.Cell(0, 5); !strings.HasPrefix(verdict, "Gets ") || !strings.Contains(verdict, "US$") {
		t.Errorf("verdict %q", verdict)
	}
	for r := 1; r <= len(v.deal.Rows); r++ {
		row := v.deal.Rows[v.dealTable.Row(r)-1]
		fa, _ := a.Flow(scenarios.CAtoUS, row.Sector)
		fb, _ := b.Flow(scenarios.CAtoUS, row.Sector)
		if row.Get != fa.Duty-fb.Duty {
			t.Fatalf("%s: get %v, want %v", row.Sector, row.Get, fa.Duty-fb.Duty)
		}
	}

	// Leverage: energy first by the US's dependence, with today's duty.
	v.tabs.SelectIndex(1)
	v.levTable.SortBy(1) // already sorted on it: reverse, then back
	v.levTable.SortBy(1)
	if got := v.levTable.Cell(1, 0); got != present.SectorLabel(v.sess.Sectors(), "ENERGY") {
		t.Errorf("first sector by US dependence: %q", got)
	}
	if got := v.levTable.Cell(0, 1); got != "12.7%" {
		t.Errorf("all goods US dependence %q", got)
	}
	if !strings.Contains(v.sources.Text, "ISED") || !strings.Contains(v.sources.Text, "US Census") {
		t.Errorf("sources %q", v.sources.Text)
	}

	// Ranges: P10 to P90 of duty into the US, for both.
	v.tabs.SelectIndex(2)
	if c := v.rangeTable.Cell(0, 2); !strings.Contains(c, " – ") {
		t.Errorf("A's range %q", c)
	}
	if c := v.rangeTable.Cell(0, 4); !strings.Contains(c, " – ") {
		t.Errorf("B's range %q", c)
	}
	if !strings.Contains(v.summary.Text, "Deal: in total Canada gets") || !strings.Contains(v.summary.Text, "Leverage: the US depends on Canada most for Energy") ||
		!strings.Contains(v.summary.Text, "Ranges, duty into the US (P10–P90, 10000 draws)") {
		t.Errorf("summary %q", v.summary.Text)
	}

	// Another proposal, both on one date typed in.
	v.proposal.SetSelected("Aluminum relief: aluminum duty cut to 25%")
	v.waitRanges(t)
	if v.ids[1] != "aluminum-relief" || v.deal.Proposal != "Aluminum relief: aluminum duty cut to 25%" {
		t.Errorf("proposal %v %q", v.ids, v.deal.Proposal)
	}
	test.Type(v.asOf, "2025-09-01")
	v.asOf.OnSubmitted(v.asOf.Text)
	v.waitRanges(t)
	if v.res[0].AsOf != scenarios.MustDate("2025-09-01") || v.res[1].AsOf != scenarios.MustDate("2025-09-01") {
		t.Errorf("evaluated on %s and %s", v.res[0].AsOf, v.res[1].AsOf)
	}
	v.asOf.SetText("not a date")
	v.asOf.OnSubmitted(v.asOf.Text)
	if !strings.Contains(v.message.Text, "not a date") && v.message.Text == "" {
		t.Errorf("bad date message %q", v.message.Text)
	}
}

// TestPositionWarnsNotLikeWithLike: a proposal on another date than the
// baseline is said to be so in the view's message and the deal chart's
// footnote.
func TestPositionWarnsNotLikeWithLike(t *testing.T) {
	v := newTestView(t)
	v.Refresh() // the tab is shown
	v.waitRanges(t)
	if strings.Contains(v.message.Text, "Not like with like") {
		t.Errorf("today and the sectoral deal on today's regime: %q", v.message.Text)
	}
	v.Choose("today", "sectoral-deal-aug-2025")
	v.waitRanges(t)
	if !strings.Contains(v.message.Text, "Not like with like: A is on ") || !strings.Contains(v.message.Text, ", B on 2025-08-15") {
		t.Errorf("message %q", v.message.Text)
	}
}

// TestPositionAsksTheWindow: the export buttons ask the window for the
// choice shown, on the date typed in (zero: each scenario's own); deriving
// shows the new proposal as B against the same baseline.
func TestPositionAsksTheWindow(t *testing.T) {
	v := newTestView(t)
	v.Refresh()
	v.waitRanges(t)
	tap := func(text string) {
		t.Helper()
		for _, o := range test.LaidOutObjects(v.Content()) {
			if b, ok := o.(*widget.Button); ok && b.Text == text {
				test.Tap(b)
				return
			}
		}
		t.Fatalf("no button %q", text)
	}
	tap("Deal chart…")
	v.asOf.SetText("2025-09-01")
	v.Refresh()
	v.waitRanges(t)
	tap("Deck…")
	tap("Leverage chart…")
	want := [2]string{"today", "sectoral-deal"}
	if len(v.nav.deals) != 1 || v.nav.deals[0] != want || len(v.nav.decks) != 1 || v.nav.decks[0] != want {
		t.Errorf("deal %v, deck %v", v.nav.deals, v.nav.decks)
	}
	if len(v.nav.asOf) != 2 || !v.nav.asOf[0].IsZero() || v.nav.asOf[1] != scenarios.MustDate("2025-09-01") {
		t.Errorf("dates %v", v.nav.asOf)
	}
	if len(v.nav.levs) != 1 || v.nav.levs[0] != "today" {
		t.Errorf("leverage %v", v.nav.levs)
	}
	tap("Derive a proposal from A…")
	if len(v.nav.derives) != 1 || v.nav.derives[0] != "today" {
		t.Fatalf("derive %v", v.nav.derives)
	}
	v.nav.done("aug-2025")
	if v.Choice() != [2]string{"today", "aug-2025"} {
		t.Errorf("after derive %v", v.Choice())
	}
}
