package report

import (
	"parley/app/charts"
	"parley/scenarios"
	"parley/storage"
)

// titleProvinces is the title of a provinces chart.
const titleProvinces = "Duty at stake by province or state"

// SlideProvinces is the deck's slide of duty at stake by province or
// state, for a scenario whose trade data has a region column (a dataset
// the user imported); other scenarios have none.
const SlideProvinces = string(charts.Provinces)

// hasRegions reports whether the subject's trade lines name a province or
// state in some direction.
func (s *subject) hasRegions() bool {
	for _, d := range scenarios.Directions {
		if s.model.HasProvinces(d) {
			return true
		}
	}
	return false
}

// hasSlide reports whether the subject has a slide of kind k: a provinces
// slide only with regional data.
func (s *subject) hasSlide(k charts.Kind) bool {
	return k != charts.Provinces || s.hasRegions()
}

// provincesChart prepares the provinces chart of s: duty at stake by
// province or state, from the lines of its dataset. With no direction
// asked, it shows the direction whose lines name regions (the one with more
// duty when both do). meta is read when the returned function draws.
func provincesChart(bt *built, s *subject, req ChartRequest, meta *charts.Meta) (func() (*charts.Chart, error), error) {
	res := s.model.EvaluateWith(s.sc, s.asOf, scenarios.Options{Lines: true})
	bt.results = []scenarios.Result{res}
	dir := req.Direction
	if dir == "" {
		var totals [2]scenarios.Totals
		any := false
		for _, d := range scenarios.Directions {
			if s.model.HasProvinces(d) {
				totals[d.Index()] = res.Totals[d.Index()]
				any = true
			}
		}
		switch {
		case !any:
			dir = pickDirection("", res.Totals)
		case !s.model.HasProvinces(scenarios.UStoCA):
			dir = scenarios.CAtoUS
		case !s.model.HasProvinces(scenarios.CAtoUS):
			dir = scenarios.UStoCA
		default:
			dir = pickDirection("", totals)
		}
	}
	bt.dir = dir
	flows := s.model.ProvinceFlowsOf(res)
	meta.Title = titleProvinces
	has := s.model.HasProvinces(dir)
	return func() (*charts.Chart, error) { return charts.NewProvinces(flows, dir, s.asOf, has, *meta), nil }, nil
}

// ProvinceTable is exposure by province or state for a table in the
// window: the chart's rows as text, and whether the scenario's data has
// regions at all.
type ProvinceTable struct {
	Chart      *charts.Chart
	Rows       [][]string // region, trade, duty, tariff, trade effect, range, lines
	HasRegions bool
}

// ProvinceColumns are the headings of ProvinceTable.Rows.
var ProvinceColumns = []string{"Province or state", "Trade", "Duty at stake", "Tariff", "Trade effect", "Range", "Lines"}

// Provinces builds the provinces chart of one scenario (see Chart) and its
// rows as a table.
func Provinces(ws *storage.Workspace, req ChartRequest) (*ProvinceTable, error) {
	req.Kind = charts.Provinces
	ch, err := Chart(ws, req)
	if err != nil {
		return nil, err
	}
	rows, _ := ch.ProvinceRows()
	return &ProvinceTable{Chart: ch, Rows: rows, HasRegions: len(rows) > 0}, nil
}
