package deck

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

// Write validates d and writes it to w as a .pptx file. An invalid deck is
// an error wrapping ErrInvalid, and nothing is written.
func Write(w io.Writer, d *Deck) error {
	if err := d.Validate(); err != nil {
		return err
	}
	return encode(w, d)
}

// encode writes a valid deck to w.
func encode(w io.Writer, d *Deck) error {
	modified := d.Created
	if modified.IsZero() {
		modified = time.Now()
	}
	p, err := build(d, modified)
	if err != nil {
		return fmt.Errorf("deck: %w", err)
	}
	if err := p.write(w, modified); err != nil {
		return fmt.Errorf("deck: writing: %w", err)
	}
	return nil
}

// WriteFile validates d and writes it to the file path atomically: the
// deck goes to a temporary file in the same folder, which is synced to
// disk and then renamed over path. On any error no file is created, an
// existing file at path is left untouched, and no temporary file remains.
func WriteFile(path string, d *Deck) error {
	if err := d.Validate(); err != nil {
		return err
	}
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("deck: %w", err)
	}
	if err := writeSynced(f, d); err != nil {
		_ = f.Close() // may be closed already; the write error matters
		return discard(f.Name(), fmt.Errorf("deck: writing %s: %w", path, err))
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return discard(f.Name(), fmt.Errorf("deck: %w", err))
	}
	syncDir(dir)
	return nil
}

// writeSynced writes a valid deck to f, makes it readable by all, syncs it
// to disk and closes it.
func writeSynced(f *os.File, d *Deck) error {
	bw := bufio.NewWriter(f)
	if err := encode(bw, d); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := f.Chmod(0o644); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	return f.Close()
}

// discard removes the temporary file tmp after err, adding the removal's
// own failure to err.
func discard(tmp string, err error) error {
	if rmErr := os.Remove(tmp); rmErr != nil && !errors.Is(rmErr, os.ErrNotExist) {
		return errors.Join(err, fmt.Errorf("deck: removing temporary file: %w", rmErr))
	}
	return err
}

// syncDir makes a rename in dir durable where the system allows it; it is
// best effort (Windows cannot sync a folder).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}
