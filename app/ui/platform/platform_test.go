package platform_test

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/storage/repository"
	"fyne.io/fyne/v2/test"

	"parley/app/ui/platform"
)

// install registers what main registers once the app is made.
func install(t *testing.T) {
	t.Helper()
	test.NewTempApp(t)
	for scheme, r := range platform.Repositories() {
		repository.Register(scheme, r)
	}
}

// TestWebAddressesAreRefused checks that once the app's repositories are
// registered no web address can be read through Fyne's storage, as Fyne
// would otherwise fetch it.
func TestWebAddressesAreRefused(t *testing.T) {
	install(t)
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
		if err := platform.CheckDisplay(); (err == nil) != tt.ok {
			t.Errorf("DISPLAY=%q WAYLAND_DISPLAY=%q: %v", tt.display, tt.wayland, err)
		}
	}
}

// TestLogKeepsThePreviousRun: the log of the previous run (its crash, say)
// is kept as parley.log.1 when the app starts again.
func TestLogKeepsThePreviousRun(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	t.Setenv("HOME", cache)
	t.Setenv("PARLEY_DEBUG", "")
	l := platform.OpenLog()
	l.Out.Write([]byte("the first run crashed here\n"))
	l.Close()
	l = platform.OpenLog()
	l.Out.Write([]byte("the second run\n"))
	l.Close()
	dir := filepath.Join(cache, "Parley")
	prev, err := os.ReadFile(filepath.Join(dir, platform.LogFile+".1"))
	if err != nil || !bytes.Contains(prev, []byte("the first run crashed here")) {
		t.Errorf("previous log: %q, %v", prev, err)
	}
	cur, _ := os.ReadFile(filepath.Join(dir, platform.LogFile))
	if !bytes.Contains(cur, []byte("the second run")) || bytes.Contains(cur, []byte("first run")) {
		t.Errorf("current log: %q", cur)
	}
}

// TestEnvironment: a C or missing locale becomes C.UTF-8; a real one is kept.
func TestEnvironment(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		t.Skip("no locale to fix")
	}
	for _, tt := range []struct{ lcAll, lang, key string }{
		{"", "", "LANG"}, {"", "C", "LANG"}, {"POSIX", "", "LC_ALL"}, {"", "fr_CA.UTF-8", ""},
	} {
		t.Setenv("LC_ALL", tt.lcAll)
		t.Setenv("LANG", tt.lang)
		env := platform.Environment()
		for _, k := range []string{"LANG", "LC_ALL"} {
			if v, ok := env[k]; ok != (k == tt.key) || ok && v != "C.UTF-8" {
				t.Errorf("LC_ALL=%q LANG=%q: %s=%q", tt.lcAll, tt.lang, k, v)
			}
		}
	}
}
