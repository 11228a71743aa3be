package tradefile

import (
	"bytes"
	"context"
	"errors"
	"io"
	"math"
	"strings"
	"testing"
)

// readBytes reads data as a file named name would be read (CSV only: an
// XLSX workbook is read from its path).
func readBytes(data []byte, opt Options) (*Result, error) {
	head := data[:min(len(data), headLen)]
	if len(data) == 0 {
		return nil, fileError("fuzz.csv", "the file is empty")
	}
	o, err := tell("fuzz.csv", int64(len(data)), head, io.NopCloser(bytes.NewReader(data)))
	if err != nil {
		return nil, err
	}
	if o.kind == kindZip {
		return nil, fileError("fuzz.csv", "a workbook")
	}
	return read(context.Background(), o, "", opt)
}

// FuzzReadCSV reads arbitrary bytes as a CSV file of trade data, with and
// without skipping bad rows, and checks that it never panics and that what
// it accepts is sound: codes of 2 to 10 digits of a known chapter, finite
// values of 0 or more, CUSMA values within them, lines unique and sorted,
// and every data row counted once (in a line, or skipped).
func FuzzReadCSV(f *testing.F) {
	for _, s := range []string{
		"HTS Number,Description,Special Import Program Claimed,Customs Value\n0101210010,\"Horses, pure\",S,\"1,000\"\n0101210010,x,,250\n",
		"I_COMMODITY,CTY_CODE,CON_VAL_MO,CON_VAL_YR,time\n2709002090,1220,100,100,2024-01\n2709002090,1220,200,300,2024-02\n",
		"HS8;Commodity;Province;Value ($)\n01012100;Horses;Ontario;1.234.567,89\n01012100;Horses;Quebec;10,5\n",
		"Commodity,Province,Value ($)\n\"0101.21.00 - Horses\",Ontario,\"1 234 567\"\n",
		"refYear,reporterDesc,flowCode,partnerDesc,cmdCode,cmdDesc,primaryValue\n2024,Canada,M,USA,8703,Cars,12345678.9\n",
		"# Parley trade dataset\ncode,region,sector,description,value,cusma_value\n0101210010,,AGRI,Horses,1000.25,\n",
		"hts10\tsdesc\tvalue_2025_usd\tusmca_value_2025_usd\n0101210010\tHorses\t1000\t400\n",
		"title\n\nHS Code|Value\n72|1,234,567\n76|2,000\nTotal|3\n",
		"code,value\n7700,1\nABC,2\n0101,-5\n0101,(5)\n0101,\n01012100101,1\n",
		"code,value,cusma_value\n0101,1,5\n",
		"\xef\xbb\xbfcode,value\n\"01\"\"01\",1\n\"unterminated,2\n",
		"\xff\xfec\x00o\x00d\x00e\x00,\x00v\x00a\x00l\x00u\x00e\x00\n\x000\x001\x00,\x001\x00\n\x00",
		"code,value\n0101,1e308\n0102,1e999\n0103,NaN\n0104,Inf\n",
		"HS8,Commodity,Province,Value ($)\n01012100,Chevaux,Qu\xe9bec,100\n",
		"code,year,value\n27,2023,1\n27,2024,2\n",
		"%PDF-1.7\n",
		`[["I_COMMODITY","CTY_CODE","CON_VAL_YR","time"],["0101210010","1220","100","2024-12"],["2709002090","1220",60000.5,null]]`,
	} {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	chapters := map[string]string{}
	for i := 1; i <= 99; i++ {
		if i != 77 {
			chapters[string([]byte{byte('0' + i/10), byte('0' + i%10)})] = "S"
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, skip bool) {
		for _, enc := range []Encoding{"", Latin1} {
			opt := Options{Chapters: chapters, SkipBadRows: skip, Encoding: enc}
			res, err := readBytes(data, opt)
			if err != nil {
				var e *Error
				if !errors.As(err, &e) {
					t.Fatalf("error %v (%T) is not an *Error", err, err)
				}
				if e.Error() == "" {
					t.Fatal("empty message")
				}
				for _, p := range e.Problems {
					if p.Reason == "" {
						t.Fatalf("a problem without a reason: %+v", p)
					}
				}
				continue
			}
			rows := 0
			for i, l := range res.Lines {
				if len(l.Code) < 2 || len(l.Code) > 10 || strings.Trim(l.Code, "0123456789") != "" || chapters[l.Code[:2]] == "" {
					t.Fatalf("line %d: bad code %q", i, l.Code)
				}
				if math.IsNaN(l.Value) || math.IsInf(l.Value, 0) || l.Value < 0 {
					t.Fatalf("line %s: value %v", l.Code, l.Value)
				}
				if l.HasCUSMA && (l.CUSMA < 0 || l.CUSMA > l.Value*(1+1e-9)+0.5*float64(l.Rows)) {
					t.Fatalf("line %s: CUSMA value %v of %v", l.Code, l.CUSMA, l.Value)
				}
				if i > 0 {
					p := res.Lines[i-1]
					if p.Code > l.Code || (p.Code == l.Code && p.Region >= l.Region) {
						t.Fatalf("lines %d and %d out of order or repeated: %q/%q, %q/%q", i-1, i, p.Code, p.Region, l.Code, l.Region)
					}
				}
				rows += l.Rows
			}
			if len(res.Lines) == 0 {
				t.Fatal("a result without lines")
			}
			if rows+res.SkippedCount != res.RowsRead || res.Merged != rows-len(res.Lines) {
				t.Fatalf("rows: %d in lines + %d skipped != %d read; merged %d", rows, res.SkippedCount, res.RowsRead, res.Merged)
			}
			if !skip && res.SkippedCount != 0 {
				t.Fatal("rows skipped without being asked")
			}
		}
	})
}
