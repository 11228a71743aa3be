package tradefile

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Layout names the kind of export a file's header says it is.
type Layout string

// The layouts Parley recognises by their headers.
const (
	LayoutDataWeb  Layout = "dataweb"  // USITC DataWeb export
	LayoutCensus   Layout = "census"   // US Census Bureau international trade API
	LayoutCIMT     Layout = "cimt"     // Statistics Canada, Canadian International Merchandise Trade
	LayoutComtrade Layout = "comtrade" // UN Comtrade
	LayoutParley   Layout = "parley"   // a dataset Parley exported
	LayoutGeneric  Layout = "generic"  // usual column names
	LayoutMapped   Layout = "mapped"   // the user's column mapping
)

// Label names the layout for people.
func (l Layout) Label() string {
	switch l {
	case LayoutDataWeb:
		return "USITC DataWeb export"
	case LayoutCensus:
		return "US Census Bureau trade API"
	case LayoutCIMT:
		return "Statistics Canada CIMT"
	case LayoutComtrade:
		return "UN Comtrade"
	case LayoutParley:
		return "Parley dataset export"
	case LayoutGeneric:
		return "columns recognised by name"
	case LayoutMapped:
		return "your column mapping"
	}
	return string(l)
}

// The fields of a trade line that columns give.
const (
	FieldCode        = "code"
	FieldValue       = "value"
	FieldDescription = "description"
	FieldCUSMA       = "cusma"
	FieldRegion      = "region"
	// FieldProgram is a special-programme column (DataWeb's "Special
	// Import Program Claimed"): the value of rows claimed under CUSMA is
	// the line's CUSMA value.
	FieldProgram = "program"
)

// Fields are the fields a mapping may name, in the order they are shown.
var Fields = []string{FieldCode, FieldValue, FieldDescription, FieldCUSMA, FieldRegion, FieldProgram}

// FieldLabel names a field for people.
func FieldLabel(f string) string {
	switch f {
	case FieldCode:
		return "HS/HTS code"
	case FieldValue:
		return "Trade value"
	case FieldDescription:
		return "Description"
	case FieldCUSMA:
		return "CUSMA-claimed value"
	case FieldRegion:
		return "Province or state"
	case FieldProgram:
		return "Special programme claimed"
	}
	return f
}

// Mapping maps fields to columns: a header name or a 1-based column number.
type Mapping map[string]string

// ParseMapping reads "code=COL,value=COL,description=COL,cusma=COL,
// region=COL,program=COL", COL a header name or a 1-based column number.
func ParseMapping(s string) (Mapping, error) {
	m := Mapping{}
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		k, v, ok := strings.Cut(part, "=")
		k, v = strings.ToLower(strings.TrimSpace(k)), strings.TrimSpace(v)
		switch k {
		case "desc":
			k = FieldDescription
		case "province", "state":
			k = FieldRegion
		case "usmca", "claimed", "cusma_value":
			k = FieldCUSMA
		}
		if !ok || v == "" {
			return nil, fmt.Errorf("mapping %q: want FIELD=COLUMN (e.g. code=HTS Number or value=3)", part)
		}
		if !slices.Contains(Fields, k) {
			return nil, fmt.Errorf("mapping %q: unknown field %q (want %s)", part, k, strings.Join(Fields, ", "))
		}
		if _, dup := m[k]; dup {
			return nil, fmt.Errorf("mapping: %s is mapped twice", k)
		}
		m[k] = v
	}
	if len(m) == 0 {
		return nil, fmt.Errorf("empty mapping: want code=COLUMN,value=COLUMN[,description=COLUMN,cusma=COLUMN,region=COLUMN]")
	}
	return m, nil
}

// String writes the mapping as ParseMapping reads it.
func (m Mapping) String() string {
	var parts []string
	for _, f := range Fields {
		if c, ok := m[f]; ok {
			parts = append(parts, f+"="+c)
		}
	}
	return strings.Join(parts, ",")
}

// Columns are the positions (0-based) of a file's fields; -1 where absent.
type Columns struct {
	Code, Value, Description, CUSMA, Region, Program int
	// Partner is a country or partner column: one file must hold one
	// partner's trade. Period is a year, month or period column: one
	// file holds one year. DataType is DataWeb's "Data Type" column.
	// Flow is Comtrade's flow (imports or exports), Reporter its reporter.
	// Month is a month or period column (Census "time"): a Census extract
	// of several months sums its month values.
	Partner, Period, Month, DataType, Flow, Reporter int
	// monthValue and yearValue are a Census extract's month and
	// year-to-date value columns; which one is used depends on how many
	// months the file holds.
	monthValue, yearValue int
}

func noColumns() Columns {
	return Columns{-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1}
}

// Field returns the position of field f.
func (c Columns) Field(f string) int {
	switch f {
	case FieldCode:
		return c.Code
	case FieldValue:
		return c.Value
	case FieldDescription:
		return c.Description
	case FieldCUSMA:
		return c.CUSMA
	case FieldRegion:
		return c.Region
	case FieldProgram:
		return c.Program
	}
	return -1
}

func (c *Columns) set(f string, i int) {
	switch f {
	case FieldCode:
		c.Code = i
	case FieldValue:
		c.Value = i
	case FieldDescription:
		c.Description = i
	case FieldCUSMA:
		c.CUSMA = i
	case FieldRegion:
		c.Region = i
	case FieldProgram:
		c.Program = i
	}
}

// norm reduces a header to lower-case letters and digits: "Value ($)" is
// "value", "I_COMMODITY" is "icommodity".
func norm(h string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(h) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Header names by field, most telling first (normalised by norm).
var (
	codeNames = []string{"htsnumber", "hts10", "htscode", "hts10code", "htsnum", "htsus", "hts8", "hts",
		"icommodity", "ecommodity", "cmdcode", "commoditycode", "hs10", "hs8", "hs6", "hs4", "hs2", "hscode", "hs",
		"tariffline", "tariffitem", "productcode", "code"}
	descNames = []string{"description", "htsdescription", "icommoditysdesc", "ecommoditysdesc", "icommodityldesc",
		"ecommodityldesc", "cmddesc", "commoditydescription", "productdescription", "sdesc", "ldesc", "desc",
		"descriptionen", "description1"}
	valueNames = []string{"customsvalue", "generalcustomsvalue", "importsforconsumption", "primaryvalue",
		"tradevalue", "value", "valueusd", "valuecad", "valueus", "valuec", "fobvalue", "cifvalue",
		"domesticexports", "totalexports", "imports", "exports"}
	cusmaNames = []string{"cusmavalue", "usmcavalue", "cusma", "usmca", "cusmaclaimed", "usmcaclaimed",
		"valueclaimedundercusma", "valueclaimedunderusmca", "claimedvalue", "usmcaclaimedvalue", "cusmaclaimedvalue"}
	regionNames = []string{"province", "provinceoforigin", "provinceofclearance", "provinceterritory",
		"provincename", "state", "usstate", "statename", "stateofdestination", "stateoforigin", "region", "geo"}
	programNames = []string{"specialimportprogramclaimed", "specialimportprogram", "specialprogramclaimed",
		"specialprogram", "rateprovision", "rateprovisioncode", "program", "programclaimed"}
	partnerNames = []string{"ctycode", "ctyname", "country", "countryname", "partner", "partnerdesc", "partnercode",
		"partneriso", "tradingpartner", "partnercountry", "destination", "origin", "countryoforigin", "countryofdestination"}
	periodNames = []string{"time", "period", "refperiodid", "yearmonth", "refdate", "year", "refyear"}
	monthNames  = []string{"month", "time", "yearmonth", "refperiodid", "period", "refmonth"}
)

// matchValue reports whether a normalised header names a trade value
// when it is none of the usual names: "con_val_2024", "value_2025_usd".
func matchValue(n string) bool {
	if !strings.Contains(n, "val") {
		return false
	}
	for _, no := range []string{"cusma", "usmca", "nafta", "claim", "quantity", "qty", "flag", "desc", "unit",
		"percent", "pct", "share", "duty", "duties", "dutiable", "calculated", "rate", "h2"} {
		if strings.Contains(n, no) {
			return false
		}
	}
	return true
}

// matchCUSMA reports whether a normalised header names a CUSMA-claimed value.
func matchCUSMA(n string) bool {
	if strings.Contains(n, "h2") || strings.Contains(n, "share") || strings.Contains(n, "pct") || strings.Contains(n, "percent") {
		return false
	}
	return (strings.Contains(n, "usmca") || strings.Contains(n, "cusma") || strings.Contains(n, "nafta")) &&
		(strings.Contains(n, "val") || strings.Contains(n, "claim"))
}

// recognise finds the columns of a header row by their names. It returns
// the layout and ok false when the header has no code or no value column.
// year is the year the user imports (0: unknown): a DataWeb export with
// one column per year then takes that year's column.
func recognise(header []string, year int) (Columns, Layout, []string, bool) {
	c := noColumns()
	names := make([]string, len(header))
	for i, h := range header {
		names[i] = norm(h)
	}
	find := func(cands []string) int {
		for _, cand := range cands {
			if i := slices.Index(names, cand); i >= 0 {
				return i
			}
		}
		return -1
	}
	var notes []string
	c.Code = find(codeNames)
	c.Description = find(descNames)
	commodity := slices.Index(names, "commodity")
	if c.Code < 0 && commodity >= 0 {
		c.Code = commodity // a CIMT "Commodity" column: "0101.21.00 - Horses"
	} else if c.Description < 0 && commodity >= 0 {
		c.Description = commodity
	}
	c.Region = find(regionNames)
	c.Program = find(programNames)
	c.Partner = find(partnerNames)
	c.Period = find(periodNames)
	c.Month = find(monthNames)
	c.DataType = find([]string{"datatype"})
	c.Flow = find([]string{"flowcode", "flowdesc", "flow", "tradeflow"})
	c.Reporter = find([]string{"reporterdesc", "reportercode", "reporteriso", "reporter"})
	c.CUSMA = find(cusmaNames)
	if c.CUSMA < 0 {
		for i, n := range names {
			if matchCUSMA(n) {
				c.CUSMA = i
				break
			}
		}
	}
	others := c.findValue(header, names, year, find)
	if len(others) > 0 && c.Value >= 0 {
		notes = append(notes, fmt.Sprintf("value column %s; also found %s (use the mapping value=COLUMN to choose)",
			strconv.Quote(header[c.Value]), quoteList(others)))
	}
	if c.Code < 0 || c.Value < 0 {
		return c, "", nil, false
	}
	return c, layoutOf(names), notes, true
}

// findValue finds the value column of a header (names normalised):
// Census's month or year-to-date value (imports for consumption before
// general imports), a known value name, a name that looks like a value, or
// DataWeb's column of the year. It returns the other columns that look
// like values.
func (c *Columns) findValue(header, names []string, year int, find func([]string) int) (others []string) {
	for _, p := range []string{"con", "gen", "all"} {
		mo, yr := slices.Index(names, p+"valmo"), slices.Index(names, p+"valyr")
		if mo >= 0 || yr >= 0 {
			c.monthValue, c.yearValue = mo, yr
			if yr >= 0 {
				c.Value = yr
			} else {
				c.Value = mo
			}
			break
		}
	}
	if c.Value < 0 {
		c.Value = find(valueNames)
	}
	if c.Value < 0 {
		for i, n := range names {
			if i != c.Code && i != c.CUSMA && matchValue(n) {
				if c.Value < 0 {
					c.Value = i
				} else {
					others = append(others, header[i])
				}
			}
		}
	}
	if c.Value < 0 && year > 0 {
		// DataWeb: one value column per year ("2024"), or "Jan–Dec 2024".
		y := strconv.Itoa(year)
		for i, h := range header {
			if strings.TrimSpace(h) == y {
				c.Value = i
				break
			}
		}
	}
	return others
}

func quoteList(s []string) string {
	q := make([]string, len(s))
	for i, x := range s {
		q[i] = strconv.Quote(x)
	}
	return strings.Join(q, ", ")
}

// layoutOf names the export a normalised header row comes from.
func layoutOf(names []string) Layout {
	has := func(n ...string) bool {
		for _, x := range n {
			if slices.Contains(names, x) {
				return true
			}
		}
		return false
	}
	switch {
	case len(names) >= 6 && slices.Equal(names[:6], []string{"code", "region", "sector", "description", "value", "cusmavalue"}):
		return LayoutParley
	case has("icommodity", "ecommodity", "convalyr", "convalmo", "genvalyr", "genvalmo", "allvalyr", "allvalmo", "ctycode"):
		return LayoutCensus
	case has("cmdcode", "primaryvalue", "reporterdesc", "partnerdesc", "reportercode"):
		return LayoutComtrade
	case has("htsnumber", "specialimportprogramclaimed", "customsvalue", "generalcustomsvalue", "datatype"):
		return LayoutDataWeb
	case has("hs8", "hs10", "commodity") && has("value", "province", "provinceoforigin", "state", "provinceofclearance"):
		return LayoutCIMT
	}
	return LayoutGeneric
}

// mapColumns resolves a mapping against a header row (nil for a file
// without one, when every column must be a number). It returns the
// problem when a column is not found.
func mapColumns(m Mapping, header []string, width int) (Columns, error) {
	c := noColumns()
	for _, f := range Fields {
		col, ok := m[f]
		if !ok {
			continue
		}
		i, err := findColumn(col, header, width)
		if err != nil {
			return c, fmt.Errorf("%s=%s: %w", f, col, err)
		}
		c.set(f, i)
	}
	if c.Code < 0 || c.Value < 0 {
		missing := FieldCode
		if c.Code >= 0 {
			missing = FieldValue
		}
		return c, fmt.Errorf("the mapping names no %s column (want code=COLUMN,value=COLUMN)", missing)
	}
	return c, nil
}

// findColumn finds a column by header name (ignoring case, spaces and
// punctuation when there is no exact match) or by 1-based number.
func findColumn(col string, header []string, width int) (int, error) {
	for i, h := range header {
		if strings.TrimSpace(h) == col {
			return i, nil
		}
	}
	for i, h := range header {
		if strings.EqualFold(strings.TrimSpace(h), col) {
			return i, nil
		}
	}
	if n := norm(col); n != "" {
		for i, h := range header {
			if norm(h) == n {
				return i, nil
			}
		}
	}
	if n, err := strconv.Atoi(col); err == nil {
		w := max(width, len(header))
		if n < 1 || (w > 0 && n > w) {
			return -1, fmt.Errorf("no column %d (the file has %d)", n, w)
		}
		return n - 1, nil
	}
	if len(header) == 0 {
		return -1, fmt.Errorf("no column named %q: the file has no header row, give column numbers", col)
	}
	return -1, fmt.Errorf("no column named %q (the header row has %s)", col, quoteList(trimAll(header)))
}

func trimAll(s []string) []string {
	out := make([]string, 0, len(s))
	for _, x := range s {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	if len(out) > 12 {
		out = append(out[:12], "…")
	}
	return out
}

// numericMapping reports whether every column of m is a number.
func numericMapping(m Mapping) bool {
	for _, c := range m {
		if _, err := strconv.Atoi(c); err != nil {
			return false
		}
	}
	return true
}

// valueCurrency says the currency a value column's header names: "USD"
// for "Value USD", "Value (US$)" or "US dollars", "CAD" for "Value CAD",
// "Value (C$)" or "Canadian dollars", "" when it names none ("Value ($)").
func valueCurrency(header string) string {
	n := norm(header)
	switch {
	case strings.Contains(n, "usd") || strings.HasSuffix(n, "us") || strings.Contains(n, "usdollar"):
		return "USD"
	case strings.Contains(n, "cad") || strings.Contains(n, "canadian") || strings.Contains(n, "cdn") || strings.HasSuffix(n, "valuec"):
		return "CAD"
	}
	return ""
}

// fileCurrency is "CAD" when a file's values are in Canadian dollars: its
// value column's header says so, or it has Statistics Canada's layout and
// its value header names no currency (a header that says USD is US$).
func fileCurrency(layout Layout, valueHeader string) string {
	switch valueCurrency(valueHeader) {
	case "CAD":
		return "CAD"
	case "":
		if layout == LayoutCIMT {
			return "CAD"
		}
	}
	return ""
}
