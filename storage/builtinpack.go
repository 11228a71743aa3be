package storage

import (
	"fmt"
	"io/fs"
	"sync"

	"parley/assets"
	"parley/library"
)

// builtinPack reads the built-in library pack, once.
var builtinPack = sync.OnceValues(func() (*library.Pack, error) {
	sub, err := fs.Sub(assets.Files(), assets.LibraryPackDir)
	if err != nil {
		return nil, err
	}
	p, err := library.ReadFS(sub)
	if err != nil {
		return nil, fmt.Errorf("the built-in library pack: %w", err)
	}
	return p, nil
})

// BuiltinLibraryInfo returns the pack information of the built-in measure
// library (assets/library/pack.json). Its vintage is the cut-off of the data
// it comes from: the update of 2026-12 covers measures to 2026-12-06, but no
// source it rests on is dated after about 2026-10-10, and nothing later is
// verified.
func BuiltinLibraryInfo() library.Info {
	p, err := builtinPack()
	if err != nil {
		// The loader reports the error when it loads the library.
		return library.Info{Format: library.Format, Title: "Parley built-in measure library", Publisher: "Parley"}
	}
	return p.Info
}
