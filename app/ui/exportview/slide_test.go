package exportview

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/app/charts"
	"parley/scenarios"
)

// TestSaveDeal saves the deal chart through the save dialog's answer: the
// file is written and the status bar says where it went.
func TestSaveDeal(t *testing.T) {
	env, nav := testEnv(t, "aug-2025")
	dir := t.TempDir()
	nav.save = func(name string) string { return filepath.Join(dir, name) }
	SaveDeal(env, Position{Baseline: "threat-25", Proposal: "aug-2025"})
	path := filepath.Join(dir, "deal.png")
	if b, err := os.ReadFile(path); err != nil || !strings.HasPrefix(string(b), "\x89PNG") {
		t.Fatalf("deal chart at %s: %v", path, err)
	}
	if want := "Exported the deal chart to " + path; nav.status != want {
		t.Errorf("status %q, want %q", nav.status, want)
	}
	// A file of another kind is refused, and the user told why.
	nav.save = func(string) string { return filepath.Join(dir, "deal.txt") }
	SaveDeal(env, Position{Baseline: "threat-25", Proposal: "aug-2025"})
	if !strings.Contains(nav.shownText(), "Could not export the deal chart") || !strings.Contains(nav.shownText(), ".csv") {
		t.Errorf("error shown %q", nav.shownText())
	}
	if _, err := os.Stat(filepath.Join(dir, "deal.txt")); err == nil {
		t.Error("a refused export wrote its file")
	}
}

// TestSaveProvincesRefusesEmpty: with no province shown, the export is
// refused before a file is asked for.
func TestSaveProvincesRefusesEmpty(t *testing.T) {
	env, nav := testEnv(t, "aug-2025")
	SaveProvinces(env, "aug-2025", scenarios.CAtoUS, true)
	if len(nav.asked) != 0 {
		t.Errorf("a file was asked for: %v", nav.asked)
	}
	if !strings.Contains(nav.shownText(), "Could not export the exposure by province") || !strings.Contains(nav.shownText(), "names no province or state") {
		t.Errorf("error shown %q", nav.shownText())
	}
}

// TestPositionDeckOptions: the Position view's deck has the position
// slides, on the date given.
func TestPositionDeckOptions(t *testing.T) {
	on := scenarios.MustDate("2025-09-01")
	opt := PositionDeckOptions(on)
	if !opt.Widescreen || opt.Top != charts.DefaultTop || opt.AsOf != on || strings.Join(opt.Slides, ",") != strings.Join(PositionDeckSlides, ",") {
		t.Errorf("options %+v", opt)
	}
}

// TestProductsChoice: a products chart opens on the sector it was asked
// for, and "All sectors" asks for every sector.
func TestProductsChoice(t *testing.T) {
	env, _ := testEnv(t, "aug-2025")
	sec := env.Sess.Sectors()[0]
	d := NewChartDialog(env, Preset{Kind: charts.Products, IDs: []string{"aug-2025"}, Sector: sec.Code})
	d.Show()
	d.Shown()
	defer func() { d.Hide(); d.Stop() }()
	if s := d.Settings(); s.Kind != charts.Products || s.Sector != sec.Code {
		t.Errorf("products preset %+v, want sector %s", s, sec.Code)
	}
	if !d.products.box.Visible() {
		t.Error("the sector choice is hidden for a products chart")
	}
	d.products.sel.SetSelected(allSectors)
	if s := d.Settings(); s.Sector != "" {
		t.Errorf("all sectors gives sector %q", s.Sector)
	}
}
