package report

import (
	"fmt"
	"slices"

	"parley/app/charts"
	"parley/scenarios"
	"parley/storage"
)

// noClaimData explains the dutiable chart of flows into Canada.
const noClaimData = "Flows into Canada have no CUSMA claim-share data: Parley counts them as not claimed (share 0) unless the scenario sets a sector's share."

// built is a chart together with what a slide about it needs: the
// scenarios it shows, the direction, and the measures behind it.
type built struct {
	chart    *charts.Chart
	dir      scenarios.Direction
	subjects []*subject
	// measures are, by subject, the measures of the direction in force on
	// the as-of date, or at some time in a timeline's range.
	measures [][]*scenarios.Measure
	// subtitle is the chart's subtitle naming the scenarios (a comparison
	// chart's names them in its legend instead).
	subtitle string
	// notes are footnote lines that explain the chart, before the sources.
	notes []string
	// results are the subjects' results on their dates (exposure, dutiable
	// and compare charts).
	results []scenarios.Result
	// when says when the measures are in force: "on 2025-08-15" or "at
	// some time from 2025-01-01 to 2026-11-22".
	when string
	// bothWays marks a chart of both directions (leverage, deal): its
	// measures are those of both.
	bothWays bool
	// bands are the P10–P90 ranges of an exposure chart that has them.
	bands *scenarios.MonteCarloResult
}

// Chart builds the chart that req describes from the scenarios of ws, with
// its title, subtitle (scenario, date, baseline year, direction) and
// footnote (sources, evidence, unevidenced measures). Bad requests (unknown
// kind or scenario, wrong number of scenarios, bad direction or range) are
// errors for which storage.IsBadInput is true.
func Chart(ws *storage.Workspace, req ChartRequest) (*charts.Chart, error) {
	if err := req.check(); err != nil {
		return nil, fmt.Errorf("chart %s: %w", req.Kind, err)
	}
	subs, err := loadSubjects(ws, req.Scenarios, req.AsOf, req.Today)
	if err != nil {
		return nil, fmt.Errorf("chart %s: %w", req.Kind, err)
	}
	bt, err := newBuilder(ws).build(req.Kind, subs, req)
	if err != nil {
		return nil, fmt.Errorf("chart %s: %w", req.Kind, err)
	}
	return bt.chart, nil
}

// build builds a chart of kind k over subs; req gives the direction, the
// timeline range and the top N.
func (b *builder) build(k charts.Kind, subs []*subject, req ChartRequest) (*built, error) {
	bt := &built{subjects: subs, measures: make([][]*scenarios.Measure, len(subs))}
	s := subs[0]
	meta := charts.Meta{Title: title(k, len(subs)), AllSectors: req.AllSectors}
	var draw func() (*charts.Chart, error)
	var err error
	switch k {
	case charts.Leverage, charts.Deal:
		return b.buildPosition(k, subs, req) // position.go
	case charts.Exposure, charts.Dutiable:
		draw, err = b.exposureChart(k, bt, s, req, &meta)
	case charts.Programmes:
		draw = b.programmesChart(bt, s, req, &meta)
	case charts.Compare:
		draw = compareChart(bt, subs, req, &meta)
	case charts.Timeline:
		draw, err = timelineChart(bt, s, req, &meta)
	case charts.Tornado:
		base, swings := s.model.Sensitivity(s.sc, s.asOf)
		bt.dir = pickDirection(req.Direction, base)
		draw = func() (*charts.Chart, error) { return charts.NewTornado(base, swings, bt.dir, meta), nil }
	case charts.Products:
		draw, err = productsChart(bt, s, req, &meta)
	case charts.Provinces:
		draw, err = provincesChart(bt, s, req, &meta)
	default:
		return nil, badInput("unknown chart kind %q (want %s)", k, kindList())
	}
	if err != nil {
		return nil, err
	}
	describe(k, subs, bt, &meta)
	st := chartFoot
	if k == charts.Compare {
		st = compareFoot
	}
	st.full = req.FullFootnote
	if meta.Footnote, err = b.footnote(subs, bt.measures, st); err != nil {
		return nil, err
	}
	if k == charts.Dutiable && bt.dir == scenarios.UStoCA {
		bt.notes = []string{noClaimData}
	}
	if k == charts.Compare {
		bt.notes = append(likenessNotes(subs), bt.notes...)
	}
	meta.Footnote = append(slices.Clip(bt.notes), meta.Footnote...)
	if bt.chart, err = draw(); err != nil {
		return nil, err
	}
	return bt, nil
}

// describe sets what bt's chart of kind k says of its scenarios: the
// measures in force, when, and the subtitle (the timeline sets its own).
func describe(k charts.Kind, subs []*subject, bt *built, meta *charts.Meta) {
	s := subs[0]
	if k != charts.Timeline {
		for i, s := range subs {
			bt.measures[i] = activeMeasures(s.sc, bt.dir, s.asOf, s.asOf)
		}
		bt.when = "on " + s.asOf.String()
		if len(subs) > 1 {
			bt.when = "on each scenario's date"
		}
		meta.Subtitle = subtitle(subs, bt.dir, "")
		if k == charts.Compare {
			// The legend names the scenarios; the slide's subtitle does too.
			bt.subtitle = meta.Subtitle
			meta.Subtitle = legendSubtitle(subs, bt.dir)
		}
	}
	if bt.subtitle == "" {
		bt.subtitle = meta.Subtitle
	}
}

// exposureChart prepares the exposure or dutiable chart of s.
func (b *builder) exposureChart(k charts.Kind, bt *built, s *subject, req ChartRequest, meta *charts.Meta) (func() (*charts.Chart, error), error) {
	res := s.evaluate()
	bt.results = []scenarios.Result{res}
	bt.dir = pickDirection(req.Direction, res.Totals)
	bands, rangeSource, err := b.exposureBands(s, req)
	if err != nil {
		return nil, err
	}
	bt.notes, bt.bands = rangeSource, bands
	return func() (*charts.Chart, error) {
		if k == charts.Exposure {
			return charts.NewExposureBands(res, bands, bt.dir, s.model.Sectors, req.Top, *meta), nil
		}
		return charts.NewDutiableTop(res, bt.dir, s.model.Sectors, req.Top, *meta), nil
	}, nil
}

// compareChart prepares the chart comparing subs.
func compareChart(bt *built, subs []*subject, req ChartRequest, meta *charts.Meta) func() (*charts.Chart, error) {
	results := make([]scenarios.Result, len(subs))
	totals := make([][2]scenarios.Totals, len(subs))
	for i, s := range subs {
		results[i] = s.evaluate()
		totals[i] = results[i].Totals
	}
	bt.results = results
	bt.dir = pickDirection(req.Direction, totals...)
	return func() (*charts.Chart, error) {
		return charts.NewCompare(results, bt.dir, subs[0].model.Sectors, req.Top, *meta)
	}
}

// timelineChart prepares the timeline of s over the range req gives.
func timelineChart(bt *built, s *subject, req ChartRequest, meta *charts.Meta) (func() (*charts.Chart, error), error) {
	from, to, err := timelineRange(s, req.From, req.To)
	if err != nil {
		return nil, err
	}
	pts, err := s.model.Timeline(s.sc, from, to)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", storage.ErrInvalid, err)
	}
	totals := make([][2]scenarios.Totals, len(pts))
	for i, p := range pts {
		totals[i] = p.Result.Totals
	}
	bt.dir = pickDirection(req.Direction, totals...)
	bt.measures[0] = activeMeasures(s.sc, bt.dir, from, to)
	bt.when = "at some time from " + period(from, to)
	meta.Subtitle = subtitle(bt.subjects, bt.dir, period(from, to))
	return func() (*charts.Chart, error) { return charts.NewTimelineScheduled(pts, bt.dir, *meta, s.asOf) }, nil
}
