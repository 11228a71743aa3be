package listfile_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"parley/storage/listfile"
)

func TestParseCode(t *testing.T) {
	tests := []struct {
		in, code string
		padded   bool
		bad      string
	}{
		{"0401", "0401", false, ""},
		{" 0401.10.00 ", "04011000", false, ""},
		{"0401 10 00 10", "0401100010", false, ""},
		{"7208.10.00 - Flat-rolled", "72081000", false, ""},
		{"7208.10.00: Flat-rolled", "72081000", false, ""},
		{`="0401"`, "0401", false, ""},
		{"'0401", "0401", false, ""},
		{"401100000", "0401100000", true, ""},
		{"4.011E+8", "0401100000", true, ""},
		{"04A1", "", false, "is not an HTS code"},
		{"Milk", "", false, "is not an HTS code"},
		{"7", "", false, "1 digit"},
		{"04011000001", "", false, "11 digits"},
		{"", "", false, "no code"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			code, padded, reason := listfile.ParseCode(tt.in)
			if tt.bad != "" {
				if !strings.Contains(reason, tt.bad) {
					t.Errorf("reason %q, want %q", reason, tt.bad)
				}
				return
			}
			if reason != "" || code != tt.code || padded != tt.padded {
				t.Errorf("= %q %v %q, want %q %v", code, padded, reason, tt.code, tt.padded)
			}
		})
	}
}

func TestReadText(t *testing.T) {
	tests := []struct {
		name, text string
		codes      []string
		header     string
	}{
		{"one per line", "0401\n0402.10\n", []string{"0401", "040210"}, ""},
		{"header row", "HTS8\n0401\n", []string{"0401"}, "HTS8"},
		{"header of other words", "Products\n0401\n", []string{"0401"}, "Products"},
		{"code column second", "Description,Tariff item\nMilk,0401.10.00\n", []string{"04011000"}, "Tariff item"},
		{"pasted from a sheet", "code\tdescription\n0401\tMilk\n\n0402\tCream\n", []string{"0401", "0402"}, "code"},
		{"semicolons", "0401;Milk\n0402;Cream\n", []string{"0401", "0402"}, ""},
		{"comments and CRLF", "# my list\r\n0401\r\n0402\r\n", []string{"0401", "0402"}, ""},
		{"BOM", "\ufeff0401\n", []string{"0401"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := listfile.ReadText(tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(res.Codes, tt.codes) || res.Header != tt.header {
				t.Errorf("= %v header %q, want %v %q", res.Codes, res.Header, tt.codes, tt.header)
			}
		})
	}
}

func TestReadBadRows(t *testing.T) {
	_, err := listfile.Read("l.csv", []byte("code,desc\n0401,a\n04A1,b\n,c\n0402,d\n"))
	var le *listfile.Error
	if !errors.As(err, &le) {
		t.Fatalf("err = %v", err)
	}
	rows := []int{}
	for _, p := range le.Problems {
		rows = append(rows, p.Row)
	}
	if !reflect.DeepEqual(rows, []int{3, 4}) || !strings.HasPrefix(err.Error(), "l.csv: 2 bad codes: row 3: ") {
		t.Errorf("rows %v, message %q", rows, err)
	}
	// The first row is data when it holds digits: a bad first code is a bad row, not a header.
	_, err = listfile.ReadText("04A1\n0401\n")
	if !errors.As(err, &le) || len(le.Problems) != 1 || le.Problems[0].Row != 1 {
		t.Errorf("bad first code: %v", err)
	}
	for _, bad := range []string{"", "code\n", "%PDF-1.7\n", "PK\x03\x04junk"} {
		if _, err := listfile.ReadText(bad); !errors.As(err, &le) {
			t.Errorf("%q: err = %v", bad, err)
		}
	}
}
