package scenarios

import (
	"fmt"
	"time"
)

// Date is a calendar day (no time of day, no time zone). The zero Date means
// "no date", used for an open-ended measure.
type Date struct {
	t time.Time
}

// DateLayout is the ISO 8601 layout of a Date in files and on the command line.
const DateLayout = "2006-01-02"

// NewDate returns the date of the given year, month and day.
func NewDate(year int, month time.Month, day int) Date {
	return Date{t: time.Date(year, month, day, 0, 0, 0, 0, time.UTC)}
}

// DateOf returns the calendar day of t in t's own location.
func DateOf(t time.Time) Date {
	return NewDate(t.Year(), t.Month(), t.Day())
}

// Today returns the current local calendar day: TodayAt(nil).
func Today() Date { return TodayAt(nil) }

// TodayAt returns the calendar day of now() in its location. Callers that
// need "today" take an optional clock and pass it here: nil means time.Now,
// the one default of the package.
func TodayAt(now func() time.Time) Date {
	if now == nil {
		now = time.Now
	}
	return DateOf(now())
}

// ParseDate parses an ISO date "YYYY-MM-DD". It rejects anything else. A
// date in the right form whose month or day does not exist says so
// ("2026-02-30: February 2026 has 28 days") rather than calling the text
// not a date.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(DateLayout, s)
	if err == nil && len(s) == len(DateLayout) {
		return Date{t: t}, nil
	}
	if msg := impossibleDay(s); msg != "" {
		return Date{}, &NoSuchDayError{Text: s, Why: msg}
	}
	return Date{}, fmt.Errorf("%q is not an ISO date (YYYY-MM-DD)", s)
}

// NoSuchDayError is a date in ISO form whose month or day does not exist:
// "2026-02-30: February 2026 has 28 days".
type NoSuchDayError struct {
	Text string // the date as given
	Why  string // what does not exist
}

func (e *NoSuchDayError) Error() string { return e.Text + ": " + e.Why }

// impossibleDay says what does not exist in s when s has the form
// YYYY-MM-DD but names a month or day that no calendar has, or "" when s
// is not of that form.
func impossibleDay(s string) string {
	if len(s) != len(DateLayout) || s[4] != '-' || s[7] != '-' {
		return ""
	}
	year, okY := digits(s[:4])
	month, okM := digits(s[5:7])
	day, okD := digits(s[8:])
	if !okY || !okM || !okD {
		return ""
	}
	if month < 1 || month > 12 {
		return "there is no month " + s[5:7]
	}
	if day < 1 {
		return "days start at 01"
	}
	last := time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if day > last {
		return fmt.Sprintf("%s %d has %d days", time.Month(month), year, last)
	}
	return ""
}

// digits reads s as a non-negative decimal number of ASCII digits only.
func digits(s string) (int, bool) {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, false
		}
		n = n*10 + int(r-'0')
	}
	return n, true
}

// MustDate parses an ISO date and panics if it is invalid. For tests and
// constants only.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether d is the zero Date ("no date").
func (d Date) IsZero() bool { return d.t.IsZero() }

// String returns the ISO form, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(DateLayout)
}

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.t.Before(e.t) }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d.t.After(e.t) }

// Year returns the year of d.
func (d Date) Year() int { return d.t.Year() }

// Month returns the month of d.
func (d Date) Month() time.Month { return d.t.Month() }

// Day returns the day of the month of d.
func (d Date) Day() int { return d.t.Day() }

// AddDays returns d shifted by n days.
func (d Date) AddDays(n int) Date { return Date{t: d.t.AddDate(0, 0, n)} }

// MonthEnd returns the last day of d's month.
func (d Date) MonthEnd() Date {
	return Date{t: time.Date(d.Year(), d.Month()+1, 0, 0, 0, 0, 0, time.UTC)}
}

// Time returns d as midnight UTC.
func (d Date) Time() time.Time { return d.t }
