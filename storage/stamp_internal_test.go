package storage

import (
	"testing"
	"time"
)

// TestStampScan: a timestamp column reads as a time.Time, and NULL, ""
// or a value that is no timestamp as the zero time, never an error that
// would hide the rest of a list.
func TestStampScan(t *testing.T) {
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
			if err := (stamp{&got}).Scan(tc.in); err != nil {
				t.Fatal(err)
			}
			if !got.Equal(tc.want) {
				t.Errorf("Scan(%v) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}
