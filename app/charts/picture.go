package charts

// pictureBody is a chart's body whose data has no native chart.
type pictureBody struct{ body }

func (pictureBody) table() (Table, bool) { return Table{}, false }

// Picture returns a copy of c that reports no native table (Table gives
// false), so that a slide shows it as a picture: for a chart whose
// picture says more than its bars, such as an exposure chart with its
// P10–P90 ranges.
func (c *Chart) Picture() *Chart {
	cp := *c
	cp.body = pictureBody{c.body}
	return &cp
}
