package deck_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestLibreOffice converts the sample deck to PDF with LibreOffice, checks
// one page per slide, that every page shows something, that the native
// charts drew their bars, and that horizontal bars list the categories top
// to bottom. It needs soffice on PATH; without it the test is skipped
// unless PARLEY_REQUIRE_SOFFICE=1. Set PARLEY_DECK_RENDER_DIR to keep the
// deck, the PDF and the page images there for a look.
func TestLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("PARLEY_REQUIRE_SOFFICE") == "1" {
			t.Fatal("soffice is not on PATH and PARLEY_REQUIRE_SOFFICE=1")
		}
		t.Skip("soffice is not on PATH (set PARLEY_REQUIRE_SOFFICE=1 to require it)")
	}
	dir := t.TempDir()
	if keep := os.Getenv("PARLEY_DECK_RENDER_DIR"); keep != "" {
		dir = keep
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	d := sampleDeck(t)
	pptx := filepath.Join(dir, "deck.pptx")
	if err := os.WriteFile(pptx, writeDeck(t, d), 0o644); err != nil {
		t.Fatal(err)
	}
	const slides = 5

	// A private profile and HOME make soffice work as root and in
	// parallel with other instances.
	profile := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice,
		"-env:UserInstallation="+fileURL(profile),
		"--headless", "--norestore", "--nolockcheck",
		"--convert-to", "pdf", "--outdir", dir, pptx)
	cmd.Env = append(os.Environ(), "HOME="+profile)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdf := filepath.Join(dir, "deck.pdf")
	data, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatalf("no PDF: %v", err)
	}

	t.Run("page count", func(t *testing.T) {
		if got := pdfPages(t, pdf, data); got != slides {
			t.Errorf("%d pages, want %d", got, slides)
		}
	})

	t.Run("horizontal category order", func(t *testing.T) {
		if _, err := exec.LookPath("pdftotext"); err != nil {
			t.Skip("pdftotext is not on PATH")
		}
		out, err := exec.CommandContext(ctx, "pdftotext", "-f", "3", "-l", "3", "-layout", pdf, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		// Search below the chart title: the slide title names a sector too.
		text := string(out)
		start := strings.Index(text, d.Slides[1].Chart.Title)
		if start < 0 {
			t.Fatalf("chart title not on the page:\n%s", text)
		}
		text = text[start:]
		last := -1
		for _, cat := range d.Slides[1].Chart.Categories {
			i := strings.Index(text, cat)
			if i < 0 {
				t.Errorf("category %q not on the page:\n%s", cat, text)
				continue
			}
			if i < last {
				t.Errorf("category %q is above the one before it:\n%s", cat, text)
			}
			last = i
		}
	})

	t.Run("pages not blank", func(t *testing.T) {
		if _, err := exec.LookPath("pdftoppm"); err != nil {
			t.Skip("pdftoppm is not on PATH")
		}
		prefix := filepath.Join(dir, "page")
		if out, err := exec.CommandContext(ctx, "pdftoppm", "-png", "-r", "50", pdf, prefix).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v\n%s", err, out)
		}
		pages, err := filepath.Glob(prefix + "-*.png")
		if err != nil || len(pages) != slides {
			t.Fatalf("%d page images (%v), want %d", len(pages), err, slides)
		}
		// Colours that must show on a page: the bars of its chart.
		bars := map[int][]string{
			2: {"0072B2"},           // the picture's first bar
			3: {"0072B2"},           // horizontal chart
			4: {"E69F00", "009E73"}, // grouped chart
		}
		for i, name := range pages {
			page := pageNumber(t, name)
			img := readPNG(t, name)
			ink, total := 0, 0
			for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
				for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
					r, g, b, _ := img.At(x, y).RGBA()
					if r < 0xF000 || g < 0xF000 || b < 0xF000 {
						ink++
					}
					total++
				}
			}
			if ink < total/100 {
				t.Errorf("page %d (%s) is nearly blank: %d of %d pixels", page, pages[i], ink, total)
			}
			for _, c := range bars[page] {
				if n := countColor(img, c); n < total/200 {
					t.Errorf("page %d: only %d pixels of %s; the chart's bars are missing", page, n, c)
				}
			}
		}
	})
}

// fileURL returns the file: URL of a local folder.
func fileURL(dir string) string {
	p := filepath.ToSlash(dir)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive letter
	}
	return "file://" + p
}

// pdfPages returns the page count of a PDF: from pdfinfo if available,
// else by counting its page objects.
func pdfPages(t *testing.T, path string, data []byte) int {
	t.Helper()
	if _, err := exec.LookPath("pdfinfo"); err == nil {
		out, err := exec.Command("pdfinfo", path).Output()
		if err != nil {
			t.Fatalf("pdfinfo: %v", err)
		}
		if m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out); m != nil {
			n, _ := strconv.Atoi(string(m[1]))
			return n
		}
		t.Fatalf("pdfinfo gave no page count:\n%s", out)
	}
	return len(regexp.MustCompile(`/Type\s*/Page\b[^s]`).FindAll(data, -1))
}

// pageNumber returns the page number of a pdftoppm image name.
func pageNumber(t *testing.T, name string) int {
	t.Helper()
	m := regexp.MustCompile(`-(\d+)\.png$`).FindStringSubmatch(name)
	if m == nil {
		t.Fatalf("unexpected page image name %s", name)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// readPNG decodes a PNG file.
func readPNG(t *testing.T, name string) image.Image {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return img
}

// countColor counts the pixels of img within a small distance of the
// colour hex (RRGGBB).
func countColor(img image.Image, hex string) int {
	var want [3]int
	for i := range want {
		v, _ := strconv.ParseUint(hex[2*i:2*i+2], 16, 8)
		want[i] = int(v)
	}
	n := 0
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			got := [3]int{int(r >> 8), int(g >> 8), int(b >> 8)}
			near := true
			for i := range got {
				if d := got[i] - want[i]; d < -12 || d > 12 {
					near = false
				}
			}
			if near {
				n++
			}
		}
	}
	return n
}
