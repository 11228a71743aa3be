package scenarios

import "strings"

// descAbbreviations are the abbreviations of the US Census short
// descriptions of HTS10 lines (as in "UNWR AL ALLOY" for unwrought
// aluminum alloy), by the lower-case word a user types. An abbreviation
// matches a whole word of a description only: "AL" is not "TOTAL".
var descAbbreviations = map[string][]string{
	"aluminum":  {"al", "alum", "alu", "alumin"},
	"aluminium": {"al", "alum", "alu", "alumin", "aluminum"},
	"unwrought": {"unwr", "unw", "unwrt"},
	"steel":     {"stl", "stel"},
	"stainless": {"stnls", "stainl", "ss"},
	"iron":      {"irn"},
	"alloy":     {"aly", "ally"},
	"copper":    {"cu"},
	"vehicle":   {"veh", "vehs"},
	"vehicles":  {"veh", "vehs"},
	"motor":     {"mtr"},
	"wood":      {"wd"},
}

// descHas reports whether the lower-case description desc contains the
// lower-case word w, or a whole word that abbreviates it.
func descHas(desc, w string) bool {
	if strings.Contains(desc, w) {
		return true
	}
	abbr := descAbbreviations[w]
	if len(abbr) == 0 {
		return false
	}
	for _, tok := range strings.FieldsFunc(desc, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		for _, a := range abbr {
			if tok == a {
				return true
			}
		}
	}
	return false
}

// FindLines returns the lines of direction d whose code starts with the
// digits of query (dots and spaces ignored), or else whose description holds
// every word of query (or its Census abbreviation, see descAbbreviations),
// in code order, at most limit of them (0: all).
func (m *Model) FindLines(d Direction, query string, limit int) []int {
	t := m.tables[d.Index()]
	q := strings.TrimSpace(query)
	if q == "" {
		return nil
	}
	var out []int
	if code, ok := NormalizeCode(q); ok || isDigits(strings.NewReplacer(".", "", " ", "").Replace(q)) {
		if !ok {
			code = strings.NewReplacer(".", "", " ", "").Replace(q)
		}
		lo, hi := t.prefixRange(code)
		out = append(out, t.sorted[lo:hi]...)
		// A chapter line holds every code of its chapter.
		for k := 2; k < len(code); k++ {
			out = append(out, t.exact(code[:k])...)
		}
	} else {
		words := strings.Fields(strings.ToLower(q))
		for _, i := range t.sorted {
			desc := strings.ToLower(t.desc[i])
			all := true
			for _, w := range words {
				if !descHas(desc, w) {
					all = false
					break
				}
			}
			if all {
				out = append(out, i)
			}
		}
	}
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// SectorLines returns the lines of sector code in direction d, in code order.
func (m *Model) SectorLines(d Direction, code string) []int {
	si, ok := m.index[code]
	if !ok {
		return nil
	}
	t := m.tables[d.Index()]
	var out []int
	for _, i := range t.sorted {
		if t.sector[i] == si {
			out = append(out, i)
		}
	}
	return out
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
