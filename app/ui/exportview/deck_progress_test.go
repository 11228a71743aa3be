package exportview

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parley/app/charts"
	"parley/app/report"
	"parley/app/ui/kit/kittest"
)

// progressShown is what the progress dialog on top of win says: its step
// and its bar's text; "" when no dialog is shown.
func progressShown(win fyne.Window) string {
	top := win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var parts []string
	for _, l := range kittest.Find[*widget.Label](top) {
		parts = append(parts, l.Text)
	}
	for _, b := range kittest.Find[*widget.ProgressBar](top) {
		parts = append(parts, b.TextFormatter())
	}
	return strings.Join(parts, " | ")
}

// TestSaveDeckProgress: the export of a deck says at once which step it is
// on, then each step as it begins; cancelled, it stops, says so and leaves
// the file at the path as it was.
func TestSaveDeckProgress(t *testing.T) {
	for _, tc := range []struct {
		name   string
		cancel bool
	}{{"done", false}, {"cancelled while drawing", true}} {
		t.Run(tc.name, func(t *testing.T) {
			env, q := testEnv(t, "aug-2025")
			path := filepath.Join(t.TempDir(), "deck.pptx")
			if err := os.WriteFile(path, []byte("the deck before"), 0o600); err != nil {
				t.Fatal(err)
			}
			// The worker waits at each step until the test has read the
			// dialog, so that every state is seen.
			steps, release := make(chan report.DeckStep), make(chan struct{})
			opt := report.DeckOptions{Widescreen: true, Top: charts.DefaultTop, Progress: func(s report.DeckStep) error {
				steps <- s
				<-release
				return nil
			}}
			var ended []error
			SaveDeck(env, path, []string{"aug-2025"}, opt, func(_ string, err error) { ended = append(ended, err) })
			if got := progressShown(env.Win); !strings.Contains(got, "Evaluating the scenarios…") || !strings.Contains(got, "Step 1 of 3") {
				t.Errorf("at once: %q", got)
			}
			var seen []string
			for _, want := range []report.DeckStep{report.DeckEvaluating, report.DeckDrawing} {
				select {
				case s := <-steps:
					if s != want {
						t.Fatalf("step %d, want %d", s, want)
					}
				case <-time.After(30 * time.Second):
					t.Fatalf("step %d: not within 30 s", want)
				}
				drain(q)
				seen = append(seen, progressShown(env.Win))
				if tc.cancel && want == report.DeckDrawing {
					test.Tap(kittest.Button(t, kittest.TopOverlay(t, env.Win), "Cancel"))
					seen = append(seen, progressShown(env.Win))
				}
				release <- struct{}{}
			}
			// What the dialog says each time the worker posts, until the end.
			q.until(t, "the end of the export", func() bool {
				if s := progressShown(env.Win); s != "" && s != seen[len(seen)-1] {
					seen = append(seen, s)
				}
				return len(ended) > 0
			})
			want := []string{"Evaluating the scenarios… | Exporting deck | Step 1 of 3", "Drawing the charts… | Exporting deck | Step 2 of 3",
				"Writing the file… | Exporting deck | Step 3 of 3"}
			if tc.cancel {
				want[2] = "Cancelling… nothing will be written. | Exporting deck | Step 2 of 3"
			}
			if len(seen) != len(want) {
				t.Fatalf("states %q, want %q", seen, want)
			}
			for i := range want {
				if !strings.Contains(seen[i], want[i]) {
					t.Errorf("state %d: %q, want %q", i, seen[i], want[i])
				}
			}
			if open(env) {
				t.Errorf("the progress dialog is still shown: %q", progressShown(env.Win))
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if tc.cancel {
				if !errors.Is(ended[0], context.Canceled) || string(b) != "the deck before" || !strings.Contains(env.Nav.(*fakeNav).status, "cancelled") {
					t.Errorf("cancelled: error %v, file %q, status %q", ended[0], b[:min(len(b), 20)], env.Nav.(*fakeNav).status)
				}
				if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
					t.Errorf("files left: %v", slices.Collect(func(yield func(string) bool) {
						for _, e := range entries {
							yield(e.Name())
						}
					}))
				}
				return
			}
			if ended[0] != nil || !strings.HasPrefix(string(b), "PK") {
				t.Errorf("done: error %v, file starts %q", ended[0], b[:min(len(b), 4)])
			}
		})
	}
}

// drain runs what the workers have posted for the UI goroutine so far.
func drain(q *fakeNav) {
	for {
		select {
		case f := <-q.q:
			f()
		default:
			return
		}
	}
}
