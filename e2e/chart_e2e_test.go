package e2e

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"image"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// chartCases are the charts drawn end to end: every kind on built-in
// scenarios.
var chartCases = []struct {
	kind string
	refs []string
}{
	{"exposure", []string{"aug-2025"}},
	{"dutiable", []string{"aug-2025"}},
	{"compare", []string{"aug-2025", "sectoral-deal-aug-2025", "aluminum-relief-aug-2025"}},
	{"timeline", []string{"today"}},
	{"tornado", []string{"ca-counter-2025"}},
}

// TestChartFiles draws every kind of chart with the real binary as PNG and
// SVG and checks the files: the PNG's size and that it shows a chart, the
// SVG's XML.
func TestChartFiles(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "w.parley")
	for _, c := range chartCases {
		t.Run(c.kind, func(t *testing.T) {
			base := append([]string{"-w", ws, "chart"}, c.refs...)
			pngPath := filepath.Join(dir, c.kind+".png")
			if r := run(t, nil, append(base, "--kind", c.kind, "--out", pngPath)...); r.code != 0 || !onlyLikenessWarnings(r.stderr) {
				t.Fatalf("png: %+v", r)
			}
			img := decodePNG(t, pngPath)
			if b := img.Bounds(); b.Dx() != 1920 || b.Dy() != 1080 {
				t.Errorf("PNG is %dx%d, want 1920x1080", b.Dx(), b.Dy())
			}
			checkNotBlank(t, img, c.kind+".png", 0.03)

			svgPath := filepath.Join(dir, c.kind+".svg")
			if r := run(t, nil, append(base, "--kind", c.kind, "--out", svgPath, "--size", "1280x720")...); r.code != 0 || !onlyLikenessWarnings(r.stderr) {
				t.Fatalf("svg: %+v", r)
			}
			data, err := os.ReadFile(svgPath)
			if err != nil {
				t.Fatal(err)
			}
			if root := xmlRoot(t, data); root != "svg" {
				t.Errorf("SVG root element %q", root)
			}
			if !bytes.Contains(data, []byte(`width="1280" height="720"`)) || !bytes.Contains(data, []byte("Baseline trade 2024")) {
				t.Error("SVG lacks its size or its source line")
			}
		})
	}
	t.Run("scale", func(t *testing.T) {
		out := filepath.Join(dir, "scaled.png")
		if r := run(t, nil, "-w", ws, "chart", "threat-25", "--kind", "exposure", "--size", "1000x700", "--scale", "2", "--out", out); r.code != 0 {
			t.Fatalf("%+v", r)
		}
		if b := decodePNG(t, out).Bounds(); b.Dx() != 2000 || b.Dy() != 1400 {
			t.Errorf("%dx%d, want 2000x1400", b.Dx(), b.Dy())
		}
	})
	t.Run("bad input", func(t *testing.T) {
		out := filepath.Join(dir, "bad.png")
		for _, args := range [][]string{
			{"chart", "aug-2025", "--kind", "compare", "--out", out},
			{"chart", "aug-2025", "--kind", "exposure", "--out", out, "--size", "12x12"},
			{"chart", "nope", "--kind", "exposure", "--out", out},
			{"deck", "aug-2025", "--out", filepath.Join(dir, "missing", "d.pptx")},
		} {
			if r := run(t, nil, append([]string{"-w", ws}, args...)...); r.code != 2 || r.stderr == "" {
				t.Errorf("%v: %+v", args, r)
			}
		}
		if _, err := os.Stat(out); err == nil {
			t.Error("a failed export left a file")
		}
	})
}

// TestDeckFile writes a deck of two scenarios with the real binary, checks
// its slides, then converts it with LibreOffice and checks one PDF page per
// slide, none of them blank. The LibreOffice part is skipped without
// soffice, pdfinfo and pdftoppm, unless PARLEY_REQUIRE_SOFFICE=1.
func TestDeckFile(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "w.parley")
	pptx := filepath.Join(dir, "deck.pptx")
	if r := run(t, nil, "-w", ws, "deck", "aug-2025", "sectoral-deal-aug-2025", "--out", pptx); r.code != 0 || !onlyLikenessWarnings(r.stderr) {
		t.Fatalf("deck: %+v", r)
	}
	// A title; per scenario a summary, exposure, products, programmes,
	// timeline and tornado slide; one CUSMA-claimed slide for both (the same
	// data); a comparison; the deal; the sources on two slides.
	slides := countSlides(t, pptx)
	if slides != 18 {
		t.Errorf("%d slides, want 1 + 2×6 + 1 + 1 + 1 + 2 = 18", slides)
	}

	var tools []string
	for _, tool := range []string{"soffice", "pdfinfo", "pdftoppm"} {
		p, err := exec.LookPath(tool)
		if err != nil {
			if os.Getenv("PARLEY_REQUIRE_SOFFICE") == "1" {
				t.Fatalf("%s is not on PATH and PARLEY_REQUIRE_SOFFICE=1", tool)
			}
			t.Skipf("%s is not on PATH (set PARLEY_REQUIRE_SOFFICE=1 to require it)", tool)
		}
		tools = append(tools, p)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	// A private profile and HOME let soffice run as root and beside other
	// instances.
	profile := t.TempDir()
	cmd := exec.CommandContext(ctx, tools[0], "-env:UserInstallation=file://"+filepath.ToSlash(profile),
		"--headless", "--norestore", "--nolockcheck", "--convert-to", "pdf", "--outdir", dir, pptx)
	cmd.Env = append(os.Environ(), "HOME="+profile)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdf := filepath.Join(dir, "deck.pdf")
	info, err := exec.CommandContext(ctx, tools[1], pdf).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo gave no page count:\n%s", info)
	}
	if pages, _ := strconv.Atoi(string(m[1])); pages != slides {
		t.Errorf("the PDF has %d pages for %d slides", pages, slides)
	}
	prefix := filepath.Join(dir, "page")
	if out, err := exec.CommandContext(ctx, tools[2], "-png", "-r", "40", pdf, prefix).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	pages, _ := filepath.Glob(prefix + "-*.png")
	if len(pages) != slides {
		t.Fatalf("%d page images for %d slides", len(pages), slides)
	}
	for _, p := range pages {
		checkNotBlank(t, decodePNG(t, p), filepath.Base(p), 0.005)
	}
}

// decodePNG reads a PNG file.
func decodePNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return img
}

// checkNotBlank fails unless at least the fraction ink of img's pixels
// are not near white and the image has more than two colours.
func checkNotBlank(t *testing.T, img image.Image, name string, ink float64) {
	t.Helper()
	b := img.Bounds()
	dark := 0
	colors := map[[3]uint32]bool{}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r < 0xF000 || g < 0xF000 || bl < 0xF000 {
				dark++
			}
			if len(colors) < 16 {
				colors[[3]uint32{r >> 8, g >> 8, bl >> 8}] = true
			}
		}
	}
	if total := b.Dx() * b.Dy(); float64(dark) < ink*float64(total) || len(colors) < 3 {
		t.Errorf("%s looks blank: %d of %d pixels show something, %d colours", name, dark, total, len(colors))
	}
}

// xmlRoot parses a whole XML document and returns its root element's name.
func xmlRoot(t *testing.T, data []byte) string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	root := ""
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return root
		}
		if err != nil {
			t.Fatalf("not XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok && root == "" {
			root = se.Name.Local
		}
	}
}

// countSlides counts the slides of a .pptx file.
func countSlides(t *testing.T, path string) int {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("%s is not a zip: %v", path, err)
	}
	defer zr.Close()
	n := 0
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "ppt/slides/slide") && strings.HasSuffix(f.Name, ".xml") {
			n++
		}
	}
	return n
}
