// Package storeerr holds the sentinel errors of bad input that the
// workspace and its feature packages share, so that a feature package
// (which cannot import storage) wraps the same errors storage exports.
package storeerr

import "errors"

var (
	// ErrNotFound: no scenario, document, excerpt or dataset with that id
	// or name.
	ErrNotFound = errors.New("not found")
	// ErrExists: a scenario name, document or dataset name is already in
	// the workspace.
	ErrExists = errors.New("already exists")
)
