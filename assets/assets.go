// Package assets embeds the reference data Parley ships: baseline trade,
// sectors, CUSMA claim shares, elasticities and the 2025–2026 measures (copied
// from the project's reference data, with SOURCES.md saying where each number
// comes from), the measure library, the built-in scenarios and the app icon.
package assets

import (
	"embed"
	"io/fs"
)

//go:embed data/*.csv data/SOURCES.md library.json builtin.json sector_labels.csv
var files embed.FS

// Files returns the embedded files: data/*.csv, data/SOURCES.md,
// library.json, builtin.json and sector_labels.csv.
func Files() fs.FS { return files }

// Names of the embedded files.
const (
	TradeFile          = "data/bts_transborder_us_canada_hs2_2023_2025.csv"
	SectorMappingFile  = "data/sector_hs2_mapping.csv"
	SectorBaselineFile = "data/sector_baseline_2024.csv"
	CUSMASectorFile    = "data/derived_usmca_claim_share_canada_by_sector_H2_2025.csv"
	CUSMAMonthlyFile   = "data/derived_usmca_claim_share_canada_monthly_2025_2026.csv"
	MeasuresFile       = "data/tariff_measures_canada_us_2025_2026.csv"
	SourcesFile        = "data/SOURCES.md"
	LibraryFile        = "library.json"
	BuiltinFile        = "builtin.json"
	SectorLabelsFile   = "sector_labels.csv"
)
