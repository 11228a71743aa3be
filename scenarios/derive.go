package scenarios

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Lift asks for a proposal derived from a scenario: the measures of the
// programmes Programs and the measures Measures (by id) are lifted, and
// with WithCanada so are Canada's measures that answer the lifted US ones
// (CanadaAnswers).
type Lift struct {
	Name       string
	Programs   []string
	Measures   []string
	WithCanada bool
}

// Derived is a proposal derived from a base scenario, with what it lifts.
type Derived struct {
	Scenario *Scenario
	// Lifted are the base's measures the proposal leaves out, in the
	// base's order; Answers are Canada's measures that answer the lifted
	// US ones: lifted too with WithCanada, else only offered.
	Lifted, Answers []Measure
}

// canadaAnswer pairs US programmes and measures with the Canadian
// programmes that answered them, as Canada's orders say: the surtax order
// of 2025-03-04 (list 1) answered the IEEPA tariffs; the orders of
// 2025-03-13 on steel and aluminum (and the other goods of that list)
// answered the Section 232 steel and aluminum duties; the surtax of
// 2025-04-09 on motor vehicles answered the Section 232 autos duty.
// Programme S232 also holds copper, lumber, semiconductors and wood
// products, which Canada did not answer: there only the metals measures
// count. Canada's 2026 order names no US measure it answers: lift it by
// its id.
type canadaAnswer struct {
	usPrograms []string // US programmes answered whole
	usMeasures []string // or these measures of a mixed programme
	ca         []string // Canada's programmes that answer them
}

var canadaAnswers = []canadaAnswer{
	{usPrograms: []string{"IEEPA", "IEEPA-10"}, ca: []string{"CA-SURTAX-1"}},
	{usPrograms: []string{"S232-1B", "S232-3"},
		usMeasures: []string{"US-232-STEEL-ALU-1", "US-232-STEEL-ALU-2", "US-232-ALU-DERIV-1", "US-232-ALU-DERIV-2",
			"US-232-ALU-DERIV-AUG", "US-232-STEEL-DERIV-AUG", "US-232-METALS-ANNEX"},
		ca: []string{"CA-SURTAX-METALS", "CA-SURTAX-2"}},
	{usPrograms: []string{"S232-AUTOS"}, ca: []string{"CA-SURTAX-AUTOS"}},
}

// answeredBy returns Canada's programmes that answer US measure m.
func answeredBy(m Measure) []string {
	var out []string
	for _, a := range canadaAnswers {
		if slices.Contains(a.usPrograms, m.Program) || slices.Contains(a.usMeasures, m.ID) {
			out = append(out, a.ca...)
		}
	}
	return out
}

// CanadaAnswers returns the measures of base imposed by Canada that answer
// one of the US measures lifted, in base order.
func CanadaAnswers(base *Scenario, lifted []Measure) []Measure {
	var programs []string
	for _, m := range lifted {
		if m.Imposer == ImposerUS {
			programs = append(programs, answeredBy(m)...)
		}
	}
	var out []Measure
	for _, m := range base.Measures {
		if m.Imposer == ImposerCA && slices.Contains(programs, m.Program) &&
			!slices.ContainsFunc(lifted, func(l Measure) bool { return l.ID == m.ID }) {
			out = append(out, m)
		}
	}
	return out
}

// Derive returns a proposal derived from base: a copy (same date, or
// following today as the base does, same assumptions, measures with their
// evidence) without the measures lift names. A programme or measure that
// base does not hold is an error, as is a lift that names nothing.
func Derive(base *Scenario, lift Lift) (Derived, error) {
	if strings.TrimSpace(lift.Name) == "" {
		return Derived{}, errors.New("derive: the proposal needs a name")
	}
	if len(lift.Programs) == 0 && len(lift.Measures) == 0 {
		return Derived{}, errors.New("derive: name the programmes or measures to lift")
	}
	for _, p := range lift.Programs {
		if !slices.ContainsFunc(base.Measures, func(m Measure) bool { return m.Program == p }) {
			return Derived{}, fmt.Errorf("derive: %q has no measure of programme %q (its programmes: %s)", base.Name, p, strings.Join(Programs(base), ", "))
		}
	}
	for _, id := range lift.Measures {
		if !slices.ContainsFunc(base.Measures, func(m Measure) bool { return m.ID == id }) {
			return Derived{}, fmt.Errorf("derive: %q has no measure %q", base.Name, id)
		}
	}
	lifted := func(m Measure) bool {
		return slices.Contains(lift.Programs, m.Program) || slices.Contains(lift.Measures, m.ID)
	}
	var d Derived
	for _, m := range base.Measures {
		if lifted(m) {
			d.Lifted = append(d.Lifted, m)
		}
	}
	d.Answers = CanadaAnswers(base, d.Lifted)
	sc := base.Clone()
	sc.Name = strings.TrimSpace(lift.Name)
	sc.Measures = sc.Measures[:0]
	for _, m := range base.Clone().Measures {
		if lifted(m) || lift.WithCanada && slices.ContainsFunc(d.Answers, func(a Measure) bool { return a.ID == m.ID }) {
			continue
		}
		sc.Measures = append(sc.Measures, m)
	}
	sc.Description = deriveDescription(base, d, lift.WithCanada)
	d.Scenario = &sc
	return d, nil
}

// Programs returns the programmes of s's measures, in first-seen order.
func Programs(s *Scenario) []string {
	var out []string
	for _, m := range s.Measures {
		if !slices.Contains(out, m.Program) {
			out = append(out, m.Program)
		}
	}
	return out
}

func deriveDescription(base *Scenario, d Derived, withCanada bool) string {
	ids := func(ms []Measure) string {
		var s []string
		for _, m := range ms {
			s = append(s, m.ID)
		}
		return strings.Join(s, ", ")
	}
	when := "on " + base.AsOf.String()
	if base.AsOfToday {
		when = "following today"
	}
	desc := fmt.Sprintf("A proposal derived from %q (%s, with its assumptions and evidence): lifts %s.", base.Name, when, ids(d.Lifted))
	switch {
	case len(d.Answers) > 0 && withCanada:
		desc += " Canada lifts its measures that answer them: " + ids(d.Answers) + "."
	case len(d.Answers) > 0:
		desc += " Canada keeps its measures that answer them: " + ids(d.Answers) + "."
	}
	return desc
}
