package charts

import "parley/scenarios"

// NewTimelineScheduled is NewTimeline with the months after asOf drawn as
// scheduled steps: the rate's step line dashed over a lighter fill, the
// duty bars light and outlined, and a dashed rule at asOf. They are the
// measures with a later start or end date (a temporary annex that expires,
// a deal that phases duties down), as the scenario has them today.
func NewTimelineScheduled(points []scenarios.TimelinePoint, dir scenarios.Direction, meta Meta, asOf scenarios.Date) (*Chart, error) {
	ch, err := NewTimeline(points, dir, meta)
	if err != nil {
		return nil, err
	}
	ch.body.(*timeline).asOf = asOf
	return ch, nil
}

// firstScheduled returns the index of the first month that starts after
// the as-of date (len(pts) when there is none, or no as-of date).
func (t *timeline) firstScheduled() int {
	if t.asOf.IsZero() {
		return len(t.pts)
	}
	for i, p := range t.pts {
		if p.month.After(t.asOf) {
			return i
		}
	}
	return len(t.pts)
}

func (t *timeline) scheduledLegend() []legendItem {
	if t.firstScheduled() == len(t.pts) {
		return nil
	}
	return []legendItem{
		{label: "In force to " + t.asOf.String(), kind: legendSwatch, fill: okBlue},
		{label: "Scheduled after it (dashed, light)", kind: legendOutline, fill: tint(okOrange, 0.7), edge: okOrange},
	}
}

func (t *timeline) scheduledNotes() []string {
	f := t.firstScheduled()
	if f == len(t.pts) {
		return nil
	}
	return []string{"Months after " + t.asOf.String() + " show the steps the scenario's measures schedule (their start and end dates), " +
		"from " + monthLabel(t.pts[f].month) + " to " + monthLabel(t.pts[len(t.pts)-1].month) + "."}
}

// drawScheduledRate draws the rate's step line of the scheduled months,
// from step index f on, dashed over a lighter fill, and a dashed rule with
// the as-of date at the first scheduled month.
func (t *timeline) drawScheduledRate(c *canvas, steps []point, f int, xAt func(int) float64, ra axis, rateBox, dutyBox box) {
	if f >= len(t.pts) {
		return
	}
	m := c.m
	x := xAt(f)
	fut := steps[2*f:]
	poly := append([]point{{x, ra.pos(0)}}, fut...)
	c.polygon(append(poly, point{fut[len(fut)-1].x, ra.pos(0)}), tint(okBlue, 0.93))
	// Join the last step in force to the first scheduled one, then dash.
	if f > 0 {
		c.dashedPolyline([]point{steps[2*f-1], fut[0]}, 4*m.u, okBlue)
	}
	c.dashedPolyline(fut, 4*m.u, okBlue)
	c.dashedVLine(x, rateBox.y0, dutyBox.y1, 2*m.u, colAxis)
	c.text("scheduled →", x+0.4*m.gap, rateBox.y0+1.0*m.tick, textStyle{size: m.tick, color: colMuted})
}

// drawScheduledBar draws one scheduled month's duty bar.
func (t *timeline) drawScheduledBar(c *canvas, x0, y0, x1, y1 float64) {
	c.rect(x0, y0, x1, y1, tint(okOrange, 0.7))
	c.frame(x0, y0, x1, y1, 2*c.m.u, okOrange)
}
