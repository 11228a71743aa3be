package ui_test

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"parley/app/ui"
)

// TestWebAddressesAreRefused checks that once the app is created no web
// address can be read through Fyne's storage, as Fyne would otherwise fetch it.
func TestWebAddressesAreRefused(t *testing.T) {
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	if err := ui.Create(a, w, filepath.Join(t.TempDir(), "w.parley")); err != nil {
		t.Fatal(err)
	}
	for _, addr := range []string{"http://127.0.0.1:1/x.png", "https://example.org/logo.png"} {
		u, err := storage.ParseURI(addr)
		if err != nil {
			t.Fatal(err)
		}
		if r, err := storage.Reader(u); err == nil || r != nil {
			t.Errorf("%s was opened", addr)
		} else if !strings.Contains(err.Error(), "offline") {
			t.Errorf("%s: %v, want the offline refusal", addr, err)
		}
		if ok, _ := storage.CanRead(u); ok {
			t.Errorf("%s is readable", addr)
		}
	}
}
