package storage

import (
	"database/sql"
	"time"

	"parley/scenarios"
	"parley/storage/defaults"
	"parley/storage/evidence"
)

// defaultsStore is the workspace as the defaults loader writes to it.
type defaultsStore struct{ w *Workspace }

func (s defaultsStore) Now() time.Time    { return s.w.now() }
func (s defaultsStore) Timestamp() string { return s.w.timestamp() }

func (s defaultsStore) WriteBuiltinScenario(tx *sql.Tx, id string, sc *scenarios.Scenario, pos int) error {
	return s.w.writeScenario(tx, id, sc, true, pos, "INSERT")
}

func (s defaultsStore) InsertDocument(tx *sql.Tx, d defaults.Document, body, now string) error {
	return evidence.InsertDocument(tx, &evidence.Document{ID: d.ID, Title: d.Title, Publisher: d.Publisher, Date: d.Date, Kind: d.Kind,
		Topics: d.Topics, SourceFile: d.SourceFile, Builtin: true}, body, now)
}
