package ui

import (
	"bytes"
	"testing"

	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"

	"parley/app/ui/present"
	"parley/scenarios"
)

// missingGlyphs returns the characters of s that the window's text font
// cannot draw (the app ships no other font, so these would show as boxes
// or as whatever a system fallback has).
func missingGlyphs(t *testing.T, s string) []rune {
	t.Helper()
	f, err := font.ParseTTF(bytes.NewReader(theme.DefaultTextFont().Content()))
	if err != nil {
		t.Fatal(err)
	}
	var miss []rune
	for _, r := range s {
		if r == '\n' {
			continue
		}
		if _, ok := f.NominalGlyph(r); !ok {
			miss = append(miss, r)
		}
	}
	return miss
}

// TestWindowTextHasGlyphs checks that directions and texts from elsewhere
// reach the window in characters its font draws.
func TestWindowTextHasGlyphs(t *testing.T) {
	for _, tc := range []struct{ name, text string }{
		{"Canada to US", present.DirLabel(scenarios.CAtoUS)},
		{"US to Canada", present.DirLabel(scenarios.UStoCA)},
		{"source line", present.WindowText("Trade 2024, Canada → US, by HTS10 line")},
		{"trade data hint", present.TradeDataHint},
		{"no provinces note", present.NoProvincesNote},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if miss := missingGlyphs(t, tc.text); len(miss) > 0 {
				t.Errorf("%q: the font has no %q", tc.text, string(miss))
			}
		})
	}
	if got, want := present.DirLabel(scenarios.CAtoUS), "Canada to US"; got != want {
		t.Errorf("dirLabel = %q, want %q", got, want)
	}
}
