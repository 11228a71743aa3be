// Package assets embeds the reference data Parley ships: baseline trade,
// sectors, CUSMA claim shares, elasticities and the 2025–2026 measures (copied
// from the project's reference data, with SOURCES.md saying where each number
// comes from), the product-level data (HTS10 trade lines, product lists, metal
// content and CUSMA claim shares by sector and month, derived from the same
// reference data by productsgen, with the licences of the repositories they
// come from), the measure library, the built-in scenarios and the app icon.
//
// data/ and products/ are generated: edit ../shared/data, not these files,
// and run go generate (make generate).
package assets

import (
	"embed"
	"io/fs"
)

//go:generate go run ./productsgen

//go:embed data/*.csv data/SOURCES.md data/updates products/* library library.json builtin.json sector_labels.csv
var files embed.FS

// The line tables and the lists' codes are embedded a second time as
// strings, which a reader slices without copying them (embed.FS copies a
// file on every read); the linker keeps one copy of identical contents.
var (
	//go:embed products/hts10_2025.bin
	productLines2025 string
	//go:embed products/lists.txt
	productListCodes string
)

// ProductList is a built-in product list as the generator writes it in Go
// (lists.go): a process reads the lists in place, without parsing
// ProductListIndexFile and ProductListsFile, which hold the same lists.
type ProductList struct {
	Name, Title, Source string
	Codes               []string // sorted
}

// ProductLists returns the built-in product lists in ProductListIndexFile's
// order. They are shared: a caller must not change them.
func ProductLists() []ProductList { return productLists }

// ListCodes returns the contents of ProductListsFile without copying them.
func ListCodes() string { return productListCodes }

// LineTable returns the contents of the embedded line table name
// (ProductLines2025File) without copying them.
func LineTable(name string) (string, bool) {
	switch name {
	case ProductLines2025File:
		return productLines2025, true
	}
	return "", false
}

// Lines2024 returns the Census HTS10 lines of 2024, US imports from Canada
// (all 12,203), in the source's order, as columns. productsgen writes them
// as Go source (lines2024.go) that the linker lays out in the program's
// data, so that a process reads them in place. They are shared: callers
// must not change them.
func Lines2024() Columns2024 {
	return Columns2024{Code: lines2024Code, Value: lines2024Value, Description: lines2024Description,
		Sector: lines2024Sector, H2Share: lines2024H2Share,
		HasH2Share: lines2024HasH2Share, Order: lines2024Order}
}

// Columns2024 are the columns of the HTS10 lines of 2024, line i being the
// i-th of each.
type Columns2024 struct {
	Code        []string  // hs10
	Value       []float64 // con_val_2024, US$
	Description []string  // sdesc
	// Sector is the sector of the line's chapter by SectorMappingFile.
	Sector []string
	// H2Share is the CUSMA claim share of the line's code in the second
	// half of 2025 (ProductLines2025File: usmca_value_h2_2025_usd /
	// value_h2_2025_usd) where HasH2Share: value_h2 is positive (else the
	// code is not a line of 2025, or has no trade in its second half).
	H2Share    []float64
	HasH2Share []bool
	// Order is the line indexes in code order.
	Order []int
}

// Files returns the embedded files: data/*.csv, data/SOURCES.md, products/*,
// library/ (the built-in library pack), library.json, builtin.json and
// sector_labels.csv.
func Files() fs.FS { return files }

// Names of the embedded files.
const (
	TradeFile          = "data/bts_transborder_us_canada_hs2_2023_2025.csv"
	SectorMappingFile  = "data/sector_hs2_mapping.csv"
	SectorBaselineFile = "data/sector_baseline_2024.csv"
	CUSMASectorFile    = "data/derived_usmca_claim_share_canada_by_sector_H2_2025.csv"
	CUSMAMonthlyFile   = "data/derived_usmca_claim_share_canada_monthly_2025_2026.csv"
	MeasuresFile       = "data/tariff_measures_canada_us_2025_2026.csv"
	// LeverageFile: per HS chapter, the US's dependence on Canada and
	// Canada's on the US, 2024.
	LeverageFile = "data/leverage_by_hs2_2024.csv"
	// USImportsWorldFile: US imports from the world and from Canada by HS
	// chapter, 2024 (US Census).
	USImportsWorldFile = "data/us_imports_2024_by_hs2_world_and_canada.csv"
	// CanadaTradeFile: Canada's exports to the world and the US, and imports
	// from the US, by HS chapter, 2019–2024, C$ (ISED Trade Data Online).
	CanadaTradeFile = "data/canada_trade_by_hs2_world_and_us_2019_2024_ised_tdo.csv"
	SourcesFile     = "data/SOURCES.md"
	// LibraryFile is the hand-kept source of the built-in library, from
	// which productsgen writes the pack in LibraryPackDir.
	LibraryFile = "library.json"
	// LibraryPackDir is the built-in library as a library pack (package
	// library): pack.json and measures.csv; its lists are the built-in ones.
	LibraryPackDir   = "library"
	BuiltinFile      = "builtin.json"
	SectorLabelsFile = "sector_labels.csv"
)

// Names of the embedded product-level files (gzip-compressed CSV where the
// name ends in .gz; a line table, package storage/refdata's compact form
// read without parsing text, where it ends in .bin; the lists' codes as
// text read in place).
const (
	// ProductLines2025File: hts10,value_2025_usd,usmca_value_2025_usd,
	// value_h2_2025_usd,usmca_value_h2_2025_usd (USITC DataWeb via the Yale
	// tracker).
	ProductLines2025File = "products/hts10_2025.bin"
	// ProductListsFile: the codes of the built-in product lists, one line
	// per list in ProductListIndexFile's order: its name and its codes,
	// separated by spaces (package storage/refdata's EncodeLists).
	ProductListsFile = "products/lists.txt"
	// ProductListIndexFile: the lists' names, titles, sources and sizes.
	ProductListIndexFile = "products/lists.json"
	// MetalContentFile: hs10,steel_share,aluminum_share,copper_share,
	// metal_share as the source gives them (not clipped).
	MetalContentFile = "products/metal_content.csv.gz"
	// CUSMASectorMonthlyFile: month,sector,total_value,usmca_value,
	// usmca_share, the CUSMA claim share of US imports from Canada by sector
	// and month.
	CUSMASectorMonthlyFile = "products/cusma_sector_monthly.csv"
	// TrackerLicenseFile is the MIT licence of Budget-Lab-Yale/tariff-rate-tracker.
	TrackerLicenseFile = "products/LICENSE-tariff-rate-tracker"
	// TradeWarReduxLicenseFile is the MIT licence of
	// tradewartracker/trade-war-redux-2025.
	TradeWarReduxLicenseFile = "products/LICENSE-trade-war-redux"
)

// Names of the embedded files of the measures since mid-2026
// (data/updates/2026-12).
const (
	// UpdatesMeasuresFile: the measures since mid-2026 (new rows, and
	// corrections of rows of MeasuresFile under the same id), with a status
	// column.
	UpdatesMeasuresFile = "data/updates/2026-12/measures_2026h2.csv"
	// UpdatesSourcesFile says where each file of the folder comes from.
	UpdatesSourcesFile = "data/updates/2026-12/SOURCES.md"
)
