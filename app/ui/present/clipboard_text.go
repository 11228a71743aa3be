package present

import (
	"encoding/csv"
	"fmt"
	"strings"
)

// TabSeparated turns a chart's CSV file (charts.Chart.CSV) into
// tab-separated text: the table, then an empty line and the '#' lines
// (title, subtitle, notes, sources) without their '#', so that the sources
// travel with the numbers. Tabs and line breaks inside a cell become spaces.
func TabSeparated(csvText []byte) (string, error) {
	lines := strings.SplitAfter(string(csvText), "\n")
	end := len(lines)
	for end > 0 && (strings.HasPrefix(lines[end-1], "#") || strings.TrimSpace(lines[end-1]) == "") {
		end--
	}
	r := csv.NewReader(strings.NewReader(strings.Join(lines[:end], "")))
	r.FieldsPerRecord = -1
	records, err := r.ReadAll()
	if err != nil {
		return "", fmt.Errorf("read the chart's data: %w", err)
	}
	clean := strings.NewReplacer("\t", " ", "\r\n", " ", "\n", " ", "\r", " ")
	var b strings.Builder
	for _, rec := range records {
		for i, cell := range rec {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(clean.Replace(cell))
		}
		b.WriteByte('\n')
	}
	sep := "\n"
	for _, l := range lines[end:] {
		l = strings.TrimSpace(strings.TrimPrefix(l, "#"))
		if l == "" {
			continue
		}
		b.WriteString(sep + clean.Replace(l) + "\n")
		sep = ""
	}
	return b.String(), nil
}
