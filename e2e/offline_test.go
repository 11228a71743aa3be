package e2e

// Parley never needs the network: no package of Parley imports a network
// client, and the real binary does everything (command line and desktop app,
// first start on an empty home folder included) inside a network namespace
// that has no network at all.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// networkPackages are the standard packages that open network connections.
var networkPackages = []string{"net", "net/http", "net/rpc", "net/smtp", "crypto/tls"}

func isNetworkPackage(path string) bool {
	return slices.Contains(networkPackages, path) || strings.HasPrefix(path, "net/http/") ||
		strings.HasPrefix(path, "net/rpc/")
}

// TestNoNetworkImports fails if a package of module parley imports a network
// client directly, on Linux, Windows and macOS. What third-party packages
// pull in is logged, for the record.
func TestNoNetworkImports(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	for _, goos := range []string{"linux", "windows", "darwin"} {
		t.Run(goos, func(t *testing.T) {
			env := []string{"GOOS=" + goos, "GOARCH=amd64", "CGO_ENABLED=1"}
			var ours int
			third := map[string][]string{}
			for _, p := range goList(t, env, "-deps", "./...") {
				for _, imp := range p.Imports {
					if !isNetworkPackage(imp) {
						continue
					}
					switch {
					case p.Module != nil && p.Module.Path == "parley":
						t.Errorf("%s imports %s: Parley must never use the network", p.ImportPath, imp)
					case !p.Standard:
						third[p.ImportPath] = append(third[p.ImportPath], imp)
					}
				}
				if p.Module != nil && p.Module.Path == "parley" {
					ours++
				}
			}
			if ours == 0 {
				t.Fatal("go list found no package of module parley")
			}
			for _, name := range slices.Sorted(func(yield func(string) bool) {
				for k := range third {
					if !yield(k) {
						return
					}
				}
			}) {
				t.Logf("third-party %s imports %s", name, strings.Join(third[name], ", "))
			}
		})
	}
}

// unshare is the command that runs a program in a new network namespace
// with no network, set by requireUnshare: plain "unshare --net" as root,
// else inside a new user namespace too (an unprivileged user, where the
// system allows it).
var unshare []string

// requireUnshare skips the test when this machine cannot make a network
// namespace, unless PARLEY_REQUIRE_UNSHARE=1.
func requireUnshare(t *testing.T) {
	t.Helper()
	var msgs []string
	for _, try := range [][]string{{"unshare", "--net"}, {"unshare", "--user", "--map-root-user", "--net"}} {
		out, err := exec.Command(try[0], append(try[1:], "--", "cat", "/proc/net/dev")...).CombinedOutput()
		if err != nil {
			msgs = append(msgs, fmt.Sprintf("%s: %v: %s", strings.Join(try, " "), err, bytes.TrimSpace(out)))
			continue
		}
		// Inside, only the loopback device exists (and it is down).
		for _, line := range strings.Split(string(out), "\n")[2:] {
			if name, _, ok := strings.Cut(strings.TrimSpace(line), ":"); ok && name != "lo" {
				t.Fatalf("the new network namespace has a device %q:\n%s", name, out)
			}
		}
		unshare = try
		return
	}
	msg := "cannot make a network namespace here: " + strings.Join(msgs, "; ")
	if os.Getenv("PARLEY_REQUIRE_UNSHARE") == "1" {
		t.Fatal(msg)
	}
	t.Skip(msg + " (set PARLEY_REQUIRE_UNSHARE=1 to make this a failure)")
}

// offlineCommand runs the binary with args in a new network namespace.
func offlineCommand(args ...string) *exec.Cmd {
	all := append(append(slices.Clone(unshare[1:]), "--", binary), args...)
	return exec.Command(unshare[0], all...)
}

// freshEnv is the environment of a machine where Parley never ran: only
// PATH, the locale and an empty home folder (no XDG folders, no D-Bus
// session, no display unless given).
func freshEnv(home string, extra ...string) []string {
	env := []string{"HOME=" + home}
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if k == "PATH" || k == "LANG" || k == "LC_ALL" || k == "TZ" || k == "TMPDIR" {
			env = append(env, kv)
		}
	}
	return append(env, extra...)
}

// runOffline runs the binary with args in a new network namespace.
func runOffline(t *testing.T, home string, args ...string) result {
	t.Helper()
	cmd := offlineCommand(args...)
	cmd.Env = freshEnv(home)
	return execute(t, cmd)
}

// TestOfflineCommandLine runs the command line with no network, on an empty
// home folder: the default workspace is created inside the namespace from
// the embedded data and documents.
func TestOfflineCommandLine(t *testing.T) {
	requireUnshare(t)
	home := t.TempDir()
	dir := t.TempDir()
	ok := func(r result, args ...string) string {
		t.Helper()
		if r.code != 0 {
			t.Fatalf("parley %v: exit %d\nstdout: %s\nstderr: %s", args, r.code, r.stdout, r.stderr)
		}
		return r.stdout
	}
	offline := func(args ...string) string {
		t.Helper()
		return ok(runOffline(t, home, args...), args...)
	}

	if out := offline("version"); !strings.Contains(out, "parley 0.0.0-test") {
		t.Errorf("version: %q", out)
	}
	if out := offline("scenarios"); !strings.Contains(out, "today\t") || !strings.Contains(out, "threat-25\t") {
		t.Errorf("scenarios lacks the built-in scenarios:\n%s", out)
	}
	ws := filepath.Join(home, ".config", "Parley", "workspace.parley")
	if _, err := os.Stat(ws); err != nil {
		t.Fatalf("the default workspace was not created on first start: %v", err)
	}
	var res struct {
		Scenario string            `json:"scenario"`
		Flows    []json.RawMessage `json:"flows"`
	}
	if err := json.Unmarshal([]byte(offline("compute", "today", "--format", "json")), &res); err != nil {
		t.Fatalf("compute today --format json: %v", err)
	}
	if res.Scenario == "" || len(res.Flows) == 0 {
		t.Errorf("compute today: scenario %q, %d flows", res.Scenario, len(res.Flows))
	}
	if out := offline("evidence", "search", "aluminum"); !strings.Contains(out, "1. ") || !strings.Contains(out, "**aluminum**") {
		t.Errorf("evidence search aluminum finds nothing in the embedded documents:\n%s", out)
	}

	// A scenario file out and back in.
	exported := filepath.Join(dir, "threat.json")
	offline("export-scenario", "threat-25", "--out", exported)
	b, err := os.ReadFile(exported)
	if err != nil {
		t.Fatal(err)
	}
	renamed := filepath.Join(dir, "offline.json")
	b = bytes.Replace(b, []byte(`"name": "Threat: 25% on all Canadian goods"`), []byte(`"name": "Offline copy"`), 1)
	if err := os.WriteFile(renamed, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if id := strings.TrimSpace(offline("import", renamed)); id != "offline-copy" {
		t.Fatalf("import printed %q, want offline-copy", id)
	}
	again := filepath.Join(dir, "again.json")
	offline("export-scenario", "offline-copy", "--out", again)
	if c, _ := os.ReadFile(again); !bytes.Equal(c, b) {
		t.Errorf("the imported scenario exports differently:\n%s\nwant\n%s", c, b)
	}
	if out := offline("scenarios"); !strings.Contains(out, "offline-copy\t") {
		t.Errorf("scenarios lacks the imported scenario:\n%s", out)
	}
}

// TestOfflineDesktopApp opens the desktop app on an empty home folder with
// no network: Xvfb runs outside the namespace, the app inside, and its
// window must appear and be drawn.
func TestOfflineDesktopApp(t *testing.T) {
	requireUnshare(t)
	requireTools(t, "Xvfb", "xwininfo", "import")
	display := startXvfb(t, "1280x1024x24")
	xwininfo := func() (string, error) {
		out, err := exec.Command("xwininfo", "-display", display, "-root", "-tree").CombinedOutput()
		return string(out), err
	}

	home := t.TempDir()
	app := offlineCommand()
	app.Env = freshEnv(home, "DISPLAY="+display)
	var alog syncBuffer // written while the app runs
	app.Stdout, app.Stderr = &alog, &alog
	if err := app.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- app.Wait() }()
	stopped := false
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		app.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			app.Process.Kill()
			<-exited
		}
	}
	t.Cleanup(stop)

	alive := func() {
		t.Helper()
		select {
		case err := <-exited:
			stopped = true
			t.Fatalf("the app exited (%v) before its window was shown:\n%s", err, alog.String())
		default:
		}
	}
	waitFor(t, 90*time.Second, "the Parley window", func() bool {
		alive()
		out, err := xwininfo()
		return err == nil && strings.Contains(out, `"Parley`)
	}, &alog)
	waitFor(t, 30*time.Second, "the window to be drawn", func() bool {
		alive()
		return colours(screenshot(display)) >= 8
	}, &alog)

	if _, err := os.Stat(filepath.Join(home, ".config", "Parley", "workspace.parley")); err != nil {
		t.Errorf("the app did not create its default workspace on first start: %v", err)
	}
}

// syncBuffer is a bytes.Buffer safe for one writer and one reader.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitFor polls cond until it holds or the time is up.
func waitFor(t *testing.T, limit time.Duration, what string, cond func() bool, log fmt.Stringer) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s\n%s", limit, what, log.String())
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// screenshot captures the whole X display.
func screenshot(display string) image.Image {
	out, err := exec.Command("import", "-display", display, "-window", "root", "png:-").Output()
	if err != nil {
		return nil
	}
	img, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		return nil
	}
	return img
}

// colours counts the distinct colours of img, up to 1000.
func colours(img image.Image) int {
	if img == nil {
		return 0
	}
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bl, a}] = true
			if len(seen) >= 1000 {
				return len(seen)
			}
		}
	}
	return len(seen)
}
