package refdata

import (
	"bufio"
	"io/fs"
	"strings"

	"parley/assets"
)

// SourceRow is one row of the table in data/SOURCES.md.
type SourceRow struct {
	File, Source, Licence, Holds string
}

// ReadSources parses the table of the embedded SOURCES.md: one row per file.
// A row that names several files ("a.csv, ..._b.csv") is returned for each
// file it names in full.
func ReadSources() (map[string]SourceRow, error) {
	b, err := fs.ReadFile(assets.Files(), assets.SourcesFile)
	if err != nil {
		return nil, err
	}
	rows := map[string]SourceRow{}
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(line, "|") || strings.HasPrefix(line, "|---") || strings.HasPrefix(line, "| file ") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), " | ")
		if len(cells) != 4 {
			continue
		}
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		r := SourceRow{File: cells[0], Source: cells[1], Licence: cells[2], Holds: cells[3]}
		for _, f := range strings.Split(r.File, ", ") {
			rows[f] = r
		}
	}
	return rows, sc.Err()
}

// SourceFor returns the SOURCES.md row of a data file, matching rows that
// name a family of files with "..." (e.g. "..._by_hs2_H2_2025.csv").
func SourceFor(rows map[string]SourceRow, file string) (SourceRow, bool) {
	if r, ok := rows[file]; ok {
		return r, true
	}
	for name, r := range rows {
		if strings.HasPrefix(name, "...") && strings.HasSuffix(file, strings.TrimPrefix(name, "...")) {
			return r, true
		}
	}
	return SourceRow{}, false
}
