package ui

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"parley/app/ui/present"
	"parley/library"
	"parley/scenarios"
	"parley/storage"
)

// handMadePack writes a pack made from the workspace's library with the
// rate of one measure that "today" and another scenario use raised by 10
// points, one measure no scenario uses removed, a new measure in force
// (US-TEST-NEW, a copy of the changed one), and a new vintage. It
// returns the pack's folder, the changed measure's id, its old rate and the
// other scenario's id.
func handMadePack(t *testing.T, ws *storage.Workspace) (dir, id string, rate float64, other string) {
	t.Helper()
	p, err := ws.LibraryPack()
	if err != nil {
		t.Fatal(err)
	}
	infos, err := ws.Scenarios()
	if err != nil {
		t.Fatal(err)
	}
	users := map[string][]string{} // library id -> scenarios
	for _, info := range infos {
		sc, err := ws.Scenario(info.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range sc.Measures {
			if m.Library != "" && !slices.Contains(users[m.Library], info.ID) {
				users[m.Library] = append(users[m.Library], info.ID)
			}
		}
	}
	removed := ""
	for i := range p.Measures {
		m := &p.Measures[i]
		u := users[m.ID]
		inForce := m.Remark == "" && m.StatusOrDefault() == scenarios.StatusInForce && m.StruckDownFrom.IsZero() &&
			!m.From.IsZero() && m.From.Before(scenarios.NewDate(2026, 11, 1)) && m.To.IsZero()
		if id == "" && inForce && m.Rate > 0 && m.Rate < 0.5 && !m.IsBan() && len(m.YieldsTo) == 0 &&
			slices.Contains(u, "today") && len(u) >= 2 {
			id, rate = m.ID, m.Rate
			for _, s := range u {
				if s != "today" {
					other = s
					break
				}
			}
			m.Rate += 0.10
		}
		if removed == "" && len(u) == 0 && m.Remark != "" {
			removed = m.ID
		}
	}
	if id == "" || removed == "" {
		t.Fatalf("no measure to change (%q) or remove (%q)", id, removed)
	}
	p.Measures = slices.DeleteFunc(p.Measures, func(m library.Measure) bool { return m.ID == removed })
	n := *p.Measure(id)
	n.ID, n.Label, n.Row = "US-TEST-NEW", "A measure published this morning", ""
	p.Measures = append(p.Measures, n)
	p.Info.Title, p.Info.Publisher, p.Info.Vintage = "Hand-made pack", "Tests", "2026-12-06"
	dir = filepath.Join(t.TempDir(), "pack")
	if err := p.WriteDir(dir); err != nil {
		t.Fatal(err)
	}
	return dir, id, rate, other
}

// measureOf returns the measure of scenario sc taken from library id.
func measureOf(t *testing.T, ws *storage.Workspace, sc, id string) scenarios.Measure {
	t.Helper()
	s, err := ws.Scenario(sc)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range s.Measures {
		if m.Library == id {
			return m
		}
	}
	t.Fatalf("scenario %s has no measure from %s", sc, id)
	return scenarios.Measure{}
}

func TestLibraryUpdateModel(t *testing.T) {
	dir := t.TempDir()
	ws, err := storage.Open(filepath.Join(dir, "w.parley"))
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	packDir, id, rate, other := handMadePack(t, ws)
	cur, err := ws.LibraryPack()
	if err != nil {
		t.Fatal(err)
	}
	if sc, _ := ws.Scenario("today"); !library.HoldsRegime(sc, cur) {
		t.Error("today does not hold the regime")
	}
	if sc, _ := ws.Scenario(other); library.HoldsRegime(sc, cur) {
		t.Errorf("%s holds the regime", other)
	}
	p, err := library.Read(packDir)
	if err != nil {
		t.Fatal(err)
	}
	d, err := ws.DiffLibrary(p, scenarios.NewDate(2026, 12, 7))
	if err != nil {
		t.Fatal(err)
	}
	if err := ws.AddRegimeScenarios(d, p); err != nil {
		t.Fatal(err)
	}
	m := present.NewLibraryUpdateModel(d)
	if want := "Measures as of 2026-10-10 (“Parley built-in measure library”, Parley) to as of 2026-12-06 (“Hand-made pack”, Tests)"; m.Heading != want {
		t.Errorf("heading %q, want %q", m.Heading, want)
	}
	for _, want := range []string{"~ measure " + id, "- measure ", "rate: ", "+ measure US-TEST-NEW"} {
		if !strings.Contains(m.Changes, want) {
			t.Errorf("changes lack %q:\n%s", want, m.Changes)
		}
	}
	if m.Empty || len(m.Today) != 2 {
		t.Errorf("empty %v, today %q", m.Empty, m.Today)
	}
	var ids []string
	for _, r := range m.Scenarios {
		ids = append(ids, r.ID)
		if !strings.Contains(r.Uses, id) {
			t.Errorf("%s uses %q, want %s", r.ID, r.Uses, id)
		}
		// Only a scenario of the whole regime takes the new measure.
		sc, err := ws.Scenario(r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if adds := strings.Contains(r.Uses, "a re-base adds US-TEST-NEW"); adds != library.HoldsRegime(sc, cur) {
			t.Errorf("%s: %q, holds the regime: %v", r.ID, r.Uses, !adds)
		}
	}
	if !slices.Contains(ids, "today") || !slices.Contains(ids, other) {
		t.Fatalf("scenarios %v, want today and %s", ids, other)
	}
	// Each row's duty: as stored to re-based, computed both ways, and a
	// rate 10 points higher raises the duty.
	for _, s := range d.Scenarios {
		if s.ID != "today" {
			continue
		}
		dir := scenarios.CAtoUS.Index()
		if !(s.After[dir] > s.Before[dir]) {
			t.Errorf("today: duty %v -> %v, want a rise from a rate %.2f -> %.2f", s.Before[dir], s.After[dir], rate, rate+0.10)
		}
		row := m.Scenarios[slices.Index(ids, "today")]
		want := "Canada to US: " + present.Money(s.Before[dir]) + " to " + present.Money(s.After[dir]) + " (+" + present.Money(s.After[dir]-s.Before[dir]) + ")"
		if !slices.Contains(row.Duty, want) {
			t.Errorf("today's duty %q, want %q", row.Duty, want)
		}
	}
}

func TestLibraryUpdateDialog(t *testing.T) {
	u, w := newTestUI(t)
	packDir, id, rate, other := handMadePack(t, u.sess.Workspace())
	otherBefore := measureOf(t, u.sess.Workspace(), other, id)
	if !strings.Contains(u.where.Text, "Measures as of 2026-10-10") {
		t.Errorf("status bar %q lacks the vintage", u.where.Text)
	}

	l := waitQueued(t, u.data.UpdateLibraryFrom(packDir), "the update dialog")
	if l == nil {
		t.Fatalf("the dialog did not open: %s", shownText(u))
	}
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("no dialog shown")
	}
	d := shownLibraryUpdate(t, w)
	for _, want := range []string{"~ measure " + id, "rate: ", "- measure "} {
		if !strings.Contains(d.changes, want) {
			t.Errorf("the dialog's changes lack %q:\n%s", want, d.changes)
		}
	}
	if got := d.choice["today"].Selected; got != d.keepChoice("today") {
		t.Errorf("today's choice %q, want keep by default", got)
	}
	d.choice["today"].SetSelected(d.rebaseChoice("today"))
	test.Tap(d.apply)

	if v, _ := u.sess.Workspace().LibraryVintage(); v != "2026-12-06" {
		t.Fatalf("library vintage %q after apply", v)
	}
	if m := measureOf(t, u.sess.Workspace(), "today", id); m.Rate != rate+0.10 || m.LibraryVintage != "2026-12-06" {
		t.Errorf("today's %s: rate %v vintage %q, want re-based to %v, 2026-12-06", id, m.Rate, m.LibraryVintage, rate+0.10)
	}
	if m := measureOf(t, u.sess.Workspace(), "today", "US-TEST-NEW"); m.LibraryVintage != "2026-12-06" {
		t.Errorf("today's new measure: vintage %q", m.LibraryVintage)
	}
	if m := measureOf(t, u.sess.Workspace(), other, id); m.Rate != otherBefore.Rate || m.LibraryVintage != otherBefore.LibraryVintage {
		t.Errorf("%s's %s changed though kept: rate %v vintage %q", other, id, m.Rate, m.LibraryVintage)
	}
	if !strings.Contains(u.where.Text, "Measures as of 2026-12-06") {
		t.Errorf("status bar %q after apply", u.where.Text)
	}
	u.openScenario(other)
	lines := u.sess.SourceLines()
	if last := lines[len(lines)-1]; !strings.Contains(last, "not re-based on the library as of 2026-12-06") {
		t.Errorf("kept scenario's library line %q", last)
	}
	if got := u.sess.History().UndoLabel(); got != "Undo library update to 2026-12-06" {
		t.Errorf("undo label %q", got)
	}

	// Edit → Undo (Ctrl+Z) puts the previous library and today back.
	if u.menu.undo.Disabled {
		t.Fatal("Edit → Undo is disabled after the update")
	}
	u.menu.undo.Action()
	if v, _ := u.sess.Workspace().LibraryVintage(); v != "2026-10-10" {
		t.Errorf("library vintage %q after undo", v)
	}
	if m := measureOf(t, u.sess.Workspace(), "today", id); m.Rate != rate || m.LibraryVintage != "2026-10-10" {
		t.Errorf("today's %s after undo: rate %v vintage %q", id, m.Rate, m.LibraryVintage)
	}
	if !strings.Contains(u.where.Text, "Measures as of 2026-10-10") {
		t.Errorf("status bar %q after undo", u.where.Text)
	}
	// Redo applies it again.
	u.Redo()
	if m := measureOf(t, u.sess.Workspace(), "today", id); m.Rate != rate+0.10 {
		t.Errorf("today's %s after redo: rate %v", id, m.Rate)
	}
}

func TestLibraryUpdateRefusesBadPack(t *testing.T) {
	u, _ := newTestUI(t)
	dir := t.TempDir()
	if l := waitQueued(t, u.data.UpdateLibraryFrom(dir), "the error"); l != nil {
		t.Fatal("an empty folder opened the dialog")
	}
	if !strings.Contains(shownText(u), "pack.json") {
		t.Errorf("error %q does not name pack.json", shownText(u))
	}
	if v, _ := u.sess.Workspace().LibraryVintage(); v != "2026-10-10" {
		t.Errorf("library vintage %q after a refused pack", v)
	}
}

// An undo of a library update is refused, changing nothing, once the
// library was changed elsewhere (another window or the command line).
func TestLibraryUpdateUndoRefusedAfterChangeElsewhere(t *testing.T) {
	u, w := newTestUI(t)
	packDir, _, _, _ := handMadePack(t, u.sess.Workspace())
	l := waitQueued(t, u.data.UpdateLibraryFrom(packDir), "the update dialog")
	if l == nil {
		t.Fatalf("the dialog did not open: %s", shownText(u))
	}
	test.Tap(shownLibraryUpdate(t, w).apply)
	p, err := u.sess.Workspace().LibraryPack()
	if err != nil {
		t.Fatal(err)
	}
	p.Info.Vintage = "2026-12-07"
	if _, err := u.sess.Workspace().ImportLibrary(p); err != nil { // as the command line would
		t.Fatal(err)
	}
	u.Undo()
	if v, _ := u.sess.Workspace().LibraryVintage(); v != "2026-12-07" {
		t.Errorf("library vintage %q after a refused undo, want the other import's 2026-12-07", v)
	}
	if !strings.Contains(shownText(u), "changed elsewhere") {
		t.Errorf("error %q", shownText(u))
	}
	if !strings.Contains(u.where.Text, "Measures as of 2026-12-07") {
		t.Errorf("status bar %q", u.where.Text)
	}
}
