package scenarios_test

import (
	"strings"
	"testing"
	"time"

	"parley/scenarios"
)

func TestParseDateSaysWhichDayDoesNotExist(t *testing.T) {
	for _, tc := range []struct {
		in, want string
	}{
		{"2026-02-30", "2026-02-30: February 2026 has 28 days"},
		{"2024-02-30", "2024-02-30: February 2024 has 29 days"},
		{"2025-04-31", "2025-04-31: April 2025 has 30 days"},
		{"2025-08-32", "2025-08-32: August 2025 has 31 days"},
		{"2025-08-00", "2025-08-00: days start at 01"},
		{"2025-13-01", "2025-13-01: there is no month 13"},
		{"2025-00-10", "2025-00-10: there is no month 00"},
		{"15/08/2025", `"15/08/2025" is not an ISO date (YYYY-MM-DD)`},
		{"2025-8-1", `"2025-8-1" is not an ISO date (YYYY-MM-DD)`},
		{"", `"" is not an ISO date (YYYY-MM-DD)`},
	} {
		t.Run(tc.in, func(t *testing.T) {
			_, err := scenarios.ParseDate(tc.in)
			if err == nil || err.Error() != tc.want {
				t.Errorf("ParseDate(%q) = %v, want %q", tc.in, err, tc.want)
			}
		})
	}
	for _, ok := range []string{"2024-02-29", "2026-02-28", "2025-12-31", "2025-01-01"} {
		if d, err := scenarios.ParseDate(ok); err != nil || d.String() != ok {
			t.Errorf("ParseDate(%q) = %v, %v", ok, d, err)
		}
	}
	if _, err := scenarios.ParseDate("2026-02-30"); err != nil && strings.Contains(err.Error(), "not an ISO date") {
		t.Errorf("an impossible day is called not an ISO date: %v", err)
	}
}

// TestEvalDateAtUsesTheClock: a scenario that follows the clock is evaluated
// on the day the injected clock gives, in the clock's location; one with a
// fixed day ignores the clock.
func TestEvalDateAtUsesTheClock(t *testing.T) {
	toronto := time.FixedZone("EST", -5*3600)
	now := func() time.Time { return time.Date(2026, 12, 7, 23, 30, 0, 0, toronto) }
	tests := []struct {
		name string
		sc   scenarios.Scenario
		want string
	}{
		{"follows the clock", scenarios.Scenario{AsOf: scenarios.MustDate("2025-08-01"), AsOfToday: true}, "2026-12-07"},
		{"fixed day", scenarios.Scenario{AsOf: scenarios.MustDate("2025-08-01")}, "2025-08-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.sc.EvalDateAt(now).String(); got != tt.want {
				t.Errorf("EvalDateAt = %s, want %s", got, tt.want)
			}
		})
	}
	if got := scenarios.TodayAt(now).String(); got != "2026-12-07" {
		t.Errorf("TodayAt = %s", got)
	}
}
