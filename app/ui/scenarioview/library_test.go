package scenarioview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/kit"
	"parley/app/ui/kit/kittest"
)

func TestAddFromLibraryAsksForDates(t *testing.T) {
	u, w := newTestUI(t)
	newEmpty(t, u, "Phase 2")
	lib, err := u.sess.Workspace().Library()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		id      string
		undated bool
	}{{"US-232-COPPER", false}, {"CA-CM-PHASE2", true}} {
		t.Run(tc.id, func(t *testing.T) {
			idx := -1
			for i, lm := range lib {
				if lm.Measure.ID == tc.id {
					idx = i
				}
			}
			if idx < 0 {
				t.Fatalf("no library measure %s", tc.id)
			}
			if undated := lib[idx].Measure.From.IsZero(); undated != tc.undated {
				t.Fatalf("%s undated=%v", tc.id, undated)
			}
			n := len(u.sess.Draft().Measures)
			u.view.libraryDialog()
			dlg := kittest.TopOverlay(t, w)
			kittest.Find[*kit.KeyList](dlg)[0].Select(idx)
			fields := kittest.Find[*kit.Field](dlg)
			if tc.undated {
				if len(fields) < 1 || fields[0].Text != u.sess.Draft().AsOf.String() {
					t.Fatalf("the start date is not asked for, or not the scenario's date: %v", fields)
				}
			}
			if details := kittest.Find[*widget.Label](dlg); !strings.Contains(labelsText(details), "Legal basis") {
				t.Errorf("no legal basis shown")
			}
			test.Tap(kittest.Button(t, dlg, "Add to scenario"))
			if len(u.sess.Draft().Measures) != n+1 {
				t.Fatalf("not added: %s", shownText(u))
			}
			m := u.sess.Draft().Measures[n]
			if m.From.IsZero() || len(m.Evidence) == 0 || m.Library != tc.id {
				t.Errorf("added %+v", m)
			}
			if u.view.selected != m.ID {
				t.Errorf("the new measure is not selected")
			}
		})
	}
}

func labelsText(ls []*widget.Label) string {
	var b strings.Builder
	for _, l := range ls {
		b.WriteString(l.Text)
		b.WriteByte('\n')
	}
	return b.String()
}
