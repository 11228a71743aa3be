package storage

import (
	"errors"

	"parley/scenarios"
)

// Errors that describe bad input rather than a failure of the machine. The
// command line exits with status 2 for them.
var (
	// ErrNotFound: no scenario, document or excerpt with that id or name.
	ErrNotFound = errors.New("not found")
	// ErrExists: a scenario name or document is already in the workspace.
	ErrExists = errors.New("already exists")
	// ErrNotWorkspace: the file is not a SQLite database.
	ErrNotWorkspace = errors.New("not a Parley workspace (not a SQLite file)")
	// ErrReadOnly: the workspace file cannot be written.
	ErrReadOnly = errors.New("workspace is read-only")
	// ErrNewerWorkspace: the workspace was written by a newer Parley.
	ErrNewerWorkspace = errors.New("workspace was made by a newer version of Parley")
	// ErrBadDocument: a document cannot be imported (type, encoding, empty).
	ErrBadDocument = errors.New("cannot import document")
	// ErrInvalid: a value given to the workspace is not acceptable.
	ErrInvalid = errors.New("invalid input")
)

// IsBadInput reports whether err comes from bad input (a user's file,
// argument or workspace) rather than a runtime failure.
func IsBadInput(err error) bool {
	var fieldErrs scenarios.Errors
	var fieldErr *scenarios.FieldError
	var syntaxErr *scenarios.SyntaxError
	if errors.As(err, &fieldErrs) || errors.As(err, &fieldErr) || errors.As(err, &syntaxErr) {
		return true
	}
	for _, target := range []error{ErrNotFound, ErrExists, ErrNotWorkspace, ErrReadOnly, ErrNewerWorkspace, ErrBadDocument, ErrInvalid} {
		if errors.Is(err, target) {
			return true
		}
	}
	return false
}
