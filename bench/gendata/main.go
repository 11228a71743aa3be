// Command gendata writes large trade data files for the memory benchmark
// (bench/memory.sh):
//
//	gendata csv FILE ROWS DISTINCT   a CSV of ROWS rows over DISTINCT lines (code and region)
//	gendata xlsx FILE ROWS [DISTINCT]  an XLSX workbook of one sheet of ROWS rows, written
//	                                 directly as its XML parts (a large sheet compresses
//	                                 to a small file, as a ZIP bomb does)
package main

import (
	"archive/zip"
	"bufio"
	"fmt"
	"os"
	"strconv"
)

// regions are the provinces and territories, as CIMT files name them.
var regions = []string{"Ontario", "Quebec", "Alberta", "British Columbia", "Manitoba", "Saskatchewan", "Nova Scotia",
	"New Brunswick", "Newfoundland and Labrador", "Prince Edward Island", "Yukon", "Northwest Territories", "Nunavut"}

// line returns the code and region of line i of distinct.
func line(i int) (string, string) {
	r := i % len(regions)
	c := i / len(regions)
	// Codes of chapters 01 to 97 but 77, 8 digits.
	ch := 1 + (c/1000000)%96
	if ch >= 77 {
		ch++
	}
	return fmt.Sprintf("%02d%06d", ch, c%1000000), regions[r]
}

func main() {
	if len(os.Args) < 4 {
		fmt.Fprintln(os.Stderr, "usage: gendata csv FILE ROWS DISTINCT | xlsx FILE ROWS [DISTINCT]")
		os.Exit(2)
	}
	rows, err := strconv.Atoi(os.Args[3])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	f, err := os.Create(os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	distinct := rows
	if len(os.Args) > 4 {
		distinct, _ = strconv.Atoi(os.Args[4])
	}
	switch os.Args[1] {
	case "csv":
		writeCSV(f, rows, distinct)
	case "xlsx":
		writeXLSX(f, rows, distinct)
	default:
		fmt.Fprintln(os.Stderr, "usage: gendata csv FILE ROWS DISTINCT | xlsx FILE ROWS [DISTINCT]")
		os.Exit(2)
	}
}

// writeCSV writes rows lines of a CSV of HS8 codes by province.
func writeCSV(f *os.File, rows, distinct int) {
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprintln(w, "HS8,Commodity,Province,Value ($)")
	for i := 0; i < rows; i++ {
		code, region := line(i % distinct)
		fmt.Fprintf(w, "%s,Goods of heading %s (live animals and other goods),%s,%d\n", code, code[:4], region, 1000+i%97)
	}
	check(w.Flush())
}

// writeXLSX writes the same rows as an XLSX workbook of one sheet, its
// cells inline strings, the way large exports are often written.
func writeXLSX(f *os.File, rows, distinct int) {
	z := zip.NewWriter(f)
	part := func(name, text string) {
		w, err := z.Create(name)
		check(err)
		_, err = w.Write([]byte(text))
		check(err)
	}
	part("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`)
	part("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	part("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`)
	part("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`)
	w, err := z.Create("xl/worksheets/sheet1.xml")
	check(err)
	bw := bufio.NewWriterSize(w, 1<<20)
	fmt.Fprint(bw, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	fmt.Fprint(bw, `<row r="1"><c r="A1" t="inlineStr"><is><t>HS8</t></is></c><c r="B1" t="inlineStr"><is><t>Province</t></is></c><c r="C1" t="inlineStr"><is><t>Value ($)</t></is></c></row>`)
	for i := 0; i < rows; i++ {
		code, region := line(i % distinct)
		r := i + 2
		fmt.Fprintf(bw, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>%s</t></is></c><c r="B%d" t="inlineStr"><is><t>%s</t></is></c><c r="C%d"><v>%d</v></c></row>`,
			r, r, code, r, region, r, 1000+i%97)
	}
	fmt.Fprint(bw, `</sheetData></worksheet>`)
	check(bw.Flush())
	check(z.Close())
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
