package scenariofile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"parley/scenarios"
)

// MaxSize bounds a scenario file (16 MiB), read or written: Encode
// never writes a larger one.
const MaxSize = 16 << 20

// File is a decoded scenario file: the scenario and where each of its fields
// stands in the file, so that later validation can point at it.
type File struct {
	Scenario scenarios.Scenario
	// Lists are the user's product lists the file carries (top-level
	// "lists"), in file order, codes normalized, sorted, once each.
	Lists   []scenarios.ProductList
	data    []byte
	offsets map[string]int
}

// Pos returns the position of the field at path, or of the nearest enclosing
// field that has one.
func (f *File) Pos(path string) scenarios.Pos {
	if off, ok := f.offset(path); ok {
		return posAt(f.data, off)
	}
	return scenarios.Pos{}
}

// offset returns the byte offset of the field at path, or of the nearest
// enclosing field that has one.
func (f *File) offset(path string) (int, bool) {
	for p := path; ; {
		if off, ok := f.offsets[p]; ok {
			return off, true
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			return 0, false
		}
		p = p[:i]
	}
}

// Locate fills in the file positions of errs from their paths, in one pass
// over the file however many errors there are.
func (f *File) Locate(errs scenarios.Errors) scenarios.Errors {
	var todo []*scenarios.FieldError
	var offs []int
	for _, e := range errs {
		if e.Pos.IsValid() {
			continue
		}
		if off, ok := f.offset(e.Path); ok {
			todo = append(todo, e)
			offs = append(offs, off)
		}
	}
	for i, p := range positions(f.data, offs) {
		todo[i].Pos = p
	}
	return errs
}

// Read decodes a parley.scenario/2 or /1 file. It checks the syntax, the
// encoding, the keys and the types of the values; scenarios.Validate checks the rest.
// The error is a *SyntaxError or scenarios.Errors.
func Read(r io.Reader) (*File, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, err
	}
	return Decode(data)
}

// Decode is Read on bytes.
func Decode(data []byte) (*File, error) {
	if len(data) > MaxSize {
		return nil, &SyntaxError{Pos: scenarios.Pos{Line: 1, Col: 1}, Msg: fmt.Sprintf("the file is larger than %d MiB", MaxSize>>20)}
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if !utf8.Valid(data) {
		off := len(data)
		for i := 0; i < len(data); {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 {
				off = i
				break
			}
			i += size
		}
		return nil, &SyntaxError{Pos: posAt(data, off), Msg: "the file is not UTF-8 text"}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &SyntaxError{Pos: scenarios.Pos{Line: 1, Col: 1}, Msg: "the file is empty"}
	}
	root, err := parseJSON(data)
	if err != nil {
		return nil, err
	}
	d := &decoder{data: data, offsets: map[string]int{}}
	sc := d.scenario(root)
	if len(d.errs) > 0 {
		for i, p := range positions(data, d.errOffs) {
			d.errs[i].Pos = p
		}
		return nil, d.errs
	}
	return &File{Scenario: sc, Lists: d.fileLists, data: data, offsets: d.offsets}, nil
}

type decoder struct {
	data    []byte
	offsets map[string]int
	errs    scenarios.Errors
	errOffs []int // the byte offset of each error, made a position at the end
	v2Keys  []v2Key
	// fileLists are the lists of the top-level "lists".
	fileLists []scenarios.ProductList
}

func (d *decoder) fail(n *jnode, path, format string, args ...any) {
	d.failAt(n.pos, path, fmt.Sprintf(format, args...))
}

// failAt records an error at byte offset off; positions are computed for
// all errors at once (one pass over the file, not one per error).
func (d *decoder) failAt(off int, path, msg string) {
	d.errs = append(d.errs, &scenarios.FieldError{Path: path, Msg: msg})
	d.errOffs = append(d.errOffs, off)
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// fields walks an object's members, reporting unknown keys, and calls each
// known key's handler with the member's value and path.
func (d *decoder) fields(n *jnode, path string, handlers map[string]func(*jnode, string)) {
	if n.kind != jObject {
		d.fail(n, path, "must be an object, not %s", n.kind)
		return
	}
	for _, m := range n.members {
		p := join(path, m.name)
		h, ok := handlers[m.name]
		if !ok {
			known := make([]string, 0, len(handlers))
			for k := range handlers {
				known = append(known, k)
			}
			sort.Strings(known)
			d.failAt(m.pos, p, fmt.Sprintf("unknown key %q (known keys: %s)", m.name, strings.Join(known, ", ")))
			continue
		}
		d.offsets[p] = m.val.pos
		h(m.val, p)
	}
}

func (d *decoder) str(n *jnode, path string, dst *string) {
	if n.kind != jString {
		d.fail(n, path, "must be a string, not %s", n.kind)
		return
	}
	*dst = n.str
}

func (d *decoder) num(n *jnode, path string, dst *float64) {
	if n.kind != jNumber {
		d.fail(n, path, "must be a number, not %s", n.kind)
		return
	}
	*dst = n.num
}

func (d *decoder) boolean(n *jnode, path string, dst *bool) {
	if n.kind != jBool {
		d.fail(n, path, "must be true or false, not %s", n.kind)
		return
	}
	*dst = n.boolean
}

func (d *decoder) date(n *jnode, path string, dst *scenarios.Date, optional bool) {
	if optional && (n.kind == jNull || (n.kind == jString && n.str == "")) {
		*dst = scenarios.Date{}
		return
	}
	if n.kind != jString {
		d.fail(n, path, "must be an ISO date string (YYYY-MM-DD), not %s", n.kind)
		return
	}
	t, err := scenarios.ParseDate(n.str)
	if err != nil {
		d.fail(n, path, "%v", err)
		return
	}
	*dst = t
}

func (d *decoder) strings(n *jnode, path string, dst *[]string) {
	if n.kind != jArray {
		d.fail(n, path, "must be an array of strings, not %s", n.kind)
		return
	}
	out := make([]string, 0, len(n.items))
	for i, it := range n.items {
		p := fmt.Sprintf("%s[%d]", path, i)
		d.offsets[p] = it.pos
		var s string
		d.str(it, p, &s)
		out = append(out, s)
	}
	*dst = out
}

func (d *decoder) numberMap(n *jnode, path string, dst *map[string]float64) {
	if n.kind != jObject {
		d.fail(n, path, "must be an object of sector codes to numbers, not %s", n.kind)
		return
	}
	out := make(map[string]float64, len(n.members))
	for _, m := range n.members {
		p := join(path, m.name)
		d.offsets[p] = m.val.pos
		var v float64
		d.num(m.val, p, &v)
		out[m.name] = v
	}
	*dst = out
}

func (d *decoder) scenario(root *jnode) scenarios.Scenario {
	sc := scenarios.Scenario{Assumptions: scenarios.DefaultAssumptions()}
	var format string
	seen := map[string]bool{}
	mark := func(key string, h func(*jnode, string)) func(*jnode, string) {
		return func(n *jnode, p string) { seen[key] = true; h(n, p) }
	}
	d.fields(root, "", map[string]func(*jnode, string){
		"format":      mark("format", func(n *jnode, p string) { d.str(n, p, &format) }),
		"name":        mark("name", func(n *jnode, p string) { d.str(n, p, &sc.Name) }),
		"description": func(n *jnode, p string) { d.str(n, p, &sc.Description) },
		"as_of":       mark("as_of", func(n *jnode, p string) { d.date(n, p, &sc.AsOf, false) }),
		"assumptions": func(n *jnode, p string) { d.assumptions(n, p, &sc.Assumptions) },
		"lists":       d.v2("lists", d.lists),
		"measures": func(n *jnode, p string) {
			if n.kind != jArray {
				d.fail(n, p, "must be an array of measures, not %s", n.kind)
				return
			}
			for i, it := range n.items {
				mp := fmt.Sprintf("%s[%d]", p, i)
				d.offsets[mp] = it.pos
				sc.Measures = append(sc.Measures, d.measure(it, mp))
			}
		},
	})
	if root.kind != jObject {
		return sc
	}
	for _, key := range []string{"format", "name", "as_of"} {
		if !seen[key] {
			d.fail(root, key, "missing (required)")
		}
	}
	switch {
	case !seen["format"]:
	case format == scenarios.FileFormatV1:
		// Format /1 means chapter lines and sector CUSMA shares, as before
		// products existed; keys of format /2 are errors.
		for _, k := range d.v2Keys {
			d.failAt(k.pos, k.path, fmt.Sprintf("%q is a key of %q; this file says %q", k.name, scenarios.FileFormat, scenarios.FileFormatV1))
		}
		for i, m := range sc.Measures {
			if p := fmt.Sprintf("measures[%d]", i); m.Sectors == nil {
				d.failAt(d.offsets[p], p+".sectors", fmt.Sprintf("missing (required in %s)", scenarios.FileFormatV1))
			}
		}
		sc.Assumptions.Granularity = scenarios.GranularityChapter
		if sc.Assumptions.CUSMAShares == scenarios.CUSMALinePreset {
			sc.Assumptions.CUSMAShares = scenarios.CUSMASectorPreset
		}
	case format != scenarios.FileFormat:
		d.failAt(d.offsets["format"], "format", fmt.Sprintf("is %q; this version of Parley reads %q and %q", format, scenarios.FileFormat, scenarios.FileFormatV1))
	}
	return sc
}

// v2Key is a key of format /2 met while decoding, reported if the file turns
// out to be format /1.
type v2Key struct {
	name, path string
	pos        int
}

func (d *decoder) v2(name string, h func(*jnode, string)) func(*jnode, string) {
	return func(n *jnode, p string) {
		d.v2Keys = append(d.v2Keys, v2Key{name: name, path: p, pos: n.pos})
		h(n, p)
	}
}

func (d *decoder) assumptions(n *jnode, path string, a *scenarios.Assumptions) {
	var year float64 = float64(a.BaselineYear)
	d.fields(n, path, map[string]func(*jnode, string){
		"baseline_year": func(n *jnode, p string) {
			d.num(n, p, &year)
			if n.kind == jNumber && (year != math.Trunc(year) || math.Abs(year) > 1e6) {
				d.fail(n, p, "must be a whole year, not %v", n.num)
			}
		},
		"granularity": d.v2("granularity", func(n *jnode, p string) {
			d.str(n, p, &a.Granularity)
			if n.kind == jString && a.Granularity != scenarios.GranularityProduct && a.Granularity != scenarios.GranularityChapter {
				d.fail(n, p, "must be %q or %q, not %q", scenarios.GranularityProduct, scenarios.GranularityChapter, a.Granularity)
			}
		}),
		"datasets": d.v2("datasets", func(n *jnode, p string) {
			d.fields(n, p, map[string]func(*jnode, string){
				string(scenarios.CAtoUS): func(n *jnode, p string) { d.str(n, p, &a.Datasets.CAtoUS) },
				string(scenarios.UStoCA): func(n *jnode, p string) { d.str(n, p, &a.Datasets.UStoCA) },
			})
		}),
		"cusma_shares":    func(n *jnode, p string) { d.str(n, p, &a.CUSMAShares) },
		"elasticities":    func(n *jnode, p string) { d.str(n, p, &a.Elasticities) },
		"elasticity_low":  func(n *jnode, p string) { d.num(n, p, &a.ElasticityLow) },
		"elasticity_high": func(n *jnode, p string) { d.num(n, p, &a.ElasticityHigh) },
		"include_threats": d.v2("include_threats", func(n *jnode, p string) { d.boolean(n, p, &a.IncludeThreats) }),
		"overrides": func(n *jnode, p string) {
			d.fields(n, p, map[string]func(*jnode, string){
				"cusma_share":     func(n *jnode, p string) { d.numberMap(n, p, &a.Overrides.CUSMAShare) },
				"elasticity":      func(n *jnode, p string) { d.numberMap(n, p, &a.Overrides.Elasticity) },
				"baseline_tariff": func(n *jnode, p string) { d.numberMap(n, p, &a.Overrides.BaselineTariff) },
			})
		},
	})
	if math.Abs(year) <= 1e6 {
		a.BaselineYear = int(year)
	}
}

func (d *decoder) measure(n *jnode, path string) scenarios.Measure {
	var m scenarios.Measure
	seen := map[string]bool{}
	mark := func(key string, h func(*jnode, string)) func(*jnode, string) {
		return func(n *jnode, p string) { seen[key] = true; h(n, p) }
	}
	d.fields(n, path, map[string]func(*jnode, string){
		"id":      func(n *jnode, p string) { d.str(n, p, &m.ID) },
		"label":   func(n *jnode, p string) { d.str(n, p, &m.Label) },
		"imposer": mark("imposer", func(n *jnode, p string) { d.str(n, p, &m.Imposer) }),
		"program": func(n *jnode, p string) { d.str(n, p, &m.Program) },
		"sectors": func(n *jnode, p string) {
			d.numberMap(n, p, &m.Sectors)
			if m.Sectors == nil {
				m.Sectors = map[string]float64{}
			}
		},
		"products": d.v2("products", func(n *jnode, p string) {
			m.Products = &scenarios.ProductScope{}
			d.fields(n, p, map[string]func(*jnode, string){
				"include": func(n *jnode, p string) { d.entries(n, p, &m.Products.Include) },
				"exclude": func(n *jnode, p string) { d.entries(n, p, &m.Products.Exclude) },
			})
		}),
		"content":      d.v2("content", func(n *jnode, p string) { d.str(n, p, &m.Content) }),
		"status":       d.v2("status", func(n *jnode, p string) { d.str(n, p, &m.Status) }),
		"kind":         d.v2("kind", func(n *jnode, p string) { d.str(n, p, &m.Kind) }),
		"rate":         mark("rate", func(n *jnode, p string) { d.num(n, p, &m.Rate) }),
		"cusma_exempt": func(n *jnode, p string) { d.boolean(n, p, &m.CUSMAExempt) },
		"cusma_exempt_share": d.v2("cusma_exempt_share", func(n *jnode, p string) {
			var x float64
			d.num(n, p, &x)
			m.CUSMAExemptShare = &x
		}),
		"yields_to":      func(n *jnode, p string) { d.strings(n, p, &m.YieldsTo) },
		"effective_from": mark("effective_from", func(n *jnode, p string) { d.date(n, p, &m.From, false) }),
		"effective_to":   func(n *jnode, p string) { d.date(n, p, &m.To, true) },
		"evidence":       func(n *jnode, p string) { d.evidence(n, p, &m.Evidence) },
	})
	if n.kind == jObject {
		for _, key := range []string{"imposer", "rate", "effective_from"} {
			if !seen[key] {
				d.fail(n, join(path, key), "missing (required)")
			}
		}
	}
	return m
}

// evidence decodes a measure's array of evidence.
func (d *decoder) evidence(n *jnode, path string, dst *[]scenarios.Evidence) {
	if n.kind != jArray {
		d.fail(n, path, "must be an array, not %s", n.kind)
		return
	}
	for i, it := range n.items {
		ep := fmt.Sprintf("%s[%d]", path, i)
		d.offsets[ep] = it.pos
		var e scenarios.Evidence
		d.fields(it, ep, map[string]func(*jnode, string){
			"document": func(n *jnode, p string) { d.str(n, p, &e.Document) },
			"quote":    func(n *jnode, p string) { d.str(n, p, &e.Quote) },
			"citation": func(n *jnode, p string) { d.str(n, p, &e.Citation) },
			"url":      func(n *jnode, p string) { d.str(n, p, &e.URL) },
		})
		*dst = append(*dst, e)
	}
}

// entries decodes an array of product entries, normalising the valid ones
// (codes to digits); Validate reports the others.
func (d *decoder) entries(n *jnode, path string, dst *[]string) {
	d.strings(n, path, dst)
	for i, e := range *dst {
		if norm, err := scenarios.NormalizeEntry(e); err == nil {
			(*dst)[i] = norm
		}
	}
}

// fileScenario is the JSON shape of parley.scenario/2, in its key order.
type fileScenario struct {
	Format      string              `json:"format"`
	Name        string              `json:"name"`
	Description string              `json:"description"`
	AsOf        string              `json:"as_of"`
	Assumptions fileAssumptions     `json:"assumptions"`
	Measures    []fileMeasure       `json:"measures"`
	Lists       map[string]fileList `json:"lists,omitempty"`
}

type fileAssumptions struct {
	BaselineYear   int           `json:"baseline_year"`
	Granularity    string        `json:"granularity"`
	CUSMAShares    string        `json:"cusma_shares"`
	Elasticities   string        `json:"elasticities"`
	ElasticityLow  float64       `json:"elasticity_low"`
	ElasticityHigh float64       `json:"elasticity_high"`
	Overrides      fileOverrides `json:"overrides"`
	Datasets       *fileDatasets `json:"datasets,omitempty"`
	IncludeThreats bool          `json:"include_threats,omitempty"`
}

type fileDatasets struct {
	CAtoUS string `json:"ca_to_us,omitempty"`
	UStoCA string `json:"us_to_ca,omitempty"`
}

type fileOverrides struct {
	CUSMAShare     map[string]float64 `json:"cusma_share"`
	Elasticity     map[string]float64 `json:"elasticity"`
	BaselineTariff map[string]float64 `json:"baseline_tariff"`
}

// fileProducts keeps an include list that is given but empty (it covers
// nothing) apart from one not given.
type fileProducts struct {
	Include *[]string `json:"include,omitempty"`
	Exclude []string  `json:"exclude,omitempty"`
}

type fileMeasure struct {
	ID               string             `json:"id"`
	Label            string             `json:"label"`
	Imposer          string             `json:"imposer"`
	Program          string             `json:"program"`
	Status           string             `json:"status,omitempty"`
	Kind             string             `json:"kind,omitempty"`
	Sectors          map[string]float64 `json:"sectors,omitempty"`
	Products         *fileProducts      `json:"products,omitempty"`
	Content          string             `json:"content,omitempty"`
	Rate             float64            `json:"rate"`
	CUSMAExempt      bool               `json:"cusma_exempt"`
	CUSMAExemptShare *float64           `json:"cusma_exempt_share,omitempty"`
	YieldsTo         []string           `json:"yields_to,omitempty"`
	From             string             `json:"effective_from"`
	To               string             `json:"effective_to,omitempty"`
	Evidence         []fileEvidence     `json:"evidence"`
}

type fileEvidence struct {
	Document string `json:"document,omitempty"`
	Quote    string `json:"quote,omitempty"`
	Citation string `json:"citation,omitempty"`
	URL      string `json:"url,omitempty"`
}

func nonNil(m map[string]float64) map[string]float64 {
	if m == nil {
		return map[string]float64{}
	}
	return m
}

// Encode writes sc as an indented parley.scenario/2 file (compact when
// indented it would pass MaxSize, so that every file Parley writes
// Read reads back; a scenario too large even compact is refused and
// nothing is written), with list
// references kept as list:NAME. asOf is the date written as "as_of" (a
// scenario that follows the clock is written with the day it is exported on).
func Encode(w io.Writer, sc *scenarios.Scenario, asOf scenarios.Date) error {
	return EncodeLists(w, sc, asOf, nil)
}

// EncodeLists is Encode with the user's lists that sc's measures
// name, written in the top-level "lists" so that the file computes the
// same in a workspace that lacks them.
func EncodeLists(w io.Writer, sc *scenarios.Scenario, asOf scenarios.Date, lists []*scenarios.ProductList) error {
	f := fileScenario{
		Format:      scenarios.FileFormat,
		Name:        sc.Name,
		Description: sc.Description,
		AsOf:        asOf.String(),
		Assumptions: encodeAssumptions(sc.Assumptions),
		Measures:    make([]fileMeasure, 0, len(sc.Measures)),
		Lists:       encodeLists(lists),
	}
	for _, m := range sc.Measures {
		f.Measures = append(f.Measures, encodeMeasure(m))
	}
	data, err := encodeJSON(f, true)
	if err != nil {
		return err
	}
	if len(data) > MaxSize {
		// Indentation can more than double a large scenario; written
		// compact, the file stays within what Read accepts.
		if data, err = encodeJSON(f, false); err != nil {
			return err
		}
	}
	if len(data) > MaxSize {
		return fmt.Errorf("the scenario is too large for a scenario file: %.1f MiB even without indentation, over the %d MiB a scenario file may hold; "+
			"split its measures over several scenarios", float64(len(data))/(1<<20), MaxSize>>20)
	}
	_, err = w.Write(data)
	return err
}

// encodeAssumptions returns the file shape of a scenario's assumptions.
func encodeAssumptions(a scenarios.Assumptions) fileAssumptions {
	fa := fileAssumptions{
		BaselineYear:   a.BaselineYear,
		Granularity:    a.Granularity,
		CUSMAShares:    a.CUSMAShares,
		Elasticities:   a.Elasticities,
		ElasticityLow:  a.ElasticityLow,
		ElasticityHigh: a.ElasticityHigh,
		IncludeThreats: a.IncludeThreats,
		Overrides: fileOverrides{
			CUSMAShare:     nonNil(a.Overrides.CUSMAShare),
			Elasticity:     nonNil(a.Overrides.Elasticity),
			BaselineTariff: nonNil(a.Overrides.BaselineTariff),
		},
	}
	if fa.Granularity == "" {
		fa.Granularity = scenarios.GranularityProduct
	}
	if !a.Datasets.IsEmpty() {
		fa.Datasets = &fileDatasets{CAtoUS: a.Datasets.CAtoUS, UStoCA: a.Datasets.UStoCA}
	}
	return fa
}

// encodeMeasure returns the file shape of a measure.
func encodeMeasure(m scenarios.Measure) fileMeasure {
	fm := fileMeasure{
		ID: m.ID, Label: m.Label, Imposer: m.Imposer, Program: m.Program, Status: m.Status, Kind: m.Kind,
		Sectors: m.Sectors, Content: m.Content, Rate: m.Rate, CUSMAExempt: m.CUSMAExempt,
		CUSMAExemptShare: m.CUSMAExemptShare,
		YieldsTo:         slices.Clone(m.YieldsTo), From: m.From.String(), To: m.To.String(),
		Evidence: make([]fileEvidence, 0, len(m.Evidence)),
	}
	if m.Products != nil {
		fm.Products = &fileProducts{Exclude: m.Products.Exclude}
		if m.Products.Include != nil {
			inc := m.Products.Include
			fm.Products.Include = &inc
		}
	}
	for _, e := range m.Evidence {
		fm.Evidence = append(fm.Evidence, fileEvidence{Document: e.Document, Quote: e.Quote, Citation: e.Citation, URL: e.URL})
	}
	return fm
}

// encodeJSON encodes v as one JSON document ending in a newline, indented by
// two spaces or compact.
func encodeJSON(v any, indent bool) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	if indent {
		enc.SetIndent("", "  ")
	}
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
