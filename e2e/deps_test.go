package e2e

// The rules that keep Parley's layers apart, checked on the code itself:
// dependencies point one way (app -> storage, scenarios; storage ->
// scenarios; scenarios -> standard library), the packages of the window
// that hold no widget build without Fyne and cgo, the views by tab never
// reach into one another, and process-global changes happen only in
// main.go. Each dependency rule asks `go list -deps` of the real build.

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// listedPackage is what `go list -json` says of a package.
type listedPackage struct {
	ImportPath string
	Standard   bool
	Module     *struct{ Path string }
	Imports    []string
	Deps       []string
	Error      *struct{ Err string }
}

// goList runs `go list -json args...` at the module root with the extra
// environment env and returns the packages it lists; a pattern that
// matches nothing, or a package that does not exist, fails the test.
func goList(t *testing.T, env []string, args ...string) []listedPackage {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Fatal("no go command")
	}
	cmd := exec.Command("go", append([]string{"list", "-json"}, args...)...)
	cmd.Dir = moduleRoot
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	var pkgs []listedPackage
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p listedPackage
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		if p.Error != nil {
			t.Fatalf("go list %s: %s: %s", strings.Join(args, " "), p.ImportPath, p.Error.Err)
		}
		pkgs = append(pkgs, p)
	}
	if len(pkgs) == 0 {
		t.Fatalf("go list %s lists no package", strings.Join(args, " "))
	}
	return pkgs
}

// standardPackages is the set of import paths of the standard library.
func standardPackages(t *testing.T) map[string]bool {
	t.Helper()
	std := map[string]bool{}
	for _, p := range goList(t, nil, "std") {
		std[p.ImportPath] = true
	}
	return std
}

// packagePath is the import path of a package go list -test names: the
// package itself for its test variant ("p [p.test]"), its external test
// package ("p_test") and its test main ("p.test").
func packagePath(listed string) string {
	p, _, _ := strings.Cut(listed, " [")
	return strings.TrimSuffix(strings.TrimSuffix(p, ".test"), "_test")
}

// under reports whether the package listed is prefix or a package below it.
func under(listed, prefix string) bool {
	path := packagePath(listed)
	return path == prefix || strings.HasPrefix(path, prefix+"/")
}

// TestDependencyRules: each rule names the packages it holds for (with
// their tests) and the import paths none of their dependencies may have. A
// package a rule names that does not exist fails the rule: the rule would
// otherwise hold of nothing.
func TestDependencyRules(t *testing.T) {
	rules := []struct {
		name      string
		patterns  []string
		forbidden func(dep string) bool
	}{
		{"storage never imports the app", []string{"./storage/..."},
			func(dep string) bool { return under(dep, "parley/app") }},
		// csvsafe (cells a spreadsheet will not run as formulas) imports
		// nothing of the workspace, which this rule would catch through it.
		{"charts and decks never import storage", []string{"./app/charts/...", "./app/deck/..."},
			func(dep string) bool { return under(dep, "parley/storage") && !under(dep, "parley/storage/csvsafe") }},
		// sessiontest, the session set-up the views' tests share, holds no
		// widget either.
		{"session, its test helpers and present never import Fyne", []string{"./app/ui/session/...", "./app/ui/present"},
			func(dep string) bool { return under(dep, "fyne.io") }},
	}
	for _, r := range rules {
		t.Run(r.name, func(t *testing.T) {
			for _, p := range goList(t, nil, append([]string{"-test"}, r.patterns...)...) {
				var bad []string
				for _, d := range p.Deps {
					if r.forbidden(d) {
						bad = append(bad, d)
					}
				}
				switch len(bad) {
				case 0:
				case 1:
					t.Errorf("%s depends on %s", p.ImportPath, bad[0])
				default:
					t.Errorf("%s depends on %s and %d more", p.ImportPath, bad[0], len(bad)-1)
				}
			}
		})
	}
}

// TestScenariosStandardLibraryOnly: the calculation is plain Go that any
// tool can reuse: scenarios and its tests depend on the standard library
// and on nothing else of Parley.
func TestScenariosStandardLibraryOnly(t *testing.T) {
	pkgs := goList(t, nil, "-test", "./scenarios/...")
	std := standardPackages(t)
	for _, p := range pkgs {
		for _, d := range p.Deps {
			if !std[d] && !under(d, "parley/scenarios") {
				t.Errorf("%s depends on %s, which is not in the standard library", p.ImportPath, d)
			}
		}
	}
}

// TestSessionAndPresentBuildWithoutCgo: the packages of the window that hold
// no widget, and their tests, build and pass with cgo off (no GL headers, no
// C compiler).
func TestSessionAndPresentBuildWithoutCgo(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Fatal("no go command")
	}
	cmd := exec.Command("go", "test", "-count=1", "./app/ui/session", "./app/ui/present")
	cmd.Dir = moduleRoot
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("CGO_ENABLED=0 go test ./app/ui/session ./app/ui/present: %v\n%s", err, out)
	}
}

// isView reports whether the package listed is a view of one tab: a
// package app/ui/NAMEview right below app/ui.
func isView(listed string) bool {
	name, ok := strings.CutPrefix(packagePath(listed), "parley/app/ui/")
	return ok && !strings.Contains(name, "/") && strings.HasSuffix(name, "view")
}

// TestViewsNeverImportEachOther: a view of one tab (a package app/ui/NAMEview)
// reaches another tab only through the shell, never by importing it, nor
// do its tests.
func TestViewsNeverImportEachOther(t *testing.T) {
	views := 0
	for _, p := range goList(t, nil, "-test", "./app/ui/...") {
		if !isView(p.ImportPath) {
			continue
		}
		views++
		for _, d := range p.Deps {
			if isView(d) && packagePath(d) != packagePath(p.ImportPath) {
				t.Errorf("%s depends on %s: views never import one another", p.ImportPath, d)
			}
		}
	}
	if views == 0 {
		t.Log("no view package (app/ui/*view) yet: nothing to check")
	}
}
