package storage

import (
	"errors"

	"parley/storage/atomicfile"
	"parley/storage/storeerr"
	"parley/storage/textextract"

	"parley/scenarios"
	"parley/scenarios/scenariofile"
)

// Errors that describe bad input rather than a failure of the machine. The
// command line exits with status 2 for them.
var (
	// ErrNotFound: no scenario, document or excerpt with that id or name.
	ErrNotFound = storeerr.ErrNotFound
	// ErrExists: a scenario name or document is already in the workspace.
	ErrExists = storeerr.ErrExists
	// ErrNotWorkspace: the file is not a SQLite database.
	ErrNotWorkspace = errors.New("not a Parley workspace (not a SQLite file)")
	// ErrReadOnly: the workspace file cannot be written.
	ErrReadOnly = errors.New("workspace is read-only")
	// ErrNewerWorkspace: the workspace was written by a newer Parley.
	ErrNewerWorkspace = errors.New("workspace was made by a newer version of Parley")
	// ErrBadDocument: a document cannot be imported (type, encoding, empty)
	// (textextract's refusals are this same error).
	ErrBadDocument = textextract.ErrBadDocument
	// ErrInvalid: a value given to the workspace is not acceptable, or a
	// file it may not write (atomicfile's refusals are this same error).
	ErrInvalid = atomicfile.ErrInvalid
)

// Errors of a workspace shared with other windows and processes. They are
// runtime failures (the command line exits with status 1), not bad input.
var (
	// ErrConflict: the scenario was changed elsewhere (another window or
	// process) since it was read; nothing was written.
	ErrConflict = errors.New("the scenario was changed elsewhere (another window or the command line) since it was read, so nothing was written")
	// ErrBusy: another Parley process kept the workspace busy writing
	// for longer than the busy timeout; nothing was written.
	ErrBusy = errors.New("the workspace is busy (another Parley is writing to it); try again")
)

// IsBadInput reports whether err comes from bad input (a user's file,
// argument or workspace) rather than a runtime failure.
func IsBadInput(err error) bool {
	var fieldErrs scenarios.Errors
	var fieldErr *scenarios.FieldError
	var syntaxErr *scenariofile.SyntaxError
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
