package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"parley/app/charts"
	"parley/app/ui/exportview"
	"parley/app/ui/kit/kittest"
	"parley/scenarios"
)

// menuItem returns the main menu's item labelled label.
func menuItem(t *testing.T, u *UI, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range u.menu.main.Items {
		for _, it := range m.Items {
			if it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("no menu item %q", label)
	return nil
}

// uiQueue receives what the export code runs on the UI goroutine (u.post),
// for the test's goroutine to run: Fyne's test driver would run it at once
// on the worker, racing with the test.
type uiQueue struct {
	q    chan func()
	done []error // the end of every save and copy
}

// activeQueue is the queue u.post feeds in the running test (tests of this
// package do not run in parallel).
var activeQueue *uiQueue

// useUIQueue makes u's workers queue what they run on the UI goroutine
// until the test ends.
func useUIQueue(t testing.TB, u *UI) *uiQueue {
	q := &uiQueue{q: make(chan func(), 4096)}
	old, oldQ := u.post, activeQueue
	u.post = func(f func()) { q.q <- f }
	activeQueue = q
	t.Cleanup(func() { u.post, activeQueue = old, oldQ })
	return q
}

// waitQueued waits for a value on ch, running the functions workers queue
// for the UI goroutine meanwhile.
func waitQueued[T any](t testing.TB, ch chan T, what string) T {
	t.Helper()
	deadline := time.After(30 * time.Second)
	var q chan func()
	if activeQueue != nil {
		q = activeQueue.q
	}
	for {
		select {
		case v := <-ch:
			return v
		case f := <-q:
			f()
		case <-deadline:
			t.Fatalf("%s: not within 30 s", what)
			var zero T
			return zero
		}
	}
}

// until runs the queued functions until cond is true.
func (q *uiQueue) until(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.After(30 * time.Second)
	for !cond() {
		select {
		case f := <-q.q:
			f()
		case <-deadline:
			t.Fatalf("%s: not within 30 s", what)
		}
	}
}

// openExport opens the export dialog from the File menu and returns it
// with the queue of what it runs on the UI goroutine.
func openExport(t *testing.T, u *UI) (*exportview.ChartDialog, *uiQueue) {
	t.Helper()
	q := useUIQueue(t, u)
	menuItem(t, u, "Export chart…").Action()
	d, ok := u.dialogs.top().(*exportview.ChartDialog)
	if !ok {
		t.Fatalf("top dialog is %T, want the export dialog", u.dialogs.top())
	}
	d.OnDone = func(_ string, err error) { q.done = append(q.done, err) }
	return d, q
}

// waitDone waits for the end of a save or copy and returns its error.
func (q *uiQueue) waitDone(t *testing.T, what string) error {
	t.Helper()
	n := len(q.done)
	q.until(t, what, func() bool { return len(q.done) > n })
	return q.done[n]
}

func TestWithExt(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "chart")
	os.WriteFile(empty, nil, 0o644)
	if got := withExt(empty, ".svg"); got != empty+".svg" {
		t.Errorf("withExt = %q", got)
	}
	if _, err := os.Stat(empty); err != nil {
		t.Errorf("withExt removed the file picked: %v", err)
	}
	if got := withExt(filepath.Join(dir, "a.PNG"), ".png"); got != filepath.Join(dir, "a.PNG") {
		t.Errorf("withExt kept %q", got)
	}
	if got := withExt(empty, ""); got != empty {
		t.Errorf("withExt(no extension) = %q", got)
	}
}

func TestExportButtons(t *testing.T) {
	u, _ := newTestUI(t)
	useUIQueue(t, u)
	u.openScenario("aug-2025")
	u.exposure.SetDirection(scenarios.UStoCA)
	test.Tap(kittest.Button(t, u.exposure.Content(), "Export…"))
	d, ok := u.dialogs.top().(*exportview.ChartDialog)
	if !ok {
		t.Fatal("the exposure panel's Export… opened no dialog")
	}
	if s := d.Settings(); s.Kind != charts.Exposure || s.Dir != scenarios.UStoCA || s.IDs[0] != "aug-2025" {
		t.Errorf("exposure preset %+v", s)
	}
	d.Hide()
	defer func() { u.escape() }()

	u.tabs.SelectIndex(2)
	u.compare.Choose("threat-25", "aug-2025", "sectoral-pact")
	test.Tap(kittest.Button(t, u.compare.Content(), "Export…"))
	d, ok = u.dialogs.top().(*exportview.ChartDialog)
	if !ok {
		t.Fatal("the Compare view's Export… opened no dialog")
	}
	if s := d.Settings(); s.Kind != charts.Compare || strings.Join(s.IDs, ",") != "threat-25,aug-2025,sectoral-pact" {
		t.Errorf("compare preset %+v", s)
	}
	// A fifth scenario refused, one alone an error: exportview's
	// TestCompareChoice.
	// The menu does not open a second dialog over the first.
	menuItem(t, u, "Export chart…").Action()
	if len(u.dialogs.stack) != 1 {
		t.Errorf("%d dialogs open", len(u.dialogs.stack))
	}
}

// TestFileWriterTruncatesOnWrite checks the other half: a writer that is
// written to replaces the file, and a file that cannot be opened gives an
// error naming it.
func TestFileWriterTruncatesOnWrite(t *testing.T) {
	newTestUI(t)
	path := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(path, []byte("a longer old text"), 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte("new")); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "new" {
		t.Errorf("file holds %q, want %q", got, "new")
	}

	missing := filepath.Join(t.TempDir(), "no-such-folder", "x.txt")
	w, err = storage.Writer(storage.NewFileURI(missing))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte("x")); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("write to %s: %v, want an error naming it", missing, err)
	}
	if err := w.Close(); err != nil {
		t.Errorf("close an unopened writer: %v", err)
	}
}
