package storage

import (
	"errors"
	"math/rand/v2"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// isBusy reports whether err is SQLite's "database is locked" (SQLITE_BUSY,
// any extended code) or "database table is locked" (SQLITE_LOCKED).
func isBusy(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return true
		}
	}
	return false
}

// backoff is how long to wait before attempt n+1 at a busy workspace: a
// few milliseconds at first, at most about 100, with jitter so that waiting
// processes do not retry in step.
func backoff(n int) time.Duration {
	d := time.Duration(2<<min(n, 5)) * time.Millisecond
	return d + time.Duration(rand.Int64N(int64(d)))
}
