package refdata

import (
	"io/fs"
	"slices"
	"strings"
	"testing"

	"parley/assets"
)

type tableRow struct {
	code string
	v    []int64
	text string
}

func readAll(data []byte, columns []string, text bool) ([]tableRow, error) {
	t, err := parseTable(string(data), columns, text)
	if err != nil {
		return nil, err
	}
	var rows []tableRow
	err = t.each(nil, func(code string, v []int64, s string) error {
		rows = append(rows, tableRow{code, slices.Clone(v), s})
		return nil
	})
	return rows, err
}

// TestTableRoundTrip checks that a line table reads back the rows written,
// in their order, with and without a text column.
func TestTableRoundTrip(t *testing.T) {
	tests := []struct {
		name    string
		columns []string
		text    bool
		rows    [][]string
		want    []tableRow
	}{
		{"text", []string{"hs10", "v", "desc"}, true,
			[][]string{{"0203294000", "103645597", "MEAT OF SWINE, \"FROZEN\""}, {"0101210010", "-5", ""}, {"9999999999", "0", "é"}},
			[]tableRow{{"0203294000", []int64{103645597}, "MEAT OF SWINE, \"FROZEN\""}, {"0101210010", []int64{-5}, ""}, {"9999999999", []int64{0}, "é"}}},
		{"values", []string{"hts10", "a", "b"}, false,
			[][]string{{"0101210010", "1", "9007199254740993"}},
			[]tableRow{{"0101210010", []int64{1, 9007199254740993}, ""}}},
		{"empty", []string{"hts10", "a"}, false, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := EncodeTable(tt.columns, tt.text, tt.rows)
			if err != nil {
				t.Fatal(err)
			}
			got, err := readAll(data, tt.columns, tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.EqualFunc(got, tt.want, func(a, b tableRow) bool {
				return a.code == b.code && a.text == b.text && slices.Equal(a.v, b.v)
			}) {
				t.Errorf("read %v, want %v", got, tt.want)
			}
		})
	}
}

// TestTableRejects checks that bad rows are not written and that a table
// read with other columns, cut short or with bytes left over is an error.
func TestTableRejects(t *testing.T) {
	cols := []string{"hs10", "v", "desc"}
	for _, rows := range [][][]string{
		{{"020329400", "1", "x"}},    // 9 digits
		{{"02032940AB", "1", "x"}},   // not digits
		{{"0203294000", "1.5", "x"}}, // not whole
		{{"0203294000", "1"}},        // a field short
	} {
		if _, err := EncodeTable(cols, true, rows); err == nil {
			t.Errorf("EncodeTable(%q): no error", rows)
		}
	}
	data, err := EncodeTable(cols, true, [][]string{{"0203294000", "1", "pork"}, {"0203294001", "2", "ham"}})
	if err != nil {
		t.Fatal(err)
	}
	bad := map[string][]byte{
		"other columns": data, // read with cols2 below
		"cut short":     data[:len(data)-10],
		"text cut":      data[:len(data)-1],
		"bytes left":    append(slices.Clone(data), 'x'),
		"no count":      []byte("hs10,v,desc\n"),
	}
	for name, d := range bad {
		c := cols
		if name == "other columns" {
			c = []string{"hs10", "value", "desc"}
		}
		if _, err := readAll(d, c, true); err == nil {
			t.Errorf("%s: no error", name)
		} else if name == "other columns" && !strings.Contains(err.Error(), "want") {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestLineTablesAreTheEmbeddedFiles checks that the line tables read
// without a copy are the files of the same name.
func TestLineTablesAreTheEmbeddedFiles(t *testing.T) {
	for _, name := range []string{assets.ProductLines2025File} {
		b, err := fs.ReadFile(assets.Files(), name)
		if err != nil {
			t.Fatal(err)
		}
		if s, ok := assets.LineTable(name); !ok || s != string(b) {
			t.Errorf("%s: LineTable gives %d bytes (%v), the file has %d", name, len(s), ok, len(b))
		}
	}
	if _, ok := assets.LineTable(assets.ProductListsFile); ok {
		t.Errorf("%s is not a line table", assets.ProductListsFile)
	}
}
