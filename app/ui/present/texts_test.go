package present

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parley/storage"
	"parley/storage/evidence"
)

func TestImportMessagesNameTheFileOnce(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{"a.txt": "text", "b.md": "# b", "report.pdf": "%PDF", "notes.docx": "x", ".hidden.txt": "x"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	paths, skipped, err := ScanFolder(dir)
	if err != nil || len(paths) != 3 || filepath.Base(paths[2]) != "report.pdf" {
		t.Fatalf("paths %v, %v", paths, err)
	}
	if len(skipped) != 1 || skipped[0] != "notes.docx: not a .txt, .md, .html or .pdf file" {
		t.Errorf("skipped %q", skipped)
	}
	for _, tc := range []struct {
		path string
		err  error
		want string
	}{
		{"/x/y/scan.pdf", errors.New("import /x/y/scan.pdf: " + storage.ErrBadDocument.Error() + ": scan.pdf has no text to import (no text layer)"), "scan.pdf: it has no text to import (no text layer)"},
		{"/x/y/empty.txt", errors.New("import /x/y/empty.txt: " + storage.ErrBadDocument.Error() + ": empty.txt has no text"), "empty.txt: it has no text"},
		{"/x/y/dup.txt", errors.New("import /x/y/dup.txt: already exists: dup.txt is already in the library as 005"), "dup.txt: already exists: it is already in the library as 005"},
	} {
		got := ImportProblem(tc.path, tc.err)
		if !strings.HasPrefix(got, tc.want) || strings.Count(got, filepath.Base(tc.path)) != 1 {
			t.Errorf("ImportProblem(%s) = %q, want %q with the name once", tc.path, got, tc.want)
		}
	}
}

func TestDocumentCountsInWords(t *testing.T) {
	for _, tc := range []struct {
		d    evidence.Document
		want string
	}{
		{evidence.Document{Publisher: "CP", Excerpts: 0, Citations: 5}, "CP · no saved excerpts · quoted by 5 measures"},
		{evidence.Document{Excerpts: 1, Citations: 0}, "1 saved excerpt · not quoted by any measure yet"},
		{evidence.Document{Excerpts: 3, Citations: 1}, "3 saved excerpts · quoted by 1 measure"},
	} {
		if got := DocLine(tc.d); got != tc.want {
			t.Errorf("docLine = %q, want %q", got, tc.want)
		}
	}
	utc := time.Date(2026, 3, 1, 18, 5, 0, 0, time.UTC)
	if got, want := LocalTime(utc), utc.Local().Format("2 Jan 2006, 15:04"); got != want {
		t.Errorf("localTime = %q, want %q", got, want)
	}
	if got := LocalTime(time.Time{}); got != "" {
		t.Errorf("localTime of no time = %q", got)
	}
}

func TestPercentIsNeverZeroWhenNotZero(t *testing.T) {
	for _, tc := range []struct {
		r    float64
		want string
	}{{0, "0%"}, {0.35, "35%"}, {0.0815, "8.15%"}, {0.0004, "0.04%"}, {0.00004, "<0.01%"}, {0.123, "12.3%"}} {
		if got := Percent(tc.r); got != tc.want {
			t.Errorf("Percent(%v) = %q, want %q", tc.r, got, tc.want)
		}
	}
	for _, tc := range []struct {
		typed   string
		rate    float64
		meaning string
		bad     bool
	}{
		{"50%", 0.5, "50%", false}, {"0.5", 0.5, "50%", false}, {"50", 0.5, "50%", false}, {"1", 1, "100%", false},
		{"12,5 %", 0.125, "12.5%", false}, {"5000", 0, "", true}, {"-3", 0, "", true}, {"abc", 0, "", true},
	} {
		r, meaning, err := ParseShare(tc.typed, 1)
		if (err != nil) != tc.bad || (!tc.bad && (r != tc.rate || meaning != tc.meaning)) {
			t.Errorf("ParseShare(%q) = %v %q %v", tc.typed, r, meaning, err)
		}
	}
}

// Counts read the same in every view: thousands grouped, "1" singular.
func TestPluralGroupsThousands(t *testing.T) {
	for _, tc := range []struct {
		n          int
		word, want string
	}{{1, "line", "1 line"}, {0, "code", "0 codes"}, {3, "measure", "3 measures"}, {11852, "line", "11,852 lines"}} {
		if got := Plural(tc.n, tc.word); got != tc.want {
			t.Errorf("Plural(%d, %q) = %q, want %q", tc.n, tc.word, got, tc.want)
		}
	}
}
