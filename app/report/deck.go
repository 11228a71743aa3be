package report

import (
	"bytes"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"parley/app/charts"
	"parley/app/deck"
	"parley/storage"
	"parley/storage/evidence"
)

// slideKinds are the slides of each scenario, in order.
var slideKinds = []charts.Kind{charts.Exposure, charts.Products, charts.Provinces, charts.Programmes, charts.Dutiable, charts.Timeline, charts.Tornado}

// Deck builds a briefing deck on the scenarios refs (ids or names) of ws: a
// title slide; for each scenario its summary, exposure, top products, duty
// by legal programme and dutiable-trade charts, its timeline from January
// 2025 and its sensitivity tornado (native, editable PowerPoint charts);
// for 2 to 4 scenarios a comparison and the deals; and a closing sources
// slide. Every chart
// slide has a title, a subtitle, a footnote with its sources and evidence,
// and speaker notes quoting the evidence in full. A deck of one scenario
// has 9 slides, of two 17 (with the title and sources). Bad input (no or unknown scenarios, a scenario given twice, a bad
// direction) is an error for which storage.IsBadInput is true.
func Deck(ws *storage.Workspace, refs []string, opt DeckOptions) (*deck.Deck, error) {
	if err := opt.check(refs); err != nil {
		return nil, fmt.Errorf("deck: %w", err)
	}
	if err := opt.step(DeckEvaluating); err != nil {
		return nil, err
	}
	subs, err := loadSubjects(ws, refs, opt.AsOf, opt.Today)
	if err != nil {
		return nil, fmt.Errorf("deck: %w", err)
	}
	created := opt.Created
	if created.IsZero() {
		created = deck.Now(opt.Now)
	}
	width := charts.Slide43.W
	if opt.Widescreen {
		width = charts.Slide169.W
	}
	if err := opt.step(DeckDrawing); err != nil {
		return nil, err
	}
	b := newBuilder(ws)
	b.deck = subs
	req := ChartRequest{Direction: opt.Direction, Top: opt.Top, AllSectors: opt.AllSectors}
	slides, err := b.scenarioSlides(subs, req, &opt)
	if err != nil {
		return nil, fmt.Errorf("deck: %w", err)
	}
	slides, positionSources, err := b.positionSlides(slides, subs, req, &opt) // only when asked for (position.go)
	if err != nil {
		return nil, fmt.Errorf("deck: %w", err)
	}
	for _, ps := range slides {
		if ps.slide.Lead == "" {
			ps.slide.Lead = b.lead(ps)
			ps.slide.Subtitle = withoutLead(ps.slide.Subtitle, ps.slide.Lead)
		}
	}
	if err := renderPictures(slides, width, opt.Widescreen); err != nil {
		return nil, fmt.Errorf("deck: %w", err)
	}
	var sources []string
	if opt.hasSlide(SlideSources) {
		if sources, err = b.sources(subs, slides); err != nil {
			return nil, fmt.Errorf("deck: %w", err)
		}
		sources = append(sources, positionSources...)
	}
	d := newDeck(subs, &opt, created, sources)
	for _, ps := range slides {
		d.Slides = append(d.Slides, ps.slide)
	}
	return d, nil
}

// newDeck returns the deck of subs without its slides: its title and
// subtitle (the user's, or the scenarios' names and dates), date and
// sources.
func newDeck(subs []*subject, opt *DeckOptions, created time.Time, sources []string) *deck.Deck {
	title, subtitle := strings.TrimSpace(opt.Title), strings.TrimSpace(opt.Subtitle)
	if title == "" {
		title = DeckTitle(names(subs))
	}
	if subtitle == "" {
		subtitle = deckSubtitle(subs, created)
	}
	return &deck.Deck{
		Title:      title,
		Subtitle:   subtitle,
		Author:     "Parley",
		Created:    created,
		Sources:    sources,
		Widescreen: opt.Widescreen,
	}
}

// scenarioSlides returns the slides opt asks for of each scenario of subs
// (summary, then its charts, the same chart with the same data once), and
// the slide comparing them.
func (b *builder) scenarioSlides(subs []*subject, req ChartRequest, opt *DeckOptions) ([]*pendingSlide, error) {
	var slides []*pendingSlide
	if opt.hasSlide(SlideSummary) {
		for _, s := range subs {
			ps, err := b.summarySlide(s)
			if err != nil {
				return nil, fmt.Errorf("%s: summary slide: %w", s.id, err)
			}
			slides = append(slides, ps)
		}
	}
	for _, s := range subs {
		for _, k := range slideKinds {
			if !opt.hasSlide(string(k)) || !s.hasSlide(k) {
				continue
			}
			bt, err := b.build(k, []*subject{s}, req)
			if err != nil {
				return nil, fmt.Errorf("%s: %s chart: %w", s.id, k, err)
			}
			ps, err := b.slide(bt)
			if err != nil {
				return nil, fmt.Errorf("%s: %s slide: %w", s.id, k, err)
			}
			ps.kind = string(k)
			if mergeDuplicate(slides, ps, s) {
				continue // the same chart with the same data: one slide names both scenarios
			}
			slides = append(slides, ps)
		}
	}
	if opt.hasSlide(SlideCompare) && len(subs) >= charts.MinCompare && len(subs) <= charts.MaxCompare {
		bt, err := b.build(charts.Compare, subs, req)
		if err != nil {
			return nil, fmt.Errorf("compare chart: %w", err)
		}
		ps, err := b.slide(bt)
		if err != nil {
			return nil, fmt.Errorf("compare slide: %w", err)
		}
		ps.kind = SlideCompare
		slides = append(slides, ps)
	}
	return slides, nil
}

// names returns the scenarios' names.
func names(subs []*subject) []string {
	out := make([]string, len(subs))
	for i, s := range subs {
		out[i] = s.name()
	}
	return out
}

// DeckTitle is the title of a deck on scenarios of these names unless the
// user gives one: the names, joined by " vs " when there are several.
func DeckTitle(names []string) string { return strings.Join(names, " vs ") }

// deckSubtitle returns the title slide's default subtitle: the as-of
// date(s) and the day the deck was prepared.
func deckSubtitle(subs []*subject, created time.Time) string {
	var dates []string
	for _, s := range subs {
		if d := s.asOf.String(); !slices.Contains(dates, d) {
			dates = append(dates, d)
		}
	}
	when := "As of " + strings.Join(dates, ", ")
	if len(dates) > 1 {
		when = "As of each scenario's date (" + strings.Join(dates, ", ") + ")"
	}
	return when + "\nPrepared " + created.Format("2 January 2006")
}

// pendingSlide is a slide whose picture, if it has one, is still to be
// rendered.
type pendingSlide struct {
	slide   deck.Slide
	built   *built
	picture *charts.Chart // rendered into slide.Picture; nil for a native chart
	// kind is the kind of slide (DeckSlides).
	kind string
	// key identifies the slide's content (see dataKey); also are the
	// scenarios after the first whose slide of this kind showed the same.
	key  string
	also []*subject
}

// slide makes the slide of bt: a native chart when the chart has a table
// and data to show, else a picture of the chart without its own title,
// subtitle and footnote, which the slide carries as text. The footnote
// gives the sources in one paragraph and the first pieces of evidence; the
// speaker notes give all of it.
func (b *builder) slide(bt *built) (*pendingSlide, error) {
	ch := bt.chart
	notes, err := b.notes(bt)
	if err != nil {
		return nil, err
	}
	foot, err := b.footnote(bt.subjects, bt.measures, slideFoot)
	if err != nil {
		return nil, err
	}
	ps := &pendingSlide{built: bt}
	ps.slide = deck.Slide{Title: ch.Meta.Title, Subtitle: bt.subtitle, Notes: notes}
	alt := ch.Meta.Title + ": " + bt.subtitle + "."
	lead := bt.notes
	if t, ok := ch.Table(); ok && ch.Empty() == "" {
		nc := NativeChart(t)
		nc.Title = "" // the slide's title says it
		if k := ch.Kind; k == charts.Exposure || k == charts.Compare {
			markUpperBounds(nc, bt)
		}
		ps.slide.Chart = nc
		switch s := ch.Summary(); {
		case ch.Kind == charts.Deal:
			// The slide's sentence gives the totals; the trade effects
			// go under the chart, which keeps its room.
			ps.slide.Subtitle = bt.subtitle
			if _, rest, ok := strings.Cut(s, " · "); ok {
				lead = append(lead, rest+".")
			}
			alt += " " + s + "."
		case ch.Kind == charts.Compare:
			// The legend names the scenarios: the subtitle needs only the
			// date(s), the baseline and the direction, and leaves the
			// chart its room (a 4:3 slide has little).
			ps.slide.Subtitle = ch.Meta.Subtitle
			alt += " " + s + "."
		case s != "":
			// The summary starts with the direction.
			ps.slide.Subtitle = strings.TrimSuffix(bt.subtitle, " · "+bt.dir.Label()) + "\n" + s
			alt += " " + s + "."
		}
		lead = append(ch.Notes(), lead...)
	} else {
		pic := *ch
		pic.Meta = charts.Meta{}
		ps.picture = &pic
		if s := ch.Summary(); s != "" {
			alt += " " + s + "."
		} else if msg := ch.Empty(); msg != "" {
			alt += " " + msg + "."
		}
	}
	ps.slide.AltText = alt
	ps.slide.Footnote = strings.Join(append(slices.Clip(lead), foot...), "\n")
	return ps, nil
}

// markUpperBounds appends " (≤)" to the categories of a native exposure or
// comparison chart whose duty is an upper bound in some scenario (the
// picture writes "≤" before the value).
func markUpperBounds(nc *deck.Chart, bt *built) {
	labels := map[string]string{} // label -> sector code
	upper := map[string]bool{}    // sector code -> upper bound
	for _, s := range bt.subjects {
		for _, sec := range s.model.Sectors {
			labels[sec.Label()] = sec.Code
		}
	}
	for _, res := range bt.results {
		for _, f := range res.DirectionFlows(bt.dir) {
			if f.UpperBound && f.Duty != 0 {
				upper[f.Sector] = true
			}
		}
	}
	shown := map[string]bool{}
	for _, c := range nc.Categories {
		shown[labels[c]] = true
	}
	othersUpper := false
	for code := range upper {
		if !shown[code] {
			othersUpper = true
		}
	}
	for i, c := range nc.Categories {
		code, ok := labels[c]
		if (ok && upper[code]) || (!ok && strings.HasPrefix(c, "All other") && othersUpper) {
			nc.Categories[i] = c + " (≤)"
		}
	}
}

// renderPictures renders the pictures of slides, several at once, width
// pixels wide (1920 for 16:9 slides, 1600 for 4:3) and as high as the
// slide's chart area needs for the picture to fill it.
func renderPictures(slides []*pendingSlide, width int, widescreen bool) error {
	var todo []*pendingSlide
	for _, ps := range slides {
		if ps.picture != nil {
			todo = append(todo, ps)
		}
	}
	errs := make([]error, len(todo))
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(todo)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				ps := todo[i]
				var buf bytes.Buffer
				size, scale := pictureSize(&ps.slide, width, widescreen)
				px, err := ps.picture.SlidePNG(&buf, size, scale)
				if err != nil {
					errs[i] = fmt.Errorf("%s slide: %w", ps.picture.Kind, err)
					continue
				}
				ps.slide.Picture = buf.Bytes()
				ps.slide.PictureTextPx = px
			}
		}()
	}
	for i := range todo {
		work <- i
	}
	close(work)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// pictureUnitsPerPoint is how many of a picture's units (see
// charts.SlidePNG) span a point of the slide: its smallest text, 10 units,
// is then at least deck.MinProjectedPoints on the slide, with a margin.
const pictureUnitsPerPoint = 10.0 / (deck.MinProjectedPoints + 0.5)

// pictureSize returns the size of a slide's picture in units and the
// pixels per unit: the picture is width pixels wide (1920 for 16:9 slides,
// 1600 for 4:3), has the aspect ratio of the slide's chart area, but is no
// taller than the slide's own aspect ratio allows (16:9 or 4:3), and is
// drawn on as many units as the area is wide in points times
// pictureUnitsPerPoint, so that its text is large enough when projected.
func pictureSize(s *deck.Slide, width int, widescreen bool) (charts.Size, float64) {
	cx, cy := s.ContentSize(widescreen)
	aspect := 3.0 / 4
	if widescreen {
		aspect = 9.0 / 16
	}
	if cx > 0 {
		aspect = min(aspect, float64(cy)/float64(cx))
	}
	units := float64(width)
	if cx > 0 {
		units = float64(cx) / 12700 * pictureUnitsPerPoint
	}
	w := int(units)
	h := max(int(float64(w)*aspect+0.5), 1)
	return charts.Size{W: w, H: h}, float64(width) / float64(w)
}

// sources returns the lines of the closing sources slide: the source of
// each dataset the scenarios use (without file-level details such as
// repository paths, which every slide's speaker notes give), where the
// figures come from, and every document the slides' measures quote with
// its title, publisher, date and address. Two scenarios' sources fit on
// one 4:3 slide.
func (b *builder) sources(subs []*subject, slides []*pendingSlide) ([]string, error) {
	var lines []string
	add := func(s string) {
		if !slices.Contains(lines, s) {
			lines = append(lines, s)
		}
	}
	for _, s := range subs {
		for _, l := range s.sources {
			add(compactSource(l))
		}
	}
	add("Figures: Parley's calculation from these data and the scenarios' measures (legal bases in the speaker notes).")
	var docs []string
	for _, ps := range slides {
		for _, ms := range ps.built.measures {
			for _, m := range ms {
				for _, e := range m.Evidence {
					if e.IsQuote() && !slices.Contains(docs, e.Document) {
						docs = append(docs, e.Document)
					}
				}
			}
		}
	}
	for _, id := range docs {
		d, err := b.document(id)
		if err != nil {
			return nil, err
		}
		add(documentSource(d))
	}
	return lines, nil
}

// documentSource returns a quoted document as the sources slide lists it:
// "Quoted: <title>. <publisher>, <date>. <URL> (document <id>)", leaving
// out what is not known.
func documentSource(d evidence.Document) string {
	var b strings.Builder
	b.WriteString("Quoted: ")
	if d.Title != "" {
		b.WriteString(strings.TrimSuffix(d.Title, "."))
		b.WriteString(".")
	}
	var pub []string
	if d.Publisher != "" {
		pub = append(pub, d.Publisher)
	}
	if d.Date != "" {
		pub = append(pub, d.Date)
	}
	if len(pub) > 0 {
		b.WriteString(" " + strings.Join(pub, ", ") + ".")
	}
	if d.URL != "" {
		b.WriteString(" " + d.URL)
	}
	b.WriteString(" (document " + d.ID + ")")
	return b.String()
}
