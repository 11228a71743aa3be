package campaign_test

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"parley/storage"
)

// TestKillCampaign kills processes writing to one workspace with SIGKILL at
// random moments: scenario imports and document imports of the command
// line, app saves (a helper that saves as the desktop app does), first
// opens of new workspaces and library imports (parley library import of
// two packs in turn: after each kill the library is exactly one of them). After each kill the workspace passes
// integrity_check and foreign_key_check, and everything that was committed
// (an import that printed its id, a save that returned) is there and
// computes the numbers of its original. PARLEY_KILLS sets the number of
// kills, 16 by default (bench/kill9.sh: 500).
func TestKillCampaign(t *testing.T) {
	dir, ws := campaignWorkspace(t)
	kills := envInt("PARLEY_KILLS", 16)
	files, want := baseline(t, ws, "aug-2025", "threat-25")
	packs, packExports := libraryPacks(t, ws, dir)
	libraryRounds, libraryDone := 0, 0
	builtins := scenarioCount(t, filepath.Join(dir, "fresh.parley"))
	bases := []string{"aug-2025", "threat-25"}
	c := &committed{scenarios: map[string]string{}, documents: map[string]string{}}
	const appID = "today"
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 10))
	killed, exited, corrupt, lost := 0, 0, 0, 0
	start := time.Now()
	i := 0
	for ; killed < kills && i < 3*kills; i++ {
		var cmd *exec.Cmd
		var delay time.Duration
		var record func(stdout string)
		target := ws
		libraryRound := false
		switch op := []string{"import", "evidence", "app", "first-open", "library"}[i%5]; op {
		case "import":
			base := bases[r.IntN(len(bases))]
			name := fmt.Sprintf("Kill import %d", i)
			cmd = parley(t, ws, "import", scenarioFile(t, files[base], name, dir))
			delay = time.Duration(r.IntN(120)) * time.Millisecond // an import takes about 100 ms here
			record = func(stdout string) {
				if id := strings.TrimSpace(stdout); id != "" {
					c.scenarios[id] = base
				}
			}
		case "evidence":
			token := fmt.Sprintf("killtoken%dx", i)
			size, most := 10<<10, 40 // ms
			if r.IntN(3) == 0 {
				size, most = (1+r.IntN(3))<<20, 450 // 0.35 s for 2.6 MB here
			}
			title := "Kill document " + strconv.Itoa(i)
			cmd = parley(t, ws, "evidence", "import", "--title", title, document(t, dir, token, size))
			delay = time.Duration(r.IntN(most)) * time.Millisecond
			record = func(stdout string) {
				if strings.Contains(stdout, title) {
					c.documents[title] = token
				}
			}
		case "app":
			cmd = helper("app", ws, appID)
			delay = time.Duration(20+r.IntN(300)) * time.Millisecond
			record = func(stdout string) {
				for _, l := range strings.Split(stdout, "\n") {
					f := strings.Fields(l)
					if len(f) == 3 && f[0] == "saved" {
						rev, _ := strconv.ParseInt(f[1], 10, 64)
						c.appRev, c.appToken = rev, f[2]
					}
					if len(f) > 0 && f[0] == "error" {
						t.Errorf("app helper: %s", l)
					}
				}
			}
		case "library":
			cmd = parley(t, ws, "library", "import", packs[libraryRounds%2])
			libraryRounds++
			libraryRound = true
			delay = time.Duration(r.IntN(1200)) * time.Millisecond // an import of pack B takes about 1 s here
			record = func(stdout string) {
				if strings.HasPrefix(stdout, "measures as of") {
					libraryDone++
				}
			}
		case "first-open":
			target = filepath.Join(dir, fmt.Sprintf("new%d.parley", i))
			cmd = parley(t, target, "scenarios")
			delay = time.Duration(r.IntN(150)) * time.Millisecond // 0.13 s here
			record = func(string) {}
		}
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		k, err := runOrKill(t, cmd, delay)
		if k {
			killed++
		} else {
			exited++
		}
		if err != nil && !strings.Contains(err.Error(), "killed") {
			t.Errorf("round %d (%s): %v\n%s", i, strings.Join(cmd.Args[1:], " "), err, stderr.String())
		}
		record(stdout.String())
		if problem := check(target); problem != "" {
			corrupt++
			t.Errorf("round %d: after the kill of %s: %s", i, strings.Join(cmd.Args[1:], " "), problem)
		}
		if libraryRound {
			if problem := libraryWhole(t, ws, packExports); problem != "" {
				corrupt++
				t.Errorf("round %d: after the kill of %s: %s", i, strings.Join(cmd.Args[1:], " "), problem)
			}
		}
		if target != ws {
			// A new workspace whose first open was killed opens whole.
			w, err := storage.Open(target)
			if err != nil {
				t.Errorf("round %d: open the new workspace after the kill: %v", i, err)
				corrupt++
				continue
			}
			if list, err := w.Scenarios(); err != nil || len(list) != builtins {
				t.Errorf("round %d: the new workspace has %d scenarios, %v", i, len(list), err)
				corrupt++
			}
			w.Close()
			os.Remove(target)
		}
		if i%50 == 49 {
			lost = verify(t, ws, c, want, appID)
		}
	}
	lost = verify(t, ws, c, want, appID)
	t.Logf("kill -9 campaign: %d processes, %d killed, %d exited first, in %v; %d corruptions; committed: %d scenario imports, %d document imports, app revision %d, %d of %d library imports; %d lost",
		i, killed, exited, time.Since(start).Round(time.Second), corrupt, len(c.scenarios), len(c.documents), c.appRev, libraryDone, libraryRounds, lost)
	report(fmt.Sprintf("processes=%d killed=%d exited=%d corruptions=%d committed_scenarios=%d committed_documents=%d app_revision=%d lost=%d",
		i, killed, exited, corrupt, len(c.scenarios), len(c.documents), c.appRev, lost))
}

// report prints a campaign's figures on one line, for the bench scripts.
func report(line string) {
	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(w, "CAMPAIGN", line)
	w.Flush()
}
