package defaults

import (
	"fmt"
	"io/fs"
	"path"
	"strings"

	"parley/assets"
)

// DatasetMeasures2026 is the dataset of the measures since mid-2026 (the
// update of 2026-12: new rows and corrections of the 2025–2026 measures).
const DatasetMeasures2026 = "measures-2026-12"

// updateDatasets records the provenance of the update of 2026-12's measures
// table, from the row of the folder's own SOURCES.md that names it (its
// table has the columns file, rows, sha256, source and licence).
func (l *loader) updateDatasets() error {
	b, err := fs.ReadFile(assets.Files(), assets.UpdatesSourcesFile)
	if err != nil {
		return err
	}
	file := path.Base(assets.UpdatesMeasuresFile)
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "| "+file+" |") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), " | ")
		if len(cells) != 5 {
			return fmt.Errorf("%s: the row of %s has %d cells, want 5", assets.UpdatesSourcesFile, file, len(cells))
		}
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		_, err := l.tx.Exec(`INSERT INTO datasets (id, name, kind, file, source, licence, description, builtin, imported_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)
			ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, file = excluded.file,
				source = excluded.source, licence = excluded.licence, description = excluded.description`,
			DatasetMeasures2026, "Tariff measures between Canada and the US since mid-2026 (update of 2026-12)", "measures", file,
			cells[3], cells[4], fmt.Sprintf("%s rows, each with a status and a confidence level; origin, checks and contradictions in %s",
				cells[1], assets.UpdatesSourcesFile), l.now)
		return err
	}
	return fmt.Errorf("%s has no row for %s", assets.UpdatesSourcesFile, file)
}
