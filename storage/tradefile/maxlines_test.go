package tradefile

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTooManyLines: a file of more distinct lines than a dataset may hold
// is refused as soon as its lines pass the limit, naming the row, however
// small its size; rows that add to lines already read do not count.
func TestTooManyLines(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and reads a million lines")
	}
	dir := t.TempDir()
	big := filepath.Join(dir, "big.csv")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintln(f, "code,value")
	for i := 0; i <= DefaultMaxLines; i++ {
		fmt.Fprintf(f, "01%08d,1\n", i)
	}
	f.Close()
	msg := readBad(t, big, Options{}).Error()
	if !strings.Contains(msg, "more than 1,000,000 distinct lines") || !strings.Contains(msg, fmt.Sprintf("row %d", DefaultMaxLines+2)) {
		t.Errorf("error %q", msg)
	}
	// A lower limit; repeated lines merge and do not count.
	var b strings.Builder
	b.WriteString("code,region,value\n")
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&b, "01%02d,R%d,1\n", i%25, i%2)
	}
	p := writeFile(t, "a.csv", b.String())
	if res := readOK(t, p, Options{MaxLines: 50}); len(res.Lines) != 50 {
		t.Errorf("%d lines, want 50", len(res.Lines))
	}
	if msg := readBad(t, p, Options{MaxLines: 49}).Error(); !strings.Contains(msg, "more than 49 distinct lines") {
		t.Errorf("error %q", msg)
	}
}
