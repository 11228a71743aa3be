package refdata_test

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"parley/assets"
	"parley/assets/productsgen/gen"
	"parley/seeds"
	"parley/storage/storagetest"
)

// gunzip returns data decompressed when name ends in .gz, else data.
func gunzip(t *testing.T, name string, data []byte) []byte {
	t.Helper()
	if !strings.HasSuffix(name, ".gz") {
		return data
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return out
}

// TestProductFilesReproducible runs the generator on the reference data and
// checks that every file it writes is the embedded one (decompressed), and
// that nothing else is embedded under data/ and products/.
func TestProductFilesReproducible(t *testing.T) {
	shared := filepath.Dir(storagetest.SharedPath(t, "data/SOURCES.md")) // ../shared/data
	out := t.TempDir()
	files, err := gen.Generate(filepath.Dir(shared), out)
	if err != nil {
		t.Fatal(err)
	}
	var embeddedFiles []gen.File
	for _, f := range files {
		if f.Name != gen.Lines2024File && f.Name != gen.ListsFile {
			embeddedFiles = append(embeddedFiles, f)
			continue
		}
		// Go source of package assets, compiled in rather than embedded.
		written, err := os.ReadFile(filepath.Join("..", "..", "assets", f.Name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(written, f.Data) {
			t.Errorf("%s differs from the generated one: run make generate", f.Name)
		}
	}
	generated := checkEmbedded(t, out, embeddedFiles, assets.Files(), func(f gen.File, written, embedded []byte) bool {
		if strings.HasSuffix(f.Name, ".gz") {
			zr, err := gzip.NewReader(bytes.NewReader(embedded))
			if err != nil {
				t.Fatal(err)
			}
			if zr.Name != "" || !zr.ModTime.IsZero() {
				t.Errorf("%s: gzip header has name %q, time %v", f.Name, zr.Name, zr.ModTime)
			}
		}
		return bytes.Equal(gunzip(t, f.Name, written), gunzip(t, f.Name, embedded))
	})
	for _, dir := range []string{"data", "products"} {
		err := fs.WalkDir(assets.Files(), dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && !generated[p] {
				t.Errorf("%s is embedded but not generated", p)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// checkEmbedded checks that each file the generator wrote under out is
// embedded in fsys and the same as the one written (same reports whether
// it is) and returns the names of the files generated.
func checkEmbedded(t *testing.T, out string, files []gen.File, fsys fs.FS, same func(f gen.File, written, embedded []byte) bool) map[string]bool {
	t.Helper()
	generated := map[string]bool{}
	for _, f := range files {
		generated[f.Name] = true
		written, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(f.Name)))
		if err != nil {
			t.Fatal(err)
		}
		embedded, err := fs.ReadFile(fsys, f.Name)
		if err != nil {
			t.Errorf("%s is generated but not embedded: %v", f.Name, err)
			continue
		}
		if !same(f, written, embedded) {
			t.Errorf("%s: the embedded file differs from the generated one: run make generate", f.Name)
		}
	}
	return generated
}

// TestEvidenceFilesReproducible runs the generator's evidence step on the
// reference data and checks that every built-in evidence text it derives is
// the one package seeds embeds, byte for byte, and that every document of
// the seeds manifest that names a source file is one the generator derives.
func TestEvidenceFilesReproducible(t *testing.T) {
	shared := filepath.Dir(filepath.Dir(storagetest.SharedPath(t, "evidence/s232_metals_annexes_text.txt")))
	out := t.TempDir()
	files, err := gen.GenerateEvidence(shared, out)
	if err != nil {
		t.Fatal(err)
	}
	generated := checkEmbedded(t, out, files, seeds.Files(), func(f gen.File, written, embedded []byte) bool {
		return bytes.Equal(written, embedded) && bytes.Equal(f.Data, embedded)
	})
	var m struct {
		Documents []struct {
			ID         string `json:"id"`
			File       string `json:"file"`
			SourceFile string `json:"source_file"`
		} `json:"documents"`
	}
	b, err := fs.ReadFile(seeds.Files(), seeds.Manifest)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	derived := 0
	for _, d := range m.Documents {
		if d.SourceFile == "" {
			continue
		}
		derived++
		if !generated[d.File] {
			t.Errorf("document %s: %s is not derived by the generator", d.ID, d.File)
		}
		if _, err := os.Stat(filepath.Join(shared, "evidence", d.SourceFile)); err != nil {
			t.Errorf("document %s: source file %s is not in the reference data: %v", d.ID, d.SourceFile, err)
		}
	}
	if derived != len(files) {
		t.Errorf("%d documents name a source file, the generator derives %d", derived, len(files))
	}
}

func embeddedCSV(t *testing.T, name string) [][]string {
	t.Helper()
	b, err := fs.ReadFile(assets.Files(), name)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return recs
}

// TestCUSMASectorMonthlyAddsUpToAllGoods checks that the sector split of
// each month's claim share adds up, to the dollar, to the all-goods figures
// of derived_usmca_claim_share_canada_monthly_2025_2026.csv.
func TestCUSMASectorMonthlyAddsUpToAllGoods(t *testing.T) {
	total, claimed := map[string]int64{}, map[string]int64{}
	for _, r := range embeddedCSV(t, assets.CUSMASectorMonthlyFile)[1:] {
		v, err1 := strconv.ParseInt(r[2], 10, 64)
		u, err2 := strconv.ParseInt(r[3], 10, 64)
		share, err3 := strconv.ParseFloat(r[4], 64)
		if err1 != nil || err2 != nil || err3 != nil || v <= 0 || math.Abs(share-float64(u)/float64(v)) > 5e-7 {
			t.Fatalf("row %q", r)
		}
		total[r[0]] += v
		claimed[r[0]] += u
	}
	months := embeddedCSV(t, assets.CUSMAMonthlyFile)[1:]
	if len(months) != len(total) {
		t.Errorf("%d months by sector, %d all goods", len(total), len(months))
	}
	for _, r := range months {
		m := r[0]
		if strconv.FormatInt(total[m], 10) != r[1] || strconv.FormatInt(claimed[m], 10) != r[2] {
			t.Errorf("%s: %d of %d claimed by sector, all goods %s of %s", m, claimed[m], total[m], r[2], r[1])
		}
		if got := strconv.FormatFloat(math.Round(float64(claimed[m])/float64(total[m])*1e4)/1e4, 'f', -1, 64); got != r[3] {
			t.Errorf("%s: share %s, all goods %s", m, got, r[3])
		}
	}
}
