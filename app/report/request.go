package report

import (
	"fmt"
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
	// into one "All other" bar (exposure and compare); 0 keeps all. Other
	// kinds ignore it.
	Top int
	// Today is the day on which scenarios that follow the clock are
	// evaluated; zero means the current day.
	Today scenarios.Date
	// FullFootnote gives the source lines in full, with their file-level
	// details, and every piece of evidence in the footnote (for CSV
	// files). Otherwise long parentheses such as repository file paths are
	// left out, and a comparison lists only the first pieces of evidence,
	// so that the footnote fits under the chart.
	FullFootnote bool
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
	// Today is the day on which scenarios that follow the clock are
	// evaluated; zero means the current day.
	Today scenarios.Date
	// Created stamps the deck (and its title slide); zero means now.
	Created time.Time
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
	} else if n != 1 {
		return badInput("a %s chart takes exactly one scenario, got %d", r.Kind, n)
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
	return nil
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
