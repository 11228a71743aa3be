package e2e

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// ModuleRoot returns the folder of the go.mod that the go command finds
// from the working directory (a test runs in its package's folder).
func ModuleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	mod := strings.TrimSpace(string(out))
	if mod == "" || mod == os.DevNull {
		return "", errors.New("no go.mod above the working directory")
	}
	return filepath.Dir(mod), nil
}

// RunWithBinary builds the binary (see BuildBinary) into a temporary
// folder, sets *binary to its path, runs the tests of m and exits with
// their status, the folder removed.
func RunWithBinary(m *testing.M, ldflags string, binary *string) {
	dir, err := os.MkdirTemp("", "parley-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	*binary, err = BuildBinary(dir, ldflags)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// BuildBinary builds the parley binary from the module root into folder dir
// with the linker flags ldflags (none when empty), its build output on
// standard output and error, and returns the binary's path.
func BuildBinary(dir, ldflags string) (string, error) {
	root, err := ModuleRoot()
	if err != nil {
		return "", err
	}
	binary := filepath.Join(dir, "parley")
	args := []string{"build", "-o", binary}
	if ldflags != "" {
		args = append(args, "-ldflags", ldflags)
	}
	build := exec.Command("go", append(args, ".")...)
	build.Dir = root
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		return "", fmt.Errorf("build parley: %w", err)
	}
	return binary, nil
}

// HomeEnv is the environment that gives the binary home as its home folder
// and its configuration, data and cache folders inside it, so that nothing
// outside a test is read or written.
func HomeEnv(home string) []string {
	return []string{"HOME=" + home, "XDG_CONFIG_HOME=" + filepath.Join(home, ".config"),
		"XDG_DATA_HOME=" + filepath.Join(home, ".local", "share"), "XDG_CACHE_HOME=" + filepath.Join(home, ".cache")}
}
