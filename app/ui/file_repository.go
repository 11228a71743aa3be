package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage/repository"
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

// fileRepository is Fyne's repository for file URIs with one change: its
// Writer leaves the file alone until the first byte is written. Fyne's save
// dialog opens the chosen file for writing (truncating it) before Parley
// sees the path; Parley closes that writer unused and replaces the file
// atomically, so an export or a new workspace that fails leaves an existing
// file whole instead of empty.
type fileRepository struct{ fyneFiles }

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
func (l *lazyWriter) Write(p []byte) (int, error) {
	if l.w == nil {
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

// keepFilesUntilWritten registers fileRepository over Fyne's repository for
// file URIs. It must run after the app is made, which registers Fyne's own.
func keepFilesUntilWritten() {
	r, err := repository.ForScheme("file")
	if err != nil {
		return
	}
	if f, ok := r.(fyneFiles); ok {
		if _, done := r.(fileRepository); !done {
			repository.Register("file", fileRepository{f})
		}
	}
}
