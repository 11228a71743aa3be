package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"parley/scenarios"
	"parley/scenarios/scenariofile"
)

// fileCatalog is the workspace's catalog that also knows the lists a
// scenario file carries, which the import stores with the scenario.
type fileCatalog struct {
	*catalog
	lists map[string]bool
}

func (c fileCatalog) ListKnown(name string) bool {
	return c.lists[name] || c.catalog.ListKnown(name)
}

// validateFile checks a scenario file's scenario against the workspace and
// the lists the file carries; errors name the field and its position.
func (w *Workspace) validateFile(f *scenariofile.File, sc *scenarios.Scenario) error {
	cat, err := w.catalog()
	if err != nil {
		return err
	}
	fc := fileCatalog{catalog: cat, lists: map[string]bool{}}
	for _, l := range f.Lists {
		fc.lists[l.Name] = true
	}
	errs := scenarios.Validate(sc, fc)
	if err := cat.failure(); err != nil {
		return err
	}
	if len(errs) > 0 {
		return f.Locate(errs)
	}
	return nil
}

// storeFileLists stores in tx the lists a scenario file carries: a list
// the workspace has with the same name and codes is reused as it is; a
// name that a built-in list has, or a user list of other codes (or of the
// same name in another case), is an error naming the field and its
// position in the file.
func storeFileLists(w *Workspace, tx *sql.Tx, f *scenariofile.File, builtin scenarios.ProductLists) error {
	var errs scenarios.Errors
	for _, l := range f.Lists {
		path := "lists." + l.Name
		if b := builtinClash(builtin, l.Name); b != "" {
			errs = append(errs, &scenarios.FieldError{Path: path, Msg: fmt.Sprintf(
				"%q is the name of a list that ships with Parley (%s); a file carries only the user's own lists: rename the list in the file and its measures", l.Name, b)})
			continue
		}
		var name, codes string
		err := tx.QueryRow("SELECT name, codes FROM user_lists WHERE name = ?", l.Name).Scan(&name, &codes)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			if err := w.putListTx(tx, l, false); err != nil {
				return fmt.Errorf("store list %s: %w", l.Name, err)
			}
		case err != nil:
			return err
		case name != l.Name:
			errs = append(errs, &scenarios.FieldError{Path: path, Msg: fmt.Sprintf(
				"the workspace has a list named %q; list names ignore case: rename the list in the file or in the workspace", name)})
		default:
			if stored := strings.Fields(codes); !slices.Equal(stored, l.Codes) {
				errs = append(errs, &scenarios.FieldError{Path: path + ".codes", Msg: fmt.Sprintf(
					"the workspace has a list %s of other codes (%d codes there, %d in the file): rename the list in the file or in the workspace",
					l.Name, len(stored), len(l.Codes))})
			}
		}
	}
	if len(errs) > 0 {
		return f.Locate(errs)
	}
	return nil
}

// importFile stores the scenario sc of file f (validated) with the lists
// the file carries, all in one transaction: as a new scenario, or with a
// replaceID, over that scenario provided it is still at revision rev.
func (w *Workspace) importFile(f *scenariofile.File, sc *scenarios.Scenario, replaceID string, rev int64) (string, error) {
	return w.importFileTx(f, sc, replaceID, rev, nil)
}

// importFileTx is importFile with a step run first in the write transaction
// (nil: none), e.g. to choose the scenario's name there.
func (w *Workspace) importFileTx(f *scenariofile.File, sc *scenarios.Scenario, replaceID string, rev int64, first func(*sql.Tx, *scenarios.Scenario) error) (string, error) {
	builtin, err := w.builtinLists()
	if err != nil {
		return "", err
	}
	id := replaceID
	err = w.write(context.Background(), func(tx *sql.Tx) error {
		if first != nil {
			if err := first(tx, sc); err != nil {
				return err
			}
		}
		if err := storeFileLists(w, tx, f, builtin); err != nil {
			return err
		}
		if err := checkListsTx(tx, sc, builtin); err != nil {
			return err
		}
		if replaceID != "" {
			_, err := w.saveScenarioTx(tx, replaceID, sc, rev)
			return err
		}
		var err error
		id, err = w.createScenarioTx(tx, sc)
		return err
	})
	if err != nil {
		verb := "create"
		if replaceID != "" {
			verb = "save"
		}
		return "", fmt.Errorf("%s scenario %q: %w", verb, sc.Name, err)
	}
	return id, nil
}

// ExportScenario writes the scenario as a parley.scenario/2 file, with the
// user's lists its measures name (top-level "lists"), read in the same
// transaction as the scenario. A scenario that follows the clock is written
// with today's date.
func (w *Workspace) ExportScenario(id string, out io.Writer) error {
	builtin, err := w.builtinLists()
	if err != nil {
		return err
	}
	var sc *scenarios.Scenario
	var lists []*scenarios.ProductList
	err = w.inReadTx(func(tx *sql.Tx) error {
		ctx := context.Background()
		var err error
		lists = nil
		if sc, _, err = readScenario(ctx, tx, id); err != nil {
			return err
		}
		for _, name := range scenarios.ListsUsed(sc) {
			if builtin[name] != nil {
				continue
			}
			l, err := readUserList(ctx, tx, name)
			if err != nil {
				return fmt.Errorf("scenario %s: %w", id, err)
			}
			lists = append(lists, l)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return scenariofile.EncodeLists(out, sc, sc.EvalDate(), lists)
}

// checkListsTx checks in tx, the transaction that stores sc, that every
// list sc's measures name is still there: validation read the lists before
// the transaction, and another process may have deleted one since.
func checkListsTx(tx *sql.Tx, sc *scenarios.Scenario, builtin scenarios.ProductLists) error {
	for _, name := range scenarios.ListsUsed(sc) {
		if builtin[name] != nil {
			continue
		}
		var n int
		if err := tx.QueryRow("SELECT count(*) FROM user_lists WHERE name = ? COLLATE BINARY", name).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("%w: no product list named %q (it was deleted elsewhere?)", ErrNotFound, name)
		}
	}
	return nil
}

// listsOf returns the built-in lists when sc's measures name a list (for
// checkListsTx), else nil without reading the product data.
func (w *Workspace) listsOf(sc *scenarios.Scenario) (scenarios.ProductLists, error) {
	if len(scenarios.ListsUsed(sc)) == 0 {
		return nil, nil
	}
	return w.builtinLists()
}
