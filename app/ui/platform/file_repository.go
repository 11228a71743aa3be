package platform

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage/repository"

	pstorage "parley/storage"
)

// fyneFiles is what Fyne's repository for file URIs does.
type fyneFiles interface {
	repository.AppendableRepository
	repository.DeleteAllRepository
	repository.HierarchicalRepository
	repository.ListableRepository
	repository.CopyableRepository
	repository.MovableRepository
}

// fileRepository is Fyne's repository for file URIs with two changes.
//
// Its Writer leaves the file alone until the first byte is written. Fyne's
// save dialog opens the chosen file for writing (creating or truncating it)
// before Parley sees the path; Parley takes only the path, closes that
// writer unused and replaces the file atomically, so the dialog creates,
// truncates and removes nothing, and an export or a new workspace that
// fails or is refused leaves an existing file as it was.
//
// It never opens a workspace file or SQLite's files beside one (see
// sealed). Fyne's file dialogs draw an icon per file and, for a name
// without a known MIME type, open the file to sniff its first line; the
// open dialog also opens the file chosen. Opening and closing the open
// workspace, its -wal or its -shm file in this process drops SQLite's POSIX
// locks on it, and the next Parley process to close the workspace then
// deletes its -wal file under the app.
type fileRepository struct{ fyneFiles }

// sealedSuffixes end the names of files the app never opens outside
// SQLite: workspaces and the files SQLite keeps beside a database.
var sealedSuffixes = []string{WorkspaceExt, WorkspaceExt + "-wal", WorkspaceExt + "-shm", WorkspaceExt + "-journal",
	"-wal", "-shm", "-journal"}

// sealed reports whether u is a file the app must not open as a plain
// file: one named like a workspace or SQLite's files beside one, a
// workspace open in this process (by any name, see storage.IsLive), or a
// FIFO, device or socket, which opening to sniff a type would block on (a
// FIFO waits for a writer, freezing the dialog) or act on.
func sealed(u fyne.URI) bool {
	if u.Scheme() != "file" {
		return false
	}
	name := strings.ToLower(filepath.Base(u.Path()))
	for _, s := range sealedSuffixes {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	if pstorage.IsLive(u.Path()) {
		return true
	}
	info, err := os.Stat(u.Path())
	return err == nil && !info.Mode().IsRegular() && !info.IsDir()
}

// errSealed is what reading a sealed file through Fyne gives.
var errSealed = errors.New("Parley opens workspace files only through its database, never as plain files")

// Reader returns Fyne's reader, or for a sealed file one that never opens
// it: the dialogs only want its name (an open dialog's caller closes it
// unread) and its MIME type (which the failing read leaves at text/plain).
func (r fileRepository) Reader(u fyne.URI) (fyne.URIReadCloser, error) {
	if sealed(u) {
		return sealedReader{u}, nil
	}
	return r.fyneFiles.Reader(u)
}

// CanRead is Fyne's, without opening a sealed file (Fyne's opens it).
func (r fileRepository) CanRead(u fyne.URI) (bool, error) {
	if sealed(u) {
		return exists(u)
	}
	return r.fyneFiles.CanRead(u)
}

// CanWrite is Fyne's, without opening a sealed file (Fyne's opens it).
func (r fileRepository) CanWrite(u fyne.URI) (bool, error) {
	if sealed(u) {
		return exists(u)
	}
	return r.fyneFiles.CanWrite(u)
}

// exists reports whether the file of u exists, without opening it.
func exists(u fyne.URI) (bool, error) {
	_, err := os.Stat(u.Path())
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	return err == nil, err
}

// sealedReader is the reader of a sealed file: it never opens it.
type sealedReader struct{ uri fyne.URI }

// URI returns the file's URI.
func (s sealedReader) URI() fyne.URI { return s.uri }

// Read fails: the file is not read outside SQLite.
func (s sealedReader) Read([]byte) (int, error) { return 0, errSealed }

// Close does nothing: the file was never opened.
func (s sealedReader) Close() error { return nil }

// Writer returns a writer that truncates u on its first Write.
func (r fileRepository) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	return &lazyWriter{uri: u, open: r.fyneFiles.Writer}, nil
}

// lazyWriter opens its file on the first Write; closed unused, it has not
// touched the file.
type lazyWriter struct {
	uri  fyne.URI
	open func(fyne.URI) (fyne.URIWriteCloser, error)
	w    fyne.URIWriteCloser
}

// URI returns the file's URI.
func (l *lazyWriter) URI() fyne.URI { return l.uri }

// Write opens the file, truncating it, on the first call, then writes p.
// It never opens a sealed file.
func (l *lazyWriter) Write(p []byte) (int, error) {
	if l.w == nil {
		if sealed(l.uri) {
			return 0, fmt.Errorf("write %s: %w", l.uri.Path(), errSealed)
		}
		w, err := l.open(l.uri)
		if err != nil {
			return 0, fmt.Errorf("open %s: %w", l.uri.Path(), err)
		}
		l.w = w
	}
	return l.w.Write(p)
}

// Close closes the file if it was opened.
func (l *lazyWriter) Close() error {
	if l.w == nil {
		return nil
	}
	return l.w.Close()
}

// WorkspaceExt ends the name of a workspace file.
const WorkspaceExt = ".parley"

// MIMETypes returns the MIME type of each extension of a workspace and the
// files SQLite keeps beside one, so that Fyne does not read them to guess
// one; main registers them (mime.AddExtensionType).
func MIMETypes() map[string]string {
	types := map[string]string{}
	for _, ext := range []string{WorkspaceExt, WorkspaceExt + "-wal", WorkspaceExt + "-shm", WorkspaceExt + "-journal"} {
		types[ext] = "application/x-parley-workspace"
	}
	return types
}

// Repositories returns the URI repositories the app puts over Fyne's, by
// scheme: file URIs through fileRepository (over Fyne's own, which it
// keeps using), web addresses refused (offlineRepository). main registers
// them (repository.Register); call it after the Fyne app is made, which
// registers Fyne's own.
func Repositories() map[string]repository.Repository {
	repos := map[string]repository.Repository{"http": offlineRepository{}, "https": offlineRepository{}}
	r, err := repository.ForScheme("file")
	if err != nil {
		return repos
	}
	switch f := r.(type) {
	case fileRepository:
		repos["file"] = f
	case fyneFiles:
		repos["file"] = fileRepository{f}
	}
	return repos
}
