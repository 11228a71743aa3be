package sqlscan

import (
	"database/sql"
	"time"
)

// stampLayout is how the workspace writes timestamps: RFC 3339, UTC.
const stampLayout = time.RFC3339

// Stamp formats t as the workspace's timestamp columns hold it.
func Stamp(t time.Time) string { return t.UTC().Format(stampLayout) }

// ParseStamp parses a timestamp column; "" or a value that is no timestamp
// is the zero time.
func ParseStamp(s string) time.Time {
	t, err := time.Parse(stampLayout, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// Time scans a timestamp column into *t; NULL, "" or a value that is no
// timestamp is the zero time.
func Time(t *time.Time) sql.Scanner { return stamp{t} }

// stamp is the sql.Scanner of Time.
type stamp struct{ t *time.Time }

// Scan implements sql.Scanner.
func (s stamp) Scan(v any) error {
	switch v := v.(type) {
	case time.Time:
		*s.t = v
	case string:
		*s.t = ParseStamp(v)
	case []byte:
		*s.t = ParseStamp(string(v))
	default:
		*s.t = time.Time{}
	}
	return nil
}
