package ui

import (
	"mime"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage/repository"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/kit/kittest"
	"parley/app/ui/platform"
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
	for _, l := range kittest.Find[*widget.Label](o) {
		texts = append(texts, l.Text)
	}
	return strings.Join(texts, " ")
}

// installPlatform registers what main registers once the app is made: the
// file repository that never opens a live workspace, the refusal of web
// addresses and the workspace's MIME types.
func installPlatform() {
	for ext, typ := range platform.MIMETypes() {
		_ = mime.AddExtensionType(ext, typ)
	}
	for scheme, r := range platform.Repositories() {
		repository.Register(scheme, r)
	}
}

// newTestUI opens a new workspace in a temporary folder and shows Parley in
// a test window of a laptop's size.
func newTestUI(t testing.TB) (*UI, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	installPlatform()
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
	useUIQueue(t, u)
	t.Cleanup(u.shutdown)
	w.Resize(fyne.NewSize(1366, 740))
	return u, w
}
