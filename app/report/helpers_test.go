package report_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/app/charts"
	"parley/scenarios"
	"parley/storage"
)

// today is the day on which scenarios that follow the clock are evaluated
// in these tests.
var today = scenarios.MustDate("2026-11-22")

// shared is a workspace with the embedded defaults, for tests that only
// read; tests that write open their own (newWorkspace).
var shared *storage.Workspace

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "parley-report-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	shared, err = storage.Open(filepath.Join(dir, "w.parley"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	shared.Close()
	os.RemoveAll(dir)
	os.Exit(code)
}

// newWorkspace opens a new workspace in a temporary folder.
func newWorkspace(t *testing.T) *storage.Workspace {
	t.Helper()
	ws, err := storage.Open(filepath.Join(t.TempDir(), "w.parley"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	return ws
}

// chartCSV returns the data rows and the '#' comment lines of a chart's CSV.
func chartCSV(t *testing.T, ch *charts.Chart) (rows [][]string, comments []string) {
	t.Helper()
	var buf bytes.Buffer
	if err := ch.CSV(&buf); err != nil {
		t.Fatal(err)
	}
	var data []string
	for _, l := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		if strings.HasPrefix(l, "# ") {
			comments = append(comments, strings.TrimPrefix(l, "# "))
		} else {
			data = append(data, l)
		}
	}
	rows, err := csv.NewReader(strings.NewReader(strings.Join(data, "\n"))).ReadAll()
	if err != nil {
		t.Fatalf("CSV: %v", err)
	}
	return rows, comments
}

// column returns the index of a CSV header column.
func column(t *testing.T, header []string, name string) int {
	t.Helper()
	for i, h := range header {
		if h == name {
			return i
		}
	}
	t.Fatalf("no column %q in %v", name, header)
	return -1
}
