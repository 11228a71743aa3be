// Package campaign_test holds the kill -9 and concurrency campaigns of
// "nothing lost": the real parley binary (built by TestMain, as the
// end-to-end tests of e2e/ do) and helper processes that use the
// workspace as the desktop app does, all on one workspace file. Each
// campaign runs briefly under go test; bench/kill9.sh and
// bench/concurrency.sh run the long versions (PARLEY_KILLS,
// PARLEY_CONCURRENCY_SECONDS) and print the figures.
package campaign_test

import (
	"bufio"
	"bytes"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"parley/e2e"
	"parley/scenarios"
	"parley/storage"
	"parley/storage/backup"
)

// binary is the parley binary built for the campaigns.
var binary string

// helperEnv, set in a copy of this test binary, makes it a helper process
// (see helperMain) instead of running tests.
const helperEnv = "PARLEY_CAMPAIGN_HELPER"

func TestMain(m *testing.M) {
	if mode := os.Getenv(helperEnv); mode != "" {
		os.Exit(helperMain(mode, os.Args[len(os.Args)-2], os.Args[len(os.Args)-1]))
	}
	e2e.RunWithBinary(m, "", &binary)
}

// envInt returns the integer in environment variable name, or def.
func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// parley returns a command running the binary on workspace ws, with a home
// folder of its own.
func parley(t *testing.T, ws string, args ...string) *exec.Cmd {
	cmd := exec.Command(binary, append([]string{"--workspace", ws}, args...)...)
	cmd.Env = append(os.Environ(), e2e.HomeEnv(filepath.Join(filepath.Dir(ws), "home"))...)
	return cmd
}

// campaignWorkspace skips a campaign under -short; otherwise it creates a
// workspace, w.parley in a temporary folder, with the binary and returns
// the folder and the file.
func campaignWorkspace(t *testing.T) (dir, ws string) {
	t.Helper()
	if testing.Short() {
		t.Skip("campaign")
	}
	dir = t.TempDir()
	ws = filepath.Join(dir, "w.parley")
	if out, err := parley(t, ws, "scenarios").CombinedOutput(); err != nil {
		t.Fatalf("create the workspace: %v\n%s", err, out)
	}
	return dir, ws
}

// runOrKill starts cmd and sends it SIGKILL after delay unless it exits
// first. It returns whether it was killed and what Wait returned.
func runOrKill(t *testing.T, cmd *exec.Cmd, delay time.Duration) (killed bool, err error) {
	t.Helper()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return false, err
	case <-time.After(delay):
		cmd.Process.Signal(syscall.SIGKILL)
		return true, <-done
	}
}

// helper returns a command running this test binary as helper mode on
// workspace ws with argument arg.
func helper(mode, ws, arg string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], ws, arg)
	cmd.Env = append(os.Environ(), helperEnv+"="+mode)
	return cmd
}

// helperMain is a helper process:
//
//   - "app" saves scenario arg of workspace ws again and again as the
//     desktop app does (read with its revision, change, save over that
//     revision; when the workspace stays busy beyond the busy timeout, try
//     again a second later), printing "saved REV TOKEN" after each commit
//     ("busy" for a wait), until killed or, when arg ends in "@DURATION",
//     for that long;
//   - "reader" reads scenario arg again and again, checking each read is
//     one whole save (every measure's note is the description written with
//     it), and lists and computes; for a DURATION, then prints its counts.
func helperMain(mode, ws, arg string) int {
	if mode == "backup" {
		return backupHelper(ws, arg) // robust_test.go
	}
	id, dur, _ := strings.Cut(arg, "@")
	d, _ := time.ParseDuration(dur)
	end := time.Now().Add(d)
	w, err := storage.OpenWith(ws, storage.Options{BackupDir: backup.Dir(ws)})
	if err != nil {
		fmt.Println("error", err)
		return 1
	}
	defer w.Close()
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	switch mode {
	case "app":
		for n := 0; d == 0 || time.Now().Before(end); n++ {
			sc, rev, err := w.ScenarioRev(id)
			if err != nil {
				fmt.Fprintln(out, "error", err)
				return 1
			}
			token := fmt.Sprintf("edit-%d-%d", os.Getpid(), n)
			sc.Description = token
			for i := range sc.Measures {
				sc.Measures[i].Note = token
			}
			next, err := w.SaveScenario(id, sc, rev)
			switch {
			case errors.Is(err, storage.ErrConflict):
				fmt.Fprintln(out, "conflict")
			case errors.Is(err, storage.ErrBusy):
				// As the app does: keep the edit, say so, try again shortly.
				fmt.Fprintln(out, "busy")
				out.Flush()
				time.Sleep(time.Second)
				continue
			case err != nil:
				fmt.Fprintln(out, "error", err)
			default:
				fmt.Fprintln(out, "saved", next, token)
			}
			out.Flush()
			time.Sleep(time.Duration(rand.IntN(20)) * time.Millisecond)
		}
	case "reader":
		reads, torn, failed, panics := 0, 0, 0, 0
		var firstErr string
		for time.Now().Before(end) {
			func() {
				defer func() {
					if r := recover(); r != nil {
						panics++
					}
				}()
				sc, err := w.Scenario(id)
				if err != nil {
					failed++
					firstErr = err.Error()
					return
				}
				reads++
				for _, m := range sc.Measures {
					if m.Note != sc.Description && strings.HasPrefix(sc.Description, "edit-") {
						torn++
						break
					}
				}
				if reads%10 == 0 {
					if _, err := w.Scenarios(); err != nil {
						failed++
						firstErr = err.Error()
					}
					if _, err := w.Compute(id, scenarios.Date{}); err != nil {
						failed++
						firstErr = err.Error()
					}
				}
			}()
		}
		fmt.Fprintf(out, "reads %d torn %d errors %d panics %d first %q\n", reads, torn, failed, panics, firstErr)
	default:
		fmt.Println("error: unknown mode", mode)
		return 1
	}
	return 0
}

// scenarioFile returns the scenario file of built-in scenario id, renamed.
func scenarioFile(t *testing.T, base map[string]any, name, dir string) string {
	t.Helper()
	c := map[string]any{}
	for k, v := range base {
		c[k] = v
	}
	c["name"] = name
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, storage.Slug(name)+".json")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// document writes a text document of about size bytes that holds token.
func document(t *testing.T, dir, token string, size int) string {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "Evidence %s\n\nThe marker %s opens this note on tariffs.\n\n", token, token)
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "Paragraph %d of %s: duties on steel, aluminum and autos, retaliation by Canada, CUSMA claims. %s\n\n",
			i, token, strings.Repeat("trade ", 30))
	}
	path := filepath.Join(dir, token+".txt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// check returns what is wrong with the workspace file at ws:
// integrity_check and foreign_key_check, read as the next user would.
func check(ws string) string {
	db, err := sql.Open("sqlite", "file:"+ws+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return err.Error()
	}
	defer db.Close()
	var res string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil {
		return "integrity_check: " + err.Error()
	}
	if res != "ok" {
		return "integrity_check: " + res
	}
	rows, err := db.Query("PRAGMA foreign_key_check")
	if err != nil {
		return "foreign_key_check: " + err.Error()
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
	}
	if n > 0 {
		return fmt.Sprintf("foreign_key_check: %d violations", n)
	}
	return ""
}

// numbers returns what scenario id computes to, without its name.
func numbers(w *storage.Workspace, id string) (any, error) {
	r, err := w.Compute(id, scenarios.MustDate("2025-09-01"))
	if err != nil {
		return nil, err
	}
	return []any{r.Totals, r.Flows, r.Measures}, nil
}

// committed is what the campaign knows was committed.
type committed struct {
	scenarios map[string]string // id -> the built-in scenario it is a copy of
	documents map[string]string // title -> token in its body
	appRev    int64             // the last revision an app helper saved
	appToken  string            // and the description it saved with it
}

// verify checks that everything committed is in the workspace and computes
// what its original computes; it returns the number of rows lost.
func verify(t *testing.T, ws string, c *committed, want map[string]any, appID string) int {
	t.Helper()
	w, err := storage.Open(ws)
	if err != nil {
		t.Errorf("open after the campaign: %v", err)
		return len(c.scenarios) + len(c.documents)
	}
	defer w.Close()
	lost := 0
	for id, base := range c.scenarios {
		got, err := numbers(w, id)
		if err != nil {
			t.Errorf("committed scenario %s: %v", id, err)
			lost++
			continue
		}
		if !reflect.DeepEqual(got, want[base]) {
			t.Errorf("committed scenario %s computes other numbers than %s", id, base)
			lost++
		}
	}
	docs, err := w.Evidence().Documents()
	if err != nil {
		t.Fatal(err)
	}
	byTitle := map[string]string{}
	for _, d := range docs {
		byTitle[d.Title] = d.ID
	}
	for title, token := range c.documents {
		id, ok := byTitle[title]
		if !ok {
			t.Errorf("committed document %q is missing", title)
			lost++
			continue
		}
		hits, err := w.Evidence().Search(token, 5)
		if err != nil || len(hits) == 0 || hits[0].Document != id {
			t.Errorf("committed document %q is not found by its token: %v", title, err)
			lost++
		}
	}
	if c.appRev > 0 {
		sc, rev, err := w.ScenarioRev(appID)
		switch {
		case err != nil:
			t.Errorf("the app's scenario: %v", err)
			lost++
		case rev < c.appRev || rev == c.appRev && sc.Description != c.appToken:
			t.Errorf("the app's last save (revision %d, %s) is lost: stored revision %d, %s", c.appRev, c.appToken, rev, sc.Description)
			lost++
		}
	}
	return lost
}

// baseline returns the scenario files and numbers of the built-in
// scenarios the campaigns import copies of.
func baseline(t *testing.T, ws string, ids ...string) (map[string]map[string]any, map[string]any) {
	t.Helper()
	files, want := map[string]map[string]any{}, map[string]any{}
	w, err := storage.Open(ws)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	for _, id := range ids {
		var buf bytes.Buffer
		if err := w.ExportScenario(id, &buf); err != nil {
			t.Fatal(err)
		}
		m := map[string]any{}
		if err := json.Unmarshal(buf.Bytes(), &m); err != nil {
			t.Fatal(err)
		}
		files[id] = m
		if want[id], err = numbers(w, id); err != nil {
			t.Fatal(err)
		}
	}
	return files, want
}
