// Package refdata reads the reference data Parley embeds (package assets):
// the built-in product-level data (HTS10 trade lines, product lists, metal
// content and CUSMA claim shares by sector and month), the tables of
// data/ and the rows of SOURCES.md. It holds no SQL: package storage writes
// what it reads into the workspace.
package refdata

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"sync"

	"parley/assets"
	"parley/scenarios"
)

// Products is the built-in product-level data.
type Products struct {
	// Lines are the ca_to_us HTS10 lines by year: 2024 (Census, all
	// 12,203) and 2025 (DataWeb, value_2025_usd > 0).
	Lines map[int][]scenarios.Line
	// H2Share is HTS10 -> usmca_value_h2_2025_usd / value_h2_2025_usd where
	// value_h2 > 0 (docs/SPEC.md section 2, preset h2-2025).
	H2Share map[string]float64
	// Ref holds the Lists (with Title, Source) and the metal Content (raw,
	// unclipped, read on the first question).
	Ref *scenarios.Reference
	// Monthly is month -> sector -> claim share (cusma_sector_monthly.csv).
	Monthly map[string]map[string]float64
}

// LoadProducts parses the embedded product files; chapter maps HS2 ->
// sector code.
func LoadProducts(chapter map[string]string) (*Products, error) {
	var sectors [100]string // by the two digits of a chapter
	for hs2, s := range chapter {
		if n, err := strconv.Atoi(hs2); err == nil && len(hs2) == 2 && n >= 0 {
			sectors[n] = s
		}
	}
	// The files are independent: decompress and parse them side by side.
	p := &Products{Lines: map[int][]scenarios.Line{}}
	var lines2024, lines2025 []scenarios.Line
	var lists scenarios.ProductLists
	errs := make([]error, 4)
	var wg sync.WaitGroup
	wg.Go(func() { lines2024, errs[0] = readLines2024(&sectors) })
	wg.Go(func() { lines2025, p.H2Share, errs[1] = readLines2025(&sectors) })
	wg.Go(func() { lists, errs[2] = LoadLists() })
	wg.Go(func() { p.Monthly, errs[3] = readSectorMonthly() })
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	describe(lines2025, lines2024)
	p.Lines[2024], p.Lines[2025] = lines2024, lines2025
	p.Ref = &scenarios.Reference{Lists: lists, Content: &lazyContent{}}
	return p, nil
}

// lazyContent reads the metal content shares on the first question: only
// a measure with a content kind in force asks (a tenth of a compute's start).
type lazyContent struct {
	once   sync.Once
	shares scenarios.ContentShares
	err    error
}

// load reads the shares once.
func (c *lazyContent) load() (scenarios.ContentShares, error) {
	c.once.Do(func() { c.shares, c.err = readContentShares() })
	return c.shares, c.err
}

// Share returns the shares of code. The embedded file is checked by the
// tests; should it fail to read, no line has a share (each is then an upper
// bound at full value).
func (c *lazyContent) Share(code string) (scenarios.ContentShare, bool) {
	shares, err := c.load()
	if err != nil {
		return scenarios.ContentShare{}, false
	}
	v, ok := shares[code]
	return v, ok
}

// describe gives each line the description of the line of the same code in
// from, if any (both sorted by code, as the generated files are; else
// through a map).
func describe(lines, from []scenarios.Line) {
	byCode := func(a, b scenarios.Line) int { return strings.Compare(a.Code, b.Code) }
	if !slices.IsSortedFunc(lines, byCode) || !slices.IsSortedFunc(from, byCode) {
		desc := make(map[string]string, len(from))
		for _, l := range from {
			desc[l.Code] = l.Description
		}
		for i := range lines {
			lines[i].Description = desc[lines[i].Code]
		}
		return
	}
	j := 0
	for i := range lines {
		for j < len(from) && from[j].Code < lines[i].Code {
			j++
		}
		if j < len(from) && from[j].Code == lines[i].Code {
			lines[i].Description = from[j].Description
		}
	}
}

// sectorOf returns the sector of an HTS10 code's chapter.
func sectorOf(sectors *[100]string, code string) (string, error) {
	if len(code) != 10 {
		return "", fmt.Errorf("%q is not an HTS10 code", code)
	}
	n := int(code[0]-'0')*10 + int(code[1]-'0')
	if code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9' || sectors[n] == "" {
		return "", fmt.Errorf("HTS10 %s: chapter %s has no sector", code, code[:2])
	}
	return sectors[n], nil
}

// Columns of the line tables of the built-in HTS10 lines.
var (
	lines2024Columns = []string{"hs10", "con_val_2024", "sdesc"}
	lines2025Columns = []string{"hts10", "value_2025_usd", "usmca_value_2025_usd", "value_h2_2025_usd", "usmca_value_h2_2025_usd"}
)

// readLines2024 reads the Census lines of 2024.
func readLines2024(sectors *[100]string) ([]scenarios.Line, error) {
	var lines []scenarios.Line
	err := eachRow(assets.ProductLines2024File, lines2024Columns, true, func(n int) {
		lines = make([]scenarios.Line, 0, n)
	}, func(code string, v []int64, desc string) error {
		s, err := sectorOf(sectors, code)
		if err != nil {
			return err
		}
		lines = append(lines, scenarios.Line{Direction: scenarios.CAtoUS, Code: code, Sector: s, Value: float64(v[0]), Description: desc})
		return nil
	})
	return lines, err
}

// readLines2025 reads the DataWeb lines of 2025 with their own claim share
// (no description), and the H2 2025 claim share of each HTS10.
func readLines2025(sectors *[100]string) ([]scenarios.Line, map[string]float64, error) {
	var lines []scenarios.Line
	var h2 map[string]float64
	err := eachRow(assets.ProductLines2025File, lines2025Columns, false, func(n int) {
		lines = make([]scenarios.Line, 0, n)
		h2 = make(map[string]float64, n)
	}, func(code string, v []int64, _ string) error {
		if v[2] > 0 {
			h2[code] = float64(v[3]) / float64(v[2])
		}
		if v[0] <= 0 {
			return nil
		}
		s, err := sectorOf(sectors, code)
		if err != nil {
			return err
		}
		lines = append(lines, scenarios.Line{Direction: scenarios.CAtoUS, Code: code, Sector: s, Value: float64(v[0]),
			Claim: float64(v[1]) / float64(v[0]), HasClaim: true})
		return nil
	})
	return lines, h2, err
}

// listIndex is one entry of products/lists.json.
type listIndex struct {
	Name          string `json:"name"`
	Title         string `json:"title"`
	Source        string `json:"source"`
	File          string `json:"file"`
	Codes         int    `json:"codes"`
	EffectiveDate string `json:"effective_date"`
	Dated         *struct {
		Codes int    `json:"codes"`
		Date  string `json:"date"`
	} `json:"dated"`
}

// LoadLists reads the built-in product lists: titles and sources from
// lists.json, codes from lists.csv.gz.
func LoadLists() (scenarios.ProductLists, error) {
	raw, err := fs.ReadFile(assets.Files(), assets.ProductListIndexFile)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", assets.ProductListIndexFile, err)
	}
	var index []listIndex
	if err := json.Unmarshal(raw, &index); err != nil {
		return nil, fmt.Errorf("read %s: %w", assets.ProductListIndexFile, err)
	}
	lists := make(scenarios.ProductLists, len(index))
	for _, l := range index {
		if _, dup := lists[l.Name]; dup || l.Name == "" {
			return nil, fmt.Errorf("read %s: list %q named twice or empty", assets.ProductListIndexFile, l.Name)
		}
		lists[l.Name] = &scenarios.ProductList{Name: l.Name, Title: l.Title, Source: l.Source, Codes: make([]string, 0, l.Codes)}
	}
	var last *scenarios.ProductList
	err = eachRecord(assets.ProductListsFile, []string{"list", "code"}, nil, func(rec []string) error {
		if last == nil || last.Name != rec[0] {
			if last = lists[rec[0]]; last == nil {
				return fmt.Errorf("list %q is not in %s", rec[0], assets.ProductListIndexFile)
			}
		}
		if !IsCode(rec[1]) {
			return fmt.Errorf("list %s: %q is not a code of 2 to 10 digits", rec[0], rec[1])
		}
		if n := len(last.Codes); n > 0 && last.Codes[n-1] >= rec[1] {
			return fmt.Errorf("list %s: codes not sorted or repeated at %s", rec[0], rec[1])
		}
		last.Codes = append(last.Codes, rec[1])
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, l := range index {
		if got := len(lists[l.Name].Codes); got != l.Codes {
			return nil, fmt.Errorf("list %s: %d codes in %s, %d in %s", l.Name, got, assets.ProductListsFile, l.Codes, assets.ProductListIndexFile)
		}
	}
	return lists, nil
}

// IsCode reports whether s is 2 to 10 digits.
func IsCode(s string) bool {
	if len(s) < 2 || len(s) > 10 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// readContentShares reads the metal content shares as the source gives them.
func readContentShares() (scenarios.ContentShares, error) {
	var shares scenarios.ContentShares
	var last scenarios.ContentShare
	var prev [4]string
	err := eachRecord(assets.MetalContentFile, []string{"hs10", "steel_share", "aluminum_share", "copper_share", "metal_share"}, func(n int) {
		shares = make(scenarios.ContentShares, n)
	}, func(rec []string) error {
		// Lines of one BEA industry share their values, and most follow one
		// another: parse a row's values only when they differ from the last.
		if [4]string(rec[1:]) != prev {
			for i := range last {
				v, err := strconv.ParseFloat(rec[i+1], 64)
				if err != nil {
					return fmt.Errorf("content share of %s: %w", rec[0], err)
				}
				last[i] = v
			}
			prev = [4]string(rec[1:])
		}
		shares[rec[0]] = last
		return nil
	})
	return shares, err
}

// readSectorMonthly reads the CUSMA claim share by month and sector.
func readSectorMonthly() (map[string]map[string]float64, error) {
	out := map[string]map[string]float64{}
	err := eachRecord(assets.CUSMASectorMonthlyFile, []string{"month", "sector", "total_value", "usmca_value", "usmca_share"}, nil, func(rec []string) error {
		v, err := strconv.ParseFloat(rec[4], 64)
		if err != nil || v < 0 || v > 1 {
			return fmt.Errorf("usmca_share of %s %s: %q is not a share", rec[0], rec[1], rec[4])
		}
		m := out[rec[0]]
		if m == nil {
			m = map[string]float64{}
			out[rec[0]] = m
		}
		m[rec[1]] = v
		return nil
	})
	return out, err
}
