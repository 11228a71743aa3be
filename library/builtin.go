package library

import (
	"fmt"
	"io/fs"
	"sync"

	"parley/assets"
)

// builtin reads the built-in library pack, once.
var builtin = sync.OnceValues(func() (*Pack, error) {
	sub, err := fs.Sub(assets.Files(), assets.LibraryPackDir)
	if err != nil {
		return nil, err
	}
	p, err := ReadFS(sub)
	if err != nil {
		return nil, fmt.Errorf("the built-in library pack: %w", err)
	}
	return p, nil
})

// Builtin returns the built-in measure library as a pack (assets/library),
// read once. Callers must not change it.
func Builtin() (*Pack, error) { return builtin() }

// BuiltinInfo returns the pack information of the built-in measure library
// (assets/library/pack.json). Its vintage is the cut-off of the data it
// comes from: the update of 2026-12 covers measures to 2026-12-06, but no
// source it rests on is dated after about 2026-10-10, and nothing later is
// verified.
//
// It reads pack.json alone: what a command that quotes the library's
// vintage needs, without reading and checking every measure.
func BuiltinInfo() Info {
	info, err := builtinInfo()
	if err != nil {
		// The workspace reports the error when it loads the library.
		return Info{Format: Format, Title: "Parley built-in measure library", Publisher: "Parley"}
	}
	return info
}

// builtinInfo reads the built-in pack's pack.json, once.
var builtinInfo = sync.OnceValues(func() (Info, error) {
	sub, err := fs.Sub(assets.Files(), assets.LibraryPackDir)
	if err != nil {
		return Info{}, err
	}
	var p Pack
	if err := readInfo(sub, &p); err != nil {
		return Info{}, err
	}
	return p.Info, nil
})
