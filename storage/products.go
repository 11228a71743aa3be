package storage

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"sync"

	"parley/assets"
	"parley/scenarios"
)

// productData is the built-in product-level data.
type productData struct {
	lines   map[int][]scenarios.Line      // ca_to_us HTS10 lines by year: 2024 (Census, all 12,203) and 2025 (DataWeb, value_2025_usd > 0)
	h2Share map[string]float64            // HTS10 -> usmca_value_h2_2025_usd / value_h2_2025_usd where value_h2 > 0 (SPEC section 2, preset h2-2025)
	ref     *scenarios.Reference          // Lists (with Title, Source) and Content (raw, unclipped)
	monthly map[string]map[string]float64 // month -> sector -> claim share (cusma_sector_monthly.csv)
}

// loadProductData parses the embedded files; chapter maps HS2 -> sector code.
func loadProductData(chapter map[string]string) (*productData, error) {
	var sectors [100]string // by the two digits of a chapter
	for hs2, s := range chapter {
		if n, err := strconv.Atoi(hs2); err == nil && len(hs2) == 2 && n >= 0 {
			sectors[n] = s
		}
	}
	// The files are independent: decompress and parse them side by side.
	p := &productData{lines: map[int][]scenarios.Line{}}
	var lines2024, lines2025 []scenarios.Line
	var lists scenarios.ProductLists
	errs := make([]error, 4)
	var wg sync.WaitGroup
	wg.Go(func() { lines2024, errs[0] = readLines2024(&sectors) })
	wg.Go(func() { lines2025, p.h2Share, errs[1] = readLines2025(&sectors) })
	wg.Go(func() { lists, errs[2] = loadProductLists() })
	wg.Go(func() { p.monthly, errs[3] = readSectorMonthly() })
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	describe(lines2025, lines2024)
	p.lines[2024], p.lines[2025] = lines2024, lines2025
	p.ref = &scenarios.Reference{Lists: lists, Content: &lazyContent{}}
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

// readLines2024 reads the Census lines of 2024.
func readLines2024(sectors *[100]string) ([]scenarios.Line, error) {
	var lines []scenarios.Line
	err := eachRecord(assets.ProductLines2024File, []string{"hs10", "con_val_2024", "sdesc"}, func(n int) {
		lines = make([]scenarios.Line, 0, n)
	}, func(rec []string) error {
		s, err := sectorOf(sectors, rec[0])
		if err != nil {
			return err
		}
		v, err := strconv.ParseInt(rec[1], 10, 64)
		if err != nil {
			return fmt.Errorf("con_val_2024 of %s: %w", rec[0], err)
		}
		lines = append(lines, scenarios.Line{Direction: scenarios.CAtoUS, Code: rec[0], Sector: s, Value: float64(v), Description: rec[2]})
		return nil
	})
	return lines, err
}

// readLines2025 reads the DataWeb lines of 2025 with their own claim share
// (no description), and the H2 2025 claim share of each HTS10.
func readLines2025(sectors *[100]string) ([]scenarios.Line, map[string]float64, error) {
	var lines []scenarios.Line
	var h2 map[string]float64
	err := eachRecord(assets.ProductLines2025File, []string{"hts10", "value_2025_usd", "usmca_value_2025_usd", "value_h2_2025_usd", "usmca_value_h2_2025_usd"}, func(n int) {
		lines = make([]scenarios.Line, 0, n)
		h2 = make(map[string]float64, n)
	}, func(rec []string) error {
		var v [4]int64
		for i := range v {
			var err error
			if v[i], err = strconv.ParseInt(rec[i+1], 10, 64); err != nil {
				return fmt.Errorf("value of %s: %w", rec[0], err)
			}
		}
		if v[2] > 0 {
			h2[rec[0]] = float64(v[3]) / float64(v[2])
		}
		if v[0] <= 0 {
			return nil
		}
		s, err := sectorOf(sectors, rec[0])
		if err != nil {
			return err
		}
		lines = append(lines, scenarios.Line{Direction: scenarios.CAtoUS, Code: rec[0], Sector: s, Value: float64(v[0]),
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

// loadProductLists reads the built-in product lists: titles and sources
// from lists.json, codes from lists.csv.gz.
func loadProductLists() (scenarios.ProductLists, error) {
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
		if !isCode(rec[1]) {
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

// isCode reports whether s is 2 to 10 digits.
func isCode(s string) bool {
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

// eachRecord reads the embedded CSV file name (gunzipped when it ends in
// .gz), checks its header is columns, calls size with the number of records
// (at most) before the first, then fn with each record. Fields are
// substrings of the file's text; fn must not keep rec itself. It handles
// the CSV that encoding/csv writes (quoted fields, doubled quotes) quickly.
func eachRecord(name string, columns []string, size func(n int), fn func(rec []string) error) error {
	text, err := embeddedText(name)
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	rec := make([]string, 0, len(columns))
	line := 1
	for text != "" {
		var err error
		start := line
		rec, text, line, err = nextRecord(rec[:0], text, line)
		if err != nil {
			return fmt.Errorf("read %s line %d: %w", name, start, err)
		}
		if len(rec) != len(columns) {
			return fmt.Errorf("read %s line %d: %d fields, want %d", name, start, len(rec), len(columns))
		}
		if start == 1 {
			for i, c := range columns {
				if rec[i] != c {
					return fmt.Errorf("read %s: column %d is %q, want %q", name, i+1, rec[i], c)
				}
			}
			if size != nil {
				size(strings.Count(text, "\n"))
			}
			continue
		}
		if err := fn(rec); err != nil {
			return fmt.Errorf("read %s line %d: %w", name, start, err)
		}
	}
	if line == 1 {
		return fmt.Errorf("read %s: empty", name)
	}
	return nil
}

// nextRecord appends the fields of the first record of text to rec and
// returns the rest of text and the line number after the record: quickly
// for a line with no quote, else through splitRecord.
func nextRecord(rec []string, text string, line int) ([]string, string, int, error) {
	row, rest := text, ""
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		row, rest = text[:i], text[i+1:]
	}
	if strings.IndexByte(row, '"') >= 0 {
		return splitRecord(rec, text, line)
	}
	row = strings.TrimSuffix(row, "\r")
	for {
		i := strings.IndexByte(row, ',')
		if i < 0 {
			return append(rec, row), rest, line + 1, nil
		}
		rec = append(rec, row[:i])
		row = row[i+1:]
	}
}

// splitRecord appends the fields of the first record of text to rec and
// returns the rest of text and the line number after the record.
func splitRecord(rec []string, text string, line int) ([]string, string, int, error) {
	for {
		if text != "" && text[0] == '"' {
			// quoted field: up to the quote that is not doubled
			var b strings.Builder
			i, from := 1, 1
			for {
				j := strings.IndexByte(text[i:], '"')
				if j < 0 {
					return rec, "", line, fmt.Errorf("quoted field not closed")
				}
				i += j
				if i+1 < len(text) && text[i+1] == '"' {
					b.WriteString(text[from : i+1])
					i += 2
					from = i
					continue
				}
				break
			}
			field := text[from:i]
			if b.Len() > 0 {
				b.WriteString(field)
				field = b.String()
			}
			line += strings.Count(text[1:i], "\n")
			rec = append(rec, field)
			text = text[i+1:]
			switch {
			case text == "":
				return rec, "", line + 1, nil
			case text[0] == ',':
				text = text[1:]
				continue
			case text[0] == '\n':
				return rec, text[1:], line + 1, nil
			case strings.HasPrefix(text, "\r\n"):
				return rec, text[2:], line + 1, nil
			}
			return rec, "", line, fmt.Errorf("text after a quoted field")
		}
		end := 0
		for end < len(text) && text[end] != ',' && text[end] != '\n' {
			end++
		}
		if end == len(text) {
			return append(rec, strings.TrimSuffix(text, "\r")), "", line + 1, nil
		}
		if text[end] == '\n' {
			return append(rec, strings.TrimSuffix(text[:end], "\r")), text[end+1:], line + 1, nil
		}
		rec = append(rec, text[:end])
		text = text[end+1:]
	}
}

// embeddedText returns an embedded file's text, gunzipped when its name ends
// in .gz.
func embeddedText(name string) (string, error) {
	raw, err := fs.ReadFile(assets.Files(), name)
	if err != nil {
		return "", err
	}
	if !strings.HasSuffix(name, ".gz") {
		return string(raw), nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if len(raw) >= 4 {
		b.Grow(int(binary.LittleEndian.Uint32(raw[len(raw)-4:]))) // ISIZE: the size uncompressed
	}
	if _, err := io.Copy(&b, zr); err != nil {
		return "", err
	}
	if err := zr.Close(); err != nil {
		return "", err
	}
	return b.String(), nil
}
