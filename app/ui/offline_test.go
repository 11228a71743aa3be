package ui_test

import (
	"path/filepath"
	"runtime"
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
	if _, err := ui.CreateWith(a, w, filepath.Join(t.TempDir(), "w.parley"), ui.Options{Sync: true}); err != nil {
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

func TestCheckDisplay(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		t.Skip("always has a display")
	}
	for _, tt := range []struct {
		display, wayland string
		ok               bool
	}{{"", "", false}, {":0", "", true}, {"", "wayland-0", true}} {
		t.Setenv("DISPLAY", tt.display)
		t.Setenv("WAYLAND_DISPLAY", tt.wayland)
		if err := ui.CheckDisplay(); (err == nil) != tt.ok {
			t.Errorf("DISPLAY=%q WAYLAND_DISPLAY=%q: %v", tt.display, tt.wayland, err)
		}
	}
}
