package deck

import (
	"bytes"
	"fmt"
	"strings"
	"time"
)

// SpreadsheetML namespaces and content types of the embedded workbook.
const (
	nsSML          = `http://schemas.openxmlformats.org/spreadsheetml/2006/main`
	ctWorkbook     = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
	ctWorksheet    = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
	ctStyles       = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
	relWorksheet   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
	relStyles      = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
	customFormatID = 164 // first id of a custom number format
)

// workbook returns a minimal SpreadsheetML workbook (.xlsx) holding the
// chart's data on sheetName: the categories in column A from row 2, one
// column per series with its name in row 1 and its values below, in the
// chart's number format. Strings are inline, so there is no shared
// strings part. modified stamps the zip entries.
func workbook(c *Chart, modified time.Time) ([]byte, error) {
	var p pkg
	p.rels = []rel{{relOfficeDocument, "xl/workbook.xml"}}
	p.add(part{
		name:  "xl/workbook.xml",
		ctype: ctWorkbook,
		body: []byte(xmlHeader + `<workbook xmlns="` + nsSML + `" xmlns:r="` + nsR + `">` +
			`<sheets><sheet name="` + sheetName + `" sheetId="1" r:id="rId1"/></sheets></workbook>`),
		rels: []rel{{relWorksheet, "xl/worksheets/sheet1.xml"}, {relStyles, "xl/styles.xml"}},
	})
	p.add(part{name: "xl/worksheets/sheet1.xml", ctype: ctWorksheet, body: sheetXML(c)})
	p.add(part{name: "xl/styles.xml", ctype: ctStyles, body: stylesXML(numberFormat(c))})
	var buf bytes.Buffer
	if err := p.write(&buf, modified); err != nil {
		return nil, fmt.Errorf("embedded workbook: %w", err)
	}
	return buf.Bytes(), nil
}

// sheetXML returns the worksheet with the chart's data. Values use style 1
// (the chart's number format).
func sheetXML(c *Chart) []byte {
	var b strings.Builder
	b.WriteString(xmlHeader)
	fmt.Fprintf(&b, `<worksheet xmlns="%s">`, nsSML)
	last := fmt.Sprintf("%s%d", column(len(c.Series)), len(c.Categories)+1)
	fmt.Fprintf(&b, `<dimension ref="A1:%s"/><cols><col min="1" max="1" width="32" customWidth="1"/></cols><sheetData>`, last)
	str := func(ref, s string) {
		fmt.Fprintf(&b, `<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>`, ref, esc(s))
	}
	b.WriteString(`<row r="1">`)
	for i := range c.Series {
		str(column(i+1)+"1", seriesName(c, i))
	}
	b.WriteString(`</row>`)
	for k, cat := range c.Categories {
		row := k + 2
		fmt.Fprintf(&b, `<row r="%d">`, row)
		str(fmt.Sprintf("A%d", row), cat)
		for i, s := range c.Series {
			fmt.Fprintf(&b, `<c r="%s%d" s="1"><v>%s</v></c>`, column(i+1), row, formatNumber(s.Values[k]))
		}
		b.WriteString(`</row>`)
	}
	b.WriteString(`</sheetData></worksheet>`)
	return []byte(b.String())
}

// stylesXML returns a stylesheet whose cell style 1 has number format
// format ("General" is built-in format 0).
func stylesXML(format string) []byte {
	var b strings.Builder
	b.WriteString(xmlHeader)
	fmt.Fprintf(&b, `<styleSheet xmlns="%s">`, nsSML)
	id := 0
	if format != "General" {
		id = customFormatID
		fmt.Fprintf(&b, `<numFmts count="1"><numFmt numFmtId="%d" formatCode="%s"/></numFmts>`, id, esc(format))
	}
	b.WriteString(`<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>`)
	b.WriteString(`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>`)
	b.WriteString(`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>`)
	b.WriteString(`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>`)
	fmt.Fprintf(&b, `<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="%d" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>`, id)
	b.WriteString(`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>`)
	b.WriteString(`</styleSheet>`)
	return []byte(b.String())
}
