package gen

import (
	"slices"
	"testing"
)

// TestAnnexCodes checks which lines of the annex text list provisions, and
// that each provision keeps the digit level the text writes.
func TestAnnexCodes(t *testing.T) {
	for _, c := range []struct {
		line string
		want []string
	}{
		{"Steel 7206 7207 7208", []string{"7206", "7207", "7208"}},
		{"7214 7215 7216.10.00 7216.99.00", []string{"7214", "7215", "72161000", "72169900"}},
		{"7301.10.00 7302.10 7302.40.00 7302.90 7304", []string{"73011000", "730210", "73024000", "730290", "7304"}},
		{"Steel Derivatives 7216.91.00.10 7301.20.10", []string{"7216910010", "73012010"}},
		{"Aluminum Derivatives 7308.20.00.35 7612.10.00.00", []string{"7308200035", "7612100000"}},
		{"7616.99.5170 7616.99.5160", []string{"7616995170", "7616995160"}},
		{"Copper Articles 7406.10.00", []string{"74061000"}},
		// description lines name headings in passing: no provisions
		{"Parts suitable for use solely or principally with the machinery of heading 8427", nil},
		{"Parts and accessories of motor vehicles of headings 8701 8705", nil},
		// page numbers and years are not provisions
		{"1", nil},
		{"57", nil},
		{"2027.", nil},
		{"", nil},
		// a token that is no provision spoils the line
		{"7206 72O7", nil},
		{"7206.1", nil},
		{"72061", nil},
	} {
		if got := annexCodes(c.line); !slices.Equal(got, c.want) {
			t.Errorf("annexCodes(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

// TestParseAnnexes checks the split of the text into annexes: each section
// runs from its heading (a page break may precede it) to the next, annex IV
// closes annex III, and codes are deduplicated and sorted.
func TestParseAnnexes(t *testing.T) {
	text := "Annex I-A: 50% Section 232 Tariff on Full Value\n\nNote: A 50% tariff.\n\nSteel 7210 7206\n7210\nDescription Flat-rolled 7211 products\n" +
		"\fAnnex I-B: 25% Section 232 Tariff on Full Value\nSteel Derivatives 9403.99.9020\n8471\n" +
		"Annex II: Removed from Scope\nAluminum Derivatives 9403.99.90.20\n" +
		"Annex III: Temporary Reduction List\n8207.20.0070\n" +
		"Annex IV\n7601 7607\n"
	got, err := parseAnnexes(text)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"us-s232-annex-1a": {"7206", "7210"},
		"us-s232-annex-1b": {"8471", "9403999020"},
		"us-s232-annex-2":  {"9403999020"},
		"us-s232-annex-3":  {"8207200070"},
	}
	for name, w := range want {
		if !slices.Equal(got[name], w) {
			t.Errorf("%s = %v, want %v", name, got[name], w)
		}
	}
	if _, err := parseAnnexes("Annex I-A:\n7206\nAnnex II:\n7207\n"); err == nil {
		t.Error("a text without annex I-B parsed")
	}
}

// TestCovers checks the digit rule of the lists: an entry covers the codes
// that start with it (a heading its subheadings), never a shorter or a
// sibling code.
func TestCovers(t *testing.T) {
	set := []string{"7210", "7216910010", "730210"}
	for code, want := range map[string]bool{
		"7210490091": true,  // under heading 7210
		"7216910010": true,  // the HTS10 itself
		"7216910090": false, // a sibling of the HTS10
		"721691":     false, // shorter than the entry
		"7302100010": true,  // under subheading 7302.10
		"7302300000": false, // 7302.30 is not listed
		"7204410020": false, // steel scrap
	} {
		if got := covers(set, code); got != want {
			t.Errorf("covers(%s) = %v, want %v", code, got, want)
		}
	}
}

func TestValidUTF8(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"headings 8702\xad8705", "headings 8702–8705"},
		{"caf\xe9 ok", "café ok"},
		{"already – valid", "already – valid"},
	} {
		if got := string(validUTF8([]byte(c.in))); got != c.want {
			t.Errorf("validUTF8(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
