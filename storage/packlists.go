package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"parley/library"
	"parley/scenarios"
)

// packListConflicts returns, for each list of p that is not built in, why
// the workspace cannot take it: a list of the user's with the same name and
// other codes that a scenario uses (replacing it would change the scenario
// silently). Read in tx, or in one read transaction when tx is nil.
func (w *Workspace) packListConflicts(tx *sql.Tx, p *library.Pack) (library.Errors, error) {
	builtin, err := w.builtinLists()
	if err != nil {
		return nil, err
	}
	var es library.Errors
	check := func(tx *sql.Tx) error {
		es = nil
		for _, name := range p.Lists.Names() {
			if builtin[name] != nil {
				continue
			}
			cur, err := readUserList(context.Background(), tx, name)
			if errors.Is(err, ErrNotFound) {
				continue
			}
			if err != nil {
				return err
			}
			if slices.Equal(cur.Codes, p.Lists[name].Codes) {
				continue
			}
			users, err := listUsersTx(tx, cur.Name)
			if err != nil {
				return err
			}
			if len(users) > 0 {
				es = append(es, &library.Error{Part: library.ListsDir + "/" + name + ".csv",
					Msg: fmt.Sprintf("the workspace's list %s has other codes (%d, here %d) and %s %s use it: rename the list in the pack, or re-base those scenarios by hand",
						cur.Name, len(cur.Codes), len(p.Lists[name].Codes), plural(len(users), "scenario", "scenarios"), quoteAll(users))})
			}
		}
		return nil
	}
	if tx != nil {
		err = check(tx)
	} else {
		err = w.inReadTx(check)
	}
	return es, err
}

// storePackLists stores in tx each list of p that is not built in as a
// list of the workspace's, replacing one of the same name that no scenario
// uses; lists with the codes already stored are left as they are.
func (w *Workspace) storePackLists(tx *sql.Tx, p *library.Pack) error {
	es, err := w.packListConflicts(tx, p)
	if err != nil {
		return err
	}
	if len(es) > 0 {
		return es
	}
	builtin, err := w.builtinLists()
	if err != nil {
		return err
	}
	for _, name := range p.Lists.Names() {
		if builtin[name] != nil {
			continue
		}
		l, err := w.checkList(scenarios.ProductList{Name: name, Title: p.Lists[name].Title, Source: p.Lists[name].Source, Codes: p.Lists[name].Codes})
		if err != nil {
			return &library.Error{Part: library.ListsDir + "/" + name + ".csv", Msg: err.Error()}
		}
		cur, err := readUserList(context.Background(), tx, name)
		switch {
		case errors.Is(err, ErrNotFound):
		case err != nil:
			return err
		case slices.Equal(cur.Codes, l.Codes) && cur.Title == l.Title && cur.Source == l.Source:
			continue
		}
		if err := w.putListTx(tx, l, true); err != nil {
			return fmt.Errorf("list %s: %w", name, err)
		}
	}
	return nil
}
