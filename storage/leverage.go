package storage

import (
	"context"
	"fmt"
	"path"
	"strconv"
	"strings"

	"parley/assets"
	"parley/scenarios"
	"parley/storage/refdata"
)

// LeverageData is who depends on whom, by sector, in 2024, with where the
// figures come from.
type LeverageData struct {
	Year int
	// Rows are the sectors in sector order, weighted from the HS chapters
	// (scenarios.Leverage), without duty (see scenarios.WithDuty).
	Rows []scenarios.SectorLeverage
	// Sources are the lines that say where the figures come from; the
	// note on the two national statistics (scenarios.LeverageNote) is not
	// among them: whatever shows the figures shows it.
	Sources []string
}

// Leverage reads the embedded leverage data (assets.LeverageFile: per HS
// chapter, US imports from the world and from Canada in US$, Canada's
// exports to the world and to the US in C$) and weights it into the
// workspace's sectors. A side the source leaves blank (Canada's side of HS
// 98–99) is absent, not zero.
func (w *Workspace) Leverage() (LeverageData, error) {
	r, err := w.refs(context.Background())
	if err != nil {
		return LeverageData{}, err
	}
	rows, err := refdata.ReadTable(assets.LeverageFile)
	if err != nil {
		return LeverageData{}, fmt.Errorf("read the leverage data: %w", err)
	}
	chapters := make([]scenarios.ChapterTrade, 0, len(rows))
	for i, row := range rows {
		c := scenarios.ChapterTrade{Chapter: row["hs2"]}
		if len(c.Chapter) != 2 || !refdata.IsCode(c.Chapter) {
			return LeverageData{}, fmt.Errorf("read %s line %d: hs2 %q is not an HS chapter", assets.LeverageFile, i+2, c.Chapter)
		}
		num := func(col string) (float64, error) {
			v, err := strconv.ParseFloat(row[col], 64)
			if err != nil || v < 0 {
				return 0, fmt.Errorf("read %s line %d: %s %q is not a non-negative number", assets.LeverageFile, i+2, col, row[col])
			}
			return v, nil
		}
		if row["us_dependence_on_canada"] != "" {
			if c.USImportsWorld, err = num("us_imports_world_2024_usd"); err != nil {
				return LeverageData{}, err
			}
			if c.USImportsFromCanada, err = num("us_imports_from_canada_2024_usd"); err != nil {
				return LeverageData{}, err
			}
			c.HasUS = true
		}
		if row["ca_dependence_on_us"] != "" {
			if c.CAExportsWorld, err = num("ca_exports_world_2024_cad"); err != nil {
				return LeverageData{}, err
			}
			if c.CAExportsToUS, err = num("ca_exports_to_us_2024_cad"); err != nil {
				return LeverageData{}, err
			}
			c.HasCA = true
		}
		chapters = append(chapters, c)
	}
	sources, err := leverageSources()
	if err != nil {
		return LeverageData{}, err
	}
	return LeverageData{Year: 2024, Rows: scenarios.Leverage(r.sectors, chapters), Sources: sources}, nil
}

// leverageSources returns the source lines of the leverage figures, from
// the rows of SOURCES.md, and the note on the two national statistics.
func leverageSources() ([]string, error) {
	src, err := refdata.ReadSources()
	if err != nil {
		return nil, fmt.Errorf("read SOURCES.md: %w", err)
	}
	row := func(file string) (refdata.SourceRow, error) {
		r, ok := refdata.SourceFor(src, path.Base(file))
		if !ok {
			return refdata.SourceRow{}, fmt.Errorf("%s has no row in SOURCES.md", path.Base(file))
		}
		return r, nil
	}
	us, err := row(assets.USImportsWorldFile)
	if err != nil {
		return nil, err
	}
	ca, err := row(assets.CanadaTradeFile)
	if err != nil {
		return nil, err
	}
	return []string{
		"US dependence on Canada: US imports from Canada / US imports from the world by HS chapter, 2024, US$: " +
			strings.TrimSuffix(us.Source, ".") + ".",
		"Canada's dependence on the US: Canada's exports to the US / Canada's total exports by HS chapter, 2024, C$: " +
			strings.TrimSuffix(ca.Source, ".") + ". ISED's reuse terms for this extract have not been checked.",
		"Sectors are weighted by value: the sums of their HS chapters' trade, not the mean of the chapters' shares.",
	}, nil
}
