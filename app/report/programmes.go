package report

import (
	"fmt"

	"parley/app/charts"
	"parley/scenarios"
)

// SlideProgrammes is each scenario's duty at stake by sector taken apart by
// legal programme, beside the CUSMA-claimed trade: which programme a
// sector's duty comes from, so that a sector whose trade is mostly claimed
// (aluminum) is seen paying Section 232.
const SlideProgrammes = string(charts.Programmes)

// titleProgrammes is the title of the programmes chart.
const titleProgrammes = "Duty by sector and programme" // one line on a 4:3 slide

// programmesChart prepares the programmes chart of s. Its programmes are
// ranked by their duty over all the scenarios of the deck (ProgrammeOrder), so
// that a programme has one colour in every such chart of a deck.
func (b *builder) programmesChart(bt *built, s *subject, req ChartRequest, meta *charts.Meta) func() (*charts.Chart, error) {
	res := s.evaluate()
	bt.results = []scenarios.Result{res}
	bt.dir = pickDirection(req.Direction, res.Totals)
	meta.Title = titleProgrammes
	return func() (*charts.Chart, error) {
		parts := s.model.DutyByProgramme(s.sc, bt.dir, s.asOf)
		all := [][]scenarios.SectorProgrammes{parts}
		for _, o := range b.deck {
			if o != s {
				all = append(all, o.model.DutyByProgramme(o.sc, bt.dir, o.asOf))
			}
		}
		return charts.NewProgrammes(parts, bt.dir, s.asOf, s.model.Sectors, scenarios.ProgrammeOrder(all...), *meta), nil
	}
}

// programmesLead says which law carries the most of a direction's duty,
// and which programme the most of the largest sector's: "Section 232 (5
// programmes) carries 68.1% of the US$ 33.1 bn duty at stake into the US;
// Section 232 autos carries 77.1% of the duty on motor vehicles & parts."
// A law taken under several programmes is named with their number, so that
// the reader does not take one programme's share for the law's.
func programmesLead(s *subject, d scenarios.Direction) (string, bool) {
	parts := s.model.DutyByProgramme(s.sc, d, s.asOf)
	family := map[string]float64{}
	programmes := map[string]map[string]bool{}
	total, upper := 0.0, false
	var largest scenarios.SectorProgrammes
	for _, sp := range parts {
		total += sp.Duty
		upper = upper || sp.UpperBound
		for _, p := range sp.Parts {
			f := scenarios.ProgrammeFamily(p.Program)
			family[f] += p.Duty
			if programmes[f] == nil {
				programmes[f] = map[string]bool{}
			}
			programmes[f][p.Program] = true
		}
		if sp.Duty > largest.Duty {
			largest = sp
		}
	}
	if total <= 0 || len(largest.Parts) == 0 {
		return "", false
	}
	top := ""
	for f, v := range family {
		if top == "" || v > family[top] || (v == family[top] && f < top) {
			top = f
		}
	}
	who := top
	if n := len(programmes[top]); n > 1 {
		who = fmt.Sprintf("%s (%d programmes)", top, n)
	}
	sector := largest.Sector
	for _, sec := range s.model.Sectors {
		if sec.Code == sector {
			sector = lowerFirst(sec.Label())
		}
	}
	q := largest.Parts[0]
	return fmt.Sprintf("%s carries %s of the %s%s duty at stake %s; %s carries %s of the duty on %s.", who, charts.Percent(family[top]/total),
		mark(upper), charts.Money(total), intoWhere(d), scenarios.ProgrammeLabel(q.Program), charts.Percent(largest.Share(q.Program)), sector), true
}
