//go:build linux || freebsd || openbsd || netbsd || dragonfly

package exportview

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"parley/app/ui/platform"
)

// startXvfb starts a virtual X display on a free display number (from
// :199 down, clear of the end-to-end tests' :90 up) and returns its name;
// the test is skipped when Xvfb is not installed.
func startXvfb(t *testing.T) string {
	t.Helper()
	xvfb, err := exec.LookPath("Xvfb")
	if err != nil {
		skipUnlessRequired(t, "Xvfb is not installed")
	}
	for n := 199; n >= 170; n-- {
		lock, socket := fmt.Sprintf("/tmp/.X%d-lock", n), fmt.Sprintf("/tmp/.X11-unix/X%d", n)
		if _, err := os.Stat(lock); err == nil {
			continue // taken
		}
		if _, err := os.Stat(socket); err == nil {
			continue
		}
		display := fmt.Sprintf(":%d", n)
		cmd := exec.Command(xvfb, display, "-screen", "0", "640x480x24", "-nolisten", "tcp")
		if err := cmd.Start(); err != nil {
			t.Fatalf("start Xvfb: %v", err)
		}
		exited := make(chan struct{})
		go func() { cmd.Wait(); close(exited) }()
		stop := func() {
			// SIGTERM lets Xvfb remove its lock and socket; the
			// clipboard's xclip ends with the display.
			cmd.Process.Signal(syscall.SIGTERM)
			select {
			case <-exited:
			case <-time.After(10 * time.Second):
				cmd.Process.Kill()
				<-exited
				os.Remove(lock)
				os.Remove(socket)
			}
		}
		if !serving(socket, exited) {
			select {
			case <-exited:
				continue // another server took this display first
			default:
				stop()
				t.Fatalf("Xvfb %s did not start within 10 s", display)
			}
		}
		t.Cleanup(stop)
		return display
	}
	skipUnlessRequired(t, "no free X display number")
	return ""
}

// skipUnlessRequired skips the test, or fails it when PARLEY_REQUIRE_XVFB=1
// (make test and CI, which install Xvfb and xclip): there a test that cannot
// run is a failure, not a pass.
func skipUnlessRequired(t *testing.T, msg string) {
	t.Helper()
	if os.Getenv("PARLEY_REQUIRE_XVFB") == "1" {
		t.Fatalf("%s, and PARLEY_REQUIRE_XVFB=1 (Debian: apt-get install xvfb xclip)", msg)
	}
	t.Skip(msg + " (set PARLEY_REQUIRE_XVFB=1 to make this a failure)")
}

// serving waits up to 10 s for an X server's socket; false when the
// server exited first.
func serving(socket string, exited chan struct{}) bool {
	for range 200 {
		select {
		case <-exited:
			return false
		default:
		}
		if _, err := os.Stat(socket); err == nil {
			return true
		}
		time.Sleep(50 * time.Millisecond)
	}
	return false
}

// TestCopyImageXclip copies a chart through the export dialog to the X11
// clipboard of a virtual display and reads it back with xclip. It runs when
// xclip and Xvfb are installed (Debian: apt-get install xclip xvfb).
func TestCopyImageXclip(t *testing.T) {
	xclip, err := exec.LookPath("xclip")
	if err != nil {
		skipUnlessRequired(t, "xclip is not installed")
	}
	display := startXvfb(t)
	t.Setenv("DISPLAY", display)
	t.Setenv("WAYLAND_DISPLAY", "")

	env, _ := testEnv(t, "aug-2025")
	d, q := openExport(t, env)
	d.size.SetSelected(sizeCustom)
	d.custom.SetText("640x400")
	d.twice.SetChecked(true)
	d.copyImage()
	if err := q.waitDone(t, "copy image"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.note.Text, "Copied the image (1280×800 pixels)") {
		t.Errorf("note %q", d.note.Text)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, xclip, "-selection", "clipboard", "-t", "image/png", "-o").Output()
	if err != nil {
		t.Fatalf("read the clipboard back: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("the clipboard holds no PNG (%d bytes): %v", len(out), err)
	}
	if b := img.Bounds(); b.Dx() != 1280 || b.Dy() != 800 {
		t.Errorf("clipboard image is %dx%d, want 1280x800", b.Dx(), b.Dy())
	}
	if !inked(img) {
		t.Error("the clipboard image is blank")
	}
}

// TestCopyImageWithoutTool says what to install when neither wl-copy nor
// xclip is found, and Copy data still works.
func TestCopyImageWithoutTool(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	t.Setenv("DISPLAY", ":0")
	t.Setenv("WAYLAND_DISPLAY", "wayland-0")
	if err := platform.CopyImage([]byte("png")); !errors.Is(err, platform.ErrNoImageTool) {
		t.Fatalf("copyImage = %v", err)
	}

	env, _ := testEnv(t, "aug-2025")
	d, q := openExport(t, env)
	d.copyImage()
	if err := q.waitDone(t, "copy image"); !errors.Is(err, platform.ErrNoImageTool) {
		t.Fatalf("copy image: %v", err)
	}
	if !strings.Contains(q.shownText(), "Install xclip (X11) or wl-clipboard (Wayland) to copy images; the image was not copied — use Save…") {
		t.Errorf("error shown %q", q.shownText())
	}
	d.copyTable()
	if err := q.waitDone(t, "copy data"); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(env.Clipboard.Content(), "sector_code\t") {
		t.Errorf("clipboard %.40q", env.Clipboard.Content())
	}
}
