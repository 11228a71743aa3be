package scenarios

import "fmt"

// TimelinePoint is a scenario evaluated at the end of one month.
type TimelinePoint struct {
	Month  Date // first day of the month
	AsOf   Date // the day evaluated: the month's last day, or the range's end
	Result Result
}

// MaxTimelineMonths bounds a timeline's length (50 years).
const MaxTimelineMonths = 600

// Timeline evaluates the scenario once per month from the month of from to
// the month of to: on each month's last day, and on to itself for the last
// month, so that each point shows the regime in force as the month closes.
func (m *Model) Timeline(sc *Scenario, from, to Date) ([]TimelinePoint, error) {
	if from.IsZero() || to.IsZero() {
		return nil, fmt.Errorf("timeline needs a start and an end date")
	}
	if to.Before(from) {
		return nil, fmt.Errorf("timeline end %s is before its start %s", to, from)
	}
	first := NewDate(from.Year(), from.Month(), 1)
	var pts []TimelinePoint
	for month := first; !to.Before(month); month = NewDate(month.Year(), month.Month()+1, 1) {
		if len(pts) == MaxTimelineMonths {
			return nil, fmt.Errorf("timeline from %s to %s is longer than %d months", from, to, MaxTimelineMonths)
		}
		day := month.MonthEnd()
		if to.Before(day) {
			day = to
		}
		pts = append(pts, TimelinePoint{Month: month, AsOf: day, Result: m.Evaluate(sc, day)})
	}
	return pts, nil
}

// ChangeDates returns the days within [from, to] on which a measure of the
// scenario starts or ends (the day after its effective_to), sorted. Measures
// that are never active under the scenario's assumptions (struck down,
// expired, threatened without include_threats) change nothing.
func (sc *Scenario) ChangeDates(from, to Date) []Date {
	seen := map[Date]bool{}
	var out []Date
	add := func(d Date) {
		if d.IsZero() || d.Before(from) || d.After(to) || seen[d] {
			return
		}
		seen[d] = true
		out = append(out, d)
	}
	for i := range sc.Measures {
		me := &sc.Measures[i]
		if !me.StatusActive(sc.Assumptions.IncludeThreats) {
			continue
		}
		add(me.From)
		if !me.To.IsZero() {
			add(me.To.AddDays(1))
		}
	}
	sortDates(out)
	return out
}

func sortDates(ds []Date) {
	for i := 1; i < len(ds); i++ {
		for j := i; j > 0 && ds[j].Before(ds[j-1]); j-- {
			ds[j], ds[j-1] = ds[j-1], ds[j]
		}
	}
}
