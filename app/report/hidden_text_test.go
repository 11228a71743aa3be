package report_test

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"parley/app/charts"
	"parley/app/deck"
	"parley/app/report"
)

// spoofed is a scenario name whose bidirectional override reverses the
// text after it on screen: raw, it reads "Proposal do not ACCEPT v2".
const spoofed = "Proposal \u202eTPECCA ton od\u202c v2"

// hiddenRunes are the controls no export may carry raw.
const hiddenRunes = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u200b\u2060\ufeff"

// checkShown fails unless text carries none of hiddenRunes and shows the
// override as the visible escape the terminal uses.
func checkShown(t *testing.T, what, text string) {
	t.Helper()
	if i := strings.IndexAny(text, hiddenRunes); i >= 0 {
		t.Errorf("%s carries a raw format control %+q near %q", what, []rune(text[i:])[0], text[max(0, i-40):min(len(text), i+40)])
	}
	if !strings.Contains(text, `\u202eTPECCA ton od\u202c v2`) {
		t.Errorf("%s does not show the name with its controls visible", what)
	}
}

// TestExportsShowHiddenControls: the bidirectional overrides, embeddings,
// isolates and marks and the zero-width format characters in a scenario's
// name are shown (as \u202e, as on the terminal) in every export: the SVG
// chart, the CSV data, the slides of a deck and its speaker notes; never
// written raw, where a viewer would reorder or hide the text around them.
func TestExportsShowHiddenControls(t *testing.T) {
	ws := newWorkspace(t)
	sc, err := ws.Scenario("aug-2025")
	if err != nil {
		t.Fatal(err)
	}
	sc.Name = spoofed
	sc.Description = "Hidden: a\u200bb\u2066c\u2069 d\u200e"
	id, err := ws.CreateScenario(sc)
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range []charts.Kind{charts.Exposure, charts.Timeline} {
		ch, err := report.Chart(ws, report.ChartRequest{Kind: kind, Scenarios: []string{id}, Today: today, FullFootnote: true})
		if err != nil {
			t.Fatal(err)
		}
		var svg, csv bytes.Buffer
		if err := ch.SVG(&svg, charts.Slide169); err != nil {
			t.Fatal(err)
		}
		checkShown(t, string(kind)+" SVG", svg.String())
		if err := ch.CSV(&csv); err != nil {
			t.Fatal(err)
		}
		checkShown(t, string(kind)+" CSV", csv.String())
	}

	dk, err := report.Deck(ws, []string{id}, report.DeckOptions{Widescreen: true, Top: charts.DefaultTop, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	var pptx bytes.Buffer
	if err := deck.Write(&pptx, dk); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(pptx.Bytes()), int64(pptx.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == "ppt/slides/slide1.xml" {
			checkShown(t, f.Name, string(b))
		}
		if strings.HasSuffix(f.Name, ".xml") {
			if i := strings.IndexAny(string(b), hiddenRunes); i >= 0 {
				t.Errorf("%s carries a raw format control", f.Name)
			}
			all.Write(b)
		}
	}
	checkShown(t, "the deck", all.String())
}
