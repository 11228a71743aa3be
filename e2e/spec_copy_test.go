package e2e

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"parley/storage/storagetest"
)

// TestSpecCopyIsIdentical: docs/SPEC.md, which the code's comments cite, is
// byte for byte the specification other tools and users depend on
// (../shared/SPEC.md); when ../shared is missing the test skips, or fails
// under PARLEY_REQUIRE_SHARED=1.
func TestSpecCopyIsIdentical(t *testing.T) {
	want, err := os.ReadFile(storagetest.SharedPath(t, "SPEC.md"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(moduleRoot, "docs", "SPEC.md"))
	if err != nil {
		t.Fatalf("the specification is not in the repository: %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("docs/SPEC.md differs from the specification beside the project (%s): copy it again", firstDifference(got, want))
	}
}

// firstDifference says where a and b first differ, by line.
func firstDifference(a, b []byte) string {
	la, lb := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	for i := 0; i < len(la) && i < len(lb); i++ {
		if !bytes.Equal(la[i], lb[i]) {
			return fmt.Sprintf("line %d: %q in docs/SPEC.md, %q in the specification", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("%d lines in docs/SPEC.md, %d in the specification", len(la), len(lb))
}
