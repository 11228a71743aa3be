package library

import (
	"encoding/csv"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"parley/scenarios"
)

// Columns are the columns of measures.csv in the order Write gives them.
// id, label, imposer, rate (or kind ban), source (or quotes) are required in
// every row; the header may hold the columns in any order and leave out
// the optional ones.
//
//	id                 unique id of the measure
//	label              what it is
//	imposer            US or CA
//	program            legal programme (IEEPA, S232, ...)
//	kind               duty (empty) or ban
//	status             in_force (empty), announced, threatened, struck_down, expired
//	struck_down_from   with status struck_down: the first day it no longer applies
//	rate               additional ad valorem rate: 0.25 or 25%
//	cusma_exempt       yes or no
//	cusma_exempt_share part of a claimed good's value that is exempt, 0 to 1
//	content            steel, aluminum, copper or metal (rate on that content)
//	sectors            coverage by sector: "*=1;SPECIAL=0" (empty: every sector)
//	include            codes and lists covered: "list:a; 7206; 7210.49"
//	                   (empty: every product; "(none)": nothing)
//	exclude            codes and lists left out, as include
//	yields_to          programmes that take precedence: "S232; S232-AUTOS"
//	effective_from     first day (YYYY-MM-DD)
//	effective_to       last day (YYYY-MM-DD; empty: open)
//	upper_bound        sectors where coverage is an upper bound: "AUTOS; *"
//	note               modelling note
//	source             citations, one per line
//	url                the address of each citation, line by line
//	quotes             quotes of evidence documents, one per line: "DOC-ID: text"
//	remark             why the measure is not part of the regime in force
//	row, legal_basis, scope_text, rate_text, dates_text, cusma_text,
//	table_source, confidence
//	                   the row of the reference measures table the measure
//	                   comes from and its texts as the source states them
var Columns = []string{"id", "label", "imposer", "program", "kind", "status", "struck_down_from", "rate",
	"cusma_exempt", "cusma_exempt_share", "content", "sectors", "include", "exclude", "yields_to",
	"effective_from", "effective_to", "upper_bound", "note", "source", "url", "quotes", "remark",
	"row", "legal_basis", "scope_text", "rate_text", "dates_text", "cusma_text", "table_source", "confidence"}

var requiredColumns = []string{"id", "label", "imposer", "rate", "source"}

// noneEntry is the include cell of a scope that covers nothing.
const noneEntry = "(none)"

// record returns the cells of m in the order of Columns.
func record(m *Measure) []string {
	cell := map[string]string{
		"id": m.ID, "label": m.Label, "imposer": m.Imposer, "program": m.Program, "kind": m.Kind,
		"status": m.Status, "struck_down_from": m.StruckDownFrom.String(),
		"rate":         strconv.FormatFloat(m.Rate, 'f', -1, 64),
		"cusma_exempt": yesNo(m.CUSMAExempt), "content": m.Content, "sectors": sectorsCell(m.Sectors),
		"yields_to": strings.Join(m.YieldsTo, "; "), "effective_from": m.From.String(), "effective_to": m.To.String(),
		"upper_bound": strings.Join(m.UpperBound, "; "), "note": m.Note, "remark": m.Remark, "row": m.Row,
		"legal_basis": m.LegalBasis, "scope_text": m.Scope, "rate_text": m.RateText, "dates_text": m.DatesText,
		"cusma_text": m.CUSMAText, "table_source": m.TableSource, "confidence": m.Confidence,
	}
	if m.CUSMAExemptShare != nil {
		cell["cusma_exempt_share"] = strconv.FormatFloat(*m.CUSMAExemptShare, 'f', -1, 64)
	}
	if m.Products != nil {
		switch {
		case m.Products.Include == nil:
		case len(m.Products.Include) == 0:
			cell["include"] = noneEntry
		default:
			cell["include"] = strings.Join(m.Products.Include, "; ")
		}
		cell["exclude"] = strings.Join(m.Products.Exclude, "; ")
	}
	var sources, urls, quotes []string
	for _, ev := range m.Evidence {
		if ev.IsQuote() {
			quotes = append(quotes, ev.Document+": "+ev.Quote)
			continue
		}
		sources = append(sources, ev.Citation)
		urls = append(urls, ev.URL)
	}
	cell["source"] = strings.Join(sources, "\n")
	cell["url"] = strings.TrimRight(strings.Join(urls, "\n"), "\n")
	cell["quotes"] = strings.Join(quotes, "\n")
	out := make([]string, len(Columns))
	for i, c := range Columns {
		out[i] = cell[c]
	}
	return out
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// sectorsCell writes sectors as "*=1;SPECIAL=0": the wildcard first, then
// the codes in order.
func sectorsCell(s map[string]float64) string {
	if s == nil {
		return ""
	}
	keys := slices.Sorted(maps.Keys(s))
	slices.SortStableFunc(keys, func(a, b string) int {
		switch {
		case a == scenarios.Wildcard && b != scenarios.Wildcard:
			return -1
		case b == scenarios.Wildcard && a != scenarios.Wildcard:
			return 1
		}
		return 0
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=" + strconv.FormatFloat(s[k], 'f', -1, 64)
	}
	return strings.Join(parts, ";")
}

// writeMeasures writes measures.csv.
func writeMeasures(w io.Writer, ms []Measure) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(Columns); err != nil {
		return err
	}
	for i := range ms {
		if err := cw.Write(record(&ms[i])); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// readMeasures reads measures.csv, reporting every defect with its row and
// column.
func readMeasures(r io.Reader) ([]Measure, Errors) {
	var es Errors
	fail := func(row int, field, format string, args ...any) {
		es = append(es, &Error{Part: MeasuresFile, Row: row, Field: field, Msg: fmt.Sprintf(format, args...)})
	}
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	col := readHeader(cr, fail)
	if len(es) > 0 {
		return nil, es
	}
	var out []Measure
	seen := map[string]int{}
	for row := 2; ; row++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			fail(row, "", "not CSV: %v", err)
			return nil, es
		}
		if strings.Join(rec, "") == "" {
			continue // a blank row a spreadsheet leaves
		}
		get := func(c string) string {
			if i, ok := col[c]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		m, rowErrs := parseRow(get)
		m.csvRow = row
		for _, e := range rowErrs {
			fail(row, e.field, "%s", e.msg)
		}
		if m.ID != "" {
			if first, dup := seen[m.ID]; dup {
				fail(row, "id", "%q is also the id of row %d", m.ID, first)
			}
			seen[m.ID] = row
		}
		out = append(out, m)
	}
	if len(out) == 0 && len(es) == 0 {
		fail(0, "", "no measure")
	}
	return out, es
}

// readHeader reads the header row: each column known and given once, every
// required column there. It returns each column's index.
func readHeader(cr *csv.Reader, fail func(row int, field, format string, args ...any)) map[string]int {
	header, err := cr.Read()
	if err != nil {
		fail(1, "", "no header row: %v", err)
		return nil
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if !slices.Contains(Columns, h) {
			fail(1, h, "unknown column (the columns are %s)", strings.Join(Columns, ", "))
			continue
		}
		if _, dup := col[h]; dup {
			fail(1, h, "column given twice")
		}
		col[h] = i
	}
	for _, c := range requiredColumns {
		if _, ok := col[c]; !ok {
			fail(1, c, "missing column")
		}
	}
	return col
}

type cellError struct{ field, msg string }

// parseRow reads one row of measures.csv.
func parseRow(get func(string) string) (Measure, []cellError) {
	p := rowParser{get: get}
	p.identity()
	p.dates()
	p.rate()
	p.cusma()
	p.sectors()
	p.scope()
	p.texts()
	p.evidence()
	return p.m, p.es
}

// rowParser reads the cells of one row into a measure, collecting what is
// wrong with each cell instead of stopping at the first.
type rowParser struct {
	get func(string) string
	m   Measure
	es  []cellError
}

func (p *rowParser) bad(field, format string, args ...any) {
	p.es = append(p.es, cellError{field, fmt.Sprintf(format, args...)})
}

// identity reads id, label, imposer, program, kind and status.
func (p *rowParser) identity() {
	m, get := &p.m, p.get
	m.ID, m.Label, m.Imposer, m.Program = get("id"), get("label"), strings.ToUpper(get("imposer")), get("program")
	m.Library = m.ID
	if m.ID == "" {
		p.bad("id", "must not be empty")
	}
	if m.Label == "" {
		p.bad("label", "must not be empty")
	}
	if m.Imposer != scenarios.ImposerUS && m.Imposer != scenarios.ImposerCA {
		p.bad("imposer", "%q is not US or CA", get("imposer"))
	}
	m.Kind, m.Status = strings.ToLower(get("kind")), strings.ToLower(get("status"))
	if m.Kind != "" && !slices.Contains(scenarios.Kinds[:], m.Kind) {
		p.bad("kind", "%q is not one of %s", m.Kind, strings.Join(scenarios.Kinds[:], ", "))
	}
	if m.Status != "" && !slices.Contains(scenarios.Statuses[:], m.Status) {
		p.bad("status", "%q is not one of %s", m.Status, strings.Join(scenarios.Statuses[:], ", "))
	}
}

func (p *rowParser) date(field string) scenarios.Date {
	s := p.get(field)
	if s == "" {
		return scenarios.Date{}
	}
	d, err := scenarios.ParseDate(s)
	if err != nil {
		p.bad(field, "%v", err)
	}
	return d
}

// dates reads when the measure is in force; a struck-down date goes with the
// status struck_down only.
func (p *rowParser) dates() {
	m := &p.m
	m.From, m.To, m.StruckDownFrom = p.date("effective_from"), p.date("effective_to"), p.date("struck_down_from")
	if !m.From.IsZero() && !m.To.IsZero() && m.To.Before(m.From) {
		p.bad("effective_to", "%s is before effective_from %s", m.To, m.From)
	}
	if !m.StruckDownFrom.IsZero() && m.Status != scenarios.StatusStruckDown {
		p.bad("struck_down_from", "given, but the status is %q, not struck_down", m.Status)
	}
}

// rate reads the rate: required, and 0 for a ban.
func (p *rowParser) rate() {
	m := &p.m
	if s := p.get("rate"); s == "" {
		if m.Kind != scenarios.KindBan {
			p.bad("rate", "must be given (a ban has kind ban and rate 0)")
		}
	} else if r, err := parseRate(s); err != nil {
		p.bad("rate", "%v", err)
	} else {
		m.Rate = r
	}
	if m.Kind == scenarios.KindBan && m.Rate != 0 {
		p.bad("rate", "a ban has rate 0")
	}
}

// cusma reads the CUSMA exemption, its share and the content kind.
func (p *rowParser) cusma() {
	m, get := &p.m, p.get
	switch strings.ToLower(get("cusma_exempt")) {
	case "", "no", "n", "false", "0":
	case "yes", "y", "true", "1":
		m.CUSMAExempt = true
	default:
		p.bad("cusma_exempt", "%q is not yes or no", get("cusma_exempt"))
	}
	if s := get("cusma_exempt_share"); s != "" {
		x, err := strconv.ParseFloat(s, 64)
		if err != nil || x < 0 || x > 1 {
			p.bad("cusma_exempt_share", "%q is not a number from 0 to 1", s)
		} else {
			m.CUSMAExemptShare = &x
		}
	}
	m.Content = strings.ToLower(get("content"))
	if m.Content != "" && !slices.Contains(scenarios.ContentKinds[:], m.Content) {
		p.bad("content", "%q is not one of %s", m.Content, strings.Join(scenarios.ContentKinds[:], ", "))
	}
}

// sectors reads SECTOR=SHARE;... with shares from 0 to 1, each sector once.
func (p *rowParser) sectors() {
	s := p.get("sectors")
	if s == "" {
		return
	}
	m := &p.m
	m.Sectors = map[string]float64{}
	for part := range strings.SplitSeq(s, ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		k, v, ok := strings.Cut(part, "=")
		k = strings.TrimSpace(k)
		x, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if !ok || k == "" || err != nil || x < 0 || x > 1 {
			p.bad("sectors", "%q is not SECTOR=SHARE with a share from 0 to 1", part)
			continue
		}
		if _, dup := m.Sectors[k]; dup {
			p.bad("sectors", "sector %s given twice", k)
		}
		m.Sectors[k] = x
	}
}

// scope reads the product scope (include and exclude) and what the measure
// yields to or bounds.
func (p *rowParser) scope() {
	m, get := &p.m, p.get
	include, incErr := entries(get("include"), true)
	exclude, excErr := entries(get("exclude"), false)
	if incErr != nil {
		p.bad("include", "%v", incErr)
	}
	if excErr != nil {
		p.bad("exclude", "%v", excErr)
	}
	if include != nil || exclude != nil {
		m.Products = &scenarios.ProductScope{Include: include, Exclude: exclude}
	}
	m.YieldsTo, m.UpperBound = splitList(get("yields_to")), splitList(get("upper_bound"))
}

// texts reads the free-text columns as they are.
func (p *rowParser) texts() {
	m, get := &p.m, p.get
	m.Note, m.Remark = get("note"), get("remark")
	m.Row, m.LegalBasis, m.Scope, m.RateText = get("row"), get("legal_basis"), get("scope_text"), get("rate_text")
	m.DatesText, m.CUSMAText, m.TableSource, m.Confidence = get("dates_text"), get("cusma_text"), get("table_source"), get("confidence")
}

// evidence reads the citations (one a line, with their addresses) and the
// quotes of evidence documents: a measure cites at least one.
func (p *rowParser) evidence() {
	m := &p.m
	sources := lines(p.get("source"))
	urls := lines(p.get("url"))
	if len(urls) > len(sources) {
		p.bad("url", "%d addresses for %d citations of source (one per line)", len(urls), len(sources))
	}
	for i, c := range sources {
		if c == "" {
			p.bad("source", "citation %d is empty", i+1)
			continue
		}
		ev := scenarios.Evidence{Citation: c}
		if i < len(urls) {
			ev.URL = urls[i]
		}
		m.Evidence = append(m.Evidence, ev)
	}
	var quotes []scenarios.Evidence
	for _, q := range lines(p.get("quotes")) {
		doc, text, ok := strings.Cut(q, ":")
		doc, text = strings.TrimSpace(doc), strings.TrimSpace(text)
		if !ok || doc == "" || text == "" || strings.ContainsAny(doc, " \t") {
			p.bad("quotes", "%q is not DOCUMENT-ID: quoted text", q)
			continue
		}
		quotes = append(quotes, scenarios.Evidence{Document: doc, Quote: text})
	}
	m.Evidence = append(quotes, m.Evidence...)
	if len(m.Evidence) == 0 {
		p.bad("source", "must cite at least one source (or quote an evidence document in quotes)")
	}
}

// parseRate reads a rate as a fraction (0.25) or a percentage (25%); a rate
// is from 0 to 10 (1,000%).
func parseRate(s string) (float64, error) {
	pct := strings.HasSuffix(s, "%")
	x, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(s, "%")), 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not a number (0.25 or 25%%)", s)
	}
	if pct {
		x /= 100
	}
	if x < 0 || x > 10 || x != x {
		return 0, fmt.Errorf("%s is out of range: a rate is from 0 to 10 (1,000%%)", s)
	}
	return x, nil
}

// entries reads an include or exclude cell: codes of 2 to 10 digits (dots
// and spaces allowed) and list:NAME, separated by ";". The include cell
// "(none)" is a scope that covers nothing.
func entries(s string, include bool) ([]string, error) {
	if s == "" {
		return nil, nil
	}
	if include && strings.EqualFold(s, noneEntry) {
		return []string{}, nil
	}
	var out []string
	for part := range strings.SplitSeq(s, ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if name, ok := strings.CutPrefix(part, scenarios.ListPrefix); ok {
			if !ValidListName(name) {
				return nil, fmt.Errorf("%q: a list name is lower-case letters, digits, '-' and '_'", part)
			}
			out = append(out, part)
			continue
		}
		if _, ok := scenarios.NormalizeCode(part); !ok {
			return nil, fmt.Errorf("%q is not a code of 2 to 10 digits or list:NAME", part)
		}
		out = append(out, part) // as written: the engine reads dots and spaces

	}
	if out == nil {
		return nil, nil
	}
	return out, nil
}

// ValidListName reports whether name can name a list of a pack (and its
// file lists/NAME.csv).
func ValidListName(name string) bool {
	if name == "" || len(name) > 64 {
		return false
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			return false
		}
	}
	return name[0] != '.'
}

func splitList(s string) []string {
	out := []string{}
	for part := range strings.SplitSeq(s, ";") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// lines splits a multi-line cell, dropping trailing empty lines.
func lines(s string) []string {
	s = strings.TrimRight(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	if s == "" {
		return nil
	}
	out := strings.Split(s, "\n")
	for i := range out {
		out[i] = strings.TrimSpace(out[i])
	}
	return out
}
