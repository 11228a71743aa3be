// Package gen derives the files that package assets embeds from the
// project's reference data (../shared/data): byte copies of the chapter-level
// files and SOURCES.md, and compact product-level files (HTS10 trade lines,
// product lists, metal content, CUSMA claim shares by sector and month);
// and the text of the legal texts that package seeds embeds as built-in
// evidence (../shared/evidence).
// The productsgen command runs it; tests run it to check that the embedded
// files are reproducible.
package gen

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"parley/scenarios"
	"parley/storage/refdata"
)

// Copies are the files of data/ copied byte for byte into the assets'
// data/ folder.
var Copies = []string{
	"bts_transborder_us_canada_hs2_2023_2025.csv",
	"derived_usmca_claim_share_canada_by_sector_H2_2025.csv",
	"derived_usmca_claim_share_canada_monthly_2025_2026.csv",
	"sector_baseline_2024.csv",
	"sector_hs2_mapping.csv",
	"tariff_measures_canada_us_2025_2026.csv",
	"leverage_by_hs2_2024.csv",
	"us_imports_2024_by_hs2_world_and_canada.csv",
	"canada_trade_by_hs2_world_and_us_2019_2024_ised_tdo.csv",
	"SOURCES.md",
}

// File is one generated file: its path under the assets folder and its
// bytes (gzip-compressed when the name ends in .gz).
type File struct {
	Name string
	Data []byte
}

// Generate derives every file from the reference data in shared (the folder
// that holds data/) and writes them under out (the assets folder). It
// returns the files it wrote.
func Generate(shared, out string) ([]File, error) {
	files, err := build(shared)
	if err != nil {
		return nil, err
	}
	return files, write(out, files)
}

// build derives every file in memory from the reference data in shared.
func build(shared string) ([]File, error) {
	data := filepath.Join(shared, "data")
	b := &builder{data: data}
	for _, name := range Copies {
		raw, err := b.read(name)
		if err != nil {
			return nil, err
		}
		b.add("data/"+name, raw)
	}
	steps := []func() error{b.projected, b.tables, b.columns2024, b.lists, b.sectorMonthly, b.licences, b.updates, b.libraryPack}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return b.files, nil
}

type builder struct {
	data    string // the reference data folder
	files   []File
	sources [][]string // the cells of each row of SOURCES.md's table
	// listIndex is lists.json by list name, once written.
	listIndex map[string]*listEntry
}

func (b *builder) add(name string, data []byte) { b.files = append(b.files, File{name, data}) }

// addGzip adds name compressed deterministically: no name, zero ModTime,
// best compression.
func (b *builder) addGzip(name string, data []byte) error {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(data); err != nil {
		return fmt.Errorf("compress %s: %w", name, err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("compress %s: %w", name, err)
	}
	b.add(name, buf.Bytes())
	return nil
}

func (b *builder) read(rel string) ([]byte, error) {
	raw, err := os.ReadFile(filepath.Join(b.data, filepath.FromSlash(rel)))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", rel, err)
	}
	return raw, nil
}

// table is a CSV file with a header: its columns and rows.
type table struct {
	name string
	head map[string]int
	rows [][]string
}

func (b *builder) table(rel string) (*table, error) {
	raw, err := b.read(rel)
	if err != nil {
		return nil, err
	}
	recs, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", rel, err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("read %s: empty", rel)
	}
	t := &table{name: rel, head: map[string]int{}, rows: recs[1:]}
	for i, h := range recs[0] {
		t.head[h] = i
	}
	return t, nil
}

// cols returns the positions of the named columns.
func (t *table) cols(names ...string) ([]int, error) {
	ix := make([]int, len(names))
	for i, n := range names {
		j, ok := t.head[n]
		if !ok {
			return nil, fmt.Errorf("%s has no column %q", t.name, n)
		}
		ix[i] = j
	}
	return ix, nil
}

// project writes the named columns of every row as CSV, values as written.
func (t *table) project(names ...string) ([]byte, error) {
	ix, err := t.cols(names...)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(names)
	rec := make([]string, len(ix))
	for _, row := range t.rows {
		for i, j := range ix {
			rec[i] = row[j]
		}
		w.Write(rec)
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// projection copies some columns of a source file into a gzipped embedded
// file, values as written.
type projection struct {
	from, to string
	columns  []string
}

// projections are the embedded files that are column subsets of a source.
var projections = []projection{
	{"products/yale/metal_content_shares_bea_hs10.csv", "products/metal_content.csv.gz",
		[]string{"hs10", "steel_share", "aluminum_share", "copper_share", "metal_share"}},
}

// projected writes every projection.
func (b *builder) projected() error {
	for _, p := range projections {
		t, err := b.table(p.from)
		if err != nil {
			return err
		}
		out, err := t.project(p.columns...)
		if err != nil {
			return err
		}
		if err := b.addGzip(p.to, out); err != nil {
			return err
		}
	}
	return nil
}

// lineTable is a projection of an HTS10 trade file written as a line table
// (refdata.EncodeTable): read at every start without decompressing or
// parsing text.
type lineTable struct {
	projection
	text bool // the last column is text
}

// lineTables are the embedded HTS10 trade lines.
var lineTables = []lineTable{
	{projection{"products/derived_dataweb_us_imports_from_canada_hts10_2025.csv", "products/hts10_2025.bin",
		[]string{"hts10", "value_2025_usd", "usmca_value_2025_usd", "value_h2_2025_usd", "usmca_value_h2_2025_usd"}}, false},
}

// lines2024 is the projection of the Census HTS10 lines of 2024 that
// columns2024 writes as Go source.
var lines2024 = projection{"products/derived_census_us_imports_from_canada_hts10_2024.csv", Lines2024File,
	[]string{"hs10", "con_val_2024", "sdesc"}}

// Lines2024File is the Go source, in package assets, that holds the HTS10
// lines of 2024 as columns.
const Lines2024File = "lines2024.go"

// columns2024 writes the HTS10 lines of 2024, every model's baseline of
// flows into the US, as Go slices the linker lays out in the program's data:
// a process uses them in place, with no memory of its own to fill and no
// row to parse, where a line table would be copied into columns at every
// start.
func (b *builder) columns2024() error {
	t, err := b.table(lines2024.from)
	if err != nil {
		return err
	}
	ix, err := t.cols(lines2024.columns...)
	if err != nil {
		return err
	}
	sectors, err := b.chapterSectors()
	if err != nil {
		return err
	}
	h2, err := b.h2Shares()
	if err != nil {
		return err
	}
	var code, value, desc, sector, share, has bytes.Buffer
	for _, row := range t.rows {
		c, v, d := row[ix[0]], row[ix[1]], row[ix[2]]
		if len(c) != 10 || !refdata.IsCode(c) {
			return fmt.Errorf("%s: %q is not an HTS10 code", lines2024.from, c)
		}
		s := sectors[c[:2]]
		if s == "" {
			return fmt.Errorf("%s: HTS10 %s: chapter %s has no sector", lines2024.from, c, c[:2])
		}
		fmt.Fprintf(&sector, "\t%q,\n", s)
		h, ok := h2[c]
		fmt.Fprintf(&share, "\t%s,\n", strconv.FormatFloat(h, 'g', -1, 64))
		fmt.Fprintf(&has, "\t%t,\n", ok)
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 0 || n > 1<<53 {
			return fmt.Errorf("%s: value of %s: %q is not a whole number of dollars", lines2024.from, c, v)
		}
		fmt.Fprintf(&code, "\t%q,\n", c)
		fmt.Fprintf(&value, "\t%d,\n", n)
		fmt.Fprintf(&desc, "\t%s,\n", strconv.Quote(d))
	}
	order := make([]int, len(t.rows))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return strings.Compare(t.rows[i][ix[0]], t.rows[j][ix[0]]) })
	var sorted bytes.Buffer
	for _, i := range order {
		fmt.Fprintf(&sorted, "\t%d,\n", i)
	}
	out := goSource(path.Base(lines2024.from), []goVar{
		{"// The Census HTS10 lines of 2024 (hs10, con_val_2024, sdesc), in the\n// source's order: see Lines2024.\n", "lines2024Code = []string", &code},
		{"", "lines2024Value = []float64", &value},
		{"", "lines2024Description = []string", &desc},
		{"// The sector of each line by data/sector_hs2_mapping.csv.\n", "lines2024Sector = []string", &sector},
		{"// The H2 2025 CUSMA claim share of each line's code, and whether it has one.\n", "lines2024H2Share = []float64", &share},
		{"", "lines2024HasH2Share = []bool", &has},
		{"// The line indexes in code order.\n", "lines2024Order = []int", &sorted},
	})
	b.add(lines2024.to, out)
	return nil
}

// goVar is a package variable of generated Go source: its comment (whole
// lines), its name and type, and its elements, one a line.
type goVar struct {
	comment, decl string
	elements      *bytes.Buffer
}

// goSource returns the Go source, in package assets, of vars, generated from
// the file from.
func goSource(from string, vars []goVar) []byte {
	var out bytes.Buffer
	fmt.Fprintf(&out, "// Code generated by productsgen from %s; DO NOT EDIT.\n\npackage assets\n", from)
	for _, v := range vars {
		fmt.Fprintf(&out, "\n%svar %s{\n", v.comment, v.decl)
		out.Write(v.elements.Bytes())
		out.WriteString("}\n")
	}
	return out.Bytes()
}

// h2Shares returns, by HTS10 code of the DataWeb lines of 2025,
// usmca_value_h2_2025_usd / value_h2_2025_usd where value_h2 > 0, computed
// as refdata's H2Share computes it.
func (b *builder) h2Shares() (map[string]float64, error) {
	from := lineTables[0].from
	t, err := b.table(from)
	if err != nil {
		return nil, err
	}
	ix, err := t.cols("hts10", "value_h2_2025_usd", "usmca_value_h2_2025_usd")
	if err != nil {
		return nil, err
	}
	out := map[string]float64{}
	for _, row := range t.rows {
		v, err1 := strconv.ParseInt(row[ix[1]], 10, 64)
		u, err2 := strconv.ParseInt(row[ix[2]], 10, 64)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("%s: values of %s: %q, %q", from, row[ix[0]], row[ix[1]], row[ix[2]])
		}
		if v > 0 {
			out[row[ix[0]]] = float64(u) / float64(v)
		}
	}
	return out, nil
}

// chapterSectors returns the sector of each HS chapter by
// sector_hs2_mapping.csv.
func (b *builder) chapterSectors() (map[string]string, error) {
	t, err := b.table("sector_hs2_mapping.csv")
	if err != nil {
		return nil, err
	}
	ix, err := t.cols("hs2", "sector_code")
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, row := range t.rows {
		out[row[ix[0]]] = row[ix[1]]
	}
	return out, nil
}

// tables writes every line table, rows in the source's order.
func (b *builder) tables() error {
	for _, lt := range lineTables {
		t, err := b.table(lt.from)
		if err != nil {
			return err
		}
		ix, err := t.cols(lt.columns...)
		if err != nil {
			return err
		}
		rows := make([][]string, len(t.rows))
		for r, row := range t.rows {
			rows[r] = make([]string, len(ix))
			for i, j := range ix {
				rows[r][i] = row[j]
			}
		}
		out, err := refdata.EncodeTable(lt.columns, lt.text, rows)
		if err != nil {
			return fmt.Errorf("%s: %w", lt.from, err)
		}
		b.add(lt.to, out)
	}
	return nil
}

func (b *builder) licences() error {
	for _, l := range []struct{ from, to string }{
		{"products/yale/LICENSE", "products/LICENSE-tariff-rate-tracker"},
		{"products/twt/LICENSE", "products/LICENSE-trade-war-redux"},
	} {
		raw, err := b.read(l.from)
		if err != nil {
			return err
		}
		b.add(l.to, raw)
	}
	return nil
}

// sectorMonthly writes, per month and sector, the value-weighted CUSMA claim
// share of US imports from Canada (cty_code 1220) of the tracker's monthly
// product files.
func (b *builder) sectorMonthly() error {
	chapter, sectors, err := b.sectorChapters()
	if err != nil {
		return err
	}
	months, err := filepath.Glob(filepath.Join(b.data, "products", "yale", "usmca_product_shares_*.csv"))
	if err != nil {
		return err
	}
	if len(months) == 0 {
		return fmt.Errorf("no products/yale/usmca_product_shares_*.csv in %s", b.data)
	}
	slices.Sort(months)
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write([]string{"month", "sector", "total_value", "usmca_value", "usmca_share"})
	for _, p := range months {
		base := filepath.Base(p)
		ym := strings.TrimSuffix(strings.TrimPrefix(base, "usmca_product_shares_"), ".csv")
		month := strings.Replace(ym, "_", "-", 1)
		total, claimed, err := b.monthSums(base, chapter)
		if err != nil {
			return err
		}
		for _, s := range sectors {
			if total[s] <= 0 {
				continue
			}
			share := float64(claimed[s]) / float64(total[s])
			w.Write([]string{month, s, strconv.FormatInt(total[s], 10), strconv.FormatInt(claimed[s], 10),
				strconv.FormatFloat(share, 'f', 6, 64)})
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	b.add("products/cusma_sector_monthly.csv", buf.Bytes())
	return nil
}

// sectorChapters returns the sector of each HS chapter and the sectors in
// the order of sector_hs2_mapping.csv.
func (b *builder) sectorChapters() (map[string]string, []string, error) {
	mapping, err := b.table("sector_hs2_mapping.csv")
	if err != nil {
		return nil, nil, err
	}
	mix, err := mapping.cols("sector_code", "hs2")
	if err != nil {
		return nil, nil, err
	}
	chapter := map[string]string{}
	var sectors []string
	for _, r := range mapping.rows {
		code, hs2 := r[mix[0]], r[mix[1]]
		if !slices.Contains(sectors, code) {
			sectors = append(sectors, code)
		}
		chapter[hs2] = code
	}
	return chapter, sectors, nil
}

// monthSums returns by sector the total and the CUSMA-claimed value of
// imports from Canada (country 1220) in one month's file of product shares.
func (b *builder) monthSums(base string, chapter map[string]string) (total, claimed map[string]int64, err error) {
	t, err := b.table("products/yale/" + base)
	if err != nil {
		return nil, nil, err
	}
	ix, err := t.cols("hts10", "cty_code", "total_value", "usmca_value")
	if err != nil {
		return nil, nil, err
	}
	total, claimed = map[string]int64{}, map[string]int64{}
	for n, r := range t.rows {
		if r[ix[1]] != "1220" {
			continue
		}
		code := r[ix[0]]
		s, ok := chapter[code[:min(2, len(code))]]
		if !ok {
			return nil, nil, fmt.Errorf("%s row %d: HTS10 %q has no sector", base, n+2, code)
		}
		v, err := strconv.ParseInt(r[ix[2]], 10, 64)
		if err != nil {
			return nil, nil, fmt.Errorf("%s row %d: total_value: %w", base, n+2, err)
		}
		u, err := strconv.ParseInt(r[ix[3]], 10, 64)
		if err != nil {
			return nil, nil, fmt.Errorf("%s row %d: usmca_value: %w", base, n+2, err)
		}
		total[s] += v
		claimed[s] += u
	}
	return total, claimed, nil
}

// listEntry is one built-in product list as lists.json describes it.
type listEntry struct {
	Name          string `json:"name"`
	Title         string `json:"title"`
	Source        string `json:"source"`
	File          string `json:"file"`
	Codes         int    `json:"codes"`
	EffectiveDate string `json:"effective_date,omitempty"`
	Dated         *dated `json:"dated,omitempty"`
}

// dated says how many codes of a list carry an effective date, and which,
// when only some of them do.
type dated struct {
	Codes int    `json:"codes"`
	Date  string `json:"date"`
}

// Repositories the lists come from, as SOURCES.md cites them.
const (
	tracker = "Budget-Lab-Yale/tariff-rate-tracker"
	redux   = "tradewartracker/trade-war-redux-2025"
)

// listSpec says where a built-in list comes from (docs/SPEC.md section 1).
type listSpec struct {
	name, title string
	file        string // under data/products/
	repo        string // where the file comes from
	repoPath    string // its path there
	commit      string
	column      string // the column of codes ("" = first column, no header; "yaml" = policy_params)
	filter      string // column that selects the rows
	values      []string
	dateColumn  string
}

var listSpecs = []listSpec{
	{name: "us-ieepa-energy-ca", title: "IEEPA carve-out: energy and critical minerals from Canada (9903.01.13)",
		file: "yale/fentanyl_carveout_products.csv", repo: tracker, repoPath: "resources/fentanyl_carveout_products.csv", commit: "8315fff",
		column: "hts8", filter: "category", values: []string{"energy_ca"}},
	{name: "us-ieepa-potash-ca", title: "IEEPA carve-out: potash from Canada (9903.01.15)",
		file: "yale/fentanyl_carveout_products.csv", repo: tracker, repoPath: "resources/fentanyl_carveout_products.csv", commit: "8315fff",
		column: "hts8", filter: "category", values: []string{"potash_ca"}},
	{name: "us-s232-copper", title: "Section 232 copper (9903.78.01, HTS8)",
		file: "yale/s232_copper_products.csv", repo: tracker, repoPath: "resources/s232_copper_products.csv", commit: "8315fff",
		column: "hts10"},
	{name: "us-s232-mhd-parts", title: "Section 232 medium and heavy-duty vehicle parts",
		file: "yale/s232_mhd_parts.txt", repo: tracker, repoPath: "resources/s232_mhd_parts.txt", commit: "8315fff"},
	{name: "us-s232-autos", title: "Section 232 passenger vehicles and light trucks",
		file: "yale/policy_params.yaml", repo: tracker, repoPath: "config/policy_params.yaml", commit: "8315fff",
		column: "yaml", values: []string{"autos_passenger", "autos_light_trucks"}},
	{name: "us-s232-mhd-vehicles", title: "Section 232 medium and heavy-duty vehicles",
		file: "yale/policy_params.yaml", repo: tracker, repoPath: "config/policy_params.yaml", commit: "8315fff",
		column: "yaml", values: []string{"mhd_vehicles"}},
	{name: "us-s232-softwood", title: "Section 232 softwood timber and lumber",
		file: "yale/policy_params.yaml", repo: tracker, repoPath: "config/policy_params.yaml", commit: "8315fff",
		column: "yaml", values: []string{"softwood"}},
	{name: "us-s232-wood-furniture", title: "Section 232 wood furniture",
		file: "yale/policy_params.yaml", repo: tracker, repoPath: "config/policy_params.yaml", commit: "8315fff",
		column: "yaml", values: []string{"wood_furniture"}},
	{name: "us-s232-kitchen-cabinets", title: "Section 232 kitchen cabinets",
		file: "yale/policy_params.yaml", repo: tracker, repoPath: "config/policy_params.yaml", commit: "8315fff",
		column: "yaml", values: []string{"kitchen_cabinets"}},
	{name: "us-s232-buses", title: "Section 232 buses",
		file: "yale/policy_params.yaml", repo: tracker, repoPath: "config/policy_params.yaml", commit: "8315fff",
		column: "yaml", values: []string{"buses"}},
	{name: "us-s122-exempt", title: "Section 122 surcharge: exempt products",
		file: "yale/s122_exempt_products.csv", repo: tracker, repoPath: "resources/s122_exempt_products.csv", commit: "8315fff",
		column: "hts8"},
	{name: "us-s338-alcohol", title: "Section 338 list: alcohol (9903.03.12)",
		file: "twt/canada-338-alcohol.csv", repo: redux, repoPath: "tariff-lists/canada-338-alcohol.csv", commit: "726c595",
		column: "HTSUS"},
	{name: "us-s338-dairy", title: "Section 338 list: dairy (9903.03.13)",
		file: "twt/canada-338-dairy.csv", repo: redux, repoPath: "tariff-lists/canada-338-dairy.csv", commit: "726c595",
		column: "HTSUS"},
	{name: "us-s338-list-3", title: "Section 338 list 3 (9903.03.14): titled motor vehicles, mostly consumer goods",
		file: "twt/canada-338-autos.csv", repo: redux, repoPath: "tariff-lists/canada-338-autos.csv", commit: "726c595",
		column: "HTSUS"},
	{name: "us-s338-aircraft-exempt", title: "Section 338: civil aircraft carve-out",
		file: "twt/canada-338-aircraft-exempt.csv", repo: redux, repoPath: "tariff-lists/canada-338-aircraft-exempt.csv", commit: "726c595",
		column: "HTSUS"},
	{name: "ca-surtax-list-1", title: "Canada's surtax list of 2025-03-04 (tariff items)",
		file: "twt/canada-march-list.csv", repo: redux, repoPath: "tariff-lists/canada-march-list.csv", commit: "726c595"},
	{name: "ca-surtax-list-2", title: "Canada's surtax list of 2025-03-13: steel, aluminum and other goods (tariff items)",
		file: "twt/canada-steel-list.csv", repo: redux, repoPath: "tariff-lists/canada-steel-list.csv", commit: "726c595"},
	{name: "ca-proposed-list-125b", title: "Canada's proposed C$125 bn list (never applied; tariff items)",
		file: "twt/canada-125b-list.csv", repo: redux, repoPath: "tariff-lists/canada-125b-list.csv", commit: "726c595"},
}

// lists writes lists.txt (the codes, refdata.EncodeLists) and lists.json
// (the index).
func (b *builder) lists() error {
	raw, err := b.read("SOURCES.md")
	if err != nil {
		return err
	}
	b.sources = sourceRows(string(raw))
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write([]string{"list", "code"})
	var index []listEntry
	for _, s := range slices.Concat(listSpecs, updateListSpecs) {
		l, err := b.builtinList(w, s)
		if err != nil {
			return fmt.Errorf("list %s: %w", s.name, err)
		}
		index = append(index, l)
	}
	if err := b.addMetalsLists(w, &index); err != nil {
		return err
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		return err
	}
	codes, err := refdata.EncodeLists(rows[1:])
	if err != nil {
		return err
	}
	b.add("products/lists.txt", codes)
	b.add(ListsFile, listsSource(index, rows[1:]))
	js, err := json.MarshalIndent(index, "", "  ")
	if err != nil {
		return err
	}
	b.add("products/lists.json", append(js, '\n'))
	b.listIndex = map[string]*listEntry{}
	for i := range index {
		b.listIndex[index[i].Name] = &index[i]
	}
	return nil
}

// ListsFile is the Go source, in package assets, that holds the built-in
// product lists (lists.json's names, titles and sources, lists.txt's
// codes): a process then reads them without parsing either.
const ListsFile = "lists.go"

// listsSource returns the Go source of the lists of index with their codes
// from rows of (list, code), each list's rows one after the other.
func listsSource(index []listEntry, rows [][]string) []byte {
	codes := map[string][]string{}
	for _, row := range rows {
		codes[row[0]] = append(codes[row[0]], row[1])
	}
	var elems bytes.Buffer
	for _, l := range index {
		fmt.Fprintf(&elems, "\t{%q, %q, %q, []string{", l.Name, l.Title, l.Source)
		for i, c := range codes[l.Name] {
			if i > 0 {
				elems.WriteString(", ")
			}
			fmt.Fprintf(&elems, "%q", c)
		}
		elems.WriteString("}},\n")
	}
	return goSource("products/lists.json and products/lists.txt", []goVar{
		{"// The built-in product lists, in lists.json's order: see ProductLists.\n", "productLists = []ProductList", &elems},
	})
}

// builtinList writes the codes of the built-in list s to w, one row each,
// and returns its entry of lists.json.
func (b *builder) builtinList(w *csv.Writer, s listSpec) (listEntry, error) {
	codes, dates, err := b.listCodes(s)
	if err != nil {
		return listEntry{}, err
	}
	slices.Sort(codes)
	codes = slices.Compact(codes)
	if len(codes) == 0 {
		return listEntry{}, fmt.Errorf("no codes in %s", s.file)
	}
	for _, c := range codes {
		w.Write([]string{s.name, c})
	}
	cite, err := b.citation(s)
	if err != nil {
		return listEntry{}, err
	}
	cite += scopeNotes[s.name]
	l := listEntry{
		Name:   s.name,
		Title:  s.title,
		Source: cite,
		File:   path.Join("products", s.file),
		Codes:  len(codes),
	}
	if s.dateColumn != "" {
		if err := dateFields(&l, codes, dates); err != nil {
			return listEntry{}, err
		}
	}
	return l, nil
}

// sourceRows returns the cells of each row of the table of SOURCES.md.
func sourceRows(md string) [][]string {
	var rows [][]string
	for _, line := range strings.Split(md, "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "| ") || strings.HasPrefix(line, "| file ") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), " | ")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		if len(cells) == 4 {
			rows = append(rows, cells)
		}
	}
	return rows
}

// citation is the one-line source of a list: the file, where it comes from
// and its licence, checked against the row of SOURCES.md that names the file.
func (b *builder) citation(s listSpec) (string, error) {
	if isUpdate(s) {
		return b.updateCitation(s)
	}
	base := path.Base(s.file)
	for _, row := range b.sources {
		named := false
		for _, n := range strings.Split(row[0], ", ") {
			n = path.Base(n)
			named = named || n == base || strings.HasPrefix(n, "-") && strings.HasSuffix(base, n)
		}
		if !named {
			continue
		}
		if !strings.Contains(row[1], path.Dir(s.repoPath)+"/") {
			return "", fmt.Errorf("SOURCES.md row of %s does not name %s", base, path.Dir(s.repoPath))
		}
		if i := strings.Index(row[1], "commit "); i >= 0 && !strings.HasPrefix(row[1][i+len("commit "):], s.commit) {
			return "", fmt.Errorf("SOURCES.md row of %s names another commit than %s", base, s.commit)
		}
		return fmt.Sprintf("products/%s%s: %s, %s at commit %s (%s); SOURCES.md row of %s",
			s.file, selection(s), s.repo, s.repoPath, s.commit, licence(row[2]), base), nil
	}
	return "", fmt.Errorf("%s has no row in SOURCES.md", s.file)
}

// licence returns the licence cell of a SOURCES.md row without its notes.
func licence(cell string) string {
	l, _, _ := strings.Cut(cell, " (")
	l, _, _ = strings.Cut(l, ";")
	return l
}

// selection says which rows of the source file a list takes.
func selection(s listSpec) string {
	switch {
	case s.column == "yaml":
		return ", section_232_headings: " + strings.Join(s.values, " + ")
	case s.filter != "":
		return ", " + s.filter + " " + strings.Join(s.values, ", ")
	}
	return ""
}

// dateFields sets a list's effective_date when all its codes share one date,
// else its dated count and a note in its title.
func dateFields(l *listEntry, codes []string, dates map[string]string) error {
	var n int
	var date string
	for _, c := range codes {
		d := dates[c]
		if d == "" {
			continue
		}
		if date != "" && d != date {
			return fmt.Errorf("code %s dated %s, others %s", c, d, date)
		}
		date = d
		n++
	}
	switch {
	case n == len(codes):
		l.EffectiveDate = date
		l.Title += " (from " + date + ")"
	case n > 0:
		l.Dated = &dated{Codes: n, Date: date}
		l.Title += fmt.Sprintf(" (%d of %d codes dated %s, the others undated in the source)", n, len(codes), date)
	}
	return nil
}

// listCodes reads the codes of a list (digits only) and, with a date
// column, the date of each code (a code listed both undated and dated takes
// the date).
func (b *builder) listCodes(s listSpec) ([]string, map[string]string, error) {
	rel := "products/" + s.file
	var raw []string
	var err error
	dates := map[string]string{}
	switch s.column {
	case "yaml":
		raw, err = b.yamlCodes(rel, s.values)
	case "":
		raw, err = b.firstColumnCodes(rel)
	default:
		raw, err = b.columnCodes(rel, s, dates)
	}
	if err != nil {
		return nil, nil, err
	}
	codes := make([]string, 0, len(raw))
	for _, r := range raw {
		c, ok := scenarios.NormalizeCode(r)
		if !ok {
			return nil, nil, fmt.Errorf("%s: %q is not an HS code of 2 to 10 digits", rel, r)
		}
		codes = append(codes, c)
	}
	return codes, dates, nil
}

// yamlCodes reads the prefixes of the section_232_headings named values
// in the policy parameters file rel.
func (b *builder) yamlCodes(rel string, values []string) ([]string, error) {
	src, err := b.read(rel)
	if err != nil {
		return nil, err
	}
	var params struct {
		Headings map[string]struct {
			Prefixes []string `yaml:"prefixes"`
		} `yaml:"section_232_headings"`
	}
	if err := yaml.Unmarshal(src, &params); err != nil {
		return nil, fmt.Errorf("read %s: %w", rel, err)
	}
	var raw []string
	for _, v := range values {
		h, ok := params.Headings[v]
		if !ok || len(h.Prefixes) == 0 {
			return nil, fmt.Errorf("%s: section_232_headings.%s has no prefixes", rel, v)
		}
		raw = append(raw, h.Prefixes...)
	}
	return raw, nil
}

// firstColumnCodes reads the codes of a list without a header: the
// non-empty lines of a .txt file, or the first column of a CSV file.
func (b *builder) firstColumnCodes(rel string) ([]string, error) {
	src, err := b.read(rel)
	if err != nil {
		return nil, err
	}
	var raw []string
	if strings.HasSuffix(rel, ".txt") {
		for _, line := range strings.Split(string(src), "\n") {
			if line = strings.TrimSpace(line); line != "" {
				raw = append(raw, line)
			}
		}
		return raw, nil
	}
	r := csv.NewReader(bytes.NewReader(src))
	r.FieldsPerRecord = -1
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", rel, err)
		}
		if len(rec) > 0 && strings.TrimSpace(rec[0]) != "" {
			raw = append(raw, rec[0])
		}
	}
	return raw, nil
}

// columnCodes reads the codes of column s.column of table rel, of the rows
// whose s.filter is one of s.values (all rows without a filter), and with a
// date column records each code's date in dates.
func (b *builder) columnCodes(rel string, s listSpec, dates map[string]string) ([]string, error) {
	t, err := b.table(rel)
	if err != nil {
		return nil, err
	}
	cx, err := t.col(s.column)
	if err != nil {
		return nil, err
	}
	fx, dx := -1, -1
	if s.filter != "" {
		if fx, err = t.col(s.filter); err != nil {
			return nil, err
		}
	}
	if s.dateColumn != "" {
		if dx, err = t.col(s.dateColumn); err != nil {
			return nil, err
		}
	}
	var raw []string
	for _, row := range t.rows {
		if fx >= 0 && !slices.Contains(s.values, row[fx]) {
			continue
		}
		raw = append(raw, row[cx])
		if dx >= 0 && row[dx] != "" {
			c, _ := scenarios.NormalizeCode(row[cx])
			if d, ok := dates[c]; ok && d != row[dx] {
				return nil, fmt.Errorf("%s: code %s dated both %s and %s", rel, c, d, row[dx])
			}
			dates[c] = row[dx]
		}
	}
	return raw, nil
}

func (t *table) col(name string) (int, error) {
	ix, err := t.cols(name)
	if err != nil {
		return -1, err
	}
	return ix[0], nil
}
