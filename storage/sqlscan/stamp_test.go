package sqlscan_test

import (
	"testing"
	"time"

	"parley/storage/sqlscan"
)

// TestTime: a timestamp column reads as a time.Time, and NULL, "" or a
// value that is no timestamp as the zero time, never an error that would
// hide the rest of a list.
func TestTime(t *testing.T) {
	when := time.Date(2026, 12, 7, 2, 37, 10, 0, time.UTC)
	for _, tc := range []struct {
		name string
		in   any
		want time.Time
	}{
		{"text", "2026-12-07T02:37:10Z", when},
		{"bytes", []byte("2026-12-07T02:37:10Z"), when},
		{"time", when, when},
		{"null", nil, time.Time{}},
		{"empty", "", time.Time{}},
		{"not a time", "yesterday", time.Time{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := time.Unix(1, 0)
			if err := sqlscan.Time(&got).Scan(tc.in); err != nil {
				t.Fatal(err)
			}
			if !got.Equal(tc.want) {
				t.Errorf("Scan(%v) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

// TestStamp: what Stamp writes, ParseStamp and Time read back, in UTC to
// the second, whatever the zone of the clock.
func TestStamp(t *testing.T) {
	toronto := time.FixedZone("EST", -5*3600)
	for _, tc := range []struct {
		name string
		in   time.Time
		want string
	}{
		{"utc", time.Date(2026, 12, 7, 2, 37, 10, 0, time.UTC), "2026-12-07T02:37:10Z"},
		{"zone", time.Date(2026, 12, 6, 21, 37, 10, 999, toronto), "2026-12-07T02:37:10Z"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := sqlscan.Stamp(tc.in)
			if s != tc.want {
				t.Errorf("Stamp = %q, want %q", s, tc.want)
			}
			if back := sqlscan.ParseStamp(s); !back.Equal(tc.in.Truncate(time.Second)) {
				t.Errorf("ParseStamp(%q) = %v, want %v", s, back, tc.in)
			}
		})
	}
}
