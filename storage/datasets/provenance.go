package datasets

import (
	"context"
	"fmt"
	"time"

	"parley/storage/sqlscan"
)

// Dataset is where a set of the workspace's numbers comes from.
type Dataset struct {
	ID          string
	Name        string
	Kind        string // trade, sectors, cusma, elasticity, measures, documents
	File        string
	Source      string // the source as SOURCES.md gives it
	Licence     string
	Description string
	Builtin     bool
	ImportedAt  time.Time
}

// Provenance lists the workspace's datasets, built-in and imported, with
// their provenance.
func (ds *Datasets) Provenance() ([]Dataset, error) {
	var out []Dataset
	err := sqlscan.Query(context.Background(), ds.db(), `SELECT id, name, kind, file, source, licence, description, builtin, imported_at
		FROM datasets ORDER BY builtin DESC, imported_at, id`, func(scan func(...any) error) error {
		var d Dataset
		if err := scan(&d.ID, &d.Name, &d.Kind, &d.File, &d.Source, &d.Licence, &d.Description, &d.Builtin, sqlscan.Time(&d.ImportedAt)); err != nil {
			return err
		}
		out = append(out, d)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list datasets: %w", err)
	}
	return out, nil
}

// ProvenanceOf returns the provenance of the dataset id.
func (ds *Datasets) ProvenanceOf(id string) (Dataset, error) {
	all, err := ds.Provenance()
	if err != nil {
		return Dataset{}, err
	}
	for _, d := range all {
		if d.ID == id {
			return d, nil
		}
	}
	return Dataset{}, fmt.Errorf("%w: no dataset %q", errNotFound, id)
}
