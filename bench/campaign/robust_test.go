package campaign_test

import (
	"archive/zip"
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parley/storage"
	"parley/storage/backup"
)

// backupHelper is a helper process that opens workspace ws as the desktop
// app does on day (YYYY-MM-DD), which makes that day's backup, and closes
// it (waiting for the backup); it prints "backup done" or the failure.
func backupHelper(ws, day string) int {
	d, err := time.ParseInLocation("2006-01-02", day, time.Local)
	if err != nil {
		fmt.Println("error", err)
		return 1
	}
	failed := make(chan error, 1)
	w, err := storage.OpenWith(ws, storage.Options{Now: func() time.Time { return d.Add(12 * time.Hour) },
		BackupDir: backup.Dir(ws), BackupFailed: func(err error) { failed <- err }})
	if err != nil {
		fmt.Println("error", err)
		return 1
	}
	w.Close()
	select {
	case err := <-failed:
		fmt.Println("error", err)
		return 1
	default:
		fmt.Println("backup done")
	}
	return 0
}

// backupTemps returns the temporary files in the backups folder of ws.
func backupTemps(ws string) []string {
	entries, _ := os.ReadDir(backup.Dir(ws))
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") && strings.HasSuffix(e.Name(), ".tmp") {
			out = append(out, filepath.Join(backup.Dir(ws), e.Name()))
		}
	}
	return out
}

// age sets the times of the files an hour and a half back.
func age(paths []string) {
	old := time.Now().Add(-90 * time.Minute)
	for _, p := range paths {
		os.Chtimes(p, old, old)
	}
}

// TestBackupKillCampaign kills daily backups (a helper that opens the
// workspace as the app does, on a new day each time) at random moments:
// the workspace stays sound, every backup that was completed opens, and
// once the temporary files of the killed backups are an hour old the next
// backup deletes them: none stays in backups/ for good. PARLEY_BACKUP_KILLS
// sets the number of kills (default 8; bench/kill9.sh: 100).
func TestBackupKillCampaign(t *testing.T) {
	_, ws := campaignWorkspace(t)
	kills := envInt("PARLEY_BACKUP_KILLS", 8)
	// A first backup, timed, to aim the kills.
	day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.Local)
	start := time.Now()
	if out, err := helper("backup", ws, day.Format("2006-01-02")).CombinedOutput(); err != nil {
		t.Fatalf("backup: %v\n%s", err, out)
	}
	full := time.Since(start)
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 11))
	var tally killTally
	i := 0
	for ; tally.killed < kills && i < 3*kills; i++ {
		day = day.AddDate(0, 0, 1)
		cmd := helper("backup", ws, day.Format("2006-01-02"))
		tally.round(t, i, cmd, time.Duration(r.Int64N(int64(full))), ws)
	}
	left := backupTemps(ws)
	age(left)
	day = day.AddDate(0, 0, 1)
	if out, err := helper("backup", ws, day.Format("2006-01-02")).CombinedOutput(); err != nil {
		t.Fatalf("the backup after the kills: %v\n%s", err, out)
	}
	after := backupTemps(ws)
	if len(after) > 0 {
		t.Errorf("temporary files left in backups/ after the next backup: %v", after)
	}
	list, err := backup.List(backup.Dir(ws), ws, day)
	if err != nil || len(list) == 0 {
		t.Fatalf("backups: %v %v", list, err)
	}
	bad := 0
	for _, b := range list {
		if problem := check(b.Path); problem != "" {
			bad++
			t.Errorf("backup %s: %s", b.Name, problem)
		}
	}
	t.Logf("backup kill campaign: %d backups, %d killed, %d exited first (a backup takes %v); %d corruptions; %d temporary files left by the kills, %d after the next backup; %d backups kept, %d unsound",
		i, tally.killed, tally.exited, full.Round(time.Millisecond), tally.corrupt, len(left), len(after), len(list), bad)
	report(fmt.Sprintf("backup_processes=%d killed=%d exited=%d corruptions=%d temps_left=%d temps_after_next=%d backups_kept=%d backups_unsound=%d",
		i, tally.killed, tally.exited, tally.corrupt, len(left), len(after), len(list), bad))
}

// killTally counts a kill campaign's rounds: processes killed, processes
// that exited first, and workspaces found unsound afterwards.
type killTally struct{ killed, exited, corrupt int }

// round runs round i's cmd, killed after delay unless it exits first (a
// process that exits must succeed), then checks the workspace ws.
func (k *killTally) round(t *testing.T, i int, cmd *exec.Cmd, delay time.Duration, ws string) {
	t.Helper()
	var stdout bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stdout
	if killed, err := runOrKill(t, cmd, delay); killed {
		k.killed++
	} else {
		k.exited++
		if err != nil {
			t.Errorf("round %d: %v\n%s", i, err, stdout.String())
		}
	}
	if problem := check(ws); problem != "" {
		k.corrupt++
		t.Errorf("round %d: %s", i, problem)
	}
}

// writeBook writes an XLSX workbook of rows rows (CIMT columns), its sheet
// over excelize's in-memory limit, so that reading it unpacks the sheet to
// a temporary file.
func writeBook(t *testing.T, path string, rows int) {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z := zip.NewWriter(f)
	part := func(name, text string) {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(text))
	}
	part("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`)
	part("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	part("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`)
	part("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`)
	w, err := z.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	fmt.Fprint(bw, `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	fmt.Fprint(bw, `<row r="1"><c r="A1" t="inlineStr"><is><t>HS8</t></is></c><c r="B1" t="inlineStr"><is><t>Province</t></is></c><c r="C1" t="inlineStr"><is><t>Value ($)</t></is></c></row>`)
	regions := []string{"Ontario", "Quebec", "Alberta", "Manitoba"}
	for i := 0; i < rows; i++ {
		n := i + 2
		fmt.Fprintf(bw, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>01%06d</t></is></c><c r="B%d" t="inlineStr"><is><t>%s</t></is></c><c r="C%d"><v>%d</v></c></row>`,
			n, n, i/4, n, regions[i%4], n, 1000+i%97)
	}
	fmt.Fprint(bw, `</sheetData></worksheet>`)
	bw.Flush()
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
}

// excelizeTemps returns excelize's temporary files in dir.
func excelizeTemps(dir string) []string {
	m, _ := filepath.Glob(filepath.Join(dir, "excelize-*"))
	return m
}

// TestXLSXKillCampaign kills XLSX dataset imports (the real binary, its
// temporary folder TMPDIR of its own) at random moments: the workspace
// stays sound, and the temporary files excelize leaves when killed are
// deleted by the next import once an hour old. PARLEY_XLSX_KILLS sets the
// number of kills (default 6; bench/kill9.sh: 40).
func TestXLSXKillCampaign(t *testing.T) {
	if testing.Short() {
		t.Skip("campaign")
	}
	kills := envInt("PARLEY_XLSX_KILLS", 6)
	dir := t.TempDir()
	ws := filepath.Join(dir, "w.parley")
	tmp := filepath.Join(dir, "tmp")
	os.Mkdir(tmp, 0o700)
	book := filepath.Join(dir, "cimt.xlsx")
	writeBook(t, book, 120000) // its sheet unpacks to about 18 MB
	run := func(args ...string) *exec.Cmd {
		cmd := parley(t, ws, args...)
		cmd.Env = append(cmd.Env, "TMPDIR="+tmp)
		return cmd
	}
	if out, err := run("scenarios").CombinedOutput(); err != nil {
		t.Fatalf("create the workspace: %v\n%s", err, out)
	}
	imp := func(i int) *exec.Cmd {
		return run("dataset", "import", book, "--direction", "ca_to_us", "--year", "2024", "--name", fmt.Sprintf("Book %d", i),
			"--currency", "CAD", "--rate", "1.35")
	}
	start := time.Now()
	if out, err := imp(0).CombinedOutput(); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	full := time.Since(start)
	if left := excelizeTemps(tmp); len(left) > 0 {
		t.Fatalf("a whole import left %v", left)
	}
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 12))
	var tally killTally
	maxLeft := 0
	i := 1
	for ; tally.killed < kills && i < 3*kills; i++ {
		cmd := imp(i)
		tally.round(t, i, cmd, time.Duration(r.Int64N(int64(full))), ws)
		maxLeft = max(maxLeft, len(excelizeTemps(tmp)))
	}
	left := excelizeTemps(tmp)
	var size int64
	for _, p := range left {
		if info, err := os.Stat(p); err == nil {
			size += info.Size()
		}
	}
	age(left)
	// The next read (a preview) deletes them.
	if out, err := run("dataset", "preview", book).CombinedOutput(); err != nil {
		t.Fatalf("preview: %v\n%s", err, out)
	}
	after := excelizeTemps(tmp)
	if len(after) > 0 {
		t.Errorf("excelize temporary files left after the next read: %v", after)
	}
	t.Logf("XLSX import kill campaign: %d imports, %d killed, %d exited first (an import takes %v); %d corruptions; %d excelize temporary files (%d MB) left by the kills, %d after the next read",
		i, tally.killed, tally.exited, full.Round(time.Millisecond), tally.corrupt, len(left), size>>20, len(after))
	report(fmt.Sprintf("xlsx_processes=%d killed=%d exited=%d corruptions=%d temps_left=%d temps_left_mb=%d temps_after_next=%d",
		i, tally.killed, tally.exited, tally.corrupt, len(left), size>>20, len(after)))
}

// TestImportRenameCampaign runs PARLEY_RENAME_PROCESSES (default 8)
// `parley import --rename` of one scenario file at once, ROUNDS times
// (PARLEY_RENAME_ROUNDS, default 3): every import succeeds, each under a
// name of its own.
func TestImportRenameCampaign(t *testing.T) {
	if testing.Short() {
		t.Skip("campaign")
	}
	procs, rounds := envInt("PARLEY_RENAME_PROCESSES", 8), envInt("PARLEY_RENAME_ROUNDS", 3)
	dir := t.TempDir()
	ws := filepath.Join(dir, "w.parley")
	file := filepath.Join(dir, "s.json")
	if out, err := parley(t, ws, "export-scenario", "aug-2025", "--out", file).CombinedOutput(); err != nil {
		t.Fatalf("export: %v\n%s", err, out)
	}
	names := map[string]int{}
	failed := 0
	for round := 0; round < rounds; round++ {
		cmds := make([]*exec.Cmd, procs)
		outs := make([]*bytes.Buffer, procs)
		for i := range cmds {
			cmds[i] = parley(t, ws, "import", file, "--rename")
			outs[i] = &bytes.Buffer{}
			cmds[i].Stdout, cmds[i].Stderr = outs[i], outs[i]
			if err := cmds[i].Start(); err != nil {
				t.Fatal(err)
			}
		}
		for i, cmd := range cmds {
			if err := cmd.Wait(); err != nil {
				failed++
				t.Errorf("import --rename: %v\n%s", err, outs[i].String())
				continue
			}
			for _, l := range strings.Split(outs[i].String(), "\n") {
				if _, name, ok := strings.Cut(l, "imported as "); ok {
					names[name]++
				}
			}
		}
	}
	dup := 0
	for name, n := range names {
		if n > 1 {
			dup++
			t.Errorf("%d imports stored as %s", n, name)
		}
	}
	if problem := check(ws); problem != "" {
		t.Error(problem)
	}
	t.Logf("import --rename campaign: %d imports (%d at once), %d failed, %d names given twice", procs*rounds, procs, failed, dup)
	report(fmt.Sprintf("rename_imports=%d parallel=%d failed=%d duplicate_names=%d", procs*rounds, procs, failed, dup))
}
