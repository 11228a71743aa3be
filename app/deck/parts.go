package deck

import (
	"archive/zip"
	"fmt"
	"io"
	"path"
	"strings"
	"time"
)

// Relationship types.
const (
	relBase           = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	relOfficeDocument = relBase + "officeDocument"
	relExtended       = relBase + "extended-properties"
	relCore           = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
	relSlideMaster    = relBase + "slideMaster"
	relSlideLayout    = relBase + "slideLayout"
	relSlide          = relBase + "slide"
	relNotesMaster    = relBase + "notesMaster"
	relNotesSlide     = relBase + "notesSlide"
	relTheme          = relBase + "theme"
	relImage          = relBase + "image"
	relChart          = relBase + "chart"
	relPackage        = relBase + "package"
	relPresProps      = relBase + "presProps"
	relViewProps      = relBase + "viewProps"
	relTableStyles    = relBase + "tableStyles"
)

// Content types.
const (
	ctPML          = "application/vnd.openxmlformats-officedocument.presentationml."
	ctPresentation = ctPML + "presentation.main+xml"
	ctSlideMaster  = ctPML + "slideMaster+xml"
	ctSlideLayout  = ctPML + "slideLayout+xml"
	ctSlide        = ctPML + "slide+xml"
	ctNotesMaster  = ctPML + "notesMaster+xml"
	ctNotesSlide   = ctPML + "notesSlide+xml"
	ctPresProps    = ctPML + "presProps+xml"
	ctViewProps    = ctPML + "viewProps+xml"
	ctTableStyles  = ctPML + "tableStyles+xml"
	ctTheme        = "application/vnd.openxmlformats-officedocument.theme+xml"
	ctChart        = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
	ctCore         = "application/vnd.openxmlformats-package.core-properties+xml"
	ctExtended     = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
	ctRels         = "application/vnd.openxmlformats-package.relationships+xml"
	ctXML          = "application/xml"
	ctPNG          = "image/png"
	ctXLSX         = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
)

// rel is a relationship from a part (or the package) to a part. Its id is
// "rId" followed by its 1-based position in the source's list.
type rel struct {
	typ    string
	target string // part name, e.g. "ppt/slides/slide1.xml"
}

// relID returns the id of the i-th (0-based) relationship of a list.
func relID(i int) string { return fmt.Sprintf("rId%d", i+1) }

// part is a part of an Open Packaging Conventions package (a zip entry).
type part struct {
	name  string // zip path without a leading slash
	ctype string
	body  []byte
	rels  []rel
}

// pkg is an Open Packaging Conventions package: parts and the package's
// own relationships.
type pkg struct {
	rels  []rel
	parts []part
}

// add appends parts to the package.
func (p *pkg) add(parts ...part) { p.parts = append(p.parts, parts...) }

// write writes the package as a zip: [Content_Types].xml first, then the
// package relationships, then each part followed by its relationships.
// Every entry is stamped with modified, so output is deterministic.
func (p *pkg) write(w io.Writer, modified time.Time) error {
	z := zip.NewWriter(w)
	entry := func(name string, body []byte) error {
		h := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: modified}
		if ext := path.Ext(name); ext == ".png" || ext == ".xlsx" {
			h.Method = zip.Store // already compressed
		}
		f, err := z.CreateHeader(h)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if _, err := f.Write(body); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		return nil
	}
	if err := entry("[Content_Types].xml", p.contentTypes()); err != nil {
		return err
	}
	if err := entry("_rels/.rels", relsXML("", p.rels)); err != nil {
		return err
	}
	for _, pt := range p.parts {
		if err := entry(pt.name, pt.body); err != nil {
			return err
		}
		if len(pt.rels) > 0 {
			if err := entry(relsName(pt.name), relsXML(pt.name, pt.rels)); err != nil {
				return err
			}
		}
	}
	if err := z.Close(); err != nil {
		return fmt.Errorf("closing zip: %w", err)
	}
	return nil
}

// contentTypes returns the [Content_Types].xml part.
func (p *pkg) contentTypes() []byte {
	var b strings.Builder
	b.WriteString(xmlHeader)
	b.WriteString(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	// Content types declared by file extension; every other part gets an
	// Override.
	defaults := []struct{ ext, ctype string }{
		{"rels", ctRels}, {"xml", ctXML}, {"png", ctPNG}, {"xlsx", ctXLSX},
	}
	byExt := map[string]string{}
	for _, d := range defaults {
		fmt.Fprintf(&b, `<Default Extension="%s" ContentType="%s"/>`, d.ext, d.ctype)
		byExt[d.ext] = d.ctype
	}
	for _, pt := range p.parts {
		if byExt[strings.TrimPrefix(path.Ext(pt.name), ".")] != pt.ctype {
			fmt.Fprintf(&b, `<Override PartName="/%s" ContentType="%s"/>`, esc(pt.name), pt.ctype)
		}
	}
	b.WriteString(`</Types>`)
	return []byte(b.String())
}

// relsName returns the name of the relationships part of part name.
func relsName(name string) string {
	dir, file := path.Split(name)
	return dir + "_rels/" + file + ".rels"
}

// relsXML returns the relationships part of source (a part name, or "" for
// the package), with targets relative to the source's folder.
func relsXML(source string, rels []rel) []byte {
	var b strings.Builder
	b.WriteString(xmlHeader)
	b.WriteString(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i, r := range rels {
		fmt.Fprintf(&b, `<Relationship Id="%s" Type="%s" Target="%s"/>`, relID(i), r.typ, esc(relTarget(source, r.target)))
	}
	b.WriteString(`</Relationships>`)
	return []byte(b.String())
}

// relTarget returns the path of part to relative to the folder of part
// from ("" for the package root), e.g. "../media/image1.png".
func relTarget(from, to string) string {
	fromDir := strings.Split(path.Dir(from), "/")
	if path.Dir(from) == "." {
		fromDir = nil
	}
	toParts := strings.Split(to, "/")
	i := 0
	for i < len(fromDir) && i < len(toParts)-1 && fromDir[i] == toParts[i] {
		i++
	}
	return strings.Repeat("../", len(fromDir)-i) + strings.Join(toParts[i:], "/")
}
