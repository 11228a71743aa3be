package storage

import (
	"context"
	"database/sql"
	"errors"
	"slices"

	"parley/scenarios"
)

// catalog answers scenarios.Validate's questions from the workspace.
type catalog struct {
	w   *Workspace
	ref *refData
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
	if errors.Is(err, sql.ErrNoRows) || err != nil {
		return "", false
	}
	return body, true
}

func (c *catalog) ListKnown(name string) bool {
	pd, err := c.w.productData(c.ref)
	return err == nil && pd.ref.Lists[name] != nil
}

func (c *catalog) DatasetKnown(d scenarios.Direction, name string) bool {
	var n int
	err := c.w.db.QueryRow("SELECT count(*) FROM trade_datasets WHERE name = ? AND direction = ?", name, string(d)).Scan(&n)
	return err == nil && n > 0
}
