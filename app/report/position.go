package report

import (
	"fmt"
	"slices"
	"strings"

	"parley/app/charts"
	"parley/scenarios"
)

// The slides of a negotiating position: per scenario, who depends on whom
// and the duty at stake with its P10–P90 ranges, in a deck only when asked
// for (DeckOptions.Slides, e.g. "--slides all" or "leverage,ranges"); for
// two or more scenarios, each scenario after the first scored as a
// proposal against the first, a native chart in every such deck unless
// the slides chosen leave it out.
const (
	SlideLeverage = string(charts.Leverage)
	SlideRanges   = "ranges"
	SlideDeal     = string(charts.Deal)
)

// PositionSlides are the slides a deck has only when they are asked for.
var PositionSlides = []string{SlideLeverage, SlideRanges, SlideDeal}

// Titles of the position charts.
const (
	titleLeverage = "Who depends on whom: leverage by sector"
	titleDeal     = "What the proposal gets and gives Canada"
	titleRanges   = "Trade effect by sector, P10–P90" // one line on a 4:3 slide
)

// DefaultDraws and DefaultSeed are the Monte Carlo run of the deck's
// ranges slide and of a chart request that asks for ranges without saying
// how many draws.
const (
	DefaultDraws = 10000
	DefaultSeed  = 1
)

// hasPositionSlide reports whether the deck has slides of kind k: the
// deal slide is in a deck of two or more scenarios by default, the
// leverage and ranges slides only when asked for.
func (o *DeckOptions) hasPositionSlide(k string) bool {
	if k == SlideDeal {
		return o.hasSlide(k)
	}
	return slices.Contains(o.Slides, k)
}

// buildPosition builds a leverage chart (one scenario: its duty at stake
// each way beside who depends on whom) or a deal chart (two scenarios:
// the proposal, second, scored against the baseline, first, each on its
// own date). Both show both directions: the notes list the measures of
// both.
func (b *builder) buildPosition(k charts.Kind, subs []*subject, req ChartRequest) (*built, error) {
	bt := &built{subjects: subs, measures: make([][]*scenarios.Measure, len(subs)), dir: scenarios.CAtoUS, bothWays: true}
	meta := charts.Meta{AllSectors: req.AllSectors}
	for i, s := range subs {
		bt.measures[i] = append(activeMeasures(s.sc, scenarios.CAtoUS, s.asOf, s.asOf), activeMeasures(s.sc, scenarios.UStoCA, s.asOf, s.asOf)...)
		bt.results = append(bt.results, s.evaluate())
	}
	bt.when = "on " + subs[0].asOf.String()
	if len(subs) > 1 {
		bt.when = "on each scenario's date"
	}
	var levLines []string
	top := req.Top
	if top == 0 && !req.AllSectors {
		top = charts.DefaultTop // the leverage and deal charts pair two bars a row: fewer rows fit
	}
	var draw func() *charts.Chart
	switch k {
	case charts.Leverage:
		var err error
		if draw, levLines, err = b.leverageChart(bt, req, top, &meta); err != nil {
			return nil, err
		}
	case charts.Deal:
		d, err := scenarios.ScoreDeal(&bt.results[0], &bt.results[1])
		if err != nil {
			return nil, badInput("%v", err)
		}
		meta.Title = titleDeal
		meta.Subtitle = "Baseline " + dealName(subs[0]) + " → proposal " + dealName(subs[1]) + " · baseline " +
			baselineYears(subs) + " trade · " + bothDirections
		bt.notes = likenessNotes(subs)
		draw = func() *charts.Chart { return charts.NewDeal(d, subs[0].model.Sectors, top, meta) }
	default:
		return nil, badInput("unknown chart kind %q (want %s)", k, kindList())
	}
	bt.subtitle = meta.Subtitle
	st := chartFoot
	if k == charts.Deal {
		st = compareFoot // two scenarios' sources
	}
	st.full = req.FullFootnote
	foot, err := b.footnote(subs, bt.measures, st)
	if err != nil {
		return nil, err
	}
	if k == charts.Leverage {
		meta.Footnote = append(levLines, foot...)
	} else {
		meta.Footnote = append(slices.Clip(bt.notes), foot...)
	}
	bt.chart = draw()
	return bt, nil
}

// bothDirections is how a position chart's subtitle says it covers both directions.
const bothDirections = "both directions"

// leverageChart prepares the leverage chart of bt's scenario: its
// dependence rows with the scenario's duty, and the lines of the sources of
// dependence for the footnote.
func (b *builder) leverageChart(bt *built, req ChartRequest, top int, meta *charts.Meta) (func() *charts.Chart, []string, error) {
	subs := bt.subjects
	lev, err := b.ws.Leverage()
	if err != nil {
		return nil, nil, err
	}
	rows := scenarios.WithDuty(lev.Rows, &bt.results[0])
	meta.Title = titleLeverage
	meta.Subtitle = strings.Join(append([]string{subs[0].name()}, context(subs, scenarios.CAtoUS, "")...), " · ")
	meta.Subtitle = strings.Replace(meta.Subtitle, scenarios.CAtoUS.Label(), fmt.Sprintf("dependence %d, duty at stake %s", lev.Year, bothDirections), 1)
	var levLines []string
	for _, l := range lev.Sources {
		if !req.FullFootnote {
			l = compactSource(l)
		}
		levLines = append(levLines, l)
	}
	// A slide's footnote names the two sources in one line; the
	// closing sources slide gives them in full.
	bt.notes = []string{leverageSlideSource}
	return func() *charts.Chart {
		return charts.NewLeverage(rows, scenarios.LeverageTotal(rows), subs[0].model.Sectors, top, *meta)
	}, levLines, nil
}

// dealName names a side of a deal: "Today: … (as of 2026-12-01)".
func dealName(s *subject) string { return s.name() + " (as of " + s.asOf.String() + ")" }

// baselineYears returns "2024" or "2024 and 2025".
func baselineYears(subs []*subject) string {
	parts := context(subs, scenarios.CAtoUS, "x")
	for _, p := range parts {
		if y, ok := strings.CutPrefix(p, "baseline "); ok {
			return strings.TrimSuffix(y, " trade")
		}
	}
	return ""
}

// exposureBands runs the Monte Carlo an exposure chart request asks for
// (req.Draws > 0), or returns nil.
func (b *builder) exposureBands(s *subject, req ChartRequest) (*scenarios.MonteCarloResult, []string, error) {
	if req.Draws <= 0 {
		return nil, nil, nil
	}
	bands, rg, err := b.ws.MonteCarlo(s.model, s.sc, s.asOf, req.Draws, req.Seed)
	if err != nil {
		return nil, nil, err
	}
	return &bands, []string{rg.SourceLine}, nil
}

// positionSlides appends the position slides asked for to slides: per
// scenario a leverage slide and a ranges slide (the exposure chart with
// its P10–P90 ranges, natively the trade effect's ranges by sector), then for each scenario after the first a
// deal slide scoring it against the first. It returns the extra source
// lines for the closing slide.
func (b *builder) positionSlides(slides []*pendingSlide, subs []*subject, req ChartRequest, opt *DeckOptions) ([]*pendingSlide, []string, error) {
	var sources []string
	add := func(bt *built, kind string) error {
		ps, err := b.slide(bt)
		if err != nil {
			return fmt.Errorf("%s slide: %w", kind, err)
		}
		ps.kind = kind
		slides = append(slides, ps)
		return nil
	}
	for _, s := range subs {
		if opt.hasPositionSlide(SlideLeverage) {
			bt, err := b.buildPosition(charts.Leverage, []*subject{s}, req)
			if err != nil {
				return nil, nil, fmt.Errorf("%s: leverage chart: %w", s.id, err)
			}
			if err := add(bt, SlideLeverage); err != nil {
				return nil, nil, err
			}
			lev, err := b.ws.Leverage()
			if err != nil {
				return nil, nil, err
			}
			sources = appendNew(sources, lev.Sources...)
		}
		if opt.hasPositionSlide(SlideRanges) {
			bt, src, err := b.buildRanges(s, req)
			if err != nil {
				return nil, nil, err
			}
			sources = appendNew(sources, src...)
			if err := add(bt, SlideRanges); err != nil {
				return nil, nil, err
			}
			rangesSubtitle(slides[len(slides)-1])
		}
	}
	if opt.hasPositionSlide(SlideDeal) {
		for _, s := range subs[min(1, len(subs)):] {
			bt, err := b.buildPosition(charts.Deal, []*subject{subs[0], s}, req)
			if err != nil {
				return nil, nil, fmt.Errorf("deal chart %s vs %s: %w", subs[0].id, s.id, err)
			}
			if err := add(bt, SlideDeal); err != nil {
				return nil, nil, err
			}
		}
	}
	return slides, sources, nil
}

// buildRanges builds the ranges chart of s: the exposure chart with the
// P10–P90 ranges of the deck's Monte Carlo run, on the ten sectors with
// the most duty unless req says otherwise. It returns the source of the
// claim ranges for the closing slide; the chart's own note says what the
// ranges cover.
func (b *builder) buildRanges(s *subject, req ChartRequest) (*built, []string, error) {
	r := req
	r.Draws, r.Seed = DefaultDraws, DefaultSeed
	if r.Top == 0 && !r.AllSectors {
		r.Top = charts.DefaultTop // a range a row, with its figures: more rows would not read
	}
	bt, err := b.build(charts.Exposure, []*subject{s}, r)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: ranges chart: %w", s.id, err)
	}
	bt.chart.Meta.Title = titleRanges
	var sources []string
	for _, l := range bt.notes {
		if strings.HasPrefix(l, "Ranges:") {
			sources = append(sources, l)
		}
	}
	bt.notes = nil
	return bt, sources, nil
}

// rangesSubtitle gives a ranges slide the scenario, date and direction
// and how many sectors it shows: the sentence gives the totals, and the
// chart keeps the room the summary would take (the speaker notes keep it).
func rangesSubtitle(ps *pendingSlide) {
	c := ps.slide.Chart
	if c == nil {
		return
	}
	n := len(c.Categories)
	what := "the sector with the most duty at stake"
	if n > 1 {
		what = fmt.Sprintf("the %d sectors with the most duty at stake", n)
	}
	ps.slide.Subtitle = ps.built.subtitle + " · " + what
}

// appendNew appends to list the items it does not hold yet.
func appendNew(list []string, items ...string) []string {
	for _, it := range items {
		if !slices.Contains(list, it) {
			list = append(list, it)
		}
	}
	return list
}

// checkDeal checks the scenarios of a deal chart request: exactly two.
func checkDeal(n int) error {
	if n != 2 {
		return badInput("a deal chart takes two scenarios, the baseline then the proposal; got %d", n)
	}
	return nil
}

// scheduledYears bounds how far after the as-of date a timeline extends by
// default to show scheduled steps.
const scheduledYears = 5

// scheduledEnd returns the default end of s's timeline: its as-of date, or
// when a measure has started by then and measures start or end within
// scheduledYears after it, the end of the second month after the last such
// step, so that the timeline shows the steps to come (drawn dashed:
// charts.NewTimelineScheduled). A scenario none of whose measures has
// started by its as-of date ends there.
func scheduledEnd(s *subject) scenarios.Date {
	started := slices.ContainsFunc(s.sc.Measures, func(m scenarios.Measure) bool { return s.sc.Active(&m, m.From) && !m.From.After(s.asOf) })
	if !started {
		return s.asOf
	}
	limit := scenarios.NewDate(s.asOf.Year()+scheduledYears, s.asOf.Month(), s.asOf.Day())
	steps := s.sc.ChangeDates(s.asOf.AddDays(1), limit)
	if len(steps) == 0 {
		return s.asOf
	}
	last := steps[len(steps)-1]
	return scenarios.NewDate(last.Year(), last.Month()+3, 1).AddDays(-1)
}

// leverageSlideSource names the sources of the leverage figures in one
// line, for a slide's footnote.
const leverageSlideSource = "Dependence, 2024, value-weighted from HS chapters: US imports from US Census (US$); Canada's exports from " +
	"Statistics Canada via ISED Trade Data Online (C$; ISED's reuse terms not checked). Full sources on the closing slide."
