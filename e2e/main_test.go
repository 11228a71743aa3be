package e2e

// End-to-end tests of the real binary: every command of the command line
// (cli_e2e_test.go) and the desktop app in a real window under Xvfb
// (gui_e2e_test.go). TestMain builds the binary once, from the module root.

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"testing"
)

// binary is the path of the parley binary built for these tests.
var binary string

// moduleRoot is the folder of go.mod, where the binary is built and where
// make and go list run; set by TestMain.
var moduleRoot string

func TestMain(m *testing.M) {
	root, err := ModuleRoot()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	moduleRoot = root
	RunWithBinary(m, "-X main.version=0.0.0-test -X main.commit=e2e -X main.date=2026-01-02T03:04:05Z", &binary)
}

// result is what one run of the binary did.
type result struct {
	stdout, stderr string
	code           int
}

// run runs the binary with args and extra environment variables, with HOME
// and XDG folders in a temporary directory so that nothing outside the test
// is read or written.
func run(t *testing.T, env []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = append(append(os.Environ(), HomeEnv(t.TempDir())...), env...)
	return execute(t, cmd)
}

// execute runs cmd and returns its output and exit status; a command that
// cannot be started fails the test.
func execute(t *testing.T, cmd *exec.Cmd) result {
	t.Helper()
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		code = exitErr.ExitCode()
	} else if err != nil {
		t.Fatalf("run %v: %v", cmd.Args, err)
	}
	return result{stdout: out.String(), stderr: errb.String(), code: code}
}
