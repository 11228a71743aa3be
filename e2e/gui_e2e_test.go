package e2e

// The desktop app in a real window: Xvfb gives it a display, ImageMagick's
// import takes screenshots, and x11-utils' xwininfo (or xdotool) finds the
// window; without either, the test waits for a drawn screenshot.
// Debian packages: xvfb, imagemagick (x11-utils recommended).

import (
	"bytes"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// noise is what must not reach the terminal when the app runs.
var noise = []string{"Fyne error", "locale", "XDG_RUNTIME_DIR", "dbus", "panic", "goroutine ", "WARNING"}

func TestGUIOpensWindow(t *testing.T) {
	requireTools(t, "Xvfb", "import")
	for _, lang := range []string{"C", ""} {
		t.Run("LANG="+lang, func(t *testing.T) { runGUI(t, lang) })
	}
}

// runGUI starts Xvfb and the app with LANG=lang, checks its window, its
// screenshot and its workspace, closes it and checks its output.
func runGUI(t *testing.T, lang string) {
	display := startXvfb(t, "1366x768x24")
	dir := t.TempDir()
	workspace := filepath.Join(dir, "w.parley")
	home := filepath.Join(dir, "home")
	if err := os.MkdirAll(home, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(binary, "--workspace", workspace)
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "DISPLAY", "HOME", "LANG", "LC_ALL", "LANGUAGE", "WAYLAND_DISPLAY", "XDG_CONFIG_HOME", "XDG_DATA_HOME",
			"XDG_CACHE_HOME", "XDG_RUNTIME_DIR", "DBUS_SESSION_BUS_ADDRESS", "PARLEY_DEBUG", "FYNE_PLATFORM":
			continue
		}
		env = append(env, kv)
	}
	env = append(env, "DISPLAY="+display, "HOME="+home,
		"XDG_CONFIG_HOME="+filepath.Join(home, ".config"), "XDG_DATA_HOME="+filepath.Join(home, ".local", "share"),
		"XDG_CACHE_HOME="+filepath.Join(home, ".cache"))
	if lang != "" {
		env = append(env, "LANG="+lang)
	}
	cmd.Env = env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			<-exited
		}
	})

	// The window appears.
	deadline := time.Now().Add(90 * time.Second) // generous: CI builds packages meanwhile
	shot := filepath.Join(dir, "shot.png")
	for !windowShown(t, display, shot) {
		select {
		case err := <-exited:
			t.Fatalf("the app exited before showing its window: %v\nstderr:\n%s", err, stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("no Parley window after 90 s\nstderr:\n%s", stderr.String())
		}
		time.Sleep(200 * time.Millisecond)
	}

	// The screenshot shows a drawn window: many colours, mostly not the
	// background. Give the first frames (and the chart) a moment.
	var colours, inked int
	for try := 0; try < 20; try++ {
		time.Sleep(500 * time.Millisecond)
		if out, err := exec.Command("import", "-display", display, "-window", "root", shot).CombinedOutput(); err != nil {
			t.Fatalf("import: %v: %s", err, out)
		}
		colours, inked = analyse(t, shot)
		if colours > 200 && inked > 5 {
			break
		}
	}
	if colours <= 200 || inked <= 5 {
		t.Errorf("the screenshot looks blank: %d colours, %d%% of pixels differ from the background", colours, inked)
	}
	t.Logf("screenshot %s: %d colours, %d%% drawn", shot, colours, inked)
	if keep := os.Getenv("PARLEY_KEEP_SCREENSHOT"); keep != "" {
		if b, err := os.ReadFile(shot); err == nil {
			os.WriteFile(keep, b, 0o644)
		}
	}

	// Closing: SIGTERM asks the app to save and quit, like the window's close
	// button; it must exit cleanly and promptly.
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("the app exited with %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("the app did not exit within 30 s of SIGTERM")
	}
	for _, n := range noise {
		if strings.Contains(stderr.String()+stdout.String(), n) {
			t.Errorf("the terminal shows %q:\nstdout:\n%s\nstderr:\n%s", n, stdout.String(), stderr.String())
			break
		}
	}
	if s := strings.TrimSpace(stderr.String()); s != "" {
		t.Logf("stderr (not noise-checked beyond the list):\n%s", s)
	}

	// The workspace was created with the built-in scenarios.
	r := run(t, nil, "--workspace", workspace, "scenarios")
	if r.code != 0 {
		t.Fatalf("parley scenarios: exit %d: %s", r.code, r.stderr)
	}
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 12 { // a header and the 11 built-in scenarios
		t.Errorf("workspace lists %d lines, want a header and 11 scenarios:\n%s", len(lines), r.stdout)
	}
	for _, id := range []string{"threat-25", "aug-2025", "today"} {
		if !strings.Contains(r.stdout, id) {
			t.Errorf("built-in scenario %s missing:\n%s", id, r.stdout)
		}
	}
	if _, err := os.Stat(filepath.Join(home, ".cache", "Parley", "parley.log")); err != nil {
		t.Errorf("no app log: %v", err)
	}
}

// windowShown reports whether a window titled Parley is mapped on display,
// asking xwininfo or xdotool; without them, whether a screenshot (written
// to shot) shows a drawn window.
func windowShown(t *testing.T, display, shot string) bool {
	if _, err := exec.LookPath("xwininfo"); err == nil {
		out, err := exec.Command("xwininfo", "-display", display, "-root", "-tree").Output()
		if err != nil {
			return false
		}
		for _, line := range strings.Split(string(out), "\n") {
			if strings.Contains(line, `"Parley`) && !strings.Contains(line, "1x1+") {
				return true
			}
		}
		return false
	}
	if _, err := exec.LookPath("xdotool"); err == nil {
		cmd := exec.Command("xdotool", "search", "--onlyvisible", "--name", "^Parley")
		cmd.Env = append(os.Environ(), "DISPLAY="+display)
		out, err := cmd.Output()
		return err == nil && strings.TrimSpace(string(out)) != ""
	}
	if err := exec.Command("import", "-display", display, "-window", "root", shot).Run(); err != nil {
		return false
	}
	colours, _ := analyse(t, shot)
	return colours > 200
}

// analyse returns how many distinct colours the PNG has and the percentage
// of pixels that differ from its most common colour.
func analyse(t *testing.T, path string) (colours, inkedPercent int) {
	t.Helper()
	img := decodePNG(t, path)
	counts := map[uint32]int{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			counts[key(img, x, y)]++
		}
	}
	most := 0
	for _, n := range counts {
		most = max(most, n)
	}
	total := b.Dx() * b.Dy()
	return len(counts), 100 * (total - most) / total
}

func key(img image.Image, x, y int) uint32 {
	r, g, b, _ := img.At(x, y).RGBA()
	return (r>>8)<<16 | (g>>8)<<8 | b>>8
}
