package campaign_test

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestConcurrencyCampaign runs four writers and a reader on one workspace
// at once: two command lines importing scenarios (and listing and computing
// between imports), one importing documents (some of several megabytes, as
// long transactions), and the app (a helper saving a scenario as the
// desktop app does, for the whole run); the reader reads that scenario
// again and again. No command may fail, none may print "database is
// locked", no read may be torn, and everything committed must be there at
// the end. PARLEY_CONCURRENCY_SECONDS sets the duration
// (bench/concurrency.sh: 60).
func TestConcurrencyCampaign(t *testing.T) {
	dir, ws := campaignWorkspace(t)
	secs := envInt("PARLEY_CONCURRENCY_SECONDS", 5)
	d := time.Duration(secs) * time.Second
	files, want := baseline(t, ws, "aug-2025", "threat-25")
	const appID = "aug-2025"
	c := &committed{scenarios: map[string]string{}, documents: map[string]string{}}
	var mu sync.Mutex
	ops, failures, locked, busy, damaged := 0, 0, 0, 0, 0
	var firstFailure string
	run := func(args ...string) (string, bool) {
		var out, errb bytes.Buffer
		cmd := parley(t, ws, args...)
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		mu.Lock()
		defer mu.Unlock()
		ops++
		switch msg := errb.String(); {
		case strings.Contains(msg, "locked"):
			locked++
		case strings.Contains(msg, "busy"):
			busy++
		case strings.Contains(msg, "damaged"):
			damaged++ // on a sound file: a false report
		}
		if err != nil {
			failures++
			if firstFailure == "" {
				firstFailure = fmt.Sprintf("parley %s: %v: %s", strings.Join(args, " "), err, errb.String())
			}
			return "", false
		}
		return out.String(), true
	}
	end := time.Now().Add(d)
	var wg sync.WaitGroup
	for wr := range 2 { // scenario imports, with lists and computes between them
		wg.Go(func() {
			for i := 0; time.Now().Before(end); i++ {
				base := []string{"aug-2025", "threat-25"}[i%2]
				name := fmt.Sprintf("Writer %d import %d", wr, i)
				if out, ok := run("import", scenarioFile(t, files[base], name, dir)); ok {
					mu.Lock()
					c.scenarios[strings.TrimSpace(out)] = base
					mu.Unlock()
				}
				if i%3 == 0 {
					run("scenarios")
				} else {
					run("compute", appID, "--format", "json")
				}
			}
		})
	}
	wg.Go(func() { // document imports, some long
		for i := 0; time.Now().Before(end); i++ {
			token := fmt.Sprintf("conctoken%dx", i)
			size := 20 << 10
			if i%4 == 3 {
				size = 4 << 20
			}
			title := "Concurrent document " + strconv.Itoa(i)
			if out, ok := run("evidence", "import", "--title", title, document(t, dir, token, size)); ok && strings.Contains(out, title) {
				mu.Lock()
				c.documents[title] = token
				mu.Unlock()
			}
		}
	})
	var appOut, readOut bytes.Buffer
	app := helper("app", ws, appID+"@"+d.String())
	app.Stdout = &appOut
	reader := helper("reader", ws, appID+"@"+d.String())
	reader.Stdout = &readOut
	if err := app.Start(); err != nil {
		t.Fatal(err)
	}
	if err := reader.Start(); err != nil {
		t.Fatal(err)
	}
	if err := app.Wait(); err != nil {
		t.Errorf("app: %v\n%s", err, tail(appOut.String()))
	}
	if err := reader.Wait(); err != nil {
		t.Errorf("reader: %v\n%s", err, readOut.String())
	}
	wg.Wait()

	saves, conflicts, appErrors, appBusy := 0, 0, 0, 0
	for _, l := range strings.Split(appOut.String(), "\n") {
		f := strings.Fields(l)
		switch {
		case len(f) == 3 && f[0] == "saved":
			saves++
			rev, _ := strconv.ParseInt(f[1], 10, 64)
			c.appRev, c.appToken = rev, f[2]
		case len(f) > 0 && f[0] == "conflict":
			conflicts++
		case len(f) > 0 && f[0] == "busy":
			appBusy++ // the app keeps the edit and saves it a second later
		case len(f) > 0 && f[0] == "error":
			appErrors++
			if strings.Contains(l, "locked") {
				locked++
			}
			t.Errorf("app: %s", l)
		}
	}
	var reads, torn, readErrors, panics int
	var firstRead string
	fmt.Sscanf(readOut.String(), "reads %d torn %d errors %d panics %d first %q", &reads, &torn, &readErrors, &panics, &firstRead)
	if torn+readErrors+panics > 0 || reads == 0 {
		t.Errorf("reader: %s", readOut.String())
	}
	if failures > 0 || locked > 0 {
		t.Errorf("%d of %d commands failed (%d said locked, %d busy, %d damaged); first: %s", failures, ops, locked, busy, damaged, firstFailure)
	}
	if conflicts > 0 {
		t.Errorf("%d conflicts for the app, which alone edits its scenario", conflicts)
	}
	problem := check(ws)
	if problem != "" {
		t.Errorf("after the campaign: %s", problem)
	}
	lost := verify(t, ws, c, want, appID)
	t.Logf("concurrency: %v, 4 writers + 1 reader: %d commands (%d scenario imports, %d document imports committed), %d app saves (%d waited beyond 5 s and were saved later), %d reads; errors surfaced: %d commands, %d app, %d reader; %d 'locked'; %d torn reads, %d panics; %d lost; check: %q",
		d, ops, len(c.scenarios), len(c.documents), saves, appBusy, reads, failures, appErrors, readErrors, locked, torn, panics, lost, problem)
	report(fmt.Sprintf("seconds=%d commands=%d scenario_imports=%d document_imports=%d app_saves=%d reads=%d command_errors=%d (busy=%d damaged=%d) app_errors=%d app_busy_retries=%d read_errors=%d locked=%d torn=%d panics=%d lost=%d corrupt=%v",
		secs, ops, len(c.scenarios), len(c.documents), saves, reads, failures, busy, damaged, appErrors, appBusy, readErrors, locked, torn, panics, lost, problem != ""))
}

// tail returns the last lines of s.
func tail(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-10):], "\n")
}
