package ui

import (
	"strings"
	"testing"
)

// TestPositionWarnsNotLikeWithLike: a proposal on another date than the
// baseline is said to be so in the view's message and the deal chart's
// footnote.
func TestPositionWarnsNotLikeWithLike(t *testing.T) {
	u, _ := newTestUI(t)
	v := u.position
	v.computed = make(chan struct{}, 4)
	selectTab(t, u, "Position")
	waitFor(t, v.computed, "ranges")
	if strings.Contains(v.message.Text, "Not like with like") {
		t.Errorf("today and the sectoral deal on today's regime: %q", v.message.Text)
	}
	v.choose("today", "sectoral-deal-aug-2025")
	waitFor(t, v.computed, "ranges")
	if !strings.Contains(v.message.Text, "Not like with like: A is on ") || !strings.Contains(v.message.Text, ", B on 2025-08-15") {
		t.Errorf("message %q", v.message.Text)
	}
}

// TestCompareWarnsNotLikeWithLike: the Compare view says when a scenario
// is on another date than A, and stops saying it when they are alike.
func TestCompareWarnsNotLikeWithLike(t *testing.T) {
	u, _ := newTestUI(t)
	v := u.compare
	v.choose("today", "sectoral-deal", "sectoral-deal-aug-2025")
	if !strings.Contains(v.message.Text, "Not like with like: A is on ") || !strings.Contains(v.message.Text, ", C on 2025-08-15") ||
		strings.Contains(v.message.Text, "B on") {
		t.Errorf("message %q", v.message.Text)
	}
	v.choose("today", "sectoral-deal")
	if v.message.Text != "" {
		t.Errorf("like with like: %q", v.message.Text)
	}
}
