package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A scenario file that names a user list carries it: a colleague who
// imports it into a fresh workspace gets the same numbers to the cent.
func TestListsTravelInScenarioFiles(t *testing.T) {
	mine, theirs := newWorkspace(t), newWorkspace(t)
	codes := writeFile(t, "dairy.csv", "HTS8,Description\n0401.10.00,Milk\n0402.10.00,Powder\n0406.90,Cheese\n")
	if _, errOut, code := run(t, mine, "lists", "import", codes, "--name", "dairy", "--title", "Dairy lines", "--source", "Order, annex 2"); code != 0 {
		t.Fatal(errOut)
	}
	if _, errOut, code := run(t, mine, "import", usingList(t, "Dairy duty", "dairy")); code != 0 {
		t.Fatal(errOut)
	}
	file := filepath.Join(t.TempDir(), "dairy.json")
	if _, errOut, code := run(t, mine, "export-scenario", "Dairy duty", "--out", file); code != 0 {
		t.Fatal(errOut)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, want := range []string{`"lists": {`, `"dairy": {`, `"title": "Dairy lines"`, `"source": "Order, annex 2"`, `"04011000"`, `"040690"`} {
		if !strings.Contains(text, want) {
			t.Errorf("the exported file lacks %s:\n%s", want, text)
		}
	}
	if strings.Contains(text, `"us-s338-dairy": {`) {
		t.Error("the file carries a built-in list")
	}

	if _, errOut, code := run(t, theirs, "import", file); code != 0 {
		t.Fatalf("import into a fresh workspace: %s", errOut)
	}
	want, errOut, code := run(t, mine, "compute", "Dairy duty", "--format", "json", "--lines")
	if code != 0 {
		t.Fatal(errOut)
	}
	got, errOut, code := run(t, theirs, "compute", "Dairy duty", "--format", "json", "--lines")
	if code != 0 {
		t.Fatal(errOut)
	}
	if got != want {
		t.Errorf("the colleague's numbers differ:\n%s\nmine:\n%s", got, want)
	}
	if !strings.Contains(want, `"duty_usd": `) || strings.Contains(want, `"ca_to_us": {"baseline_usd": 0`) {
		t.Errorf("compute output looks empty:\n%.400s", want)
	}
	if out, _, _ := run(t, theirs, "lists"); !strings.Contains(out, "dairy\t3\tDairy lines\tOrder, annex 2\tuser") {
		t.Errorf("the colleague's lists:\n%s", out)
	}

	// Importing again (same name, same codes) reuses the list.
	if _, errOut, code := run(t, theirs, "import", file, "--rename"); code != 0 {
		t.Fatalf("second import: %s", errOut)
	}
	if out, _, _ := run(t, theirs, "lists"); strings.Count(out, "\tuser\n") != 1 {
		t.Errorf("the list was stored twice:\n%s", out)
	}

	t.Run("same name, other codes", func(t *testing.T) {
		ws := newWorkspace(t)
		if _, errOut, code := run(t, ws, "lists", "import", writeFile(t, "o.txt", "0401\n"), "--name", "dairy"); code != 0 {
			t.Fatal(errOut)
		}
		_, errOut, code := run(t, ws, "import", file)
		if code != 2 || !strings.Contains(errOut, "lists.dairy.codes") || !strings.Contains(errOut, "line ") || !strings.Contains(errOut, "other codes") {
			t.Errorf("exit %d: %s", code, errOut)
		}
		if out, _, _ := run(t, ws, "scenarios"); strings.Contains(out, "Dairy duty") {
			t.Error("a refused import stored the scenario")
		}
		if out, _, _ := run(t, ws, "lists", "dairy"); out != "0401\n" {
			t.Errorf("a refused import changed the list: %q", out)
		}
	})

	t.Run("a built-in name", func(t *testing.T) {
		ws := newWorkspace(t)
		bad := strings.Replace(strings.ReplaceAll(text, "list:dairy", "list:us-s338-dairy"), `"dairy": {`, `"us-s338-dairy": {`, 1)
		_, errOut, code := run(t, ws, "import", writeFile(t, "b.json", bad))
		if code != 2 || !strings.Contains(errOut, "lists.us-s338-dairy") || !strings.Contains(errOut, "ships with Parley") {
			t.Errorf("exit %d: %s", code, errOut)
		}
		if out, _, _ := run(t, ws, "lists"); strings.Contains(out, "\tuser\n") {
			t.Errorf("a refused import stored a list:\n%s", out)
		}
	})

	t.Run("a file without its list", func(t *testing.T) {
		ws := newWorkspace(t)
		i := strings.Index(text, `,
  "lists"`)
		if i < 0 {
			t.Fatalf("no lists key in:\n%s", text)
		}
		bad := text[:i] + "\n}\n"
		_, errOut, code := run(t, ws, "import", writeFile(t, "n.json", bad))
		if code != 2 || !strings.Contains(errOut, "dairy") {
			t.Errorf("exit %d: %s", code, errOut)
		}
	})
}
