package storagetest

import (
	"bytes"
	"fmt"
	"strings"
)

// PDF returns a small PDF whose page i+1 shows the lines of pages[i] in
// Helvetica, one text line per line; an empty page shows nothing.
func PDF(pages ...string) []byte {
	var contents []string
	for _, p := range pages {
		var c strings.Builder
		if p != "" {
			c.WriteString("BT /F1 12 Tf 72 720 Td 14 TL\n")
			for _, line := range strings.Split(p, "\n") {
				r := strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`)
				fmt.Fprintf(&c, "(%s) Tj T*\n", r.Replace(line))
			}
			c.WriteString("ET\n")
		}
		contents = append(contents, c.String())
	}
	return buildPDF(contents, "", "")
}

// ScannedPDF returns a PDF of two pages that each show an image and no
// text: a scan without a text layer.
func ScannedPDF() []byte {
	page := "q 200 0 0 200 72 500 cm /Im1 Do Q\n"
	return buildPDF([]string{page, page}, "/XObject << /Im1 IMG >>", "")
}

// EncryptedPDF returns a PDF encrypted with the standard security handler
// whose user password is not empty: it cannot be opened without it.
func EncryptedPDF() []byte {
	enc := "<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 " +
		"/O <" + strings.Repeat("5a", 32) + "> /U <" + strings.Repeat("c3", 32) + "> >>"
	return buildPDF([]string{"BT /F1 12 Tf 72 720 Td (secret) Tj ET\n"}, "", enc)
}

// buildPDF writes a PDF with a page per content stream, the resources
// given (IMG stands for a 2×2 grey image object), and an encryption
// dictionary if enc is not empty.
func buildPDF(contents []string, xobjects, enc string) []byte {
	var objs []string // object i+1
	add := func(s string) int { objs = append(objs, s); return len(objs) }
	catalog := add("") // filled below
	pagesObj := add("")
	font := add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	img := add("<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream")
	res := fmt.Sprintf("<< /Font << /F1 %d 0 R >> %s >>", font, strings.ReplaceAll(xobjects, "IMG", fmt.Sprintf("%d 0 R", img)))
	var kids []string
	for _, c := range contents {
		stream := add(fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", len(c), c))
		page := add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources %s /Contents %d 0 R >>", pagesObj, res, stream))
		kids = append(kids, fmt.Sprintf("%d 0 R", page))
	}
	objs[catalog-1] = fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pagesObj)
	objs[pagesObj-1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	encRef := ""
	if enc != "" {
		encRef = fmt.Sprintf(" /Encrypt %d 0 R", add(enc))
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	id := strings.Repeat("0123456789abcdef", 2)
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d 0 R /ID [<%s> <%s>]%s >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, catalog, id, id, encRef, xref)
	return b.Bytes()
}
