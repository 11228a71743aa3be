package storage_test

// Nothing lost: workspaces shared by processes,
// read-only workspaces, errors that must not be swallowed.

import (
	"bytes"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"parley/scenarios"
	"parley/storage"
	"parley/storage/storagetest"
)

// TestConcurrentFirstOpen: processes opening a new workspace at
// the same moment all succeed, and the defaults are loaded once.
func TestConcurrentFirstOpen(t *testing.T) {
	for round := range 3 {
		path := filepath.Join(t.TempDir(), fmt.Sprintf("new%d.parley", round))
		const n = 4
		errs := make([]string, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() {
				var out bytes.Buffer
				cmd := helper("open", path, "")
				cmd.Stdout, cmd.Stderr = &out, &out
				if err := cmd.Run(); err != nil {
					errs[i] = fmt.Sprintf("%v: %s", err, out.String())
				}
			})
		}
		wg.Wait()
		for i, e := range errs {
			if e != "" {
				t.Errorf("round %d, process %d: %s", round, i, e)
			}
		}
		for table, want := range map[string]int{"scenarios": 11, "documents": builtinDocumentCount(t), "sectors": 26} {
			if got := storagetest.Count(t, path, table); got != want {
				t.Errorf("round %d: %s has %d rows, want %d", round, table, got, want)
			}
		}
		if got := storagetest.Count(t, path, "meta WHERE key = 'defaults'"); got != 1 {
			t.Errorf("round %d: %d defaults rows", round, got)
		}
	}
}

// TestScenarioReadsAreWhole: while another process saves a
// scenario again and again, each read of it is one of the saved versions,
// never a mix, and never panics.
func TestScenarioReadsAreWhole(t *testing.T) {
	w, path := storagetest.Open(t, storage.Open)
	a := flipVersion("A")
	if _, err := w.CreateScenario(&a); err != nil {
		t.Fatal(err)
	}
	var saves bytes.Buffer
	writer := helper("flip", path, "3s")
	writer.Stdout, writer.Stderr = &saves, os.Stderr
	if err := writer.Start(); err != nil {
		t.Fatal(err)
	}
	reads, torn, panics, failed := 0, 0, 0, 0
	var firstTorn, firstErr string
	done := make(chan error, 1)
	go func() { done <- writer.Wait() }()
	for running := true; running; {
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("writer: %v", err)
			}
			running = false
		default:
		}
		func() {
			defer func() {
				if r := recover(); r != nil {
					panics++
				}
			}()
			sc, err := w.Scenario("flip")
			if err != nil {
				failed++
				firstErr = err.Error()
				return
			}
			reads++
			if why := tornFlip(sc); why != "" {
				torn++
				if firstTorn == "" {
					firstTorn = why
				}
			}
		}()
	}
	t.Logf("%d reads during %s saves; %d torn, %d panics, %d errors", reads, strings.TrimSpace(saves.String()), torn, panics, failed)
	if torn+panics+failed > 0 {
		t.Errorf("%d torn reads (first: %s), %d panics, %d errors (last: %s)", torn, firstTorn, panics, failed, firstErr)
	}
	if reads == 0 {
		t.Error("no reads")
	}
}

// tornFlip says what is wrong with a read of scenario "flip", or "".
func tornFlip(sc *scenarios.Scenario) string {
	if len(sc.Measures) != 3 && len(sc.Measures) != 5 {
		return fmt.Sprintf("%d measures", len(sc.Measures))
	}
	v := sc.Measures[0].ID[:1]
	if want := map[string]int{"A": 3, "B": 5}[v]; len(sc.Measures) != want {
		return fmt.Sprintf("version %s with %d measures", v, len(sc.Measures))
	}
	for _, m := range sc.Measures {
		if !strings.HasPrefix(m.ID, v) || len(m.Evidence) != 1 || m.Evidence[0].Citation != "evidence of "+m.ID {
			return fmt.Sprintf("measure %s of version %s has evidence %+v", m.ID, v, m.Evidence)
		}
	}
	return ""
}

// commitInWAL leaves a closed workspace at path whose last scenario, named
// name, is committed in its -wal file only (its writer was killed).
func commitInWAL(t *testing.T, path, name string) {
	t.Helper()
	w, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	runHelper(t, "commit-and-die", path, name)
	if info, err := os.Stat(path + "-wal"); err != nil || info.Size() == 0 {
		t.Fatalf("no -wal file holds the last commit: %v", err)
	}
}

// TestReadOnlyWorkspaceSeesItsWAL: a workspace without write
// permission shows the scenarios committed in its -wal file, and stays as
// it is.
func TestReadOnlyWorkspaceSeesItsWAL(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.parley")
	commitInWAL(t, path, "Only in the log")
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(path, 0o644)
	before, _ := os.ReadFile(path)
	w, err := storage.Open(path)
	if err != nil {
		t.Fatalf("open read-only: %v", err)
	}
	if !w.ReadOnly() {
		t.Error("ReadOnly() = false")
	}
	if _, err := w.Resolve("Only in the log"); err != nil {
		t.Errorf("the scenario committed in the -wal file is missing: %v", err)
	}
	if list, err := w.Scenarios(); err != nil || len(list) != 12 {
		t.Errorf("%d scenarios, %v; want 12", len(list), err)
	}
	_, err = w.CreateScenario(&scenarios.Scenario{Name: "Refused", AsOf: scenarios.MustDate("2025-08-15"), Assumptions: scenarios.DefaultAssumptions()})
	if !storage.IsBadInput(err) || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("create in a read-only workspace: %v", err)
	}
	w.Close()
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the read-only file changed")
	}
}

// TestReadOnlyFolder: on a write-protected disk, a clean
// workspace, and one with changes in its -wal file, open read-only in a
// folder that cannot be written, with everything committed. As root, whom
// permissions do not stop, the folder is a read-only bind mount in a
// private mount namespace.
func TestReadOnlyFolder(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("mount namespaces and permission bits: Linux only")
	}
	dir := t.TempDir()
	clean, walled := filepath.Join(dir, "clean.parley"), filepath.Join(dir, "walled.parley")
	w, err := storage.Open(clean)
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	commitInWAL(t, walled, "Only in the log")
	var cmd *exec.Cmd
	if os.Geteuid() == 0 {
		if _, err := exec.LookPath("unshare"); err != nil {
			t.Skip("root without unshare: cannot make a read-only folder")
		}
		inner := helper("read-only", "", clean+" "+walled)
		script := fmt.Sprintf("mount --bind %[1]q %[1]q && mount -o remount,bind,ro %[1]q && exec \"$@\"", dir)
		cmd = exec.Command("unshare", append([]string{"-m", "--propagation", "private", "sh", "-c", script, "sh"}, inner.Args...)...)
		cmd.Env = inner.Env
	} else {
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		defer os.Chmod(dir, 0o755)
		cmd = helper("read-only", "", clean+" "+walled)
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		if os.Geteuid() == 0 && strings.Contains(string(out), "mount") {
			t.Skipf("cannot mount here: %s", out)
		}
		t.Fatalf("%v\n%s", err, out)
	}
	lines := map[string]string{}
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		p, rest, _ := strings.Cut(l, "\t")
		lines[p] = rest
	}
	for _, tc := range []struct {
		path  string
		n     int
		names string
	}{{clean, 11, ""}, {walled, 12, "Only in the log"}} {
		got := lines[tc.path]
		if !strings.HasPrefix(got, fmt.Sprintf("read-only=true\tscenarios=%d\terr=<nil>", tc.n)) ||
			!strings.Contains(got, tc.names) || !strings.Contains(got, "read-only") {
			t.Errorf("%s: %s", filepath.Base(tc.path), got)
		}
		if !strings.Contains(got, "create=open workspace") && !strings.Contains(got, "create=create scenario") {
			t.Errorf("%s: creating was not refused: %s", filepath.Base(tc.path), got)
		}
	}
}

// TestWaitingBehindALongWrite: a change waits for another
// process's long write; when that takes longer than the busy timeout it
// fails with a plain "busy" error, never SQLite's "database is locked".
func TestWaitingBehindALongWrite(t *testing.T) {
	_, path := storagetest.Open(t, storage.Open)
	w, err := openBusy(path, 1500*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	hold := func(d string) *exec.Cmd {
		cmd := helper("hold", path, d)
		out, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		buf := make([]byte, 8)
		if _, err := out.Read(buf); err != nil { // "holding"
			t.Fatal(err)
		}
		return cmd
	}
	sc := scenarios.Scenario{Name: "After the import", AsOf: scenarios.MustDate("2025-08-15"), Assumptions: scenarios.DefaultAssumptions()}
	// Shorter than the timeout: the change waits, then succeeds.
	cmd := hold("500ms")
	if _, err := w.CreateScenario(&sc); err != nil {
		t.Errorf("a change behind a short write: %v", err)
	}
	cmd.Wait()
	// Longer: a plain message.
	cmd = hold("3s")
	sc.Name = "Too late"
	_, err = w.CreateScenario(&sc)
	cmd.Wait()
	if err == nil || strings.Contains(err.Error(), "locked") || !strings.Contains(err.Error(), "busy") || !isBusy(err) {
		t.Errorf("a change behind a long write: %v", err)
	}
	if storage.IsBadInput(err) {
		t.Error("busy is reported as bad input")
	}
}

// corruptPage overwrites page number page of the database file at path.
func corruptPage(t *testing.T, path string, page int) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	junk := bytes.Repeat([]byte{0xA5}, 4096)
	if _, err := f.WriteAt(junk, int64(page-1)*4096); err != nil {
		t.Fatal(err)
	}
}

// TestDamagedTablesAreReported: a table that cannot be read is
// an error, not an empty list, and a document that cannot be read is not
// "unknown".
func TestDamagedTablesAreReported(t *testing.T) {
	t.Run("sectors", func(t *testing.T) {
		// Enough sectors for several pages, the last of them damaged: the
		// read fails half-way (rows.Err), not at its first row.
		w, path := storagetest.Open(t, storage.Open)
		w.Close()
		db, _ := sql.Open("sqlite", "file:"+path)
		for i := range 300 {
			if _, err := db.Exec("INSERT INTO sectors (code, name, short, position) VALUES (?, ?, 'x', ?)",
				fmt.Sprintf("X%03d", i), strings.Repeat("long name ", 20), 1000+i); err != nil {
				t.Fatal(err)
			}
		}
		var pages int
		db.QueryRow("PRAGMA page_count").Scan(&pages)
		db.Close()
		corruptPage(t, path, pages)
		w, err := storage.Open(path)
		if err != nil {
			t.Skipf("the damage is found at open: %v", err)
		}
		defer w.Close()
		if s, err := w.Sectors(); err == nil {
			t.Errorf("a damaged sectors table reads as %d sectors, no error", len(s))
		}
	})
	t.Run("documents", func(t *testing.T) {
		w, path := storagetest.Open(t, storage.Open)
		docs, err := w.Evidence().Documents()
		if err != nil || len(docs) == 0 {
			t.Fatal(err)
		}
		doc, _ := w.Evidence().Document(docs[0].ID)
		quote := strings.Fields(doc.Body)
		w.Close()
		db, _ := sql.Open("sqlite", "file:"+path)
		if _, err := db.Exec("ALTER TABLE documents RENAME TO documents_gone"); err != nil {
			t.Fatal(err)
		}
		db.Close()
		w, err = storage.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer w.Close()
		sc := scenarios.Scenario{Name: "Quoting", AsOf: scenarios.MustDate("2025-08-15"), Assumptions: scenarios.DefaultAssumptions(),
			Measures: []scenarios.Measure{{ID: "m", Imposer: "US", Sectors: map[string]float64{"*": 1}, Rate: 0.1,
				From: scenarios.MustDate("2025-01-01"), Evidence: []scenarios.Evidence{{Document: doc.ID, Quote: strings.Join(quote[:6], " ")}}}}}
		_, err = w.CreateScenario(&sc)
		if err == nil || storage.IsBadInput(err) || !strings.Contains(err.Error(), "could not read document") {
			t.Errorf("create with a document that cannot be read: %v (bad input: %v)", err, storage.IsBadInput(err))
		}
	})
}
