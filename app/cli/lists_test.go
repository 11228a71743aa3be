package cli_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// writeFile writes text to a file called name in a temporary folder.
func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// usingList is a scenario file whose one measure taxes list:NAME.
func usingList(t *testing.T, scenario, list string) string {
	return writeFile(t, "s.json", fmt.Sprintf(`{"format": "parley.scenario/2", "name": %q, "as_of": "2026-10-01",
  "assumptions": {"baseline_year": 2025, "granularity": "product"},
  "measures": [{"id": "duty", "imposer": "US", "program": "S338", "rate": 0.25,
    "products": {"include": ["list:%s"]}, "effective_from": "2026-08-19"}]}`, scenario, list))
}

func TestListsImport(t *testing.T) {
	ws := newWorkspace(t)
	csvFile := writeFile(t, "dairy.csv", "HTS code,Description\n0401.10.00,Milk\n\n\"0402 10\",Powder\n0401100000,Milk again\n")
	out, errOut, code := run(t, ws, "lists", "import", csvFile, "--name", "dairy", "--title", "My dairy", "--source", "Order 2026-15, annex")
	if code != 0 {
		t.Fatalf("import: %d %s", code, errOut)
	}
	if !strings.Contains(out, "list dairy: 3 codes") {
		t.Errorf("import said %q", out)
	}
	out, _, code = run(t, ws, "lists", "dairy")
	if code != 0 || out != "04011000\n0401100000\n040210\n" {
		t.Errorf("lists dairy: %d %q", code, out)
	}
	out, _, _ = run(t, ws, "lists")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if lines[0] != "NAME\tCODES\tTITLE\tSOURCE\tKIND" {
		t.Errorf("header %q", lines[0])
	}
	if want := "dairy\t3\tMy dairy\tOrder 2026-15, annex\tuser"; lines[len(lines)-1] != want {
		t.Errorf("last line %q, want %q", lines[len(lines)-1], want)
	}
	if !strings.Contains(out, "us-s338-dairy\t") || !strings.Contains(lines[1], "\tbuilt-in") {
		t.Errorf("built-in lists missing or unmarked:\n%s", out)
	}

	t.Run("text file", func(t *testing.T) {
		txt := writeFile(t, "codes.txt", "7208.10\n7208 25 00\n401\n")
		out, errOut, code := run(t, ws, "lists", "import", txt, "--name", "plain")
		if code != 0 || !strings.Contains(errOut, "leading 0") {
			t.Fatalf("import: %d %q %q", code, out, errOut)
		}
		out, _, _ = run(t, ws, "lists", "plain")
		if out != "0401\n720810\n72082500\n" {
			t.Errorf("codes %q", out)
		}
	})

	t.Run("xlsx", func(t *testing.T) {
		wb := excelize.NewFile()
		wb.SetCellValue("Sheet1", "A1", "Tariff item")
		wb.SetCellValue("Sheet1", "A2", "7208.10.00")
		wb.SetCellValue("Sheet1", "A3", 401100000) // a number: its leading zero lost
		path := filepath.Join(t.TempDir(), "list.xlsx")
		if err := wb.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		if _, errOut, code := run(t, ws, "lists", "import", path, "--name", "book"); code != 0 {
			t.Fatalf("import: %d %s", code, errOut)
		}
		if out, _, _ := run(t, ws, "lists", "book"); out != "0401100000\n72081000\n" {
			t.Errorf("codes %q", out)
		}
	})
}

func TestListsImportRefused(t *testing.T) {
	ws := newWorkspace(t)
	good := writeFile(t, "good.txt", "0401\n")
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"bad codes with rows", []string{"lists", "import", writeFile(t, "bad.csv", "code\n0401\n04A1\n0402\n123456789012\n7\n"), "--name", "bad"},
			[]string{"bad.csv", "3 bad codes", "row 3", `"04A1"`, "row 5", "12 digits", "row 6"}},
		{"built-in name", []string{"lists", "import", good, "--name", "us-s338-dairy"}, []string{"ships with Parley"}},
		{"built-in name in capitals", []string{"lists", "import", good, "--name", "US-S338-DAIRY"}, []string{"ships with Parley"}},
		{"no name", []string{"lists", "import", good}, []string{"--name"}},
		{"bad name", []string{"lists", "import", good, "--name", "a b"}, []string{"list name"}},
		{"no file", []string{"lists", "import", filepath.Join(t.TempDir(), "none.csv"), "--name", "x"}, []string{"none.csv"}},
		{"empty file", []string{"lists", "import", writeFile(t, "empty.csv", ""), "--name", "x"}, []string{"empty"}},
		{"only a header", []string{"lists", "import", writeFile(t, "head.csv", "code\n"), "--name", "x"}, []string{"no codes"}},
		{"a PDF", []string{"lists", "import", writeFile(t, "a.pdf", "%PDF-1.4\n"), "--name", "x"}, []string{"PDF"}},
		{"unknown list", []string{"lists", "nowhere"}, []string{`"nowhere"`}},
		{"delete unknown", []string{"lists", "delete", "nowhere"}, []string{"nowhere"}},
		{"delete built-in", []string{"lists", "delete", "us-s338-dairy"}, []string{"ships with Parley"}},
		{"flag without subcommand", []string{"lists", "--name", "x"}, []string{"--name"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, code := run(t, ws, tt.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2: %s", code, errOut)
			}
			for _, w := range tt.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr lacks %q: %s", w, errOut)
				}
			}
		})
	}
	out, _, _ := run(t, ws, "lists")
	if strings.Contains(out, "\tuser\n") {
		t.Errorf("a refused import stored a list:\n%s", out)
	}
	// The same name twice: refused unless --replace.
	if _, errOut, code := run(t, ws, "lists", "import", good, "--name", "mine"); code != 0 {
		t.Fatal(errOut)
	}
	if _, errOut, code := run(t, ws, "lists", "import", good, "--name", "MINE"); code != 2 || !strings.Contains(errOut, "--replace") {
		t.Errorf("same name in other case: %d %s", code, errOut)
	}
	other := writeFile(t, "other.txt", "0402\n0403\n")
	if _, errOut, code := run(t, ws, "lists", "import", other, "--name", "mine", "--replace"); code != 0 {
		t.Errorf("--replace: %d %s", code, errOut)
	}
	if out, _, _ := run(t, ws, "lists", "mine"); out != "0402\n0403\n" {
		t.Errorf("after --replace: %q", out)
	}
}

func TestListsDeleteUsed(t *testing.T) {
	ws := newWorkspace(t)
	if _, errOut, code := run(t, ws, "lists", "import", writeFile(t, "c.txt", "0401\n0402\n"), "--name", "dairy"); code != 0 {
		t.Fatal(errOut)
	}
	if _, errOut, code := run(t, ws, "import", usingList(t, "Dairy duty", "dairy")); code != 0 {
		t.Fatalf("import a scenario naming the list: %s", errOut)
	}
	_, errOut, code := run(t, ws, "lists", "delete", "dairy")
	if code != 2 || !strings.Contains(errOut, `"Dairy duty"`) {
		t.Errorf("delete of a used list: %d %s", code, errOut)
	}
	if out, _, _ := run(t, ws, "lists", "dairy"); out != "0401\n0402\n" {
		t.Errorf("a refused delete changed the list: %q", out)
	}
	if _, errOut, code := run(t, ws, "lists", "rename", "dairy", "dairy-2"); code != 0 {
		t.Fatalf("rename: %s", errOut)
	}
	if out, errOut, code := run(t, ws, "compute", "Dairy duty"); code != 0 {
		t.Errorf("compute after rename: %d %s %s", code, out, errOut)
	}
	if _, _, code := run(t, ws, "lists", "delete", "dairy-2"); code != 2 {
		t.Errorf("delete of the renamed list in use: exit %d", code)
	}
	if _, errOut, code := run(t, ws, "lists", "import", writeFile(t, "d.txt", "0406\n"), "--name", "unused"); code != 0 {
		t.Fatal(errOut)
	}
	if out, errOut, code := run(t, ws, "lists", "delete", "unused"); code != 0 || !strings.Contains(out, "deleted") {
		t.Errorf("delete unused: %d %s %s", code, out, errOut)
	}
	if _, _, code := run(t, ws, "lists", "unused"); code != 2 {
		t.Errorf("a deleted list still shows: exit %d", code)
	}
}
