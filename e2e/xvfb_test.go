package e2e

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// startXvfb starts a virtual X server with one screen of the given geometry
// (e.g. "1366x768x24") and returns its display (":N") once it accepts
// connections: with -displayfd, Xvfb picks a free display itself and writes
// its number only when it is ready, so tests never race for a display or
// talk to a server that is still starting. The server stops when the test
// ends.
func startXvfb(t *testing.T, screen string) string {
	t.Helper()
	xvfb, err := exec.LookPath("Xvfb")
	if err != nil {
		t.Fatal("Xvfb is not installed (Debian: apt-get install xvfb)")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	cmd := exec.Command(xvfb, "-displayfd", "3", "-screen", "0", screen, "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{w} // fd 3
	var xlog bytes.Buffer
	cmd.Stdout, cmd.Stderr = &xlog, &xlog
	if err := cmd.Start(); err != nil {
		w.Close()
		t.Fatalf("start Xvfb: %v", err)
	}
	w.Close()
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-done
	})
	number := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		number <- strings.TrimSpace(line)
	}()
	select {
	case n := <-number:
		if n == "" {
			<-done
			t.Fatalf("Xvfb did not start:\n%s", xlog.String())
		}
		return ":" + n
	case <-time.After(30 * time.Second):
		t.Fatalf("Xvfb gave no display within 30 s:\n%s", xlog.String())
	}
	return ""
}

// requireTools skips the test when a program it needs is missing, or fails
// it when PARLEY_REQUIRE_XVFB=1 (CI installs them).
func requireTools(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			msg := tool + " is missing (Debian packages: xvfb, x11-utils, imagemagick)"
			if os.Getenv("PARLEY_REQUIRE_XVFB") == "1" {
				t.Fatal(msg)
			}
			t.Skip(msg)
		}
	}
}
