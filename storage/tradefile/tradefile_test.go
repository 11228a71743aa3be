package tradefile

import (
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// chapters is a sector for every chapter but 77 (reserved), as Parley's.
func chapters() map[string]string {
	m := map[string]string{}
	for i := 1; i <= 99; i++ {
		if i == 77 {
			continue
		}
		c := string([]byte{byte('0' + i/10), byte('0' + i%10)})
		m[c] = "S" + c
	}
	return m
}

func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func readOK(t *testing.T, path string, opt Options) *Result {
	t.Helper()
	if opt.Chapters == nil {
		opt.Chapters = chapters()
	}
	res, err := ReadFile(context.Background(), path, opt)
	if err != nil {
		t.Fatalf("read %s: %v", filepath.Base(path), err)
	}
	return res
}

// readBad reads a file that must be refused and returns the error.
func readBad(t *testing.T, path string, opt Options) *Error {
	t.Helper()
	if opt.Chapters == nil {
		opt.Chapters = chapters()
	}
	res, err := ReadFile(context.Background(), path, opt)
	if err == nil {
		t.Fatalf("read %s: want an error, got %d lines", filepath.Base(path), len(res.Lines))
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("read %s: error %v (%T) is not an *Error", filepath.Base(path), err, err)
	}
	if !errors.Is(err, ErrBadFile) {
		t.Fatalf("error %v is not ErrBadFile", err)
	}
	return e
}

type want struct {
	code, region, desc string
	value, cusma       float64
	hasCUSMA           bool
}

func checkLines(t *testing.T, res *Result, ws []want) {
	t.Helper()
	if len(res.Lines) != len(ws) {
		t.Fatalf("%d lines, want %d: %+v", len(res.Lines), len(ws), res.Lines)
	}
	for i, w := range ws {
		l := res.Lines[i]
		if l.Code != w.code || l.Region != w.region || math.Abs(l.Value-w.value) > 1e-9 || l.HasCUSMA != w.hasCUSMA ||
			math.Abs(l.CUSMA-w.cusma) > 1e-9 || (w.desc != "" && l.Description != w.desc) {
			t.Errorf("line %d = %+v, want %+v", i, l, w)
		}
	}
}

func TestLayouts(t *testing.T) {
	for _, tc := range []struct {
		name, file, text string
		layout           Layout
		opt              Options
		lines            []want
		merged           int
		direction        string
	}{
		{
			name: "dataweb with special programmes", file: "dataweb.csv", layout: LayoutDataWeb,
			text: "HTS Number,Description,Country,Special Import Program Claimed,Year,Customs Value\n" +
				`0101210010,"Horses, pure-bred",Canada,S,2024,"1,000"` + "\n" +
				`0101210010,"Horses, pure-bred",Canada,No program claimed,2024,"250"` + "\n" +
				`8703.23.01.90,Motor cars,Canada,S+,2024,"2,500,000.50"` + "\n",
			lines: []want{{code: "0101210010", desc: "Horses, pure-bred", value: 1250, cusma: 1000, hasCUSMA: true},
				{code: "8703230190", value: 2500000.5, cusma: 2500000.5, hasCUSMA: true}},
			merged: 1,
		},
		{
			name: "census api json-like csv", file: "census.csv", layout: LayoutCensus, direction: "ca_to_us",
			text: "I_COMMODITY,I_COMMODITY_SDESC,CTY_CODE,CON_VAL_MO,CON_VAL_YR,time\n" +
				"0101210010,HORSES PUREBRED,1220,10,100,2024-12\n" +
				"2709002090,CRUDE OIL,1220,5000,60000,2024-12\n",
			lines: []want{{code: "0101210010", desc: "HORSES PUREBRED", value: 100}, {code: "2709002090", value: 60000}},
		},
		{
			name: "census api json answer", file: "census.json", layout: LayoutCensus, direction: "ca_to_us",
			text: `[["I_COMMODITY","I_COMMODITY_SDESC","CTY_CODE","CON_VAL_YR","time"],` + "\n" +
				`["0101210010","HORSES PUREBRED","1220","100","2024-12"],` + "\n" +
				`["2709002090","CRUDE OIL","1220",60000.5,"2024-12"]]` + "\n",
			lines: []want{{code: "0101210010", desc: "HORSES PUREBRED", value: 100}, {code: "2709002090", value: 60000.5}},
		},
		{
			name: "census several months sums month values", file: "census-months.csv", layout: LayoutCensus, direction: "ca_to_us",
			text: "I_COMMODITY,CTY_CODE,CON_VAL_MO,CON_VAL_YR,time\n" +
				"2709002090,1220,100,100,2024-01\n" +
				"2709002090,1220,200,300,2024-02\n" +
				"2709002090,1220,300,600,2024-03\n",
			lines:  []want{{code: "2709002090", value: 600}},
			merged: 2,
		},
		{
			name: "cimt by province, semicolons, decimal comma", file: "cimt.csv", layout: LayoutCIMT,
			text: "HS8;Commodity;Province;Value ($)\n" +
				"01012100;Pure-bred breeding horses;Ontario;1.234.567,89\n" +
				"01012100;Pure-bred breeding horses;Quebec;10,5\n" +
				"27090000;Crude oil;Alberta;99.000.000\n",
			lines: []want{{code: "01012100", region: "Ontario", value: 1234567.89}, {code: "01012100", region: "Quebec", value: 10.5},
				{code: "27090000", region: "Alberta", value: 99000000}},
		},
		{
			name: "cimt commodity with code and description", file: "cimt2.csv", layout: LayoutCIMT,
			text: "Commodity,Province,Value ($)\n" +
				`"0101.21.00 - Horses; live, pure-bred breeding animals",Ontario,"1 234 567"` + "\n",
			lines: []want{{code: "01012100", region: "Ontario", desc: "Horses; live, pure-bred breeding animals", value: 1234567}},
		},
		{
			name: "comtrade", file: "comtrade.csv", layout: LayoutComtrade, direction: "us_to_ca",
			text: "refYear,reporterDesc,flowCode,partnerDesc,cmdCode,cmdDesc,primaryValue\n" +
				"2024,Canada,M,USA,8703,Motor cars,12345678.9\n" +
				"2024,Canada,M,USA,27,Mineral fuels,5E6\n",
			lines: []want{{code: "27", value: 5e6}, {code: "8703", value: 12345678.9}},
		},
		{
			name: "parley export", file: "parley.csv", layout: LayoutParley,
			text: "# Parley trade dataset \"x\"\ncode,region,sector,description,value,cusma_value\n" +
				"0101210010,,AGRI,Horses,1000.25,\n2709002090,Alberta,ENERGY,Oil,5,2.5\n",
			lines: []want{{code: "0101210010", desc: "Horses", value: 1000.25}, {code: "2709002090", region: "Alberta", value: 5, cusma: 2.5, hasCUSMA: true}},
		},
		{
			name: "tabs and usmca value column", file: "tabs.tsv", layout: LayoutGeneric,
			text:  "hts10\tsdesc\tvalue_2025_usd\tusmca_value_2025_usd\n0101210010\tHorses\t1000\t400\n",
			lines: []want{{code: "0101210010", desc: "Horses", value: 1000, cusma: 400, hasCUSMA: true}},
		},
		{
			name: "vertical bars and title rows", file: "bars.txt", layout: LayoutGeneric,
			text:  "US imports from Canada\nDownloaded 2026-01-05\n\nHS Code|Value\n72|1,234,567\n76|2,000\n",
			lines: []want{{code: "72", value: 1234567}, {code: "76", value: 2000}},
		},
		{
			name: "mapping by name", file: "mapped.csv", layout: LayoutMapped,
			opt:   Options{Mapping: Mapping{FieldCode: "Tariff", FieldValue: "Amount", FieldRegion: "Where"}},
			text:  "Tariff,Amount,Where\n7208,10,ON\n7208,5,ON\n",
			lines: []want{{code: "7208", region: "ON", value: 15}}, merged: 1,
		},
		{
			name: "mapping by number without header", file: "numbers.csv", layout: LayoutMapped,
			opt:   Options{Mapping: Mapping{FieldCode: "2", FieldValue: "1"}},
			text:  "10,7208\n20,101\n",
			lines: []want{{code: "0101", value: 20}, {code: "7208", value: 10}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := readOK(t, writeFile(t, tc.file, tc.text), tc.opt)
			if res.Layout != tc.layout {
				t.Errorf("layout %q, want %q", res.Layout, tc.layout)
			}
			checkLines(t, res, tc.lines)
			if res.Merged != tc.merged {
				t.Errorf("merged %d, want %d", res.Merged, tc.merged)
			}
			if res.Direction != tc.direction {
				t.Errorf("direction %q, want %q", res.Direction, tc.direction)
			}
			if len(res.SHA256) != 64 {
				t.Errorf("sha256 %q", res.SHA256)
			}
		})
	}
}

func TestLatin1(t *testing.T) {
	text := "HS8,Commodity,Province,Value ($)\n01012100,Chevaux de race pure \xe9lev\xe9s,Qu\xe9bec,100\n"
	p := writeFile(t, "latin1.csv", text)
	e := readBad(t, p, Options{})
	if msg := e.Error(); !strings.Contains(msg, "row 2") || !strings.Contains(msg, "Latin-1") {
		t.Errorf("error %q does not name row 2 and suggest Latin-1", msg)
	}
	pv, err := PreviewFile(p, Options{}, 5)
	if err != nil {
		t.Fatal(err)
	}
	if pv.SuggestedEncoding != Latin1 || pv.Encoding != Latin1 {
		t.Errorf("preview encoding %q suggested %q, want latin1", pv.Encoding, pv.SuggestedEncoding)
	}
	res := readOK(t, p, Options{Encoding: Latin1})
	checkLines(t, res, []want{{code: "01012100", region: "Québec", desc: "Chevaux de race pure élevés", value: 100}})
}

func TestXLSX(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Query Parameters")
	f.SetCellValue("Query Parameters", "A1", "Data: Customs Value")
	f.NewSheet("Customs Value")
	rows := [][]any{
		{"HTS Number", "Description", "Customs Value", "Special Import Program Claimed"},
		{101210010, "Horses", 1000.5, "S"},
		{"8703.23.01.90", "Cars", "2,000", "No program"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Customs Value", cell, &r)
	}
	p := filepath.Join(t.TempDir(), "dataweb.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	res := readOK(t, p, Options{})
	if res.Sheet != "Customs Value" || res.Format != FormatXLSX || res.Layout != LayoutDataWeb {
		t.Errorf("sheet %q format %q layout %q", res.Sheet, res.Format, res.Layout)
	}
	checkLines(t, res, []want{{code: "0101210010", desc: "Horses", value: 1000.5, cusma: 1000.5, hasCUSMA: true},
		{code: "8703230190", value: 2000, hasCUSMA: true}})
	if len(res.Notes) == 0 || !strings.Contains(strings.Join(res.Notes, " "), "leading 0") {
		t.Errorf("notes %q do not say a leading zero was restored", res.Notes)
	}
}

func TestRefused(t *testing.T) {
	for _, tc := range []struct {
		name, file, text string
		opt              Options
		want             []string // in the message
	}{
		{"bad code", "a.csv", "code,value\n0101,1\nABC,2\n", Options{}, []string{"row 3", `column "code" (1)`, `"ABC" is not an HS code`}},
		{"too long code", "a.csv", "code,value\n01012100101,1\n", Options{}, []string{"row 2", "11 digits"}},
		{"unknown chapter", "a.csv", "code,value\n7700,1\n", Options{}, []string{"row 2", "chapter 77"}},
		{"negative value", "a.csv", "code,value\n0101,-5\n", Options{}, []string{"row 2", `column "value" (2)`, "negative"}},
		{"accounting negative", "a.csv", "code,value\n0101,(5)\n", Options{}, []string{"negative"}},
		{"not a number", "a.csv", "code,value\n0101,abc\n", Options{}, []string{"row 2", `"abc" is not a number`}},
		{"suppressed", "a.csv", "code;value\n0101;x\n", Options{}, []string{`"x" is not a number`}},
		{"empty value", "a.csv", "code,value\n0101,\n", Options{}, []string{"row 2", "no value"}},
		{"total row", "a.csv", "code,value\n0101,1\nTotal,1\n", Options{}, []string{"row 3", "total"}},
		{"cusma above value", "a.csv", "code,value,cusma_value\n0101,1,5\n", Options{}, []string{"more than"}},
		{"missing value column", "a.csv", "HTS Number,Description\n0101,Horses\n", Options{}, []string{"no value column", "HTS Number"}},
		{"missing code column", "a.csv", "Name,Value\nHorses,1\n", Options{}, []string{"no code column"}},
		{"mapping unknown column", "a.csv", "a,b\n0101,1\n", Options{Mapping: Mapping{FieldCode: "a", FieldValue: "zz"}}, []string{"value=zz", `no column named "zz"`}},
		{"header only", "a.csv", "code,value\n", Options{}, []string{"no data rows"}},
		{"blank", "a.csv", "\n\n  \n", Options{}, []string{"no rows"}},
		{"empty", "a.csv", "", Options{}, []string{"empty"}},
		{"pdf renamed", "a.csv", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", Options{}, []string{"PDF"}},
		{"binary", "a.csv", "ab\x00\x01\x02cd", Options{}, []string{"binary"}},
		{"zip not xlsx", "a.xlsx", "PK\x03\x04garbage", Options{}, []string{"not an XLSX"}},
		{"several partners", "a.csv", "cmdCode,partnerDesc,primaryValue\n27,USA,1\n27,World,2\n", Options{}, []string{"several partners", "USA, World"}},
		{"several years", "a.csv", "code,year,value\n27,2023,1\n27,2024,2\n", Options{}, []string{"several years"}},
		{"another year", "a.csv", "code,year,value\n27,2023,1\n", Options{Year: 2024}, []string{"of 2023, not 2024"}},
		{"too large", "a.csv", "code,value\n27,1\n", Options{MaxSize: 10}, []string{"up to 10 bytes"}},
		{"json not rows", "a.json", `[{"code": "27"}]`, Options{}, []string{"row 1", "not readable as a JSON row"}},
		{"json bad value", "a.json", "[[\"code\",\"value\"],\n[\"27\",\"-1\"]]", Options{}, []string{"row 2", "negative"}},
		{"no sheet", "a.csv", "code,value\n27,1\n", Options{}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.want == nil {
				return
			}
			e := readBad(t, writeFile(t, tc.file, tc.text), tc.opt)
			msg := e.Error()
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q lacks %q", msg, w)
				}
			}
		})
	}
}

func TestSkipBadRows(t *testing.T) {
	p := writeFile(t, "a.csv", "code,value\n0101,1\nABC,2\n0102,-1\n0103,3\n")
	res := readOK(t, p, Options{SkipBadRows: true})
	checkLines(t, res, []want{{code: "0101", value: 1}, {code: "0103", value: 3}})
	if res.SkippedCount != 2 || len(res.Skipped) != 2 || res.Skipped[0].Row != 3 || res.Skipped[1].Row != 4 {
		t.Errorf("skipped %d: %+v", res.SkippedCount, res.Skipped)
	}
	if res.RowsRead != 4 {
		t.Errorf("rows read %d, want 4", res.RowsRead)
	}
}

func TestNumbers(t *testing.T) {
	for _, tc := range []struct {
		s   string
		dec byte
		v   float64
		ok  bool
	}{
		{"1,234,567", '.', 1234567, true},
		{"1.234.567,89", ',', 1234567.89, true},
		{"1 234 567", '.', 1234567, true},
		{"1\u00a0234\u00a0567,5", ',', 1234567.5, true},
		{"US$ 1,000", '.', 1000, true},
		{"12,5", '.', 0, false},
		{"1.2.3", '.', 0, false},
		{"1e6", '.', 1e6, true},
		{"abc", '.', 0, false},
		{".5", '.', 0.5, true},
		{"1'234", '.', 1234, true},
	} {
		v, _, ok := parseNumber(tc.s, tc.dec)
		if ok != tc.ok || (ok && math.Abs(v-tc.v) > 1e-9) {
			t.Errorf("parseNumber(%q, %c) = %v, %v; want %v, %v", tc.s, tc.dec, v, ok, tc.v, tc.ok)
		}
	}
	for _, tc := range []struct {
		sample []string
		delim  rune
		want   byte
	}{
		{[]string{"1,234", "5,678"}, ',', '.'},
		{[]string{"1.234,5"}, ';', ','},
		{[]string{"1.234", "99.000"}, ';', ','},
		{[]string{"1.234"}, ',', '.'},
		{[]string{"10,5"}, ';', ','},
		{[]string{"1,234,567"}, ';', '.'},
	} {
		if got, _ := decideDecimal(tc.sample, tc.delim); got != tc.want {
			t.Errorf("decideDecimal(%q, %q) = %c, want %c", tc.sample, tc.delim, got, tc.want)
		}
	}
}

func TestDelimiter(t *testing.T) {
	for text, want := range map[string]rune{
		"a,b,c\n1,2,3\n":             ',',
		"a;b;c\n1;\"2,5\";3\n":       ';',
		"a\tb\n1\t2\n":               '\t',
		"a|b|c\n1|2|3\n":             '|',
		"title\n\na;b\n1;2\n3;4\n":   ';',
		"code;value\n0101;\"1,5\"\n": ';',
	} {
		if got := detectDelimiter(text); got != want {
			t.Errorf("detectDelimiter(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestCancel(t *testing.T) {
	var b strings.Builder
	b.WriteString("code,value\n")
	for i := 0; i < 20000; i++ {
		b.WriteString("0101,1\n")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := ReadFile(ctx, writeFile(t, "big.csv", b.String()), Options{})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
}
