package cli_test

import (
	"strings"
	"testing"
)

// TestCompareSources: the table and the CSV of a comparison say where its
// figures come from (the data and the measure library); the JSON, which
// has no place for them, is the same whichever way it is asked.
func TestCompareSources(t *testing.T) {
	ws := newWorkspace(t)
	args := []string{"compare", "aug-2025", "sectoral-deal-aug-2025"}
	for _, tc := range []struct {
		format string
		want   []string
	}{
		{"table", []string{"Source: Baseline trade 2024 (US$), Canada → US by HTS10 product", "Source: Measure library: as of"}},
		{"csv", []string{"# Baseline trade 2024 (US$), Canada → US by HTS10 product", "# Measure library: as of"}},
	} {
		t.Run(tc.format, func(t *testing.T) {
			out, errOut, code := run(t, ws, append(args, "--format", tc.format)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("%s lacks %q:\n%s", tc.format, w, out)
				}
			}
		})
	}
	out, errOut, code := run(t, ws, append(args, "--format", "json")...)
	if code != 0 || strings.Contains(out, "Measure library") || !strings.Contains(out, `"sectors"`) {
		t.Errorf("json: exit %d %s\n%s", code, errOut, out)
	}
}
