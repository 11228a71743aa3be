package datasets

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"parley/scenarios"
	"parley/storage/sqlscan"
	"parley/storage/tradefile"
)

// TradeDataset is a set of trade lines the user imported: one direction, a
// year or a month range, in US$ or in C$ at the rate the user entered.
type TradeDataset struct {
	ID        int64
	Name      string
	Direction scenarios.Direction
	Year      int
	MonthFrom string // "2026-01", or "" for the whole year
	MonthTo   string
	Currency  string  // CurrencyUSD or CurrencyCAD
	CADPerUSD float64 // C$ per US$ as the user entered it; 1 for US$
	Source    string
	FileName  string
	SHA256    string
	// RowsRead counts the file's data rows, RowsSkipped the bad ones left
	// out, and Skipped says which and why (the first 1,000).
	RowsRead    int
	RowsSkipped int
	Skipped     []tradefile.Problem
	ImportedAt  time.Time
	// Lines counts the dataset's lines, CUSMALines those with a
	// CUSMA-claimed value, Regions the provinces or states named.
	Lines      int
	CUSMALines int
	Regions    int
	// Total is the sum of the values in the dataset's currency, TotalUSD
	// in US$; CUSMATotal the claimed value in the dataset's currency.
	Total      float64
	TotalUSD   float64
	CUSMATotal float64
	// UsedBy names the scenarios whose assumptions use the dataset.
	UsedBy []string
}

// Currencies of a dataset.
const (
	CurrencyUSD = "USD"
	CurrencyCAD = "CAD"
)

// Period says what the dataset covers: "2024" or "2026-01 to 2026-03".
func (d TradeDataset) Period() string {
	switch {
	case d.MonthFrom == "":
		return fmt.Sprint(d.Year)
	case d.MonthFrom == d.MonthTo:
		return d.MonthFrom
	}
	return d.MonthFrom + " to " + d.MonthTo
}

// CurrencyLabel says how the dataset's values are given: "US$" or "C$ at
// 1.3500 C$ per US$".
func (d TradeDataset) CurrencyLabel() string {
	if d.Currency == CurrencyCAD {
		return fmt.Sprintf("C$, converted at %s C$ per US$ (your rate)", trimFloat(d.CADPerUSD))
	}
	return "US$"
}

// CUSMALineShare is the share of the dataset's lines that carry a
// CUSMA-claimed value.
func (d TradeDataset) CUSMALineShare() float64 {
	if d.Lines == 0 {
		return 0
	}
	return float64(d.CUSMALines) / float64(d.Lines)
}

func trimFloat(x float64) string {
	s := fmt.Sprintf("%.4f", x)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s
}

const datasetColumns = `d.id, d.name, d.direction, d.year, d.month_from, d.month_to, d.currency, d.cad_per_usd,
	d.source, d.file_name, d.sha256, d.rows_read, d.rows_skipped, d.skipped, d.imported_at,
	coalesce(s.n, 0), coalesce(s.nc, 0), coalesce(s.nr, 0), coalesce(s.v, 0), coalesce(s.c, 0)`

// datasetStats joins each dataset's line statistics, in one scan of the
// lines that where selects (e.g. "WHERE dataset = ?").
func datasetStats(where string) string {
	return `trade_datasets d LEFT JOIN (SELECT dataset, count(*) AS n, count(cusma_value) AS nc,
		count(DISTINCT nullif(region, '')) AS nr, sum(value) AS v, sum(cusma_value) AS c
		FROM dataset_lines ` + where + ` GROUP BY dataset) s ON s.dataset = d.id`
}

// scanDataset reads a row of datasetColumns.
func scanDataset(scan func(...any) error) (TradeDataset, error) {
	var d TradeDataset
	var dir, skipped string
	if err := scan(&d.ID, &d.Name, &dir, &d.Year, &d.MonthFrom, &d.MonthTo, &d.Currency, &d.CADPerUSD,
		&d.Source, &d.FileName, &d.SHA256, &d.RowsRead, &d.RowsSkipped, &skipped, sqlscan.Time(&d.ImportedAt),
		&d.Lines, &d.CUSMALines, &d.Regions, &d.Total, &d.CUSMATotal); err != nil {
		return d, err
	}
	d.Direction = scenarios.Direction(dir)
	if d.CADPerUSD > 0 {
		d.TotalUSD = d.Total / d.CADPerUSD
	}
	if skipped != "" {
		if err := json.Unmarshal([]byte(skipped), &d.Skipped); err != nil {
			return d, fmt.Errorf("dataset %q: skipped rows: %w", d.Name, err)
		}
	}
	return d, nil
}

// List lists the user's trade datasets by name, each with the
// scenarios that use it.
func (ds *Datasets) List() ([]TradeDataset, error) {
	ctx := context.Background()
	var out []TradeDataset
	err := sqlscan.Query(ctx, ds.db(), "SELECT "+datasetColumns+" FROM "+datasetStats("")+" ORDER BY d.name COLLATE NOCASE", func(scan func(...any) error) error {
		d, err := scanDataset(scan)
		if err != nil {
			return err
		}
		out = append(out, d)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list trade datasets: %w", err)
	}
	users, err := ds.datasetUsers(ctx, ds.db())
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].UsedBy = users[strings.ToLower(out[i].Name)]
	}
	return out, nil
}

// Get returns the trade dataset called name (case ignored).
func (ds *Datasets) Get(name string) (TradeDataset, error) {
	ctx := context.Background()
	name = strings.TrimSpace(name)
	row := ds.db().QueryRowContext(ctx, "SELECT "+datasetColumns+" FROM "+
		datasetStats("WHERE dataset = (SELECT id FROM trade_datasets WHERE name = ?)")+" WHERE d.name = ?", name, name)
	d, err := scanDataset(row.Scan)
	if errors.Is(err, sql.ErrNoRows) {
		return TradeDataset{}, ds.noDataset(name)
	}
	if err != nil {
		return TradeDataset{}, fmt.Errorf("read trade dataset %q: %w", name, err)
	}
	users, err := ds.datasetUsers(ctx, ds.db())
	if err != nil {
		return TradeDataset{}, err
	}
	d.UsedBy = users[strings.ToLower(d.Name)]
	return d, nil
}

// noDataset is the error for a dataset name the workspace lacks, with the
// names it has.
func (ds *Datasets) noDataset(name string) error {
	var names []string
	_ = sqlscan.Query(context.Background(), ds.db(), "SELECT name FROM trade_datasets ORDER BY name", func(scan func(...any) error) error {
		var n string
		if err := scan(&n); err != nil {
			return err
		}
		names = append(names, fmt.Sprintf("%q", n))
		return nil
	})
	if len(names) == 0 {
		return fmt.Errorf("%w: no trade dataset named %q (the workspace has none; import one with 'parley dataset import')", errNotFound, name)
	}
	return fmt.Errorf("%w: no trade dataset named %q (the workspace has %s)", errNotFound, name, strings.Join(names, ", "))
}

// datasetUsers maps each dataset name (lower case) to the names of the
// scenarios that use it, in scenario order.
func (ds *Datasets) datasetUsers(ctx context.Context, q sqlscan.Querier) (map[string][]string, error) {
	rows, err := q.QueryContext(ctx, "SELECT name, datasets FROM scenarios ORDER BY position, name")
	if err != nil {
		return nil, fmt.Errorf("read the scenarios' datasets: %w", err)
	}
	users := map[string][]string{}
	err = sqlscan.Rows(rows, func(scan func(...any) error) error {
		var name, js string
		if err := scan(&name, &js); err != nil {
			return err
		}
		var sel scenarios.Datasets
		if err := DecodeChoice(js, &sel); err != nil {
			return fmt.Errorf("scenario %q: datasets: %w", name, err)
		}
		for _, d := range scenarios.Directions {
			if n := strings.ToLower(sel.For(d)); n != "" && !slices.Contains(users[n], name) {
				users[n] = append(users[n], name)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read the scenarios' datasets: %w", err)
	}
	return users, nil
}

// checkDatasetName refuses names that cannot name a dataset.
func checkDatasetName(name string) error {
	switch {
	case name == "":
		return fmt.Errorf("%w: a dataset needs a name", errInvalid)
	case utf8.RuneCountInString(name) > 80:
		return fmt.Errorf("%w: dataset name %q is longer than 80 characters", errInvalid, name)
	case strings.EqualFold(name, "built-in") || strings.EqualFold(name, "builtin"):
		return fmt.Errorf("%w: %q names Parley's own data; choose another name", errInvalid, name)
	}
	for _, r := range name {
		if unicode.IsControl(r) {
			return fmt.Errorf("%w: dataset name %q has a control character", errInvalid, name)
		}
	}
	return nil
}

// datasetNameFree refuses a name another dataset (but except) has.
func datasetNameFree(ctx context.Context, tx *sql.Tx, name string, except int64) error {
	var id int64
	var have string
	err := tx.QueryRowContext(ctx, "SELECT id, name FROM trade_datasets WHERE name = ?", name).Scan(&id, &have)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && id == except) {
		return nil
	}
	if err != nil {
		return err
	}
	return fmt.Errorf("%w: a trade dataset named %q is already in the workspace (choose another name, or replace it)", errExists, have)
}

// Rename renames a dataset, and the scenarios that use it then
// use it under its new name: in one transaction. It returns those
// scenarios' names.
func (ds *Datasets) Rename(oldName, newName string) ([]string, error) {
	oldName, newName = strings.TrimSpace(oldName), strings.TrimSpace(newName)
	if err := checkDatasetName(newName); err != nil {
		return nil, err
	}
	ctx := context.Background()
	var changed []string
	err := ds.s.Write(ctx, func(tx *sql.Tx) error {
		changed = nil
		var id int64
		var have string
		err := tx.QueryRowContext(ctx, "SELECT id, name FROM trade_datasets WHERE name = ?", oldName).Scan(&id, &have)
		if errors.Is(err, sql.ErrNoRows) {
			return ds.noDataset(oldName)
		}
		if err != nil {
			return err
		}
		if err := datasetNameFree(ctx, tx, newName, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE trade_datasets SET name = ? WHERE id = ?", newName, id); err != nil {
			return err
		}
		changed, err = ds.renameDatasetUses(ctx, tx, have, newName)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("rename trade dataset %q: %w", oldName, err)
	}
	return changed, nil
}

// renameDatasetUses makes the scenarios that use the dataset old use it
// as new, each in a new revision, in tx, and returns their names.
func (ds *Datasets) renameDatasetUses(ctx context.Context, tx *sql.Tx, old, new string) ([]string, error) {
	var changed []string
	type use struct{ id, name, js string }
	var uses []use
	if err := sqlscan.Query(ctx, tx, "SELECT id, name, datasets FROM scenarios ORDER BY position, name", func(scan func(...any) error) error {
		var u use
		if err := scan(&u.id, &u.name, &u.js); err != nil {
			return err
		}
		uses = append(uses, u)
		return nil
	}); err != nil {
		return nil, err
	}
	for _, u := range uses {
		var sel scenarios.Datasets
		if err := DecodeChoice(u.js, &sel); err != nil {
			return nil, fmt.Errorf("scenario %q: datasets: %w", u.name, err)
		}
		hit := false
		for _, d := range scenarios.Directions {
			if strings.EqualFold(sel.For(d), old) {
				sel.Set(d, new)
				hit = true
			}
		}
		if !hit {
			continue
		}
		js, err := EncodeChoice(sel)
		if err != nil {
			return nil, err
		}
		// A new revision: a window that holds the old one reloads.
		if _, err := tx.ExecContext(ctx, "UPDATE scenarios SET datasets = ?, revision = revision + 1, updated_at = ? WHERE id = ?", js, ds.s.Timestamp(), u.id); err != nil {
			return nil, err
		}
		changed = append(changed, u.name)
	}
	return changed, nil
}

// Delete deletes a dataset and its lines. A dataset that a
// scenario uses is not deleted: the error names the scenarios.
func (ds *Datasets) Delete(name string) error {
	name = strings.TrimSpace(name)
	ctx := context.Background()
	err := ds.s.Write(ctx, func(tx *sql.Tx) error {
		var id int64
		var have string
		err := tx.QueryRowContext(ctx, "SELECT id, name FROM trade_datasets WHERE name = ?", name).Scan(&id, &have)
		if errors.Is(err, sql.ErrNoRows) {
			return ds.noDataset(name)
		}
		if err != nil {
			return err
		}
		users, err := ds.datasetUsers(ctx, tx)
		if err != nil {
			return err
		}
		if u := users[strings.ToLower(have)]; len(u) > 0 {
			return fmt.Errorf("%w: it is used by %s; choose another dataset in %s assumptions first", errInvalid, scenarioList(u), pronoun(len(u)))
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM trade_datasets WHERE id = ?", id)
		return err
	})
	if err != nil {
		return fmt.Errorf("delete trade dataset %q: %w", name, err)
	}
	return nil
}

// scenarioList names scenarios: `scenario "A"`, `2 scenarios: "A" and "B"`.
func scenarioList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	if len(q) == 1 {
		return "scenario " + q[0]
	}
	return fmt.Sprintf("%d scenarios (%s and %s)", len(q), strings.Join(q[:len(q)-1], ", "), q[len(q)-1])
}

func pronoun(n int) string {
	if n == 1 {
		return "its"
	}
	return "their"
}
