package report

import (
	"strings"

	"parley/app/charts"
	"parley/scenarios"
)

// titleProducts is the title of a products chart; titleSectorProducts of
// one sector's.
const (
	titleProducts       = "Top products by duty at stake"
	titleSectorProducts = "Top products by duty at stake: %s"
)

// productsChart prepares the products chart of s: the trade lines of
// req.Sector (every sector when "") with the largest duty at stake, the top
// req.Top of them (charts.DefaultProducts when 0). With no direction asked,
// it shows the direction where the sector (or the scenario) has more duty.
// meta is read when the returned function draws, after build has set the
// subtitle and footnote.
func productsChart(bt *built, s *subject, req ChartRequest, meta *charts.Meta) (func() (*charts.Chart, error), error) {
	sector := strings.ToUpper(strings.TrimSpace(req.Sector))
	label := ""
	if sector != "" {
		i, ok := s.model.SectorIndex(sector)
		if !ok {
			codes := make([]string, len(s.model.Sectors))
			for i, sec := range s.model.Sectors {
				codes[i] = sec.Code
			}
			return nil, badInput("unknown sector %q (known: %s)", req.Sector, strings.Join(codes, ", "))
		}
		label = s.model.Sectors[i].Label()
	}
	res := s.model.EvaluateWith(s.sc, s.asOf, scenarios.Options{Lines: true})
	bt.results = []scenarios.Result{res}
	totals := res.Totals
	if sector != "" {
		// Pick the direction by the sector's own duty.
		for _, d := range scenarios.Directions {
			f, _ := res.Flow(d, sector)
			totals[d.Index()] = scenarios.Totals{Duty: f.Duty}
		}
	}
	bt.dir = pickDirection(req.Direction, totals)
	meta.Title = titleProducts
	if label != "" {
		meta.Title = strings.Replace(titleSectorProducts, "%s", label, 1)
	}
	sel := charts.ProductSelection{Direction: bt.dir, Sector: sector, Sectors: s.model.Sectors, Top: req.Top,
		ChapterLevel: !s.model.ProductLevel(bt.dir)}
	return func() (*charts.Chart, error) { return charts.NewProducts(res, sel, *meta), nil }, nil
}
