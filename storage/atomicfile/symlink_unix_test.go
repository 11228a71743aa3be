//go:build unix

package atomicfile_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"parley/storage/atomicfile"
)

// otherUID is a user that is neither the test's nor the folders' owner.
const otherUID = 54321

// TestWriteFileAtomicProtectedSymlinks: in a sticky world-writable folder
// (/tmp), an export does not follow a symbolic link that another user owns
// unless that user also owns the folder, as the kernel's protected_symlinks
// rule does: otherwise anyone could make a colleague's export replace a
// file of the colleague's own by planting a link under the export's name.
func TestWriteFileAtomicProtectedSymlinks(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to give a link to another user (os.Lchown)")
	}
	me := os.Geteuid()
	for _, tc := range []struct {
		name      string
		dirMode   os.FileMode // with os.ModeSticky where sticky
		dirOwner  int
		linkOwner int
		refused   bool
	}{
		{"another user's link in a sticky shared folder", 0o777 | os.ModeSticky, me, otherUID, true},
		{"my link in a sticky shared folder", 0o777 | os.ModeSticky, me, me, false},
		{"the folder owner's link in its sticky shared folder", 0o777 | os.ModeSticky, otherUID, otherUID, false},
		{"another user's link in a sticky folder only its owner writes", 0o755 | os.ModeSticky, me, otherUID, false},
		{"another user's link in a sticky folder that is not sticky", 0o777, me, otherUID, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			victim := filepath.Join(root, "victim", "notes.txt")
			if err := os.MkdirAll(filepath.Dir(victim), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(victim, []byte("the victim's own file"), 0o600); err != nil {
				t.Fatal(err)
			}
			sticky := filepath.Join(root, "sticky")
			if err := os.Mkdir(sticky, 0o700); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(sticky, tc.dirMode); err != nil {
				t.Fatal(err)
			}
			if err := os.Chown(sticky, tc.dirOwner, -1); err != nil {
				t.Fatal(err)
			}
			link := filepath.Join(sticky, "chart.svg")
			if err := os.Symlink(victim, link); err != nil {
				t.Fatal(err)
			}
			if err := os.Lchown(link, tc.linkOwner, -1); err != nil {
				t.Fatal(err)
			}
			err := atomicfile.WriteFile(link, writeString("<svg/>"))
			if err == nil && !tc.refused {
				// Followed as before: the target is replaced, the link stays.
				if got, _ := os.ReadFile(victim); string(got) != "<svg/>" {
					t.Errorf("the link's target holds %q", got)
				}
				return
			}
			if !tc.refused {
				t.Fatalf("refused: %v", err)
			}
			if err == nil || !errors.Is(err, atomicfile.ErrInvalid) {
				t.Fatalf("WriteFileAtomic through another user's link = %v, want ErrInvalid", err)
			}
			if err := atomicfile.Check(link); !errors.Is(err, atomicfile.ErrInvalid) {
				t.Errorf("CheckExportTarget(the link) = %v, want ErrInvalid", err)
			}
			if got, _ := os.ReadFile(victim); string(got) != "the victim's own file" {
				t.Errorf("the victim's file was replaced: %q", got)
			}
			if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
				t.Errorf("the link was replaced: %v", err)
			}
			if entries, _ := os.ReadDir(sticky); len(entries) != 1 {
				t.Errorf("files left in the sticky folder: %v", entries)
			}
		})
	}
}

// writeString is a write function for WriteFile.
func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}
