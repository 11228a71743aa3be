package storage

import (
	"context"
	"encoding/json"
	"fmt"

	"parley/library"
	"parley/scenarios"
	"parley/storage/sqlscan"
)

// LibraryMeasure is a measure of the measure library with the row of the
// measures table it comes from.
type LibraryMeasure struct {
	Measure scenarios.Measure
	Row     string // id of the row in the measures table
	// Remark says why the measure is not part of the regime in force, e.g.
	// "announced, never implemented"; empty when it was applied.
	Remark     string
	LegalBasis string
	Scope      string
	RateText   string // the rate as the source states it
	DatesText  string // the dates as the source states them
	CUSMAText  string // the CUSMA treatment as the source states it
	Source     string
	Confidence string // high or medium
	// StruckDownFrom is the day from which a measure struck down no longer
	// applies (zero: none); Measure is then in force until the day before.
	StruckDownFrom scenarios.Date
}

// decodeEntry reads the measure column of the measure library table (a
// library.Entry in JSON) as a pack's measure.
func decodeEntry(stored string) (library.Measure, error) {
	var e library.Entry
	if err := json.Unmarshal([]byte(stored), &e); err != nil {
		return library.Measure{}, fmt.Errorf("library measure: %w", err)
	}
	return e.PackMeasure()
}

// Library returns the measure library in its order, each measure as a
// scenario takes it (with the library's id and vintage).
func (w *Workspace) Library() ([]LibraryMeasure, error) {
	vintage, err := w.LibraryVintage()
	if err != nil {
		return nil, err
	}
	var out []LibraryMeasure
	err = sqlscan.Query(context.Background(), w.db, `SELECT measure, row, status, legal_basis, scope, rate_text, dates_text,
		cusma_text, source, confidence FROM measure_library ORDER BY position`, func(scan func(...any) error) error {
		var lm LibraryMeasure
		var stored string
		if err := scan(&stored, &lm.Row, &lm.Remark, &lm.LegalBasis, &lm.Scope, &lm.RateText, &lm.DatesText,
			&lm.CUSMAText, &lm.Source, &lm.Confidence); err != nil {
			return err
		}
		pm, err := decodeEntry(stored)
		if err != nil {
			return err
		}
		lm.Measure, lm.StruckDownFrom = pm.Effective(), pm.StruckDownFrom
		lm.Measure.LibraryVintage = vintage
		out = append(out, lm)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read the measure library: %w", err)
	}
	return out, nil
}
