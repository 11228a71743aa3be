package datasets

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"parley/storage/csvsafe"
	"parley/storage/sqlscan"
)

// DatasetExportHeader is the header row of a dataset exported as CSV; a
// file with it imports back to the same lines (tradefile.LayoutParley).
var DatasetExportHeader = []string{"code", "region", "sector", "description", "value", "cusma_value"}

// Export writes a dataset as CSV: '#' lines saying what it is
// (direction, period, currency and rate, source, file), then
// DatasetExportHeader and one row per line with its values in the
// dataset's currency, written exactly. Imported again with the same
// direction, year and currency, it gives the same dataset.
func (ds *Datasets) Export(name string, out io.Writer) error {
	d, err := ds.Get(name)
	if err != nil {
		return err
	}
	comments := []string{fmt.Sprintf("Parley trade dataset %q: %s (%s), %s, values in %s", d.Name, d.Direction.Label(), d.Direction, d.Period(), d.CurrencyLabel())}
	if d.Source != "" {
		comments = append(comments, "Source: "+oneLineText(d.Source))
	}
	comments = append(comments, fmt.Sprintf("Imported %s from %s (sha256 %s): %d data rows, %d bad rows skipped", d.ImportedAt.Format(time.RFC3339), oneLineText(d.FileName), d.SHA256, d.RowsRead, d.RowsSkipped))
	for _, c := range comments {
		if _, err := fmt.Fprintln(out, csvsafe.CommentLine(c)); err != nil {
			return err
		}
	}
	cw := csvsafe.NewWriter(out)
	if err := cw.Write(DatasetExportHeader); err != nil {
		return err
	}
	err = sqlscan.Query(context.Background(), ds.db(), `SELECT code, region, sector, description, value, cusma_value FROM dataset_lines
		WHERE dataset = ? ORDER BY code, region`, func(scan func(...any) error) error {
		var code, region, sector, desc string
		var v float64
		var cusma sql.NullFloat64
		if err := scan(&code, &region, &sector, &desc, &v, &cusma); err != nil {
			return err
		}
		c := ""
		if cusma.Valid {
			c = strconv.FormatFloat(cusma.Float64, 'f', -1, 64)
		}
		return cw.Write([]string{code, region, sector, desc, strconv.FormatFloat(v, 'f', -1, 64), c})
	}, d.ID)
	if err != nil {
		return fmt.Errorf("export trade dataset %q: %w", d.Name, err)
	}
	cw.Flush()
	return cw.Error()
}

// ExportFile writes the dataset to path atomically (see
// storage.WriteFileAtomic): a failed export leaves no partial file.
func (ds *Datasets) ExportFile(name, path string) error {
	if _, err := ds.Get(name); err != nil {
		return err
	}
	return ds.s.WriteFile(path, func(out io.Writer) error { return ds.Export(name, out) })
}

func oneLineText(s string) string { return strings.Join(strings.Fields(s), " ") }
