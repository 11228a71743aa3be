package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"parley/storage/storagetest"
)

// provincial is a CIMT-style export by province in C$.
const provincial = "HS8,Commodity,Province,Value ($)\n" +
	`72081000,Flat-rolled iron,Ontario,"1,350,000"` + "\n" +
	`76011000,Unwrought aluminium,Quebec,"2,700,000"` + "\n" +
	`76011000,Unwrought aluminium,Quebec,"270,000"` + "\n"

func writeText(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestDatasetCommands(t *testing.T) {
	ws := newWorkspace(t)
	file := writeText(t, "cimt.csv", provincial)
	out, errOut, code := run(t, ws, "dataset", "import", file, "--direction", "ca_to_us", "--year", "2024", "--name", "Provinces 2024",
		"--currency", "CAD", "--rate", "1.35", "--source", "Statistics Canada CIMT, test")
	if code != 0 {
		t.Fatalf("import: %d %s", code, errOut)
	}
	for _, want := range []string{`Imported "Provinces 2024": 2 lines`, "Statistics Canada CIMT", "C$ 4.3 M", "US$ 3.2 M",
		"built-in baseline of 2024", "2 provinces or states", "0.0% of the lines"} {
		if !strings.Contains(out, want) {
			t.Errorf("import output lacks %q:\n%s", want, out)
		}
	}
	out, _, code = run(t, ws, "dataset", "list")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 2 || !strings.HasPrefix(lines[0], "NAME\tDIRECTION") || !strings.HasPrefix(lines[1], "Provinces 2024\tca_to_us\t2024\tCAD\t2\t3200000.00\t") {
		t.Fatalf("list: %d\n%s", code, out)
	}
	out, _, code = run(t, ws, "dataset", "show", "provinces 2024")
	if code != 0 || !strings.Contains(out, "sha256: ") || !strings.Contains(out, "provinces or states: 2") {
		t.Errorf("show: %d\n%s", code, out)
	}
	// show says what the import said about the built-in baseline of the year.
	if !strings.Contains(out, "the built-in baseline of 2024") || strings.Contains(out, "no built-in baseline") {
		t.Errorf("show contradicts the import about the 2024 baseline:\n%s", out)
	}

	// A scenario on the dataset: the provinces chart, as CSV.
	exported := filepath.Join(t.TempDir(), "s.json")
	if _, e, code := run(t, ws, "export-scenario", "aug-2025", "--out", exported); code != 0 {
		t.Fatalf("export-scenario: %s", e)
	}
	raw, _ := os.ReadFile(exported)
	text := strings.Replace(string(raw), `"granularity": "product",`, `"granularity": "product", "datasets": {"ca_to_us": "Provinces 2024"},`, 1)
	text = strings.Replace(text, `"name": "August 2025: 35% on non-CUSMA goods"`, `"name": "August on provinces"`, 1)
	if _, e, code := run(t, ws, "import", writeText(t, "p.json", text)); code != 0 {
		t.Fatalf("import scenario: %s", e)
	}
	csvOut := filepath.Join(t.TempDir(), "prov.csv")
	if _, e, code := run(t, ws, "chart", "August on provinces", "--kind", "provinces", "--out", csvOut); code != 0 {
		t.Fatalf("chart provinces: %s", e)
	}
	b, _ := os.ReadFile(csvOut)
	q, o := strings.Index(string(b), "\nQuebec,"), strings.Index(string(b), "\nOntario,")
	if !strings.Contains(string(b), "region,baseline_usd") || q < 0 || o < q {
		t.Errorf("provinces CSV, Quebec (aluminum) first:\n%s", b)
	}
	// Its footnote names the user's dataset and the source the user gave.
	if !strings.Contains(string(b), `the user's dataset "Provinces 2024" — Statistics Canada CIMT, test`) {
		t.Errorf("provinces CSV footnote does not name the dataset and its source:\n%s", b)
	}
	png := filepath.Join(t.TempDir(), "prov.png")
	if _, e, code := run(t, ws, "chart", "August on provinces", "--kind", "provinces", "--out", png); code != 0 {
		t.Fatalf("chart provinces png: %s", e)
	}

	// Delete is refused while the scenario uses it; rename carries it.
	before := storagetest.Dump(t, ws)
	_, errOut, code = run(t, ws, "dataset", "delete", "Provinces 2024")
	if code != 2 || !strings.Contains(errOut, `"August on provinces"`) {
		t.Errorf("delete in use: %d %s", code, errOut)
	}
	if storagetest.Dump(t, ws) != before {
		t.Error("a refused delete changed the workspace")
	}
	out, errOut, code = run(t, ws, "dataset", "rename", "Provinces 2024", "Prov")
	if code != 0 || !strings.Contains(out, `scenario "August on provinces" now uses "Prov"`) {
		t.Errorf("rename: %d %s %s", code, out, errOut)
	}

	// Export, re-import under another name: the same lines.
	exp := filepath.Join(t.TempDir(), "prov-export.csv")
	if _, e, code := run(t, ws, "dataset", "export", "Prov", "--out", exp); code != 0 {
		t.Fatalf("export: %s", e)
	}
	out, errOut, code = run(t, ws, "dataset", "import", exp, "--direction", "ca_to_us", "--year", "2024", "--name", "Again",
		"--currency", "CAD", "--rate", "1.35")
	if code != 0 || !strings.Contains(out, "Parley dataset export") || !strings.Contains(out, "US$ 3.2 M") {
		t.Errorf("re-import: %d %s %s", code, out, errOut)
	}
	if _, e, code := run(t, ws, "dataset", "delete", "Again"); code != 0 {
		t.Errorf("delete: %s", e)
	}
	out, _, _ = run(t, ws, "dataset", "preview", file)
	if !strings.Contains(out, "layout: Statistics Canada CIMT") || !strings.Contains(out, "columns: code=HS8,value=Value ($),description=Commodity,region=Province") {
		t.Errorf("preview:\n%s", out)
	}
}

func TestDatasetBadInput(t *testing.T) {
	ws := newWorkspace(t)
	good := writeText(t, "good.csv", provincial)
	if _, e, code := run(t, ws, "dataset", "import", good, "--direction", "ca_to_us", "--year", "2024", "--name", "taken", "--currency", "CAD", "--rate", "1.35"); code != 0 {
		t.Fatal(e)
	}
	before := storagetest.Dump(t, ws)
	bad := writeText(t, "bad.csv", "HTS Number,Customs Value\n7601106030,12\n7601106030,twelve\n")
	pdf := writeText(t, "report.csv", "%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"no subcommand", []string{"dataset"}, "missing dataset subcommand"},
		{"unknown subcommand", []string{"dataset", "frobnicate"}, "unknown dataset subcommand"},
		{"no file", []string{"dataset", "import", "--direction", "ca_to_us", "--year", "2024", "--name", "x"}, "one FILE"},
		{"no name", []string{"dataset", "import", bad, "--direction", "ca_to_us", "--year", "2024"}, "missing --name"},
		{"no direction", []string{"dataset", "import", bad, "--year", "2024", "--name", "x"}, "missing --direction"},
		{"bad direction", []string{"dataset", "import", bad, "--direction", "east", "--year", "2024", "--name", "x"}, "--direction"},
		{"no year", []string{"dataset", "import", bad, "--direction", "ca_to_us", "--name", "x"}, "missing --year"},
		{"bad year", []string{"dataset", "import", bad, "--direction", "ca_to_us", "--year", "last", "--name", "x"}, "--year"},
		{"bad months", []string{"dataset", "import", bad, "--direction", "ca_to_us", "--months", "2026-13..2026-14", "--name", "x"}, "--months"},
		{"CAD without rate", []string{"dataset", "import", bad, "--direction", "ca_to_us", "--year", "2024", "--name", "x", "--currency", "CAD"}, "--rate"},
		{"rate without CAD", []string{"dataset", "import", bad, "--direction", "ca_to_us", "--year", "2024", "--name", "x", "--rate", "1.3"}, "--currency CAD"},
		{"bad currency", []string{"dataset", "import", bad, "--direction", "ca_to_us", "--year", "2024", "--name", "x", "--currency", "EUR"}, "--currency"},
		{"bad map", []string{"dataset", "import", bad, "--direction", "ca_to_us", "--year", "2024", "--name", "x", "--map", "code"}, "--map"},
		{"bad encoding", []string{"dataset", "import", bad, "--direction", "ca_to_us", "--year", "2024", "--name", "x", "--encoding", "ebcdic"}, "--encoding"},
		{"bad row", []string{"dataset", "import", bad, "--direction", "ca_to_us", "--year", "2024", "--name", "x"}, `row 3, column "Customs Value" (2): "twelve" is not a number`},
		{"pdf", []string{"dataset", "import", pdf, "--direction", "ca_to_us", "--year", "2024", "--name", "x"}, "PDF"},
		{"missing file", []string{"dataset", "import", filepath.Join(t.TempDir(), "nope.csv"), "--direction", "ca_to_us", "--year", "2024", "--name", "x"}, "nope.csv"},
		{"name taken", []string{"dataset", "import", good, "--direction", "ca_to_us", "--year", "2024", "--name", "TAKEN", "--currency", "CAD", "--rate", "1.35"}, "already"},
		{"flag of another subcommand", []string{"dataset", "list", "--out", "x.csv"}, "takes no --out"},
		{"export without out", []string{"dataset", "export", "taken"}, "missing --out"},
		{"export unknown", []string{"dataset", "export", "nope", "--out", filepath.Join(t.TempDir(), "x.csv")}, `no trade dataset named "nope"`},
		{"delete unknown", []string{"dataset", "delete", "nope"}, `"taken"`},
		{"rename one name", []string{"dataset", "rename", "taken"}, "OLD and NEW"},
		{"rename to empty", []string{"dataset", "rename", "taken", " "}, "needs a name"},
		{"preview pdf", []string{"dataset", "preview", pdf}, "PDF"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errOut, code := run(t, ws, tc.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2: %s", code, errOut)
			}
			if !strings.Contains(errOut, tc.want) {
				t.Errorf("stderr %q lacks %q", errOut, tc.want)
			}
			if storagetest.Dump(t, ws) != before {
				t.Error("the workspace changed")
			}
		})
	}
}

func TestDatasetImportXLSXAndMonths(t *testing.T) {
	ws := newWorkspace(t)
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "Query parameters: Canada, imports for consumption")
	f.NewSheet("Data")
	for i, r := range [][]any{
		{"I_COMMODITY", "I_COMMODITY_SDESC", "CTY_CODE", "CON_VAL_MO", "CON_VAL_YR", "time"},
		{"7601103000", "ALUMINUM UNWROUGHT", "1220", 100, 100, "2026-01"},
		{"7601103000", "ALUMINUM UNWROUGHT", "1220", 250, 350, "2026-02"},
		{"0406904600", "CHEESE", "1220", 5, 5, "2026-01"},
	} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Data", cell, &r)
	}
	book := filepath.Join(t.TempDir(), "census.xlsx")
	if err := f.SaveAs(book); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := run(t, ws, "dataset", "import", book, "--direction", "ca_to_us", "--months", "2026-01..2026-02", "--name", "Q1",
		"--sheet", "Data")
	if code != 0 {
		t.Fatalf("import: %d %s", code, errOut)
	}
	for _, want := range []string{`Imported "Q1": 2 lines of Canada → US, 2026-01 to 2026-02`, `sheet "Data"`, "US Census Bureau trade API",
		"their month values (CON_VAL_MO) are summed", "no built-in baseline of 2026"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	out, _, _ = run(t, ws, "dataset", "list")
	if !strings.Contains(out, "Q1\tca_to_us\t2026-01 to 2026-02\tUSD\t2\t355.00\t") {
		t.Errorf("list:\n%s", out)
	}
	// The first sheet has no header: asking for it names what it lacks.
	_, errOut, code = run(t, ws, "dataset", "import", book, "--direction", "ca_to_us", "--year", "2026", "--name", "Q1b", "--sheet", "Sheet1")
	if code != 2 || !strings.Contains(errOut, "no code column") {
		t.Errorf("sheet without header: %d %s", code, errOut)
	}
	_, errOut, code = run(t, ws, "dataset", "import", book, "--direction", "ca_to_us", "--year", "2026", "--name", "Q1c", "--sheet", "Nope")
	if code != 2 || !strings.Contains(errOut, `no sheet "Nope"`) {
		t.Errorf("unknown sheet: %d %s", code, errOut)
	}
}
