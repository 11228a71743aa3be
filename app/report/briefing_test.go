package report_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"parley/app/report"
	"parley/scenarios"
)

func TestDeckTitleAndSlides(t *testing.T) {
	for _, tc := range []struct {
		name            string
		opt             report.DeckOptions
		title, subtitle string
		titles          []string // slide titles, in order
		sources         bool
	}{
		{"defaults", report.DeckOptions{}, "August 2025: 35% on non-CUSMA goods vs Today: the regime in force",
			"As of each scenario's date (2025-08-15, 2026-11-22)\nPrepared 22 November 2026", nil, true},
		{"user title", report.DeckOptions{Title: "  Briefing for the Minister ", Subtitle: "Cabinet, 1 December"}, "Briefing for the Minister", "Cabinet, 1 December", nil, true},
		{"summary and compare", report.DeckOptions{Slides: []string{report.SlideCompare, report.SlideSummary}},
			"August 2025: 35% on non-CUSMA goods vs Today: the regime in force", "",
			[]string{"At a glance: August 2025: 35% on non-CUSMA goods", "At a glance: Today: the regime in force", "Duty at stake by sector: 2 scenarios compared"}, false},
		{"exposure and sources", report.DeckOptions{Slides: []string{report.SlideExposure, report.SlideSources}}, "", "",
			[]string{"Duty at stake by sector", "Duty at stake by sector"}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opt := tc.opt
			opt.Today, opt.Created, opt.Widescreen = today, created, true
			d, err := report.Deck(shared, []string{"aug-2025", "today"}, opt)
			if err != nil {
				t.Fatal(err)
			}
			if err := d.Validate(); err != nil {
				t.Fatal(err)
			}
			if tc.title != "" && d.Title != tc.title {
				t.Errorf("title %q, want %q", d.Title, tc.title)
			}
			if tc.subtitle != "" && d.Subtitle != tc.subtitle {
				t.Errorf("subtitle %q, want %q", d.Subtitle, tc.subtitle)
			}
			if strings.Contains(d.Title+d.Subtitle, "Parley:") || strings.Contains(d.Title+d.Subtitle, "workspace") {
				t.Errorf("title slide %q / %q names Parley or the workspace", d.Title, d.Subtitle)
			}
			if tc.titles != nil {
				var got []string
				for _, s := range d.Slides {
					got = append(got, s.Title)
				}
				if !slices.Equal(got, tc.titles) {
					t.Errorf("slides %q, want %q", got, tc.titles)
				}
			}
			if (len(d.Sources) > 0) != tc.sources {
				t.Errorf("%d sources, want a sources slide: %v", len(d.Sources), tc.sources)
			}
		})
	}
}

func TestParseSlides(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
		err  string
	}{
		{"summary,exposure", []string{"summary", "exposure"}, ""},
		{"compare, SUMMARY ,summary", []string{"summary", "compare"}, ""},
		{"all", report.DeckSlides, ""},
		{"exposure,pie", nil, `unknown slide "pie"`},
		{" , ", nil, "no slides chosen"},
	} {
		got, err := report.ParseSlides(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: error %v, want %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("%q: %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

// TestSummarySlide checks the one-page summary for a minister: both
// directions with their totals and ranges, the five largest sectors, the
// key evidence, sources in the footnote and everything in the notes.
func TestSummarySlide(t *testing.T) {
	d, err := report.Deck(shared, []string{"today"}, report.DeckOptions{Slides: []string{report.SlideSummary}, Today: today, Created: created, Widescreen: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Slides) != 1 {
		t.Fatalf("%d slides, want the summary", len(d.Slides))
	}
	s := d.Slides[0]
	res, err := shared.Compute("today", today)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Panels) != 3 || s.Panels[0].Heading != scenarios.CAtoUS.Label() || s.Panels[1].Heading != scenarios.UStoCA.Label() ||
		s.Panels[2].Heading != "Key evidence" || !s.Panels[2].Wide {
		t.Fatalf("panels %+v", s.Panels)
	}
	for i, d := range scenarios.Directions {
		p := s.Panels[i]
		text := strings.Join(p.Lines, "\n")
		tot := res.Totals[d.Index()]
		if tot.Duty == 0 {
			continue
		}
		want, effect := "Duty at stake: ", "Trade effect: "
		if d == scenarios.CAtoUS { // see TestSummarySlideCostToCanada
			want, effect = "What US importers pay: ", "What it costs Canada: "
		}
		if tot.UpperBound {
			want += "≤ "
		}
		if !strings.Contains(text, want+"US$ ") || !strings.Contains(text, effect) || !strings.Contains(text, " (range ") && !strings.Contains(text, "; range ") {
			t.Errorf("%s: %q lacks the totals with their range", d, text)
		}
		var top string
		for _, l := range p.Lines {
			if after, ok := strings.CutPrefix(l, "Largest sectors: "); ok {
				top = after
			}
		}
		if n := len(strings.Split(top, "; ")); top == "" || n > 5 {
			t.Errorf("%s: largest sectors %q (%d)", d, top, n)
		}
	}
	if len(s.Panels[2].Lines) == 0 || !strings.ContainsAny(strings.Join(s.Panels[2].Lines, ""), "“:") {
		t.Errorf("key evidence %q", s.Panels[2].Lines)
	}
	if s.Footnote == "" || !strings.Contains(s.Notes, "Measures in force on 2026-11-22") {
		t.Errorf("footnote %q, notes %q", s.Footnote, s.Notes)
	}
}

// TestNoDuplicateSlides checks that no two slides of a deck show the same
// chart with the same data, and that the one kept names every scenario.
func TestNoDuplicateSlides(t *testing.T) {
	refs := []string{"aug-2025", "sectoral-deal-aug-2025", "aluminum-relief-aug-2025"}
	d, err := report.Deck(shared, refs, report.DeckOptions{Today: today, Created: created, Widescreen: true})
	if err != nil {
		t.Fatal(err)
	}
	dutiable := 0
	for i, a := range d.Slides {
		if a.Title == "What a CUSMA claim spares, by sector" {
			dutiable++
			for _, want := range []string{"August 2025", "Sectoral deal", "Aluminum relief", "(the same data)"} {
				if !strings.Contains(a.Subtitle, want) {
					t.Errorf("the shared dutiable slide's subtitle %q lacks %q", a.Subtitle, want)
				}
			}
		}
		for _, b := range d.Slides[i+1:] {
			if a.Title == b.Title && a.Chart != nil && b.Chart != nil && reflect.DeepEqual(a.Chart, b.Chart) {
				t.Errorf("two %q slides with the same data", a.Title)
			}
		}
	}
	if dutiable != 1 {
		t.Errorf("%d dutiable-trade slides, want one for the three scenarios", dutiable)
	}
}

func TestBriefSource(t *testing.T) {
	sources, err := shared.SourceLines(scenarios.DefaultAssumptions())
	if err != nil {
		t.Fatal(err)
	}
	d, err := report.Deck(shared, []string{"aug-2025"}, report.DeckOptions{Slides: []string{report.SlideExposure}, Today: today, Created: created})
	if err != nil {
		t.Fatal(err)
	}
	foot := d.Slides[0].Footnote
	for _, l := range sources {
		what, _, _ := strings.Cut(l, ": ")
		if !strings.Contains(foot, what+": ") {
			t.Errorf("the footnote does not name %q:\n%s", what, foot)
		}
		if strings.Contains(foot, l) && len(l) > 160 {
			t.Errorf("the footnote gives %q in full: the sources slide does", l)
		}
	}
	if strings.Contains(foot, "commit") || strings.Contains(foot, "as extracted") {
		t.Errorf("file-level details in a slide's footnote:\n%s", foot)
	}
}
