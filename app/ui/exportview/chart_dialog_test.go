package exportview

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/storage/repository"

	"parley/app/charts"
	"parley/app/report"
	"parley/app/ui/platform"
	"parley/app/ui/present"
	"parley/scenarios"
)

// waitPreview waits for a new preview for which ok is true.
func (q *fakeNav) waitPreview(t *testing.T, what string, ok func(previewResult) bool) previewResult {
	t.Helper()
	from := len(q.shown)
	var found previewResult
	q.until(t, what, func() bool {
		for _, r := range q.shown[from:] {
			if r.err != nil {
				t.Fatalf("%s: preview failed: %v", what, r.err)
			}
			if ok(r) {
				found = r
				return true
			}
		}
		from = len(q.shown)
		return false
	})
	return found
}

// waitDone waits for the end of a save or copy and returns its error.
func (q *fakeNav) waitDone(t *testing.T, what string) error {
	t.Helper()
	n := len(q.done)
	q.until(t, what, func() bool { return len(q.done) > n })
	return q.done[n]
}

// imageOf returns a preview that shows an image of settings whose kind and
// size are kind and size.
func imageOf(kind charts.Kind, size charts.Size) func(previewResult) bool {
	return func(r previewResult) bool {
		return r.img != nil && r.settings.Kind == kind && r.settings.Size == size && r.settings.Format != present.FormatCSV
	}
}

// checkAspect checks that the preview and its frame have the aspect of size.
func checkAspect(t *testing.T, d *ChartDialog, r previewResult, size charts.Size) {
	t.Helper()
	want := float64(size.W) / float64(size.H)
	b := r.img.Bounds()
	if got := float64(b.Dx()) / float64(b.Dy()); math.Abs(got-want) > 0.02 {
		t.Errorf("%s: preview image %dx%d, aspect %.3f, want %.3f", size, b.Dx(), b.Dy(), got, want)
	}
	if b.Dx() < 200 {
		t.Errorf("%s: preview only %d pixels wide", size, b.Dx())
	}
	s := d.preview.img.Size()
	t.Logf("%s: preview %dx%d pixels in a %.0fx%.0f box", size, b.Dx(), b.Dy(), s.Width, s.Height)
	if got := float64(s.Width) / float64(s.Height); math.Abs(got-want) > 0.02 {
		t.Errorf("%s: preview box %v, aspect %.3f, want %.3f", size, s, got, want)
	}
}

func TestExportDialogPreview(t *testing.T) {
	env, _ := testEnv(t, "aug-2025")
	d, q := openExport(t, env)
	if top := env.Win.Canvas().Overlays().Top(); top == nil {
		t.Fatal("no dialog on screen")
	}
	if d.settings.Kind != charts.Exposure || len(d.settings.IDs) != 1 || d.settings.IDs[0] != "aug-2025" || d.settings.Dir != "" {
		t.Fatalf("opened with %+v", d.settings)
	}
	if got := d.settings.FileName(); got != "aug-2025-exposure-1920x1080.png" {
		t.Errorf("file name %q", got)
	}
	r := q.waitPreview(t, "exposure 16:9", imageOf(charts.Exposure, charts.Slide169))
	checkAspect(t, d, r, charts.Slide169)
	if !inked(r.img) {
		t.Error("blank preview")
	}

	d.size.SetSelected(sizeSquare)
	r = q.waitPreview(t, "exposure 4:3", imageOf(charts.Exposure, charts.Slide43))
	checkAspect(t, d, r, charts.Slide43)

	d.kind.SetSelected(kindLabels[charts.Tornado])
	r = q.waitPreview(t, "tornado 4:3", imageOf(charts.Tornado, charts.Slide43))
	checkAspect(t, d, r, charts.Slide43)

	d.size.SetSelected(sizeCustom)
	if d.custom.Hidden || d.custom.Text != "1600x1200" {
		t.Errorf("custom size field hidden=%v text %q", d.custom.Hidden, d.custom.Text)
	}
	d.custom.SetText("900x1200")
	square := charts.Size{W: 900, H: 1200}
	r = q.waitPreview(t, "tornado 900x1200", imageOf(charts.Tornado, square))
	checkAspect(t, d, r, square)
	if !strings.Contains(d.caption.Text, "aug-2025-tornado-900x1200.png") {
		t.Errorf("caption %q", d.caption.Text)
	}

	d.format.SetSelected(string(present.FormatCSV))
	r = q.waitPreview(t, "tornado CSV", func(r previewResult) bool { return r.settings.Format == present.FormatCSV })
	if !strings.HasPrefix(r.text, "assumption,") && !strings.Contains(r.text, "# ") {
		t.Errorf("CSV preview %.80q", r.text)
	}
	if !d.preview.textBox.Visible() || d.preview.picture.Visible() {
		t.Error("CSV preview does not show the text")
	}

	d.kind.SetSelected(kindLabels[charts.Timeline])
	d.format.SetSelected(string(present.FormatPNG))
	if !d.timeline.Visible() {
		t.Error("timeline range hidden for a timeline")
	}
	d.from.SetText("2025-02-01")
	d.to.SetText("2025-09-30")
	r = q.waitPreview(t, "timeline", func(r previewResult) bool {
		return r.img != nil && r.settings.Kind == charts.Timeline && r.settings.To.String() == "2025-09-30"
	})
	if r.settings.From.String() != "2025-02-01" || r.settings.Request().From.String() != "2025-02-01" {
		t.Errorf("timeline range %s to %s", r.settings.From, r.settings.To)
	}
	d.to.SetText("2025-01-01")
	if d.ok || !d.rangeErr.Visible() || !strings.Contains(d.rangeErr.Text, "before From") {
		t.Errorf("range backwards: ok=%v, error %q", d.ok, d.rangeErr.Text)
	}
	d.to.SetText("2025-9-30")
	if d.ok || !strings.Contains(d.rangeErr.Text, "not a date") {
		t.Errorf("bad date: ok=%v, error %q", d.ok, d.rangeErr.Text)
	}
	d.to.SetText("2026-02-30")
	if d.ok || !strings.Contains(d.rangeErr.Text, "To: 2026-02-30: February 2026 has 28 days.") {
		t.Errorf("day that does not exist: ok=%v, error %q", d.ok, d.rangeErr.Text)
	}

	d.Hide() // Escape
	if open(env) {
		t.Error("Escape left the dialog open")
	}
}

func TestExportDialogInvalidSize(t *testing.T) {
	env, _ := testEnv(t, "aug-2025")
	d, _ := openExport(t, env)
	d.size.SetSelected(sizeCustom)
	for _, tc := range []struct{ text, msg string }{
		{"800x100", "height 100 is out of range"},
		{"wide", "want WIDTHxHEIGHT"},
		{"1920x", "whole pixels"},
		{"9000x1000", "width 9000 is out of range"},
	} {
		test.Type(d.custom, "") // focus, as a user would
		d.custom.SetText(tc.text)
		if d.ok || !d.sizeErr.Visible() || !strings.Contains(d.sizeErr.Text, tc.msg) {
			t.Errorf("%q: ok=%v, error %q, want %q", tc.text, d.ok, d.sizeErr.Text, tc.msg)
		}
		for _, b := range []*widget.Button{d.save, d.copyImg, d.copyData} {
			if !b.Disabled() {
				t.Errorf("%q: %s enabled", tc.text, b.Text)
			}
		}
		if d.preview.content.Visible() {
			t.Errorf("%q: a stale preview is shown", tc.text)
		}
	}
	d.custom.SetText(" 1280X720 ")
	if !d.ok || d.sizeErr.Visible() || d.save.Disabled() || d.settings.Size != (charts.Size{W: 1280, H: 720}) {
		t.Errorf("valid size refused: ok=%v, error %q, size %v", d.ok, d.sizeErr.Text, d.settings.Size)
	}
}

func TestExportFiles(t *testing.T) {
	env, _ := testEnv(t, "aug-2025")
	dir := t.TempDir()
	tests := []struct {
		name  string
		s     present.ExportSettings
		check func(t *testing.T, data []byte)
	}{
		{"exposure PNG", present.ExportSettings{Kind: charts.Exposure, IDs: []string{"aug-2025"}, Size: charts.Slide169, Scale: 1, Format: present.FormatPNG},
			pngOf(1920, 1080)},
		{"compare PNG 4:3 at 2x", present.ExportSettings{Kind: charts.Compare, IDs: []string{"threat-25", "aug-2025"}, Dir: scenarios.UStoCA,
			Size: charts.Slide43, Scale: 2, Format: present.FormatPNG}, pngOf(3200, 2400)},
		{"dutiable SVG", present.ExportSettings{Kind: charts.Dutiable, IDs: []string{"aug-2025"}, Size: charts.Size{W: 1280, H: 720}, Scale: 1, Format: present.FormatSVG},
			svgOf(1280, 720)},
		{"timeline CSV", present.ExportSettings{Kind: charts.Timeline, IDs: []string{"aug-2025"}, Size: charts.Slide169, Scale: 1, Format: present.FormatCSV,
			From: scenarios.MustDate("2025-02-01"), To: scenarios.MustDate("2025-06-30")}, csvOf(5)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, q := openExport(t, env)
			defer d.Hide()
			path := filepath.Join(dir, tc.s.FileName())
			d.saveTo(path, tc.s)
			if err := q.waitDone(t, "save"); err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			tc.check(t, data)
			if !strings.Contains(q.status, "Exported the "+string(tc.s.Kind)+" chart to "+path) {
				t.Errorf("status %q", q.status)
			}
			if open(env) {
				t.Error("the dialog stays open after a save")
			}
		})
	}
	if got := env.Prefs.String(PrefFolder); got != dir {
		t.Errorf("export folder remembered as %q", got)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func pngOf(w, h int) func(*testing.T, []byte) {
	return func(t *testing.T, data []byte) {
		cfg, err := png.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if cfg.Width != w || cfg.Height != h {
			t.Errorf("PNG is %dx%d, want %dx%d", cfg.Width, cfg.Height, w, h)
		}
	}
}

func svgOf(w, h int) func(*testing.T, []byte) {
	return func(t *testing.T, data []byte) {
		dec := xml.NewDecoder(bytes.NewReader(data))
		var root *xml.StartElement
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("SVG is not XML: %v", err)
			}
			if se, ok := tok.(xml.StartElement); ok && root == nil {
				root = &se
			}
		}
		if root == nil || root.Name.Local != "svg" {
			t.Fatalf("root element %v", root)
		}
		attrs := map[string]string{}
		for _, a := range root.Attr {
			attrs[a.Name.Local] = a.Value
		}
		if attrs["width"] != strconv.Itoa(w) || attrs["height"] != strconv.Itoa(h) {
			t.Errorf("SVG is %sx%s, want %dx%d", attrs["width"], attrs["height"], w, h)
		}
	}
}

// csvOf checks a CSV file of months rows after its header, with its
// sources in '#' lines.
func csvOf(months int) func(*testing.T, []byte) {
	return func(t *testing.T, data []byte) {
		r := csv.NewReader(bytes.NewReader(data))
		r.Comment = '#'
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatalf("CSV does not parse: %v", err)
		}
		if len(recs) != 1+months {
			t.Errorf("%d records, want a header and %d months", len(recs), months)
		}
		if !strings.Contains(string(data), "\n# Baseline trade") {
			t.Error("no source lines")
		}
	}
}

// TestFailedExportLeavesNoFile: an export that fails leaves no file of its
// own, and an empty file that was there (Parley did not create it) stays.
func TestFailedExportLeavesNoFile(t *testing.T) {
	env, _ := testEnv(t, "aug-2025")
	d, q := openExport(t, env)
	dir := t.TempDir()
	failExport(t, d, q, filepath.Join(dir, "gone.png"))
	if !strings.Contains(q.shownText(), "Could not export the chart") {
		t.Errorf("error shown %q", q.shownText())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files left: %v", entries)
	}
	path := filepath.Join(dir, "kept.png")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	failExport(t, d, q, path)
	if info, err := os.Stat(path); err != nil || info.Size() != 0 {
		t.Errorf("a failed export removed or changed %s (%v)", path, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left: %v", entries)
	}
}

// TestCompareChoice: the compare chart takes 2 to 4 scenarios: a fifth
// is refused, one alone is an error.
func TestCompareChoice(t *testing.T) {
	env, _ := testEnv(t, "aug-2025")
	d := NewChartDialog(env, Preset{Kind: charts.Compare, IDs: []string{"threat-25", "aug-2025", "sectoral-pact"}})
	d.Show()
	d.Shown()
	defer func() { d.Hide(); d.Stop() }()
	if d.settings.Kind != charts.Compare || strings.Join(d.settings.IDs, ",") != "threat-25,aug-2025,sectoral-pact" {
		t.Errorf("compare preset %+v", d.settings)
	}
	var all []string
	for _, s := range env.Sess.Infos()[:5] {
		all = append(all, s.Name)
	}
	d.compared.SetSelected(all)
	if len(d.settings.IDs) != 4 || !d.ok {
		t.Errorf("five checked: %v ok=%v", d.settings.IDs, d.ok)
	}
	d.compared.SetSelected(all[:1])
	if d.ok || !strings.Contains(d.scenErr.Text, "Choose 2 to 4") {
		t.Errorf("one checked: ok=%v, %q", d.ok, d.scenErr.Text)
	}
}

func TestExportDeck(t *testing.T) {
	env, q := testEnv(t, "aug-2025")
	dd := NewDeckDialog(env)
	dd.Show()
	dd.Shown()
	if ids := dd.ids(); len(ids) != 1 || ids[0] != "aug-2025" || !strings.HasPrefix(dd.info.Text, "A title slide, then: at a glance") {
		t.Errorf("deck of %v: %q", ids, dd.info.Text)
	}
	dd.chosen.SetSelected(nil)
	if !dd.save.Disabled() || !dd.err.Visible() {
		t.Error("a deck of no scenario can be saved")
	}
	var all []string
	for _, s := range env.Sess.Infos()[:5] {
		all = append(all, s.Name)
	}
	dd.chosen.SetSelected(all)
	if len(dd.ids()) != 4 || !strings.Contains(dd.info.Text, "of each scenario") || !strings.Contains(dd.info.Text, "a comparison of the 4") {
		t.Errorf("five chosen: %v, %q", dd.ids(), dd.info.Text)
	}
	dd.Hide()

	for _, tc := range []struct {
		ids    []string
		wide   bool
		slides int
		cx     string
	}{
		// A title slide, a summary, the charts (the duty by programme of
		// each), and the sources (on one or two slides); the two scenarios
		// share one dutiable-trade slide, and the second is scored against
		// the first on the deal slide.
		{[]string{"aug-2025"}, true, 9, `cx="12192000"`},
		{[]string{"aug-2025", "threat-25"}, false, 18, `cx="9144000"`},
	} {
		path := filepath.Join(t.TempDir(), "deck.pptx")
		SaveDeck(env, path, tc.ids, report.DeckOptions{Widescreen: tc.wide, Top: charts.DefaultTop}, func(_ string, err error) { q.done = append(q.done, err) })
		if err := q.waitDone(t, "deck"); err != nil {
			t.Fatal(err)
		}
		zr, err := zip.OpenReader(path)
		if err != nil {
			t.Fatalf("not a zip: %v", err)
		}
		slide := regexp.MustCompile(`^ppt/slides/slide\d+\.xml$`)
		n, pres := 0, ""
		for _, f := range zr.File {
			if slide.MatchString(f.Name) {
				n++
			}
			if f.Name == "ppt/presentation.xml" {
				rc, _ := f.Open()
				b, _ := io.ReadAll(rc)
				rc.Close()
				pres = string(b)
			}
		}
		zr.Close()
		if n < tc.slides || n > tc.slides+1 {
			t.Errorf("%v: %d slides, want %d or %d", tc.ids, n, tc.slides, tc.slides+1)
		}
		if !strings.Contains(pres, tc.cx) {
			t.Errorf("%v: slide size is not %s", tc.ids, tc.cx)
		}
		if !strings.Contains(q.status, "Exported the deck to "+path) {
			t.Errorf("status %q", q.status)
		}
	}
}

func TestCopyData(t *testing.T) {
	env, _ := testEnv(t, "aug-2025")
	d, q := openExport(t, env)
	d.copyTable()
	if err := q.waitDone(t, "copy data"); err != nil {
		t.Fatal(err)
	}
	text := env.Clipboard.Content()
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	if !strings.HasPrefix(lines[0], "sector_code\tsector\t") {
		t.Fatalf("header %q", lines[0])
	}
	cols := strings.Count(lines[0], "\t")
	rows := 0
	for _, l := range lines[1:] {
		if l == "" {
			break
		}
		rows++
		if strings.Count(l, "\t") != cols || strings.Contains(l, ",\"") {
			t.Errorf("row %q has not %d tabs", l, cols)
		}
	}
	// The chart's rows: the largest sectors and "All other".
	if rows != charts.DefaultTop+1 {
		t.Errorf("%d rows, want the %d largest sectors and the rest", rows, charts.DefaultTop)
	}
	if !strings.Contains(text, "\nDuty at stake by sector\n") || !strings.Contains(text, "Baseline trade") || strings.Contains(text, "\n#") {
		t.Errorf("title and sources not after the table:\n%s", text)
	}
	if !strings.Contains(q.status, "Copied") || !strings.Contains(d.note.Text, "Copied the data") {
		t.Errorf("status %q, note %q", q.status, d.note.Text)
	}
}

// TestFailedExportKeepsOldFile checks that choosing an existing file in the
// save dialog and then failing to export leaves that file as it was: the
// writer the dialog hands over does not truncate it unless written to.
func TestFailedExportKeepsOldFile(t *testing.T) {
	env, _ := testEnv(t, "aug-2025")
	installRepositories()
	d, q := openExport(t, env)
	path := filepath.Join(t.TempDir(), "briefing.png")
	old := []byte("last week's chart")
	if err := os.WriteFile(path, old, 0o644); err != nil {
		t.Fatal(err)
	}
	// What the save dialog does when the user confirms the overwrite.
	w, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	if w.URI().Path() != path {
		t.Fatalf("writer for %s", w.URI().Path())
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	failExport(t, d, q, path)
	if got, err := os.ReadFile(path); err != nil || !bytes.Equal(got, old) {
		t.Errorf("after a failed export the file holds %q (%v), want %q", got, err, old)
	}
}

// installRepositories makes Fyne's file URIs Parley's, as main does.
func installRepositories() {
	for scheme, r := range platform.Repositories() {
		repository.Register(scheme, r)
	}
}

// failExport exports a missing scenario's chart to path and waits for it to
// fail.
func failExport(t *testing.T, d *ChartDialog, q *fakeNav, path string) {
	t.Helper()
	s := d.settings
	s.IDs = []string{"no-such-scenario"}
	d.saveTo(path, s)
	if err := q.waitDone(t, "save"); err == nil {
		t.Fatal("export of a missing scenario succeeded")
	}
}
