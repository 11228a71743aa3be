package storagetest

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// fakeTB records how a helper ended the test: Fatal, Skip or neither.
type fakeTB struct {
	testing.TB
	ended string
}

func (f *fakeTB) Helper() {}
func (f *fakeTB) Fatal(args ...any) {
	f.ended = "fatal: " + fmt.Sprint(args...)
	runtime.Goexit()
}
func (f *fakeTB) Fatalf(format string, args ...any) {
	f.ended = "fatal: " + fmt.Sprintf(format, args...)
	runtime.Goexit()
}
func (f *fakeTB) Skipf(format string, args ...any) {
	f.ended = "skip: " + fmt.Sprintf(format, args...)
	runtime.Goexit()
}

// ending runs fn on a fakeTB in its own goroutine and says how it ended.
func ending(fn func(tb testing.TB)) string {
	f := &fakeTB{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn(f)
	}()
	<-done
	return f.ended
}

// TestSharedPathMissing: a missing file of ../shared skips the test, and
// fails it under PARLEY_REQUIRE_SHARED=1, as make test and CI run.
func TestSharedPathMissing(t *testing.T) {
	missing := func(tb testing.TB) { SharedPath(tb, "data/no-such-file-for-this-test.csv") }
	t.Setenv(RequireSharedEnv, "")
	if got := ending(missing); !strings.HasPrefix(got, "skip: ") {
		t.Errorf("without %s: %q, want a skip", RequireSharedEnv, got)
	}
	t.Setenv(RequireSharedEnv, "1")
	if got := ending(missing); !strings.HasPrefix(got, "fatal: ") {
		t.Errorf("with %s=1: %q, want a failure", RequireSharedEnv, got)
	}
	if got := ending(func(tb testing.TB) { SharedCSV(tb, "no-such-file-for-this-test.csv") }); !strings.HasPrefix(got, "fatal: ") {
		t.Errorf("SharedCSV with %s=1: %q, want a failure", RequireSharedEnv, got)
	}
}

// sharedUse finds code that names ../shared itself.
var sharedUse = regexp.MustCompile(`\.\./shared|"shared"|"\.\.", "shared"`)

// TestSharedReadThroughHelpers: every test that reads the reference data
// beside the project goes through SharedPath or SharedCSV, so that none
// can pass by skipping under PARLEY_REQUIRE_SHARED=1.
func TestSharedReadThroughHelpers(t *testing.T) {
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, "_test.go") || filepath.Base(path) == "storagetest_test.go" {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(b), "\n") {
			code, _, _ := strings.Cut(line, "//")
			if sharedUse.MatchString(code) {
				rel, _ := filepath.Rel(root, path)
				t.Errorf("%s:%d reads ../shared without storagetest.SharedPath: %s", rel, i+1, strings.TrimSpace(line))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
