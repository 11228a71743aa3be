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
