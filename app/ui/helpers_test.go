package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parley/storage"
)

// shownText returns the text of the dialogs open in u's window, oldest
// first ("" when none is): what the user is told.
func shownText(u *UI) string {
	var texts []string
	for _, o := range u.win.Canvas().Overlays().List() {
		if t := labelsIn(o); t != "" {
			texts = append(texts, t)
		}
	}
	return strings.Join(texts, " ")
}

// labelsText returns the text of the labels in o, joined by spaces.
func labelsIn(o fyne.CanvasObject) string {
	var texts []string
	for _, l := range find[*widget.Label](o) {
		texts = append(texts, l.Text)
	}
	return strings.Join(texts, " ")
}

// newTestUI opens a new workspace in a temporary folder and shows Parley in
// a test window of a laptop's size.
func newTestUI(t testing.TB) (*UI, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	ws, err := storage.Open(filepath.Join(t.TempDir(), "w.parley"))
	if err != nil {
		t.Fatal(err)
	}
	u, err := newUI(a, w, ws, Options{Sync: true})
	if err != nil {
		t.Fatal(err)
	}
	u.sess.SaveDelay = 0 // save at once: no timers in tests
	// Workers' results wait in a queue until the test runs them (wait,
	// waitFor): Fyne's test driver would run them at once on the worker,
	// racing with the test.
	useUIQueue(t)
	t.Cleanup(u.shutdown)
	w.Resize(fyne.NewSize(1366, 740))
	return u, w
}
