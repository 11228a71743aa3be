package e2e

import (
	"os/exec"
	"strings"
	"testing"
)

// make run and make build say what they are doing before the build, which
// takes minutes the first time (it compiles the GUI toolkit) and would
// otherwise print nothing.
func TestMakeBuildSaysWhatItDoes(t *testing.T) {
	if _, err := exec.LookPath("make"); err != nil {
		t.Skip("make is not installed")
	}
	for _, target := range []string{"run", "build"} {
		t.Run(target, func(t *testing.T) {
			cmd := exec.Command("make", "-n", target)
			cmd.Dir = moduleRoot
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("make -n %s: %v\n%s", target, err, out)
			}
			text := string(out)
			say := strings.Index(text, "building Parley (the first build compiles the GUI toolkit: a few minutes)")
			build := strings.Index(text, "go build")
			if say < 0 || build < 0 || say > build {
				t.Errorf("make -n %s does not say it is building before it builds:\n%s", target, text)
			}
		})
	}
}
