package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"parley/scenarios"
)

// catalog answers scenarios.Validate's questions from the workspace. A
// question it cannot answer because the database fails is answered "no"
// and the failure kept: callers check failure after validating, so that a
// document that cannot be read is not reported as an unknown one.
type catalog struct {
	w   *Workspace
	ref *refData
	err error // the first failure
}

// failure returns the first database failure met while validating.
func (c *catalog) failure() error { return c.err }

func (c *catalog) fail(err error) {
	if c.err == nil {
		c.err = err
	}
}

func (w *Workspace) catalog() (*catalog, error) {
	r, err := w.refs(context.Background())
	if err != nil {
		return nil, err
	}
	return &catalog{w: w, ref: r}, nil
}

func (c *catalog) SectorKnown(code string) bool {
	_, ok := c.ref.sectorIx[code]
	return ok
}

func (c *catalog) BaselineYearKnown(year int) bool { return slices.Contains(c.ref.years, year) }

func (c *catalog) CUSMAPresetKnown(name string) bool {
	_, ok := c.ref.cusma[name]
	return ok
}

func (c *catalog) ElasticityPresetKnown(name string) bool {
	_, ok := c.ref.elast[name]
	return ok
}

func (c *catalog) DocumentText(id string) (string, bool) {
	var body string
	err := c.w.db.QueryRow("SELECT body FROM documents WHERE id = ?", id).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false
	}
	if err != nil {
		c.fail(fmt.Errorf("could not read document %s: %w", id, c.w.mapWriteError(err)))
		return "", false
	}
	return body, true
}

func (c *catalog) ListKnown(name string) bool {
	pd, err := c.w.productData(c.ref)
	if err != nil {
		c.fail(fmt.Errorf("could not read the product lists: %w", err))
		return false
	}
	if pd.Ref.Lists[name] != nil {
		return true
	}
	var n int
	err = c.w.db.QueryRow("SELECT count(*) FROM user_lists WHERE name = ? COLLATE BINARY", name).Scan(&n)
	if err != nil {
		c.fail(fmt.Errorf("could not read the product lists: %w", c.w.mapWriteError(err)))
		return false
	}
	return n > 0
}

func (c *catalog) DatasetKnown(d scenarios.Direction, name string) bool {
	var n int
	err := c.w.db.QueryRow("SELECT count(*) FROM trade_datasets WHERE name = ? AND direction = ?", name, string(d)).Scan(&n)
	if err != nil {
		c.fail(fmt.Errorf("could not read dataset %s: %w", name, c.w.mapWriteError(err)))
		return false
	}
	return n > 0
}
