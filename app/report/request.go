package report

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"parley/app/charts"
	"parley/scenarios"
	"parley/storage"
)

// ChartRequest says which chart to build, for which scenarios and how.
type ChartRequest struct {
	// Kind is the kind of chart.
	Kind charts.Kind
	// Scenarios are scenario ids or names: 2 to 4 for a comparison,
	// exactly one for every other kind.
	Scenarios []string
	// Direction is the direction of trade shown; "" picks the direction
	// with the larger total duty at stake (ties: ca_to_us).
	Direction scenarios.Direction
	// AsOf is the day the scenarios are evaluated on; zero means each
	// scenario's own date (Scenario.EvalDate, with Today for scenarios
	// that follow the clock).
	AsOf scenarios.Date
	// From and To bound a timeline. A zero From means January 2025 (the
	// start of the measure library), or the month of the scenario's first
	// measure if that is earlier; a zero To means the as-of date. Other
	// kinds ignore them.
	From, To scenarios.Date
	// Top keeps the Top sectors with the largest duty and sums the rest
	// into one "All other" bar (exposure and compare); 0 keeps all. A
	// products chart shows its Top lines (0: charts.DefaultProducts).
	// Other kinds ignore it.
	Top int
	// Sector is the sector code of a products chart ("" for every
	// sector). Other kinds ignore it.
	Sector string
	// AllSectors keeps the sectors with nothing to show (no duty, no trade
	// effect) on exposure and compare charts; by default they are left out
	// and the footnote says how many. The command line and the app ask for
	// Top charts.DefaultTop unless told otherwise.
	AllSectors bool
	// Today is the day on which scenarios that follow the clock are
	// evaluated; zero means the current day.
	Today scenarios.Date
	// FullFootnote gives the source lines in full, with their file-level
	// details, and every piece of evidence in the footnote (for CSV
	// files). Otherwise long parentheses such as repository file paths are
	// left out, and a comparison lists only the first pieces of evidence,
	// so that the footnote fits under the chart.
	FullFootnote bool
	// Draws > 0 adds P10–P90 ranges from a Monte Carlo run of Draws draws
	// with Seed to an exposure chart (position.go). Other kinds ignore it.
	Draws int
	Seed  uint64
}

// DeckOptions say how to build a deck.
type DeckOptions struct {
	// Widescreen selects 16:9 slides, whose pictures are 1920 pixels
	// wide; false selects 4:3 slides, with pictures 1600 pixels wide. A
	// picture is as high as the slide's chart area needs for it to fill
	// the area (at most 1080 or 1200 pixels).
	Widescreen bool
	// AsOf is the day every scenario is evaluated on; zero means each
	// scenario's own date.
	AsOf scenarios.Date
	// Direction is the direction of trade of every slide; "" picks, for
	// each scenario (and for the comparison), the direction with the
	// larger total duty at stake.
	Direction scenarios.Direction
	// Top limits the exposure and comparison charts to the Top sectors
	// with the largest duty plus "All other"; 0 shows all sectors.
	Top int
	// AllSectors keeps the sectors with nothing to show on the charts.
	AllSectors bool
	// Title and Subtitle are the title slide's; empty means the
	// scenarios' names ("A vs B") and the date(s) they are evaluated on.
	Title, Subtitle string
	// Slides are the kinds of slides the deck has (DeckSlides); nil means
	// all of them but the PositionSlides. They come in deck order whatever order they are given.
	Slides []string
	// Today is the day on which scenarios that follow the clock are
	// evaluated; zero means the current day.
	Today scenarios.Date
	// Created stamps the deck (and its title slide); zero means Now.
	Created time.Time
	// Now is the clock for Created when it is zero; nil means time.Now.
	Now func() time.Time
	// Progress, if set, is told each step of the build as it begins; an
	// error it returns (the user cancelled, say) stops the build, which
	// returns it.
	Progress func(DeckStep) error
}

// DeckStep is a step of building a deck, in the order they run.
type DeckStep int

// The steps of building a deck.
const (
	// DeckEvaluating evaluates the scenarios.
	DeckEvaluating DeckStep = iota
	// DeckDrawing draws the slides' charts and pictures.
	DeckDrawing
)

// step tells opt's Progress that step begins, and returns its error.
func (o *DeckOptions) step(s DeckStep) error {
	if o.Progress == nil {
		return nil
	}
	return o.Progress(s)
}

// timelineStart is the first month of a timeline by default: the start of
// the period the measure library covers.
var timelineStart = scenarios.NewDate(2025, time.January, 1)

// badInput returns an error wrapping storage.ErrInvalid, so that
// storage.IsBadInput reports it as the user's mistake.
func badInput(format string, a ...any) error {
	return fmt.Errorf("%w: %s", storage.ErrInvalid, fmt.Sprintf(format, a...))
}

// check validates a chart request.
func (r *ChartRequest) check() error {
	if _, err := charts.ParseKind(string(r.Kind)); err != nil || r.Kind == "" {
		return badInput("unknown chart kind %q (want %s)", r.Kind, kindList())
	}
	n := len(r.Scenarios)
	if r.Kind == charts.Compare {
		if n < charts.MinCompare || n > charts.MaxCompare {
			return badInput("a compare chart takes %d to %d scenarios, got %d", charts.MinCompare, charts.MaxCompare, n)
		}
	} else if r.Kind == charts.Deal {
		if err := checkDeal(n); err != nil {
			return err
		}
	} else if n != 1 {
		return badInput("%s chart takes exactly one scenario, got %d", article(string(r.Kind)), n)
	}
	if err := checkRefs(r.Scenarios); err != nil {
		return err
	}
	if err := checkDirection(r.Direction); err != nil {
		return err
	}
	if r.Top < 0 {
		return badInput("top %d: want 0 (all sectors) or more", r.Top)
	}
	if !r.From.IsZero() && !r.To.IsZero() && r.To.Before(r.From) {
		return badInput("timeline end %s is before its start %s", r.To, r.From)
	}
	return nil
}

// check validates deck options and references.
func (o *DeckOptions) check(refs []string) error {
	if len(refs) == 0 {
		return badInput("a deck needs at least one scenario")
	}
	if err := checkRefs(refs); err != nil {
		return err
	}
	if err := checkDirection(o.Direction); err != nil {
		return err
	}
	if o.Top < 0 {
		return badInput("top %d: want 0 (all sectors) or more", o.Top)
	}
	for _, k := range o.Slides {
		if !slices.Contains(DeckSlides, k) {
			return badInput("unknown slide %q (want %s)", k, strings.Join(DeckSlides, ", "))
		}
	}
	if o.Slides != nil && !slices.ContainsFunc(o.Slides, func(k string) bool { return k != SlideSources }) {
		return badInput("choose at least one slide besides the sources")
	}
	return nil
}

// The kinds of slides of a deck.
const (
	// SlideSummary is one page per scenario for a minister: both
	// directions, totals with their ranges, the five largest sectors and
	// the key evidence.
	SlideSummary  = "summary"
	SlideExposure = string(charts.Exposure)
	SlideProducts = string(charts.Products)
	SlideDutiable = string(charts.Dutiable)
	SlideTimeline = string(charts.Timeline)
	SlideTornado  = string(charts.Tornado)
	SlideCompare  = string(charts.Compare) // for 2 to 4 scenarios
	SlideSources  = "sources"
)

// DeckSlides are the kinds of slides a deck can have, in deck order.
var DeckSlides = []string{SlideSummary, SlideExposure, SlideProducts, SlideProvinces, SlideProgrammes, SlideDutiable, SlideTimeline, SlideTornado, SlideCompare,
	SlideLeverage, SlideRanges, SlideDeal, SlideSources} // the last three only when asked for (position.go)

// ParseSlides reads a comma-separated list of slide kinds, such as
// "summary,exposure,compare", and returns them in deck order without
// repeats; "all" is every kind.
func ParseSlides(s string) ([]string, error) {
	want := map[string]bool{}
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' }) {
		f = strings.ToLower(f)
		if f == "all" {
			return slices.Clone(DeckSlides), nil
		}
		if !slices.Contains(DeckSlides, f) {
			return nil, badInput("unknown slide %q (want %s, or all)", f, strings.Join(DeckSlides, ", "))
		}
		want[f] = true
	}
	var out []string
	for _, k := range DeckSlides {
		if want[k] {
			out = append(out, k)
		}
	}
	if len(out) == 0 {
		return nil, badInput("no slides chosen (want %s, or all)", strings.Join(DeckSlides, ", "))
	}
	return out, nil
}

// hasSlide reports whether the deck has slides of kind k.
func (o *DeckOptions) hasSlide(k string) bool {
	return o.Slides == nil || slices.Contains(o.Slides, k)
}

// checkRefs refuses empty scenario references. Repeated scenarios are
// found once the references are resolved (loadSubjects).
func checkRefs(refs []string) error {
	for _, ref := range refs {
		if strings.TrimSpace(ref) == "" {
			return badInput("empty scenario id or name")
		}
	}
	return nil
}

func checkDirection(d scenarios.Direction) error {
	if d == "" {
		return nil
	}
	if _, err := scenarios.ParseDirection(string(d)); err != nil {
		return fmt.Errorf("%w: %v", storage.ErrInvalid, err)
	}
	return nil
}

// kindList returns the kinds as "exposure, dutiable, ... or tornado".
func kindList() string {
	ks := charts.Kinds()
	names := make([]string, len(ks))
	for i, k := range ks {
		names[i] = string(k)
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// article returns word with "a" or "an" before it: "an exposure", "a
// timeline".
func article(word string) string {
	if word != "" && strings.ContainsRune("aeiouAEIOU", rune(word[0])) {
		return "an " + word
	}
	return "a " + word
}
