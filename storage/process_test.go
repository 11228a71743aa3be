package storage_test

import (
	"bytes"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"parley/scenarios"
	"parley/storage"
)

// helperMode, set in a copy of this test binary, makes TestHelperProcess
// play another Parley process on the workspace in helperPath.
const (
	helperMode = "PARLEY_STORAGE_HELPER"
	helperPath = "PARLEY_STORAGE_HELPER_PATH"
	helperArg  = "PARLEY_STORAGE_HELPER_ARG"
)

// helper returns a command that runs TestHelperProcess in mode on the
// workspace at path.
func helper(mode, path, arg string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), helperMode+"="+mode, helperPath+"="+path, helperArg+"="+arg)
	return cmd
}

// runHelper runs a helper to its end and returns its standard output.
func runHelper(t *testing.T, mode, path, arg string) string {
	t.Helper()
	var out, errb bytes.Buffer
	cmd := helper(mode, path, arg)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("helper %s: %v\n%s%s", mode, err, out.String(), errb.String())
	}
	return out.String()
}

// TestHelperProcess is not a test: it is another Parley process, started by
// the tests below (see helper).
func TestHelperProcess(t *testing.T) {
	mode := os.Getenv(helperMode)
	if mode == "" {
		t.Skip("helper process only")
	}
	path, arg := os.Getenv(helperPath), os.Getenv(helperArg)
	fail := func(err error) {
		fmt.Fprintln(os.Stderr, "helper:", err)
		os.Exit(3)
	}
	switch mode {
	case "open": // open (creating) and close
		w, err := storage.Open(path)
		if err != nil {
			fail(err)
		}
		if err := w.Close(); err != nil {
			fail(err)
		}
	case "commit-and-die": // commit a new scenario and exit without closing: the -wal file keeps it
		w, err := storage.Open(path)
		if err != nil {
			fail(err)
		}
		sc := scenarios.Scenario{Name: arg, AsOf: scenarios.MustDate("2025-08-15"), Assumptions: scenarios.DefaultAssumptions()}
		if _, err := w.CreateScenario(&sc); err != nil {
			fail(err)
		}
		os.Exit(0)
	case "commit-and-close": // commit a new scenario and close, as 'parley import' does
		w, err := storage.Open(path)
		if err != nil {
			fail(err)
		}
		sc := scenarios.Scenario{Name: arg, AsOf: scenarios.MustDate("2025-08-15"), Assumptions: scenarios.DefaultAssumptions()}
		if _, err := w.CreateScenario(&sc); err != nil {
			fail(err)
		}
		if err := w.Close(); err != nil {
			fail(err)
		}
	case "flip": // save scenario "flip" as version A, B, A... for arg
		d, _ := time.ParseDuration(arg)
		w, err := storage.Open(path)
		if err != nil {
			fail(err)
		}
		n := 0
		for end := time.Now().Add(d); time.Now().Before(end); n++ {
			sc := flipVersion([]string{"A", "B"}[n%2])
			if err := saveForce(w, "flip", &sc); err != nil {
				fail(err)
			}
		}
		w.Close()
		fmt.Println(n)
	case "hold": // hold the write lock for arg, as a long import does
		d, _ := time.ParseDuration(arg)
		db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(5000)")
		if err != nil {
			fail(err)
		}
		conn, err := db.Conn(t.Context())
		if err != nil {
			fail(err)
		}
		if _, err := conn.ExecContext(t.Context(), "BEGIN IMMEDIATE"); err != nil {
			fail(err)
		}
		if _, err := conn.ExecContext(t.Context(), "UPDATE meta SET value = value WHERE key = 'defaults'"); err != nil {
			fail(err)
		}
		fmt.Println("holding")
		time.Sleep(d)
		if _, err := conn.ExecContext(t.Context(), "COMMIT"); err != nil {
			fail(err)
		}
		conn.Close()
		db.Close()
	case "read-only": // open each of the workspaces in arg (space-separated) and report
		for _, p := range strings.Fields(arg) {
			w, err := storage.Open(p)
			if err != nil {
				fmt.Printf("%s\topen: %v\n", p, err)
				continue
			}
			list, err := w.Scenarios()
			names := []string{}
			for _, s := range list {
				names = append(names, s.Name)
			}
			_, delErr := w.CreateScenario(&scenarios.Scenario{Name: "Not allowed", AsOf: scenarios.MustDate("2025-08-15"),
				Assumptions: scenarios.DefaultAssumptions()})
			fmt.Printf("%s\tread-only=%v\tscenarios=%d\terr=%v\tnames=%s\tcreate=%v\n", p, w.ReadOnly(), len(list), err,
				strings.Join(names, "|"), delErr)
			w.Close()
		}
	default:
		fail(fmt.Errorf("unknown mode %q", mode))
	}
	os.Exit(0)
}

// flipVersion is version A (3 measures) or B (5 measures) of scenario
// "flip": every measure's one piece of evidence names its version and key.
func flipVersion(v string) scenarios.Scenario {
	sc := scenarios.Scenario{Name: "Flip", AsOf: scenarios.MustDate("2025-08-15"), Assumptions: scenarios.DefaultAssumptions()}
	n := map[string]int{"A": 3, "B": 5}[v]
	for i := range n {
		key := v + strconv.Itoa(i)
		sc.Measures = append(sc.Measures, scenarios.Measure{ID: key, Imposer: "US", Sectors: map[string]float64{"*": 1},
			Rate: 0.1, From: scenarios.MustDate("2025-01-01"), Evidence: []scenarios.Evidence{{Citation: "evidence of " + key}}})
	}
	return sc
}
