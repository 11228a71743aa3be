package deck

import (
	"regexp"
	"strconv"
	"testing"
)

// TestDataLabelsLegible checks the data labels of native charts: never
// smaller than 10 pt, and left out where they would overlap (too many bars
// for the frame) rather than drawn smaller.
func TestDataLabelsLegible(t *testing.T) {
	frame := rect{0, 0, 11 * emuPerInch, 4 * emuPerInch} // a 16:9 slide's chart area, about
	small := rect{0, 0, 9 * emuPerInch, 2 * emuPerInch}  // a crowded 4:3 slide's
	mk := func(categories, series int) *Chart {
		c := &Chart{Horizontal: true, DataLabels: true, ValueTitle: "US$ billions"}
		for i := range categories {
			c.Categories = append(c.Categories, "Sector "+strconv.Itoa(i))
		}
		for j := range series {
			vals := make([]float64, categories)
			for i := range vals {
				vals[i] = float64(i + j + 1)
			}
			c.Series = append(c.Series, Series{Name: "S" + strconv.Itoa(j), Values: vals})
		}
		return c
	}
	sizes := regexp.MustCompile(`<c:dLbls>.*?<a:defRPr lang="en-US" sz="(\d+)"`)
	for _, tc := range []struct {
		name   string
		chart  *Chart
		frame  rect
		labels bool
	}{
		{"11 sectors", mk(11, 1), frame, true},
		{"26 sectors: too many for 10 pt", mk(26, 1), frame, false},
		{"26 sectors, small frame", mk(26, 1), small, false},
		{"11 sectors, 2 scenarios, small frame", mk(11, 2), small, false},
		{"6 sectors, 2 scenarios", mk(6, 2), frame, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			xml := string(chartXML(tc.chart, tc.frame, "rId1"))
			m := sizes.FindAllStringSubmatch(xml, -1)
			if (len(m) > 0) != tc.labels {
				t.Fatalf("data labels: %v, want %v", len(m) > 0, tc.labels)
			}
			for _, g := range m {
				if sz, _ := strconv.Atoi(g[1]); sz < 1000 {
					t.Errorf("data labels of %d/100 pt: want 10 pt at least", sz)
				}
			}
		})
	}
}
