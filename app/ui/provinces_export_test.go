package ui

import (
	"bytes"
	"os"
	"parley/app/ui/exportview"
	"path/filepath"
	"strings"
	"testing"

	"parley/app/ui/exposureview"
	"parley/app/ui/kit/kittest"
)

// checkProvincesExport checks that the provinces dialog v exports its
// table as CSV and its chart as PNG and SVG, and refuses another type.
func checkProvincesExport(t *testing.T, u *UI, v *exposureview.Provinces) {
	t.Helper()
	if kittest.Button(t, u.win.Canvas().Overlays().Top(), "Export…") == nil {
		t.Fatal("no Export button")
	}
	dir := t.TempDir()
	for _, tc := range []struct{ name, want string }{
		{"p.csv", "Quebec"},
		{"p.png", "\x89PNG"},
		{"p.svg", "<svg"},
	} {
		path := filepath.Join(dir, tc.name)
		if err := exportview.WriteProvinces(u.sess.Workspace(), path, v.Request().Scenarios[0], v.Request().Direction); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		b, err := os.ReadFile(path)
		if err != nil || !bytes.Contains(b, []byte(tc.want)) {
			t.Errorf("%s: %v, no %q in %.80q", tc.name, err, tc.want, b)
		}
	}
	if err := exportview.WriteProvinces(u.sess.Workspace(), filepath.Join(dir, "p.txt"), v.Request().Scenarios[0], v.Request().Direction); err == nil || !strings.Contains(err.Error(), ".csv") {
		t.Errorf("a .txt export: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "p.txt")); err == nil {
		t.Error("a refused export wrote its file")
	}
}
