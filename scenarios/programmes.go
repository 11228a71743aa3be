package scenarios

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
)

// ProgrammeDuty is one legal programme's part of a sector's duty at stake.
type ProgrammeDuty struct {
	// Program is the programme of the measures (Measure.Program), "" for
	// measures that name none.
	Program string
	// Duty is the duty those measures add on the sector's lines, US$.
	Duty float64
}

// SectorProgrammes is a sector's duty at stake taken apart by programme.
type SectorProgrammes struct {
	Sector string // sector code
	// Duty is the sum of the parts: the sector's duty at stake as
	// Evaluate gives it, but for the order of the additions.
	Duty float64
	// UpperBound is set when the coverage of one of the sector's lines
	// with duty, by a measure or a ban, is an upper bound.
	UpperBound bool
	// Parts are the programmes with duty on the sector, largest first
	// (ties by programme).
	Parts []ProgrammeDuty
}

// Share returns the share of the sector's duty that programme p carries:
// 0 when the sector has no duty.
func (s SectorProgrammes) Share(p string) float64 {
	if s.Duty == 0 {
		return 0
	}
	for _, d := range s.Parts {
		if d.Program == p {
			return d.Duty / s.Duty
		}
	}
	return 0
}

// DutyByProgramme takes the duty at stake of each sector of direction d on
// asOf apart by programme (docs/SPEC.md section 2): on each line, the duty
// each active measure adds, V(l) (1 - B(l)) rate(m) cov'(m,l) (1 - c(l)
// x(m)), summed over the lines of the sector and the measures of each
// programme. A line's parts add up to its duty V(l) (1 - B(l)) tau(l), so a
// sector's parts add up to its duty. Sectors are in the order of
// Model.Sectors; those without duty are left out. Bans stop trade rather
// than add duty: they are no part (Flow.Banned gives them).
func (m *Model) DutyByProgramme(sc *Scenario, d Direction, asOf Date) []SectorProgrammes {
	byProgram := make([]map[string]float64, len(m.Sectors))
	upper := make([]bool, len(m.Sectors))
	for _, lt := range m.Contributions(sc, d, asOf) {
		rest := lt.Value * (1 - lt.Ban)
		for _, t := range lt.Terms {
			add := t.Rate * t.Cov * (1 - lt.Share*t.Exempt)
			if add == 0 || rest == 0 {
				continue
			}
			if byProgram[lt.Sector] == nil {
				byProgram[lt.Sector] = map[string]float64{}
			}
			byProgram[lt.Sector][sc.Measures[t.Measure].Program] += rest * add
			upper[lt.Sector] = upper[lt.Sector] || lt.UpperBound
		}
	}
	var out []SectorProgrammes
	for si, parts := range byProgram {
		if len(parts) == 0 {
			continue
		}
		sp := SectorProgrammes{Sector: m.Sectors[si].Code, UpperBound: upper[si]}
		for p, v := range parts {
			sp.Parts = append(sp.Parts, ProgrammeDuty{Program: p, Duty: v})
		}
		slices.SortFunc(sp.Parts, func(a, b ProgrammeDuty) int {
			if c := cmp.Compare(b.Duty, a.Duty); c != 0 {
				return c
			}
			return cmp.Compare(a.Program, b.Program)
		})
		for _, p := range sp.Parts {
			sp.Duty += p.Duty
		}
		out = append(out, sp)
	}
	return out
}

// ProgrammeOrder ranks the programmes of parts, which may come from
// several scenarios, by their duty over all of them, largest first (ties
// by code).
func ProgrammeOrder(parts ...[]SectorProgrammes) []string {
	totals := map[string]float64{}
	for _, ps := range parts {
		for _, sp := range ps {
			for _, d := range sp.Parts {
				totals[d.Program] += d.Duty
			}
		}
	}
	order := make([]string, 0, len(totals))
	for prog := range totals {
		order = append(order, prog)
	}
	slices.SortFunc(order, func(a, b string) int {
		if c := cmp.Compare(totals[b], totals[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	return order
}

// programmeNames name the built-in library's programmes whose code does
// not say what they cover.
var programmeNames = map[string]string{
	"ADCVD":      "AD/CVD", // antidumping and countervailing duties
	"S232-1B":    "Section 232 annex I-B",
	"S232-3":     "Section 232 annex III",
	"S232-AUTOS": "Section 232 autos",
	"S232-MHD":   "Section 232 trucks & buses",
	"S338-BAN":   "Section 338 ban",
}

// ProgrammeLabel names a programme for a reader: "S232" is "Section 232",
// "S232-AUTOS" "Section 232 autos", "CA-SURTAX-METALS" "Canada's surtax
// metals"; other codes are kept; "" is "No programme named".
func ProgrammeLabel(p string) string {
	if n, ok := programmeNames[p]; ok {
		return n
	}
	if p == "" {
		return "No programme named"
	}
	head, rest, _ := strings.Cut(p, "-")
	switch {
	case len(head) > 1 && head[0] == 'S' && isDigits(head[1:]):
		head = "Section " + head[1:]
	case head == "CA" && strings.HasPrefix(rest, "SURTAX"):
		head, rest = "Canada's surtax", strings.TrimPrefix(strings.TrimPrefix(rest, "SURTAX"), "-")
	default:
		return p
	}
	if rest == "" {
		return head
	}
	if !strings.ContainsFunc(rest, unicode.IsDigit) && len(rest) > 3 {
		rest = strings.ToLower(rest) // a word (AUTOS), not an acronym (MHD) or a number (1B)
	}
	return head + " " + strings.ReplaceAll(rest, "-", " ")
}

// ProgrammeFamily is the law a programme is taken under: "Section 232"
// for S232 and S232-AUTOS alike, "Canada's surtax" for every CA-SURTAX
// programme; a programme of no known family is its own.
func ProgrammeFamily(p string) string {
	head, _, _ := strings.Cut(p, "-")
	switch {
	case len(head) > 1 && head[0] == 'S' && isDigits(head[1:]):
		return "Section " + head[1:]
	case strings.HasPrefix(p, "CA-SURTAX"):
		return "Canada's surtax"
	}
	return ProgrammeLabel(p)
}
