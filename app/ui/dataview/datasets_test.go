package dataview

import (
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parley/scenarios"
	"parley/storage/tradefile"
)

func writeDataFile(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// wait waits for a value on ch, failing after a while.
func wait[T any](t *testing.T, u *View, ch chan T, what string) T {
	t.Helper()
	return waitFor(t, u.nav.(*testNav), ch, what)
}

// openImporter opens the import dialog on a file and waits for its preview.
func openImporter(t *testing.T, u *View, path string) *datasetImporter {
	t.Helper()
	im := u.newDatasetImporter("")
	im.previewed = make(chan struct{}, 16)
	im.done = make(chan error, 1)
	im.open(path)
	wait(t, u, im.previewed, "the preview")
	return im
}

func TestImportDialogRecognisesAndPreviews(t *testing.T) {
	u, _ := newTestView(t)
	path := writeDataFile(t, "dataweb_2024.csv", "HTS Number,Description,Special Import Program Claimed,Customs Value\n"+
		`7601106030,Unwrought aluminum,S,"1,000,000"`+"\n"+`7601106030,Unwrought aluminum,,"250,000"`+"\n"+
		`2709002090,Crude oil,,"5,000,000"`+"\n")
	im := openImporter(t, u, path)
	p := im.preview
	if p == nil || !p.Recognised || p.Layout != tradefile.LayoutDataWeb || len(p.Rows) != 3 {
		t.Fatalf("preview %+v", p)
	}
	if im.name.Text != "dataweb_2024" || im.year.Text != "2024" {
		t.Errorf("name %q year %q, want them from the file name", im.name.Text, im.year.Text)
	}
	if got := im.cols[tradefile.FieldCode].Selected; got != "1: HTS Number" {
		t.Errorf("code column %q", got)
	}
	if got := im.cols[tradefile.FieldProgram].Selected; got != "3: Special Import Program Claimed" {
		t.Errorf("program column %q", got)
	}
	if !strings.Contains(im.detected.Text, "USITC DataWeb") {
		t.Errorf("detected %q", im.detected.Text)
	}
	// The preview table: row numbers, then the cells; headers name the fields.
	if r, c := im.tableSize(); r != 3 || c != 5 {
		t.Errorf("table %dx%d", r, c)
	}
	l := widget.NewLabel("")
	im.tableCell(widget.TableCellID{Row: 0, Col: 0}, l)
	if l.Text != "2" {
		t.Errorf("first row number %q", l.Text)
	}
	im.tableHeader(widget.TableCellID{Row: -1, Col: 4}, l)
	if l.Text != "[value] 4: Customs Value" {
		t.Errorf("header %q", l.Text)
	}
	if im.start.Disabled() {
		t.Fatal("Import disabled on a recognised file")
	}
	im.source.SetText("USITC DataWeb, test")
	test.Tap(im.start)
	if err := wait(t, u, im.done, "the import"); err != nil {
		t.Fatal(err)
	}
	d, err := u.sess.Workspace().TradeData().Get("dataweb_2024")
	if err != nil || d.Lines != 2 || d.CUSMALines != 2 || d.Source != "USITC DataWeb, test" {
		t.Fatalf("dataset %+v, %v", d, err)
	}
	for _, want := range []string{`Imported "dataweb_2024": 2 lines`, "built-in baseline of 2024", "100.0% of the lines"} {
		if !strings.Contains(im.status.Text, want) {
			t.Errorf("status lacks %q:\n%s", want, im.status.Text)
		}
	}
	// The Assumptions view offers it for flows into the US.
	if opts := u.assumptions.datasets.sel[scenarios.CAtoUS.Index()].Options; len(opts) != 2 || opts[1] != "dataweb_2024" {
		t.Errorf("picker options %q", opts)
	}
}

func TestImportDialogMapping(t *testing.T) {
	u, _ := newTestView(t)
	path := writeDataFile(t, "own.csv", "Tariff line;Where;Amount\n7208.10;ON;1.234,5\n7208.10;ON;10\n7601;QC;99\n")
	im := openImporter(t, u, path)
	p := im.preview
	if p == nil || p.Recognised || p.Problem == "" || p.Delimiter != ';' || len(p.Header) != 3 || len(p.Rows) != 3 {
		t.Fatalf("preview %+v", p)
	}
	if !im.start.Disabled() {
		t.Error("Import enabled without a code and a value column")
	}
	im.cols[tradefile.FieldCode].SetSelected(p.ColumnLabel(0))
	if !im.start.Disabled() {
		t.Error("Import enabled without a value column")
	}
	im.cols[tradefile.FieldValue].SetSelected(p.ColumnLabel(2))
	im.cols[tradefile.FieldRegion].SetSelected(p.ColumnLabel(1))
	if im.start.Disabled() || !im.mapped {
		t.Fatal("Import still disabled after mapping the columns")
	}
	if m := im.mapping(); m.String() != "code=Tariff line,value=Amount,region=Where" {
		t.Errorf("mapping %q", m.String())
	}
	im.year.SetText("")
	test.Tap(im.start)
	if !im.problem.Visible() || !strings.Contains(im.problem.Text, "year") {
		t.Fatalf("no year: problem %q", im.problem.Text)
	}
	im.year.SetText("2025")
	im.name.SetText("Own data")
	test.Tap(im.start)
	if err := wait(t, u, im.done, "the import"); err != nil {
		t.Fatal(err)
	}
	d, err := u.sess.Workspace().TradeData().Get("Own data")
	if err != nil || d.Lines != 2 || d.Regions != 2 || d.Total != 1244.5+99 {
		t.Fatalf("dataset %+v, %v", d, err)
	}
	if !strings.Contains(im.status.Text, "2 rows of the same code and region summed into 1 lines") {
		t.Errorf("status does not say the rows were summed:\n%s", im.status.Text)
	}
}

func TestImportDialogLatin1AndCurrency(t *testing.T) {
	u, _ := newTestView(t)
	path := writeDataFile(t, "cimt.csv", "HS8,Commodity,Province,Value ($)\n01012100,Chevaux,Qu\xe9bec,1350\n")
	im := openImporter(t, u, path)
	if im.encoding.Selected != encodingLatin || im.preview.SuggestedEncoding != tradefile.Latin1 || !strings.Contains(im.detected.Text, "Latin-1") {
		t.Errorf("encoding %q, detected %q", im.encoding.Selected, im.detected.Text)
	}
	if im.currency.Selected != currencyCAD || im.rate.Disabled() {
		t.Errorf("currency %q, want C$ for a Statistics Canada file", im.currency.Selected)
	}
	im.year.SetText("2024")
	test.Tap(im.start)
	if !strings.Contains(im.problem.Text, "exchange rate") {
		t.Fatalf("C$ without a rate: problem %q", im.problem.Text)
	}
	im.rate.SetText("1,35")
	test.Tap(im.start)
	if err := wait(t, u, im.done, "the import"); err != nil {
		t.Fatal(err)
	}
	d, err := u.sess.Workspace().TradeData().Get("cimt")
	if err != nil || d.Currency != "CAD" || d.CADPerUSD != 1.35 || math.Abs(d.TotalUSD-1000) > 1e-9 {
		t.Fatalf("dataset %+v, %v", d, err)
	}
	a := scenarios.DefaultAssumptions()
	a.Datasets.CAtoUS = "cimt"
	m, err := u.sess.Workspace().Model(a)
	if err != nil || m.Line(scenarios.CAtoUS, 0).Province != "Québec" {
		t.Errorf("province %q, %v", m.Line(scenarios.CAtoUS, 0).Province, err)
	}
}

func TestImportDialogRefusesBadRowAndCancels(t *testing.T) {
	u, _ := newTestView(t)
	im := openImporter(t, u, writeDataFile(t, "bad 2024.csv", "HTS Number,Customs Value\n7601106030,1\n7601106030,-3\n"))
	test.Tap(im.start)
	err := wait(t, u, im.done, "the import")
	if err == nil || !strings.Contains(im.problem.Text, "row 3") || !strings.Contains(im.problem.Text, "negative") {
		t.Fatalf("err %v, problem %q", err, im.problem.Text)
	}
	if all, _ := u.sess.Workspace().TradeData().List(); len(all) != 0 {
		t.Fatalf("a refused import wrote %d datasets", len(all))
	}

	var b strings.Builder
	b.WriteString("HTS Number,Customs Value\n")
	for i := range 300000 {
		b.WriteString("76011060")
		b.WriteString(string(rune('0' + i%10)))
		b.WriteString(string(rune('0' + i/10%10)))
		b.WriteString(",1\n")
	}
	im = openImporter(t, u, writeDataFile(t, "big 2024.csv", b.String()))
	test.Tap(im.start)
	if im.cancel.Hidden || !im.running {
		t.Fatal("no Cancel while importing")
	}
	test.Tap(im.cancel)
	err = wait(t, u, im.done, "the cancelled import")
	if !errors.Is(err, context.Canceled) || !strings.Contains(im.status.Text, "cancelled") {
		t.Fatalf("err %v, status %q", err, im.status.Text)
	}
	if all, _ := u.sess.Workspace().TradeData().List(); len(all) != 0 {
		t.Fatalf("a cancelled import wrote %d datasets", len(all))
	}
}

func TestDatasetPickerAndDelete(t *testing.T) {
	u, nav := newTestView(t)
	im := openImporter(t, u, writeDataFile(t, "provinces 2024.csv", "HS8,Commodity,Province,Value ($)\n"+
		"72081000,Iron,Ontario,1000000\n76011000,Aluminium,Quebec,2000000\n"))
	im.currency.SetSelected(currencyUSD)
	test.Tap(im.start)
	if err := wait(t, u, im.done, "the import"); err != nil {
		t.Fatal(err)
	}
	nav.OpenScenario("aug-2025")
	sel := u.assumptions.datasets.sel[scenarios.CAtoUS.Index()]
	sel.SetSelected("provinces 2024")
	if got := u.sess.Draft().Assumptions.Datasets.CAtoUS; got != "provinces 2024" {
		t.Fatalf("scenario dataset %q", got)
	}
	if b := u.sess.Result().Totals[scenarios.CAtoUS.Index()].Baseline; b != 3_000_000 {
		t.Errorf("baseline %v, want the dataset's 3,000,000", b)
	}

	// The dataset is in use: delete is refused, naming the scenario.
	m := u.datasetsDialog()
	if len(m.all) != 1 {
		t.Fatalf("%d datasets listed", len(m.all))
	}
	m.list.Select(0)
	m.deleteDialog()
	if !strings.Contains(strings.Join(nav.errors, " "), "August 2025") {
		t.Errorf("delete of a used dataset: %q", nav.errors)
	}
	// Back to the built-in data: then it can go.
	sel.SetSelected(builtinData)
	if u.sess.Draft().Assumptions.Datasets.CAtoUS != "" {
		t.Fatal("built-in data not chosen")
	}
	m.reload()
	m.list.Select(0)
	if err := u.sess.Workspace().TradeData().Delete(m.all[0].Name); err != nil {
		t.Fatal(err)
	}
	u.DatasetsChanged()
	if len(m.all) != 0 || len(sel.Options) != 1 {
		t.Errorf("after delete: %d listed, picker %q", len(m.all), sel.Options)
	}
}
