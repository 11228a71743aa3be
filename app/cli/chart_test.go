package cli_test

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// pngSize returns the size of a PNG file.
func pngSize(t *testing.T, path string) (int, int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return cfg.Width, cfg.Height
}

func TestChartPNG(t *testing.T) {
	ws := newWorkspace(t)
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		w, h int
	}{
		{"default size", []string{"aug-2025", "--kind", "exposure"}, 1920, 1080},
		{"size", []string{"aug-2025", "--kind", "dutiable", "--size", "800x600"}, 800, 600},
		{"size and scale", []string{"aug-2025", "--kind", "tornado", "--size", "800x600", "--scale", "2"}, 1600, 1200},
		{"scale only", []string{"today", "--kind", "timeline", "--scale", "1.5"}, 2880, 1620},
		{"compare", []string{"aug-2025", "sectoral-deal-aug-2025", "aluminum-relief-aug-2025", "--kind", "compare", "--size", "1600x1200"}, 1600, 1200},
		{"options", []string{"August 2025: 35% on non-CUSMA goods", "-k", "exposure", "--direction", "us_to_ca", "--as-of", "2025-09-30", "--top", "5"}, 1920, 1080},
		{"timeline range", []string{"today", "--kind=timeline", "--from", "2025-03-01", "--to", "2025-12-31", "--size", "1280x720"}, 1280, 720},
		{"upper case extension", []string{"threat-25", "--kind", "EXPOSURE"}, 1920, 1080},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-")+".png")
			if i == len(tests)-1 {
				out = strings.TrimSuffix(out, ".png") + ".PNG"
			}
			stdout, stderr, code := run(t, ws, append([]string{"chart", "--out", out}, tt.args...)...)
			// It says where it wrote the file, in full.
			if abs, _ := filepath.Abs(out); code != 0 || stdout != abs+"\n" || !onlyLikenessWarnings(stderr) {
				t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
			}
			if w, h := pngSize(t, out); w != tt.w || h != tt.h {
				t.Errorf("%dx%d, want %dx%d", w, h, tt.w, tt.h)
			}
		})
	}
	assertNoTemporaryFiles(t, dir)
}

func TestChartSVGAndCSV(t *testing.T) {
	ws := newWorkspace(t)
	dir := t.TempDir()
	for _, kind := range []string{"exposure", "dutiable", "compare", "timeline", "tornado"} {
		t.Run(kind, func(t *testing.T) {
			refs := []string{"aug-2025"}
			if kind == "compare" {
				refs = []string{"aug-2025", "sectoral-deal-aug-2025", "aluminum-relief-aug-2025"}
			}
			svg := filepath.Join(dir, kind+".svg")
			if _, e, code := run(t, ws, append(append([]string{"chart"}, refs...), "--kind", kind, "--out", svg, "--size", "1024x768")...); code != 0 {
				t.Fatal(e)
			}
			b, err := os.ReadFile(svg)
			if err != nil {
				t.Fatal(err)
			}
			root := parseXML(t, b)
			if root.Name.Local != "svg" || attr(root, "width") != "1024" || attr(root, "height") != "768" {
				t.Errorf("root <%s width=%q height=%q>", root.Name.Local, attr(root, "width"), attr(root, "height"))
			}
			if !bytes.Contains(b, []byte("Baseline trade 2024 (US$)")) || !bytes.Contains(b, []byte("Evidence: ")) {
				t.Error("the SVG lacks its sources and evidence")
			}

			data := filepath.Join(dir, kind+".csv")
			if _, e, code := run(t, ws, append(append([]string{"chart"}, refs...), "--kind", kind, "--out", data)...); code != 0 {
				t.Fatal(e)
			}
			b, _ = os.ReadFile(data)
			var rows, comments []string
			for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
				if strings.HasPrefix(l, "# ") {
					comments = append(comments, l)
				} else {
					rows = append(rows, l)
				}
			}
			recs, err := csv.NewReader(strings.NewReader(strings.Join(rows, "\n"))).ReadAll()
			if err != nil || len(recs) < 2 {
				t.Fatalf("CSV: %v, %d records", err, len(recs))
			}
			// A CSV carries the source lines in full.
			if c := strings.Join(comments, "\n"); !strings.Contains(c, "(03-Processed-Data/csv/commodity_detail.csv)") {
				t.Errorf("CSV comments lack the full source lines:\n%s", c)
			}
		})
	}
}

// parseXML parses a whole XML document and returns its root element.
func parseXML(t *testing.T, b []byte) xml.StartElement {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	var root xml.StartElement
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok && root.Name.Local == "" {
			root = se
		}
	}
	return root
}

func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func TestDeckCommand(t *testing.T) {
	ws := newWorkspace(t)
	dir := t.TempDir()
	tests := []struct {
		name   string
		args   []string
		slides int
		width  string // presentation width in EMU
	}{
		{"one scenario", []string{"aug-2025"}, 10, "12192000"},
		// Two scenarios: the deal slide too. Each scenario has its duty by
		// sector and programme.
		{"two scenarios", []string{"aug-2025", "sectoral-deal-aug-2025"}, 18, "12192000"},
		{"4:3", []string{"today", "ca-counter-2025", "--aspect", "4:3"}, 19, "9144000"},
		{"options", []string{"threat-25", "--as-of", "2025-03-31", "--direction", "ca_to_us", "--top", "8", "--aspect", "16:9"}, 10, "12192000"},
		// Two summaries and the comparison, under the title the user gave.
		{"slides and title", []string{"aug-2025", "today", "--slides", "summary,compare", "--title", "Briefing: the August regime", "--subtitle", `For the Minister\nDraft`}, 4, "12192000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-")+".pptx")
			stdout, stderr, code := run(t, ws, append([]string{"deck", "--out", out}, tt.args...)...)
			if abs, _ := filepath.Abs(out); code != 0 || stdout != abs+"\n" || !onlyLikenessWarnings(stderr) {
				t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
			}
			zr, err := zip.OpenReader(out)
			if err != nil {
				t.Fatalf("not a zip: %v", err)
			}
			defer zr.Close()
			slides := 0
			var pres []byte
			for _, f := range zr.File {
				if regexp.MustCompile(`^ppt/slides/slide\d+\.xml$`).MatchString(f.Name) {
					slides++
				}
				if f.Name == "ppt/slides/slide1.xml" {
					rc, _ := f.Open()
					title, _ := io.ReadAll(rc)
					rc.Close()
					if i := slices.Index(tt.args, "--title"); i >= 0 && (!bytes.Contains(title, []byte(tt.args[i+1])) ||
						!bytes.Contains(title, []byte("For the Minister")) || !bytes.Contains(title, []byte("Draft"))) {
						t.Errorf("the title slide lacks the title and subtitle given: %s", title)
					}
				}
				if f.Name == "ppt/presentation.xml" {
					rc, _ := f.Open()
					pres, _ = io.ReadAll(rc)
					rc.Close()
				}
			}
			if slides != tt.slides {
				t.Errorf("%d slides, want %d", slides, tt.slides)
			}
			if !bytes.Contains(pres, []byte(`cx="`+tt.width+`"`)) {
				t.Errorf("presentation.xml lacks width %s", tt.width)
			}
		})
	}
	assertNoTemporaryFiles(t, dir)
}

func TestChartAndDeckErrors(t *testing.T) {
	ws := newWorkspace(t)
	dir := t.TempDir()
	png := filepath.Join(dir, "x.png")
	pptx := filepath.Join(dir, "x.pptx")
	notDir := filepath.Join(dir, "file")
	os.WriteFile(notDir, []byte("a file"), 0o644)
	folder := filepath.Join(dir, "folder.png")
	os.Mkdir(folder, 0o755)
	tests := []struct {
		name string
		args []string
		msg  string
	}{
		{"chart: no scenario", []string{"chart", "--kind", "exposure", "--out", png}, "missing scenario"},
		{"chart: missing kind", []string{"chart", "aug-2025", "--out", png}, "missing --kind"},
		{"chart: unknown kind", []string{"chart", "aug-2025", "--kind", "pie", "--out", png}, `unknown chart kind "pie"`},
		{"chart: missing out", []string{"chart", "aug-2025", "--kind", "exposure"}, "missing --out FILE (a .png, .svg or .csv file)"},
		{"chart: bad extension", []string{"chart", "aug-2025", "--kind", "exposure", "--out", filepath.Join(dir, "x.jpg")}, "want a .png, .svg or .csv file"},
		{"chart: no name", []string{"chart", "aug-2025", "--kind", "exposure", "--out", filepath.Join(dir, ".png")}, "want a .png"},
		{"chart: bad size", []string{"chart", "aug-2025", "--kind", "exposure", "--out", png, "--size", "1920"}, "--size: size \"1920\""},
		{"chart: size too small", []string{"chart", "aug-2025", "--kind", "exposure", "--out", png, "--size", "100x100"}, "out of range"},
		{"chart: size for a CSV", []string{"chart", "aug-2025", "--kind", "exposure", "--out", filepath.Join(dir, "x.csv"), "--size", "800x600"}, "--size applies to .png and .svg"},
		{"chart: scale zero", []string{"chart", "aug-2025", "--kind", "exposure", "--out", png, "--scale", "0"}, `--scale "0"`},
		{"chart: scale not a number", []string{"chart", "aug-2025", "--kind", "exposure", "--out", png, "--scale", "big"}, `--scale "big"`},
		{"chart: scale too large", []string{"chart", "aug-2025", "--kind", "exposure", "--out", png, "--size", "8000x4000", "--scale", "3"}, "more than 16384 a side"},
		{"chart: scale for an SVG", []string{"chart", "aug-2025", "--kind", "exposure", "--out", filepath.Join(dir, "x.svg"), "--scale", "2"}, "--scale applies to .png files only"},
		{"chart: unknown scenario", []string{"chart", "nope", "--kind", "exposure", "--out", png}, `no scenario with id or name "nope"`},
		{"chart: two for an exposure", []string{"chart", "aug-2025", "today", "--kind", "exposure", "--out", png}, "takes exactly one scenario, got 2"},
		{"chart: one to compare", []string{"chart", "aug-2025", "--kind", "compare", "--out", png}, "takes 2 to 4 scenarios, got 1"},
		{"chart: five to compare", []string{"chart", "aug-2025", "today", "threat-25", "sectoral-deal", "aluminum-relief", "--kind", "compare", "--out", png}, "got 5"},
		{"chart: the same twice", []string{"chart", "today", "Today: the regime in force", "--kind", "compare", "--out", png}, "given twice"},
		{"chart: bad direction", []string{"chart", "aug-2025", "--kind", "exposure", "--out", png, "--direction", "north"}, `direction "north"`},
		{"chart: bad date", []string{"chart", "aug-2025", "--kind", "exposure", "--out", png, "--as-of", "2025-02-30"}, "--as-of"},
		{"chart: range for an exposure", []string{"chart", "aug-2025", "--kind", "exposure", "--out", png, "--from", "2025-01-01"}, "--from applies to timeline charts only"},
		{"chart: range backwards", []string{"chart", "aug-2025", "--kind", "timeline", "--out", png, "--from", "2025-06-01", "--to", "2025-01-01"}, "before its start"},
		{"chart: top for a tornado", []string{"chart", "aug-2025", "--kind", "tornado", "--out", png, "--top", "5"}, "--top applies to exposure"},
		{"chart: bad theme", []string{"chart", "aug-2025", "--kind", "exposure", "--out", png, "--theme", "blue"}, `--theme "blue"`},
		{"deck: unknown slide", []string{"deck", "aug-2025", "--out", pptx, "--slides", "summary,pie"}, `unknown slide "pie"`},
		{"chart: negative top", []string{"chart", "aug-2025", "--kind", "exposure", "--out", png, "--top", "-1"}, `--top "-1"`},
		{"chart: folder missing", []string{"chart", "aug-2025", "--kind", "exposure", "--out", filepath.Join(dir, "none", "x.png")}, "cannot write in"},
		{"chart: folder is a file", []string{"chart", "aug-2025", "--kind", "exposure", "--out", filepath.Join(notDir, "x.png")}, "is not a folder"},
		{"chart: out is a folder", []string{"chart", "aug-2025", "--kind", "exposure", "--out", folder}, "it is a folder"},
		{"deck: no scenario", []string{"deck", "--out", pptx}, "missing scenario"},
		{"deck: missing out", []string{"deck", "aug-2025"}, "missing --out FILE (a .pptx file)"},
		{"deck: bad extension", []string{"deck", "aug-2025", "--out", filepath.Join(dir, "x.pdf")}, "want a .pptx file"},
		{"deck: bad aspect", []string{"deck", "aug-2025", "--out", pptx, "--aspect", "21:9"}, `--aspect "21:9"`},
		{"deck: unknown scenario", []string{"deck", "aug-2025", "nope", "--out", pptx}, `no scenario with id or name "nope"`},
		{"deck: the same twice", []string{"deck", "aug-2025", "aug-2025", "--out", pptx}, "given twice"},
		{"deck: bad direction", []string{"deck", "aug-2025", "--out", pptx, "--direction", "up"}, `direction "up"`},
		{"deck: bad top", []string{"deck", "aug-2025", "--out", pptx, "--top", "ten"}, `--top "ten"`},
		{"deck: folder missing", []string{"deck", "aug-2025", "--out", filepath.Join(dir, "none", "x.pptx")}, "cannot write in"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := run(t, ws, tt.args...)
			if code != 2 || !strings.Contains(stderr, tt.msg) {
				t.Errorf("exit %d, stderr %q; want 2 with %q", code, stderr, tt.msg)
			}
			if stdout != "" {
				t.Errorf("stdout on error: %q", stdout)
			}
		})
	}
	// Nothing was written but the fixtures.
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "file folder.png" {
		t.Errorf("files left behind: %v", names)
	}
}

// TestFailedExportKeepsTheOldFile checks that an export that fails leaves
// an existing file as it was and no temporary file.
func TestFailedExportKeepsTheOldFile(t *testing.T) {
	ws := newWorkspace(t)
	dir := t.TempDir()
	for _, name := range []string{"old.png", "old.pptx"} {
		path := filepath.Join(dir, name)
		os.WriteFile(path, []byte("previous"), 0o644)
		args := []string{"chart", "nope", "--kind", "exposure", "--out", path}
		if strings.HasSuffix(name, ".pptx") {
			args = []string{"deck", "nope", "--out", path}
		}
		if _, _, code := run(t, ws, args...); code != 2 {
			t.Errorf("%s: exit %d", name, code)
		}
		if b, _ := os.ReadFile(path); string(b) != "previous" {
			t.Errorf("%s was changed", name)
		}
	}
	assertNoTemporaryFiles(t, dir)
}

// TestUnwritableFolder writes into a folder without write permission.
func TestUnwritableFolder(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("needs a folder the user cannot write (not as root, not on Windows)")
	}
	ws := newWorkspace(t)
	dir := filepath.Join(t.TempDir(), "locked")
	os.Mkdir(dir, 0o500)
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	for _, args := range [][]string{
		{"chart", "aug-2025", "--kind", "exposure", "--out", filepath.Join(dir, "x.png")},
		{"deck", "aug-2025", "--out", filepath.Join(dir, "x.pptx")},
	} {
		if _, stderr, code := run(t, ws, args...); code != 2 || !strings.Contains(stderr, "permission denied") {
			t.Errorf("%s: exit %d, stderr %q", args[0], code, stderr)
		}
	}
}

func TestUsageListsChartAndDeck(t *testing.T) {
	out, _, code := run(t, "", "help")
	for _, want := range []string{
		"parley chart ID|NAME... --kind exposure|dutiable|compare|timeline|tornado|products",
		"parley deck ID|NAME... --out FILE.pptx",
	} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("help lacks %q:\n%s", want, out)
		}
	}
	out, _, code = run(t, "", "chart", "--help")
	if code != 0 || !strings.Contains(out, "[--scale SCALE]") || !strings.Contains(out, "[--top TOP]") {
		t.Errorf("chart --help:\n%s", out)
	}
}

// assertNoTemporaryFiles fails if an atomic write left a temporary file.
func assertNoTemporaryFiles(t *testing.T, dir string) {
	t.Helper()
	matches, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	if len(matches) > 0 {
		t.Errorf("temporary files left: %v", matches)
	}
}
