package deck

import (
	"bytes"
	"errors"
	"fmt"
	"image/png"
	"math"
	"strings"
)

// ErrInvalid is wrapped by every error that Validate returns, so that callers
// can tell bad input (errors.Is(err, ErrInvalid)) from a failure to write.
var ErrInvalid = errors.New("invalid deck")

// Validate reports every problem of d in one error wrapping ErrInvalid, or
// nil. Each problem names its field, e.g. "slides[2].chart.series[0].color".
// Write calls it first.
func (d *Deck) Validate() error {
	if d == nil {
		return fmt.Errorf("%w: nil deck", ErrInvalid)
	}
	var problems []string
	add := func(path, format string, args ...any) {
		problems = append(problems, path+": "+fmt.Sprintf(format, args...))
	}
	for i := range d.Slides {
		s := &d.Slides[i]
		path := fmt.Sprintf("slides[%d]", i)
		if strings.TrimSpace(s.Footnote) == "" {
			add(path+".footnote", "missing: every chart slide needs its source footnote")
		}
		switch {
		case len(s.Panels) > 0:
			validatePanels(s.Panels, path+".panels", add)
		case s.Chart != nil:
			validateChart(s.Chart, path+".chart", add)
		case len(s.Picture) == 0:
			add(path, "has neither a picture nor a chart")
		default:
			if _, _, err := pngSize(s.Picture); err != nil {
				add(path+".picture", "%v", err)
			}
		}
	}
	if len(problems) == 0 {
		return nil
	}
	return fmt.Errorf("%w: %s", ErrInvalid, strings.Join(problems, "; "))
}

// validateChart reports the problems of c through add.
func validateChart(c *Chart, path string, add func(path, format string, args ...any)) {
	if len(c.Categories) == 0 {
		add(path+".categories", "empty: a chart needs at least one category")
	}
	if len(c.Series) == 0 {
		add(path+".series", "empty: a chart needs at least one series")
	}
	for j, s := range c.Series {
		sp := fmt.Sprintf("%s.series[%d]", path, j)
		if len(s.Values) != len(c.Categories) {
			add(sp+".values", "has %d values for %d categories", len(s.Values), len(c.Categories))
		}
		if len(s.Labels) != 0 && len(s.Labels) != len(s.Values) {
			add(sp+".labels", "has %d labels for %d values", len(s.Labels), len(s.Values))
		}
		for k, v := range s.Values {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				add(fmt.Sprintf("%s.values[%d]", sp, k), "not a finite number (%v)", v)
			}
		}
		if s.Hidden && !c.Stacked {
			add(sp+".hidden", "only a stacked chart can hide a series (it lifts the next one)")
		}
		if s.Color != "" && !isHexColor(s.Color) {
			add(sp+".color", "%q is not a colour: want six hexadecimal digits RRGGBB", s.Color)
		}
	}
}

// pngSize returns the pixel size of a PNG image.
func pngSize(b []byte) (w, h int, err error) {
	cfg, err := png.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		return 0, 0, fmt.Errorf("not a PNG image: %w", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return 0, 0, fmt.Errorf("PNG image has no pixels (%dx%d)", cfg.Width, cfg.Height)
	}
	return cfg.Width, cfg.Height, nil
}

// isHexColor reports whether s is six hexadecimal digits.
func isHexColor(s string) bool {
	if len(s) != 6 {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
			return false
		}
	}
	return true
}
