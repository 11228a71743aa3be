package storage

import (
	"context"
	"database/sql"
	"errors"
	"sync"
)

// watchers holds, for each workspace whose DataVersion is asked for, the
// connection that asks: SQLite's data_version is per connection, so it must
// always be the same one. Close releases it (stopWatching).
var watchers = struct {
	sync.Mutex
	conns map[*Workspace]*sql.Conn
}{conns: map[*Workspace]*sql.Conn{}}

// DataVersion returns a number that changes whenever a change to the
// workspace is committed by another connection: another process (the
// command line, another window) or this one's other connections. The app
// polls it every second or two and, when it changes, reads again what it
// shows. It costs one query on a connection kept for the purpose.
func (w *Workspace) DataVersion() (int64, error) {
	watchers.Lock()
	defer watchers.Unlock()
	ctx := context.Background()
	conn := watchers.conns[w]
	if conn == nil {
		if w.release == nil {
			return 0, errors.New("data version: the workspace is closed")
		}
		c, err := w.db.Conn(ctx)
		if err != nil {
			return 0, err
		}
		conn = c
		watchers.conns[w] = conn
	}
	var v int64
	if err := conn.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
		return 0, err
	}
	return v, nil
}

// stopWatching gives back the connection DataVersion keeps, so that Close
// can close the database and fold its write-ahead log into the file.
func (w *Workspace) stopWatching() {
	watchers.Lock()
	defer watchers.Unlock()
	if c := watchers.conns[w]; c != nil {
		c.Close()
		delete(watchers.conns, w)
	}
}
