package tradefile

import (
	"strings"
	"testing"
)

// The currency a file's values are in follows what its value column's
// header says; a Statistics Canada layout (HS code, province) without a
// currency in that header is in C$.
func TestValueHeaderCurrency(t *testing.T) {
	for _, tc := range []struct {
		name, header, want string
	}{
		{"cimt in dollars", "HS8,Commodity,Province,Value ($)", "CAD"},
		{"value usd", "HS10,Province,Value USD", ""},
		{"value us$", "HS10,Province,Value (US$)", ""},
		{"us dollars", "HS10,Province,Value in US dollars", ""},
		{"value cad", "HS10,Province,Value CAD", "CAD"},
		{"value c$ generic", "HTS10,Description,Value (C$)", "CAD"},
		{"generic", "HTS10,Description,Value", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := tc.header + "\n"
			for _, row := range [][]string{{"01012100", "Horses", "Ontario", "1234"}, {"27090000", "Crude", "Alberta", "99"}} {
				cells := row
				switch n := strings.Count(tc.header, ",") + 1; n {
				case 3:
					cells = []string{row[0], row[2], row[3]}
				}
				if strings.HasPrefix(tc.header, "HTS10,Description") {
					cells = []string{row[0] + "10", row[1], row[3]}
				}
				text += strings.Join(cells, ",") + "\n"
			}
			res := readOK(t, writeFile(t, "v.csv", text), Options{})
			if res.Currency != tc.want {
				t.Errorf("%s: currency %q, want %q (layout %s)", tc.header, res.Currency, tc.want, res.Layout)
			}
			p, err := PreviewFile(writeFile(t, "p.csv", text), Options{}, 10)
			if err != nil {
				t.Fatal(err)
			}
			says := strings.Contains(strings.Join(p.Notes, "\n"), "Canadian dollars")
			if says != (tc.want == "CAD") {
				t.Errorf("%s: preview notes %q: say C$ %v, want %v", tc.header, p.Notes, says, tc.want == "CAD")
			}
		})
	}
}
