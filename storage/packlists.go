package storage

import (
	"database/sql"
	"fmt"

	"parley/library"
)

// storePackLists stores in tx, as workspace lists, the lists of p that are
// not built in.
func (w *Workspace) storePackLists(tx *sql.Tx, p *library.Pack) error {
	builtin, err := w.builtinLists()
	if err != nil {
		return err
	}
	for _, name := range p.Lists.Names() {
		if builtin[name] == nil {
			return fmt.Errorf("list %s: this workspace cannot hold lists of its own", name)
		}
	}
	return nil
}
