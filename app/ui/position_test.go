package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"parley/app/ui/present"
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

func TestPositionView(t *testing.T) {
	u, _ := newTestUI(t)
	v := u.position
	v.computed = make(chan struct{}, 4)
	selectTab(t, u, "Position")
	// It opens on today's regime against the sectoral deal.
	if v.ids != [2]string{"today", "sectoral-deal"} {
		t.Fatalf("chose %v", v.ids)
	}
	waitFor(t, v.computed, "ranges")

	// The deal table: get and give are the differences of the two
	// scenarios' duties, each on its own date.
	a, err := u.sess.Workspace().Compute("today", scenarios.Date{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := u.sess.Workspace().Compute("sectoral-deal", scenarios.Date{})
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
	if got := v.levTable.Cell(1, 0); got != u.sectorLabel("ENERGY") {
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
	waitFor(t, v.computed, "ranges")
	if v.ids[1] != "aluminum-relief" || v.deal.Proposal != "Aluminum relief: aluminum duty cut to 25%" {
		t.Errorf("proposal %v %q", v.ids, v.deal.Proposal)
	}
	test.Type(v.asOf, "2025-09-01")
	v.asOf.OnSubmitted(v.asOf.Text)
	waitFor(t, v.computed, "ranges")
	if v.res[0].AsOf != scenarios.MustDate("2025-09-01") || v.res[1].AsOf != scenarios.MustDate("2025-09-01") {
		t.Errorf("evaluated on %s and %s", v.res[0].AsOf, v.res[1].AsOf)
	}
	v.asOf.SetText("not a date")
	v.asOf.OnSubmitted(v.asOf.Text)
	if !strings.Contains(v.message.Text, "not a date") && v.message.Text == "" {
		t.Errorf("bad date message %q", v.message.Text)
	}

	// The deal chart, written as CSV.
	v.asOf.SetText("")
	v.refresh()
	path := t.TempDir() + "/deal.csv"
	if err := v.writeDeal(path); err != nil {
		t.Fatal(err)
	}
	if opt := v.deckOptions(); len(opt.Slides) != len(positionDeckSlides) {
		t.Errorf("deck slides %v", opt.Slides)
	}
}
