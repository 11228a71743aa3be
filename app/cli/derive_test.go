package cli_test

import (
	"strings"
	"testing"
)

// TestDerive: a proposal derived from Today lifts the autos programme and,
// with --with-canada, Canada's auto surtax; it follows today as its base
// does, so the comparison is like with like; Give is only an upper bound
// (Canada's auto surtax falls on all of chapter 87), so the table marks
// Give and the verdict does not compare it as a point.
func TestDerive(t *testing.T) {
	ws := newWorkspace(t)
	out, errOut, code := run(t, ws, "derive", "today", "--lift", "S232-AUTOS", "--with-canada", "--name", "Autos for autos")
	if code != 0 || strings.TrimSpace(out) == "" {
		t.Fatalf("derive: %d %q %q", code, out, errOut)
	}
	id := strings.TrimSpace(out)
	if !strings.Contains(errOut, "US-232-AUTOS") || !strings.Contains(errOut, "CA-CM-3") {
		t.Errorf("stderr %q", errOut)
	}
	list, _, _ := run(t, ws, "scenarios")
	var todayDate, derivedDate string
	for _, ln := range strings.Split(list, "\n") {
		if f := strings.Split(ln, "\t"); len(f) == 3 && f[0] == "today" {
			todayDate = f[1]
		} else if len(f) == 3 && f[0] == id {
			derivedDate = f[1]
		}
	}
	if todayDate == "" || derivedDate != todayDate {
		t.Errorf("not following today:\n%s", list)
	}

	got, errOut := compareJSON(t, ws, "today", id)
	if len(got.Warnings) != 0 || errOut != "" {
		t.Errorf("warnings %q %q", got.Warnings, errOut)
	}
	var autos bool
	for _, s := range got.Sectors {
		if s.Sector != "AUTOS" {
			continue
		}
		autos = true
		if !s.GiveUpperBound || s.Give < 1e9 || !strings.Contains(s.Verdict, "gives at most US$") && !strings.Contains(s.Verdict, "gives about US$") ||
			strings.HasSuffix(s.Verdict, "more than it gets") && !strings.Contains(s.Verdict, "cannot tell") {
			t.Errorf("AUTOS: give %v (upper bound %v), %q", s.Give, s.GiveUpperBound, s.Verdict)
		}
	}
	if !autos {
		t.Fatal("no AUTOS sector")
	}
	table, _, _ := run(t, ws, "compare", "today", id)
	for _, ln := range strings.Split(table, "\n") {
		f := strings.Fields(ln)
		if len(f) > 6 && f[0] == "AUTOS" {
			// AUTOS Motor vehicles & parts GET GIVE …
			if !strings.HasPrefix(f[6], "≤") && !strings.HasPrefix(f[6], "≈") {
				t.Errorf("AUTOS row: get %q give %q\n%s", f[5], f[6], ln)
			}
		}
	}

	t.Run("offered, not lifted", func(t *testing.T) {
		out, errOut, code := run(t, ws, "derive", "today", "--lift", "S232-AUTOS", "--name", "Autos only")
		if code != 0 || !strings.Contains(errOut, "--with-canada") || !strings.Contains(errOut, "CA-CM-3") {
			t.Fatalf("%d %q %q", code, out, errOut)
		}
		got, _ := compareJSON(t, ws, "today", strings.TrimSpace(out))
		if got.Totals.Give != 0 {
			t.Errorf("Canada gives %v", got.Totals.Give)
		}
	})
	t.Run("bad input writes nothing", func(t *testing.T) {
		before, _, _ := run(t, ws, "scenarios")
		for _, args := range [][]string{
			{"derive", "today", "--name", "X"},
			{"derive", "today", "--lift", "S232"},
			{"derive", "today", "--lift", "NOPE", "--name", "X"},
			{"derive", "today", "--lift-measures", "NOPE", "--name", "X"},
			{"derive", "nope", "--lift", "S232", "--name", "X"},
		} {
			if _, errOut, code := run(t, ws, args...); code != 2 || errOut == "" {
				t.Errorf("%v: exit %d %q", args, code, errOut)
			}
		}
		if after, _, _ := run(t, ws, "scenarios"); after != before {
			t.Errorf("scenarios changed:\n%s", after)
		}
	})
}
