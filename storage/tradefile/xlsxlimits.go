package tradefile

import (
	"archive/zip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// The limits on what an XLSX workbook may unpack to, checked on the ZIP
// archive's directory before the workbook is opened, so that a "zip bomb"
// (a small file claiming or unpacking to gigabytes) costs neither memory
// nor disk. The sizes checked are those the archive claims; reading a part
// past its claimed size fails.
const (
	// XLSXLimit is the most all the parts of a workbook may unpack to.
	XLSXLimit = 512 << 20
	// XLSXSheetLimit is the most one worksheet or the shared strings may
	// unpack to: they are read as a stream from a temporary file.
	XLSXSheetLimit = 256 << 20
	// XLSXPartLimit is the most any other part may unpack to: those are
	// held in memory.
	XLSXPartLimit = 32 << 20
	// xlsxMaxParts is the most parts a workbook may have.
	xlsxMaxParts = 10000
	// xlsxInMemory is the largest worksheet or shared-strings part read
	// into memory; larger ones are unpacked to a temporary file and read
	// from it as a stream.
	xlsxInMemory = 16 << 20
)

// checkZip refuses a workbook whose ZIP directory claims more than the
// limits, before anything is unpacked.
func checkZip(path string) error {
	z, err := zip.OpenReader(path)
	if err != nil {
		return &Problem{Reason: "a ZIP archive that is not an XLSX workbook"}
	}
	defer z.Close()
	if len(z.File) > xlsxMaxParts {
		return &Problem{Reason: fmt.Sprintf("the workbook has %d parts, more than the %d Parley reads", len(z.File), xlsxMaxParts)}
	}
	var total uint64
	for _, f := range z.File {
		size := f.UncompressedSize64
		name := strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/"))
		limit := uint64(XLSXPartLimit)
		if strings.HasPrefix(name, "xl/worksheets/sheet") || name == "xl/sharedstrings.xml" {
			limit = XLSXSheetLimit
		}
		if size > limit {
			return &Problem{Reason: fmt.Sprintf("the workbook's part %s unpacks to %s, more than the %s Parley reads (a damaged file or a ZIP bomb?)",
				quote(f.Name), mib(size), mib(limit))}
		}
		total += size
		if total > XLSXLimit {
			return &Problem{Reason: fmt.Sprintf("the workbook unpacks to more than %s, the most Parley reads (a ZIP bomb?); save the sheet as CSV to import it",
				mib(XLSXLimit))}
		}
	}
	return nil
}

// mib writes a size in MiB.
func mib(n uint64) string {
	if n >= 10<<20 || n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}

// staleTemp is how old a temporary file of excelize must be before
// CleanTemp deletes it: an import that is running keeps its files fresh
// for far less.
const staleTemp = time.Hour

// CleanTemp deletes the temporary files the XLSX reader (excelize) left
// in the system's temporary folder when a read was killed: only files of
// its own pattern ("excelize-" and random digits), regular, over an hour
// old. Files of other users are left (the folder's sticky bit refuses it
// anyway). It returns how many it deleted.
func CleanTemp(now time.Time) int {
	dir := os.TempDir()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	n := 0
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), "excelize-")
		if !ok || rest == "" || strings.Trim(rest, "0123456789") != "" || !e.Type().IsRegular() {
			continue
		}
		info, err := e.Info()
		if err != nil || now.Sub(info.ModTime()) <= staleTemp || !ownedByMe(info) {
			continue
		}
		if os.Remove(filepath.Join(dir, e.Name())) == nil {
			n++
		}
	}
	return n
}
