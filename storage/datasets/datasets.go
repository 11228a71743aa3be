// Package datasets keeps the trade datasets the user imports into a
// workspace: importing a CSV or XLSX file of trade lines, listing,
// renaming, deleting and exporting them, and reading a dataset's lines for
// the model; and the provenance of every dataset, built-in or imported. It
// reaches the workspace through the Store the workspace gives
// (storage.Workspace.TradeData).
package datasets

import (
	"context"
	"database/sql"
	"encoding/json"
	"io"
	"time"

	"parley/scenarios"
	"parley/storage/atomicfile"
	"parley/storage/sqlscan"
	"parley/storage/storeerr"
)

// Store is the workspace as the datasets see it.
type Store interface {
	// DB is the workspace's database, for reads.
	DB() *sql.DB
	// Write runs fn in one immediate transaction with the workspace's busy
	// retry, mapping SQLite's busy and read-only errors to the workspace's.
	Write(ctx context.Context, fn func(tx *sql.Tx) error) error
	// CheckWritable returns nil, or the workspace's read-only error.
	CheckWritable() error
	// Now is the workspace's clock; Timestamp formats it for the database.
	Now() time.Time
	Timestamp() string
	// Chapters maps each HS chapter (2 digits) to its sector code.
	Chapters(ctx context.Context) (map[string]string, error)
	// BuiltinBaseline returns the built-in baseline trade of year in
	// direction d in US$ and what it is; 0 and "" for a year it lacks.
	BuiltinBaseline(ctx context.Context, year int, d scenarios.Direction) (float64, string, error)
	// WriteFile writes a file outside the workspace atomically (no
	// partial file on error; a workspace open is never replaced).
	WriteFile(path string, write func(io.Writer) error) error
}

// Datasets are the user's trade datasets of one workspace.
type Datasets struct {
	s Store
	q sqlscan.Querier // where they read; nil: s.DB()
}

// New returns the datasets of the workspace s.
func New(s Store) *Datasets { return &Datasets{s: s} }

// In returns the datasets reading through q, a transaction of the
// workspace's database, so that what they read is the state q sees, as the
// rest of what the caller reads in q. Writes still go through the Store.
func (ds *Datasets) In(q sqlscan.Querier) *Datasets { return &Datasets{s: ds.s, q: q} }

// db is where the datasets read.
func (ds *Datasets) db() sqlscan.Querier {
	if ds.q != nil {
		return ds.q
	}
	return ds.s.DB()
}

// The workspace's errors of bad input, which the datasets' errors wrap.
var (
	errNotFound = storeerr.ErrNotFound
	errExists   = storeerr.ErrExists
	errInvalid  = atomicfile.ErrInvalid
)

// choiceJSON is a scenario's choice of datasets as the scenarios table
// stores it (its datasets column).
type choiceJSON struct {
	CAtoUS string `json:"ca_to_us,omitempty"`
	UStoCA string `json:"us_to_ca,omitempty"`
}

// EncodeChoice returns a scenario's choice of datasets as the scenarios
// table stores it; DecodeChoice reads it back. Both the scenarios and the
// datasets (which rename the datasets scenarios use) read and write that
// column through them.
func EncodeChoice(d scenarios.Datasets) (string, error) {
	b, err := json.Marshal(choiceJSON{CAtoUS: d.CAtoUS, UStoCA: d.UStoCA})
	return string(b), err
}

// DecodeChoice reads a scenario's choice of datasets as EncodeChoice
// wrote it.
func DecodeChoice(s string, d *scenarios.Datasets) error {
	var j choiceJSON
	if err := json.Unmarshal([]byte(s), &j); err != nil {
		return err
	}
	*d = scenarios.Datasets{CAtoUS: j.CAtoUS, UStoCA: j.UStoCA}
	return nil
}
