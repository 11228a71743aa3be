// Package sqlitefile reads what an SQLite database file says about itself
// without opening it in SQLite, and names a file for SQLite to read without
// writing to it.
package sqlitefile

import (
	"encoding/binary"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"parley/storage/atomicfile"
)

// Header is what the first 100 bytes of a database file say.
type Header struct {
	SQLite bool  // it starts with the SQLite header
	Size   int64 // its size in bytes by the header, 0 when unknown
	AppID  int32 // its application id (PRAGMA application_id)
}

// ReadHeader reads the header of the database file at path. A file that
// does not start with SQLite's header gives a Header whose SQLite is false.
func ReadHeader(path string) (Header, error) {
	f, err := os.Open(path)
	if err != nil {
		return Header{}, err
	}
	defer f.Close()
	var h [100]byte
	n, _ := io.ReadFull(f, h[:])
	if n < len(atomicfile.SQLiteHeader) || string(h[:len(atomicfile.SQLiteHeader)]) != string(atomicfile.SQLiteHeader) {
		return Header{}, nil
	}
	if n < len(h) {
		return Header{SQLite: true, Size: 100}, nil
	}
	pageSize := int64(binary.BigEndian.Uint16(h[16:]))
	if pageSize == 1 {
		pageSize = 65536
	}
	pages := int64(binary.BigEndian.Uint32(h[28:]))
	// The page count is valid when the "version valid for" number equals
	// the change counter (SQLite 3.7.0 and later).
	if binary.BigEndian.Uint32(h[92:]) != binary.BigEndian.Uint32(h[24:]) {
		pages = 0
	}
	appID := int32(binary.BigEndian.Uint32(h[68:]))
	return Header{SQLite: true, Size: pageSize * pages, AppID: appID}, nil
}

// ReadOnlyDSN is the data source name that reads the database at path
// without writing to it; immutable reads the file alone (no locks, no WAL).
func ReadOnlyDSN(path string, immutable bool) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	p := filepath.ToSlash(path)
	if runtime.GOOS == "windows" && !strings.HasPrefix(p, "/") {
		p = "/" + p // file:///C:/...
	}
	p = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
	params := "?mode=ro&_pragma=busy_timeout(5000)"
	if immutable {
		params += "&immutable=1"
	}
	return "file://" + p + params
}
