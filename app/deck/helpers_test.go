package deck_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"image"
	"image/color"
	"image/png"
	"io"
	"path"
	"slices"
	"strings"
	"testing"
	"time"

	"parley/app/deck"
)

const nsR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

// Tricky strings that must survive escaping.
const (
	ampSector   = "Steel & Aluminum"
	curlyQuote  = "“a 35 percent tariff” on ‘non-CUSMA’ goods"
	angleText   = "<b>not bold</b> & 5 > 3"
	notesLine1  = "Open with the exposure total."
	notesLine2  = "Then: \"Steel & Aluminum\" <first>."
	footnoteStr = "Source: BTS TransBorder Freight Data, 2024 (US$); Parley calculation. “Upper bound” where coverage is partial & unknown."
)

// created is the fixed creation date of the test decks.
var created = time.Date(2025, 8, 15, 9, 30, 0, 0, time.UTC)

// testPNG returns a w x h PNG: a white canvas with a frame and coloured
// bars, like a chart.
func testPNG(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.White)
		}
	}
	bars := []color.RGBA{{0, 114, 178, 255}, {230, 159, 0, 255}, {0, 158, 115, 255}, {213, 94, 0, 255}}
	for i, c := range bars {
		x0 := w/10 + i*w/5
		top := h - h/10 - (i+1)*h/6
		for y := top; y < h-h/10; y++ {
			for x := x0; x < x0+w/8; x++ {
				img.Set(x, y, c)
			}
		}
	}
	for x := range w {
		img.Set(x, h-h/10, color.Black)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// sectors are the categories of the test charts, in order.
var sectors = []string{"Energy", "Autos & parts", ampSector, "Machinery", "Chemicals", "Forestry <wood>", "Agri-food", "Minerals"}

// sampleDeck returns the five-slide deck of the tests: a title slide, a
// picture slide, a horizontal and a grouped native chart, and sources.
func sampleDeck(t testing.TB) *deck.Deck {
	t.Helper()
	return &deck.Deck{
		Title:      "US tariffs on Canadian goods: " + ampSector,
		Subtitle:   "Scenarios " + curlyQuote + " — 15 August 2025",
		Created:    created,
		Widescreen: true,
		Slides: []deck.Slide{
			{
				Title:    "Exposure by sector",
				Subtitle: "Duty at baseline volumes, US$ billions " + angleText,
				Picture:  testPNG(t, 1600, 900),
				Footnote: footnoteStr,
				Notes:    notesLine1 + "\n" + notesLine2 + "\n\nThird paragraph.",
			},
			{
				Title:    "Duty by sector, " + ampSector + " first",
				Footnote: "Source: Parley scenario “August 2025”, measure library.",
				Notes:    "Horizontal bars read top to bottom.",
				Chart: &deck.Chart{
					Title:        "Duty at baseline volumes",
					Categories:   sectors,
					Series:       []deck.Series{{Name: "Duty " + ampSector, Values: []float64{8.5, 7.25, 6, 4.5, 3, 2.25, 1.5, 0.75}, Color: "0072B2"}},
					Horizontal:   true,
					ValueTitle:   "US$ billions",
					NumberFormat: "#,##0.0",
					DataLabels:   true,
				},
			},
			{
				Title:    "Two scenarios compared",
				Subtitle: "Threat vs. August 2025",
				Footnote: "Source: Parley scenarios 1 and 2; BTS TransBorder 2024.",
				Chart: &deck.Chart{
					Title:      "Duty by scenario",
					Categories: sectors[:5],
					Series: []deck.Series{
						{Name: "Threat 25%", Values: []float64{30, 20, 10, 8, 4}, Color: "E69F00"},
						{Name: "Aug 2025", Values: []float64{9, 15, 12, 2, 1}, Color: "009E73"},
					},
					ValueTitle:   "US$ billions",
					NumberFormat: "#,##0",
					DataLabels:   true,
				},
			},
		},
		Sources: []string{
			"BTS TransBorder Freight Data, 2023–2025, HS2 by year and direction.",
			"Hauk (2012), US import demand elasticities, median by sector.",
			"Executive order of 2025-07-31 (IEEPA), " + curlyQuote + ".",
			"Canada Gazette: counter-tariffs of March 2025 " + angleText + ".",
		},
	}
}

// writeDeck writes d to memory.
func writeDeck(t testing.TB, d *deck.Deck) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := deck.Write(&buf, d); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

// pkgFiles is an unzipped package: file name to content, and the names in
// zip order.
type pkgFiles struct {
	files map[string][]byte
	order []string
}

// unzip reads a zip into memory.
func unzip(t testing.TB, data []byte) pkgFiles {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	p := pkgFiles{files: map[string][]byte{}}
	for _, f := range zr.File {
		if _, dup := p.files[f.Name]; dup {
			t.Errorf("duplicate zip entry %s", f.Name)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		p.files[f.Name] = b
		p.order = append(p.order, f.Name)
	}
	return p
}

// parseXML checks that body is well-formed XML with a single root.
func parseXML(body []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(body))
	roots := 0
	depth := 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
			}
			depth++
		case xml.EndElement:
			depth--
		}
	}
	if roots != 1 {
		return errors.New("want exactly one root element")
	}
	return nil
}

// relationship is one entry of a .rels part.
type relationship struct {
	ID         string `xml:"Id,attr"`
	Type       string `xml:"Type,attr"`
	Target     string `xml:"Target,attr"`
	TargetMode string `xml:"TargetMode,attr"`
}

// rels returns the relationships of part name (or of the package for "").
func (p pkgFiles) rels(t testing.TB, name string) []relationship {
	t.Helper()
	relsName := "_rels/.rels"
	if name != "" {
		dir, file := path.Split(name)
		relsName = dir + "_rels/" + file + ".rels"
	}
	body, ok := p.files[relsName]
	if !ok {
		return nil
	}
	var doc struct {
		Rels []relationship `xml:"Relationship"`
	}
	if err := xml.Unmarshal(body, &doc); err != nil {
		t.Fatalf("%s: %v", relsName, err)
	}
	return doc.Rels
}

// target returns the part name a relationship of part source points to.
func target(source string, r relationship) string {
	if strings.HasPrefix(r.Target, "/") {
		return strings.TrimPrefix(r.Target, "/")
	}
	return path.Join(path.Dir(source), r.Target)
}

// relTarget returns the part that the relationship of type typ (suffix)
// of source points to, or "".
func (p pkgFiles) relTarget(t testing.TB, source, typ string) string {
	t.Helper()
	for _, r := range p.rels(t, source) {
		if strings.HasSuffix(r.Type, "/"+typ) {
			return target(source, r)
		}
	}
	return ""
}

// checkPackage checks the structure of an Open Packaging Conventions
// package: every XML part parses, every part has a content type, every
// relationship target exists, every r:id in a part names one of its
// relationships, and every part is reachable. Embedded packages (.xlsx)
// are checked the same way. It returns the unzipped package.
func checkPackage(t *testing.T, data []byte) pkgFiles {
	t.Helper()
	p := unzip(t, data)
	if len(p.order) == 0 || p.order[0] != "[Content_Types].xml" {
		t.Errorf("first entry is not [Content_Types].xml: %v", p.order)
	}
	for _, name := range p.order {
		ext := path.Ext(name)
		if ext == ".xml" || ext == ".rels" {
			if err := parseXML(p.files[name]); err != nil {
				t.Errorf("%s: invalid XML: %v", name, err)
			}
		}
	}

	var types struct {
		Defaults []struct {
			Ext  string `xml:"Extension,attr"`
			Type string `xml:"ContentType,attr"`
		} `xml:"Default"`
		Overrides []struct {
			Part string `xml:"PartName,attr"`
			Type string `xml:"ContentType,attr"`
		} `xml:"Override"`
	}
	if err := xml.Unmarshal(p.files["[Content_Types].xml"], &types); err != nil {
		t.Fatalf("[Content_Types].xml: %v", err)
	}
	byExt := map[string]string{}
	for _, d := range types.Defaults {
		byExt[strings.ToLower(d.Ext)] = d.Type
	}
	byPart := map[string]string{}
	for _, o := range types.Overrides {
		name := strings.TrimPrefix(o.Part, "/")
		if _, ok := p.files[name]; !ok {
			t.Errorf("content type override for missing part %s", o.Part)
		}
		byPart[name] = o.Type
	}
	for _, name := range p.order {
		if name == "[Content_Types].xml" {
			continue
		}
		if byPart[name] == "" && byExt[strings.TrimPrefix(path.Ext(name), ".")] == "" {
			t.Errorf("%s has no content type", name)
		}
	}

	// Relationships: targets exist; walk from the package to find orphans.
	reached := map[string]bool{"[Content_Types].xml": true}
	var walk func(source string)
	walk = func(source string) {
		if source != "" {
			reached[source] = true
		}
		ids := map[string]bool{}
		for _, r := range p.rels(t, source) {
			if ids[r.ID] {
				t.Errorf("%s: duplicate relationship id %s", source, r.ID)
			}
			ids[r.ID] = true
			if r.TargetMode == "External" {
				continue
			}
			to := target(source, r)
			if _, ok := p.files[to]; !ok {
				t.Errorf("%s: relationship %s targets missing part %s", source, r.ID, to)
				continue
			}
			if !reached[to] {
				walk(to)
			}
		}
		if source != "" {
			dir, file := path.Split(source)
			if _, ok := p.files[dir+"_rels/"+file+".rels"]; ok {
				reached[dir+"_rels/"+file+".rels"] = true
			}
			checkRelIDs(t, source, p.files[source], ids)
		} else {
			reached["_rels/.rels"] = true
		}
	}
	walk("")
	for _, name := range p.order {
		if !reached[name] {
			t.Errorf("%s is not reachable through relationships", name)
		}
	}

	for _, name := range p.order {
		if path.Ext(name) == ".xlsx" {
			t.Run(name, func(t *testing.T) { checkPackage(t, p.files[name]) })
		}
	}
	return p
}

// checkRelIDs checks that every r:id, r:embed or r:link attribute of an
// XML part names one of its relationships.
func checkRelIDs(t *testing.T, name string, body []byte, ids map[string]bool) {
	t.Helper()
	if path.Ext(name) != ".xml" {
		return
	}
	dec := xml.NewDecoder(bytes.NewReader(body))
	for {
		tok, err := dec.Token()
		if err != nil {
			return
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		for _, a := range se.Attr {
			if a.Name.Space == nsR && !ids[a.Value] {
				t.Errorf("%s: <%s %s=%q> names no relationship", name, se.Name.Local, a.Name.Local, a.Value)
			}
		}
	}
}

// texts returns the character data of every element with local name local
// (e.g. "t" for a:t, "v" for c:v), in document order.
func texts(t testing.TB, body []byte, local string) []string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(body))
	var out []string
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatalf("parsing: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == local {
			var s string
			if err := dec.DecodeElement(&s, &se); err != nil {
				t.Fatalf("parsing <%s>: %v", local, err)
			}
			out = append(out, s)
		}
	}
}

// slideNames returns the slide parts in presentation order.
func (p pkgFiles) slideNames(t testing.TB) []string {
	t.Helper()
	var pres struct {
		IDs []struct {
			RID string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sldIdLst>sldId"`
	}
	if err := xml.Unmarshal(p.files["ppt/presentation.xml"], &pres); err != nil {
		t.Fatalf("presentation.xml: %v", err)
	}
	rels := p.rels(t, "ppt/presentation.xml")
	var names []string
	for _, id := range pres.IDs {
		i := slices.IndexFunc(rels, func(r relationship) bool { return r.ID == id.RID })
		if i < 0 {
			t.Fatalf("slide id %s has no relationship", id.RID)
		}
		names = append(names, target("ppt/presentation.xml", rels[i]))
	}
	return names
}

// attr returns the value of the attribute local of se, or "".
func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
