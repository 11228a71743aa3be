package datasets

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"parley/scenarios"
	"parley/storage/sqlscan"
)

// Lines returns the lines of the user's dataset name, which must be
// of direction d, in US$ (values in C$ are divided by the dataset's C$ per
// US$), each with its own claimed CUSMA share where the dataset has one.
func (ds *Datasets) Lines(ctx context.Context, name string, d scenarios.Direction) ([]scenarios.Line, error) {
	var id int64
	var dir string
	var cadPerUSD float64
	err := ds.db().QueryRowContext(ctx, "SELECT id, direction, cad_per_usd FROM trade_datasets WHERE name = ?", name).Scan(&id, &dir, &cadPerUSD)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%w: no dataset named %q (see 'parley dataset list')", errNotFound, name)
	}
	if err != nil {
		return nil, fmt.Errorf("read dataset %q: %w", name, err)
	}
	if dir != string(d) {
		return nil, fmt.Errorf("%w: dataset %q holds %s trade, not %s", errInvalid, name, dir, d)
	}
	var lines []scenarios.Line
	err = sqlscan.Query(ctx, ds.db(), `SELECT code, region, sector, description, value, cusma_value FROM dataset_lines
		WHERE dataset = ? ORDER BY code, region`, func(scan func(...any) error) error {
		l := scenarios.Line{Direction: d}
		var cusma sql.NullFloat64
		if err := scan(&l.Code, &l.Province, &l.Sector, &l.Description, &l.Value, &cusma); err != nil {
			return err
		}
		if cusma.Valid && l.Value > 0 {
			l.Claim, l.HasClaim = min(1, cusma.Float64/l.Value), true
		}
		l.Value /= cadPerUSD
		lines = append(lines, l)
		return nil
	}, id)
	if err != nil {
		return nil, fmt.Errorf("read dataset %q: %w", name, err)
	}
	return lines, nil
}
