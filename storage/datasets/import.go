package datasets

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"parley/scenarios"
	"parley/storage/tradefile"
)

// DatasetSpec says what a file of trade data is: the dataset's name, its
// direction, its year or months, its currency and where it comes from.
type DatasetSpec struct {
	Name      string
	Direction scenarios.Direction
	// Year is the year of the data; 0 takes the year of MonthFrom.
	Year int
	// MonthFrom and MonthTo ("2026-01") bound data of part of a year;
	// both "" for a whole year.
	MonthFrom, MonthTo string
	// Currency is CurrencyUSD ("" too) or CurrencyCAD; a C$ dataset needs
	// CADPerUSD, the C$ per US$ the user converts at (Parley never
	// assumes one).
	Currency  string
	CADPerUSD float64
	// Source says where the data comes from, in the user's words.
	Source string
	// Replace replaces a dataset of the same name (and direction), which
	// scenarios then use with its new lines.
	Replace bool
}

// ParseMonths reads a month range: "2026-01..2026-03", "2026-01-2026-03",
// "2026-01 to 2026-03", or one month "2026-02".
func ParseMonths(s string) (from, to string, err error) {
	s = strings.TrimSpace(s)
	a, b := s, s
	for _, sep := range []string{"..", " to ", "/", "–", "—"} {
		if x, y, ok := strings.Cut(s, sep); ok {
			a, b = x, y
			break
		}
	}
	if a == s && len(s) == 15 && s[7] == '-' {
		a, b = s[:7], s[8:]
	}
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	for _, m := range []string{a, b} {
		t, err := time.Parse("2006-01", m)
		if err != nil || t.Year() < 1900 || t.Year() > 2100 {
			return "", "", fmt.Errorf("%w: months %q: want YYYY-MM..YYYY-MM, e.g. 2026-01..2026-03", errInvalid, s)
		}
	}
	if b < a {
		return "", "", fmt.Errorf("%w: months %q: %s is before %s", errInvalid, s, b, a)
	}
	return a, b, nil
}

// ParseCurrency reads "USD", "US$", "CAD", "C$" (any case).
func ParseCurrency(s string) (string, error) {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "", "USD", "US$", "US":
		return CurrencyUSD, nil
	case "CAD", "C$", "CA$", "CA":
		return CurrencyCAD, nil
	}
	return "", fmt.Errorf("%w: currency %q: want USD or CAD", errInvalid, s)
}

// check normalises the spec and refuses what cannot be a dataset.
func (s *DatasetSpec) check() error {
	s.Name = strings.TrimSpace(s.Name)
	if err := checkDatasetName(s.Name); err != nil {
		return err
	}
	if _, err := scenarios.ParseDirection(string(s.Direction)); err != nil || s.Direction == "" {
		return fmt.Errorf("%w: direction %q: want ca_to_us (flows into the US) or us_to_ca (flows into Canada)", errInvalid, s.Direction)
	}
	if (s.MonthFrom == "") != (s.MonthTo == "") {
		return fmt.Errorf("%w: give both the first and the last month", errInvalid)
	}
	if s.MonthFrom != "" {
		from, to, err := ParseMonths(s.MonthFrom + ".." + s.MonthTo)
		if err != nil {
			return err
		}
		s.MonthFrom, s.MonthTo = from, to
		y, _ := strconv.Atoi(from[:4])
		if s.Year == 0 {
			s.Year = y
		} else if s.Year != y {
			return fmt.Errorf("%w: year %d, but the months start in %d", errInvalid, s.Year, y)
		}
	}
	if s.Year < 1900 || s.Year > 2100 {
		if s.Year == 0 {
			return fmt.Errorf("%w: give the year of the data (or its months)", errInvalid)
		}
		return fmt.Errorf("%w: year %d: want a year such as 2024", errInvalid, s.Year)
	}
	cur, err := ParseCurrency(s.Currency)
	if err != nil {
		return err
	}
	s.Currency = cur
	switch {
	case cur == CurrencyUSD && s.CADPerUSD != 0 && s.CADPerUSD != 1:
		return fmt.Errorf("%w: an exchange rate is for C$ data: give the currency CAD with it", errInvalid)
	case cur == CurrencyUSD:
		s.CADPerUSD = 1
	case s.CADPerUSD == 0 || math.IsNaN(s.CADPerUSD):
		return fmt.Errorf("%w: C$ data needs the exchange rate you use, in C$ per US$ (e.g. 1.3698); Parley never assumes one", errInvalid)
	case s.CADPerUSD < 0.8 || s.CADPerUSD > 2.5:
		return fmt.Errorf("%w: exchange rate %s C$ per US$ is outside 0.8 to 2.5: give C$ per US$ (more than 1 in recent years), not US$ per C$", errInvalid, trimFloat(s.CADPerUSD))
	}
	s.Source = strings.TrimSpace(s.Source)
	return nil
}

// DatasetImportOptions say how to read the file and report progress.
type DatasetImportOptions struct {
	Read tradefile.Options
	// Progress, if set, is called from the importing goroutine with the
	// share done (0 to 1) and what is being done.
	Progress func(done float64, stage string)
}

// DatasetImport is what an import did.
type DatasetImport struct {
	Dataset TradeDataset
	File    *tradefile.Result
	// Baseline is the built-in baseline trade of the same year and
	// direction in US$, described by BaselineLabel; 0 and "" when Parley
	// has none for that year.
	Baseline      float64
	BaselineLabel string
	Replaced      bool
	Elapsed       time.Duration
}

// invalidFile is a file that cannot be imported: bad input.
type invalidFile struct{ err error }

func (e invalidFile) Error() string   { return e.err.Error() }
func (e invalidFile) Unwrap() []error { return []error{e.err, errInvalid} }

// Import reads the file at path and stores its lines as a new
// dataset, in one transaction: a bad file, a bad row (unless the options
// skip bad rows), a name already taken, a cancelled ctx or a failure
// writes nothing. Bad input is an error for which storage.IsBadInput is
// true, naming the rows and columns at fault.
func (ds *Datasets) Import(ctx context.Context, path string, spec DatasetSpec, opt DatasetImportOptions) (*DatasetImport, error) {
	start := ds.s.Now()
	fail := func(err error) (*DatasetImport, error) {
		if errors.Is(err, tradefile.ErrBadFile) {
			err = invalidFile{err}
		}
		return nil, fmt.Errorf("import trade dataset %q: %w", spec.Name, err)
	}
	if err := spec.check(); err != nil {
		return fail(err)
	}
	if err := ds.s.CheckWritable(); err != nil {
		return fail(err)
	}
	chapters, err := ds.s.Chapters(ctx)
	if err != nil {
		return fail(err)
	}
	if !spec.Replace {
		// Refuse a name already taken before reading a large file.
		if err := ds.checkNewDatasetName(ctx, spec.Name); err != nil {
			return fail(err)
		}
	}
	progress := func(done float64, stage string) {
		if opt.Progress != nil {
			opt.Progress(done, stage)
		}
	}
	ro := opt.Read
	ro.Chapters = chapters
	ro.Year = spec.Year
	if ro.Now == nil {
		ro.Now = ds.s.Now
	}
	res, err := readDatasetFile(ctx, path, spec, ro, progress)
	if err != nil {
		return fail(err)
	}
	replaced, err := ds.storeDataset(ctx, spec, res, progress)
	if err != nil {
		if ctx.Err() != nil {
			return fail(fmt.Errorf("import cancelled: %w", ctx.Err()))
		}
		return fail(err)
	}
	progress(1, "Done")
	d, err := ds.Get(spec.Name)
	if err != nil {
		return fail(err)
	}
	imp := &DatasetImport{Dataset: d, File: res, Replaced: replaced}
	imp.Baseline, imp.BaselineLabel, err = ds.s.BuiltinBaseline(ctx, d.Year, d.Direction)
	if err != nil {
		return fail(err)
	}
	imp.Elapsed = ds.s.Now().Sub(start)
	return imp, nil
}

// checkNewDatasetName refuses a trade dataset name already taken
// (errExists), outside a transaction.
func (ds *Datasets) checkNewDatasetName(ctx context.Context, name string) error {
	var n int
	if err := ds.db().QueryRowContext(ctx, "SELECT count(*) FROM trade_datasets WHERE name = ?", name).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return fmt.Errorf("%w: a trade dataset named %q is already in the workspace (choose another name, or replace it)", errExists, name)
	}
	return nil
}

// readDatasetFile reads the trade file at path with ro, reporting its
// progress as the first 80% of the import, and refuses a file of the other
// direction than spec's.
func readDatasetFile(ctx context.Context, path string, spec DatasetSpec, ro tradefile.Options, progress func(float64, string)) (*tradefile.Result, error) {
	ro.Progress = func(done, total int64) {
		if total > 0 {
			progress(0.8*min(1, float64(done)/float64(total)), "Reading "+filepath.Base(path))
		}
	}
	progress(0, "Reading "+filepath.Base(path))
	res, err := tradefile.ReadFile(ctx, path, ro)
	if err != nil {
		return nil, err
	}
	if res.Direction != "" && res.Direction != string(spec.Direction) {
		return nil, invalidFile{fmt.Errorf("%s is %s (%s), not %s: import it as %s", res.File, res.DirectionWhy,
			res.Direction, spec.Direction, res.Direction)}
	}
	return res, nil
}

// storeDataset writes the dataset spec read as res in one transaction,
// replacing one of the same name when spec says so (replaced), reporting
// its progress as the last 20% of the import.
func (ds *Datasets) storeDataset(ctx context.Context, spec DatasetSpec, res *tradefile.Result, progress func(float64, string)) (replaced bool, err error) {
	skipped, err := json.Marshal(res.Skipped)
	if err != nil {
		return false, err
	}
	if res.Skipped == nil {
		skipped = []byte("[]")
	}
	err = ds.s.Write(ctx, func(tx *sql.Tx) error {
		if replaced, err = ds.dropReplaced(ctx, tx, spec); err != nil {
			return err
		}
		out, err := tx.ExecContext(ctx, `INSERT INTO trade_datasets (name, direction, year, month_from, month_to, currency, cad_per_usd,
			source, file_name, sha256, rows_read, rows_skipped, skipped, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			spec.Name, string(spec.Direction), spec.Year, spec.MonthFrom, spec.MonthTo, spec.Currency, spec.CADPerUSD,
			spec.Source, res.File, res.SHA256, res.RowsRead, res.SkippedCount, string(skipped), ds.s.Timestamp())
		if err != nil {
			return err
		}
		id, err := out.LastInsertId()
		if err != nil {
			return err
		}
		return insertDatasetLines(ctx, tx, id, res.Lines, func(done int) {
			progress(0.8+0.2*float64(done)/float64(len(res.Lines)), fmt.Sprintf("Saving %d lines", len(res.Lines)))
		})
	})
	return replaced, err
}

// dropReplaced deletes in tx the dataset of spec's name that spec replaces
// and reports whether there was one. A name taken without spec.Replace is
// errExists; a dataset scenarios use is replaced only by one of the same
// direction.
func (ds *Datasets) dropReplaced(ctx context.Context, tx *sql.Tx, spec DatasetSpec) (bool, error) {
	var oldID int64
	var oldDir string
	err := tx.QueryRowContext(ctx, "SELECT id, direction FROM trade_datasets WHERE name = ?", spec.Name).Scan(&oldID, &oldDir)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	case err != nil:
		return false, err
	case !spec.Replace:
		return false, fmt.Errorf("%w: a trade dataset named %q is already in the workspace (choose another name, or replace it)", errExists, spec.Name)
	}
	users, err := ds.datasetUsers(ctx, tx)
	if err != nil {
		return false, err
	}
	if u := users[strings.ToLower(spec.Name)]; len(u) > 0 && oldDir != string(spec.Direction) {
		return false, fmt.Errorf("%w: %q holds %s trade and is used by %s: a replacement must be of the same direction", errInvalid,
			spec.Name, oldDir, scenarioList(u))
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM trade_datasets WHERE id = ?", oldID); err != nil {
		return false, err
	}
	return true, nil
}

// lineBatch is how many lines one INSERT statement writes.
const lineBatch = 256

// insertDatasetLines writes lines of dataset id, many to a statement.
func insertDatasetLines(ctx context.Context, tx *sql.Tx, id int64, lines []tradefile.Line, progress func(done int)) error {
	const cols = "(?, ?, ?, ?, ?, ?, ?)"
	var full *sql.Stmt
	defer func() {
		if full != nil {
			full.Close()
		}
	}()
	args := make([]any, 0, 7*lineBatch)
	for start := 0; start < len(lines); start += lineBatch {
		if err := ctx.Err(); err != nil {
			return err
		}
		end := min(start+lineBatch, len(lines))
		args = args[:0]
		for _, l := range lines[start:end] {
			var cusma any
			if l.HasCUSMA {
				cusma = l.CUSMA
			}
			args = append(args, id, l.Code, l.Region, l.Sector, l.Description, l.Value, cusma)
		}
		n := end - start
		query := "INSERT INTO dataset_lines (dataset, code, region, sector, description, value, cusma_value) VALUES " +
			strings.Repeat(cols+", ", n-1) + cols
		var err error
		if n == lineBatch {
			if full == nil {
				if full, err = tx.PrepareContext(ctx, query); err != nil {
					return err
				}
			}
			_, err = full.ExecContext(ctx, args...)
		} else {
			_, err = tx.ExecContext(ctx, query, args...)
		}
		if err != nil {
			return err
		}
		if progress != nil {
			progress(end)
		}
	}
	return nil
}
