package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"parley/scenarios"
	"parley/storage/sqlscan"
)

// ListInfo describes one product list without its codes.
type ListInfo struct {
	Name    string
	Title   string
	Source  string
	Size    int       // how many codes
	Builtin bool      // shipped with Parley (else the user's own)
	Created time.Time // zero for a built-in list
	Updated time.Time
}

// CheckListName reports whether name may name a user list
// (scenarios.CheckListName); the error is ErrInvalid.
func CheckListName(name string) error {
	if err := scenarios.CheckListName(name); err != nil {
		return fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	return nil
}

// NormalizeListCodes returns codes as a list stores them: dots and spaces
// removed, sorted, without duplicates. A code that is not 2 to 10 digits
// once dots and spaces are removed is an error naming its position
// (counted from 1).
func NormalizeListCodes(codes []string) ([]string, error) {
	out := make([]string, 0, len(codes))
	for i, c := range codes {
		n, ok := scenarios.NormalizeCode(strings.TrimSpace(c))
		if !ok {
			return nil, fmt.Errorf("%w: code %d, %q, is not an HTS or tariff item code of 2 to 10 digits", ErrInvalid, i+1, c)
		}
		out = append(out, n)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: a list needs at least one code", ErrInvalid)
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// builtinLists returns the lists that ship with Parley.
func (w *Workspace) builtinLists() (scenarios.ProductLists, error) {
	r, err := w.refs(context.Background())
	if err != nil {
		return nil, err
	}
	pd, err := w.productData(r)
	if err != nil {
		return nil, err
	}
	return pd.Ref.Lists, nil
}

// builtinClash returns the built-in list whose name is name without regard
// to case, or "".
func builtinClash(builtin scenarios.ProductLists, name string) string {
	for n := range builtin {
		if strings.EqualFold(n, name) {
			return n
		}
	}
	return ""
}

// Lists returns every product list by name: the built-in ones and the
// user's own (User set).
func (w *Workspace) Lists() (scenarios.ProductLists, error) {
	builtin, err := w.builtinLists()
	if err != nil {
		return nil, err
	}
	var user scenarios.ProductLists
	err = w.inReadTx(func(tx *sql.Tx) error {
		var err error
		user, err = readUserLists(context.Background(), tx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return mergeLists(builtin, user), nil
}

// mergeLists returns the built-in lists and the user's in one map. Names do
// not clash: the workspace refuses a user list named as a built-in one.
func mergeLists(builtin, user scenarios.ProductLists) scenarios.ProductLists {
	if len(user) == 0 {
		return builtin
	}
	all := make(scenarios.ProductLists, len(builtin)+len(user))
	maps.Copy(all, user)
	maps.Copy(all, builtin)
	return all
}

// inReadTx runs fn in one read-only transaction, so that what it reads is one
// state of the workspace, retrying while another process holds it busy.
func (w *Workspace) inReadTx(fn func(tx *sql.Tx) error) error {
	return w.retry(func() error {
		tx, err := w.db.BeginTx(context.Background(), &sql.TxOptions{ReadOnly: true})
		if err != nil {
			return err
		}
		defer tx.Rollback()
		return fn(tx)
	})
}

// readUserLists reads the user's lists with their codes.
func readUserLists(ctx context.Context, q sqlscan.Querier) (scenarios.ProductLists, error) {
	lists := scenarios.ProductLists{}
	err := sqlscan.Query(ctx, q, "SELECT name, title, source, codes FROM user_lists", func(scan func(...any) error) error {
		l := &scenarios.ProductList{User: true}
		var codes string
		if err := scan(&l.Name, &l.Title, &l.Source, &codes); err != nil {
			return err
		}
		l.Codes = strings.Fields(codes)
		lists[l.Name] = l
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read the product lists: %w", err)
	}
	return lists, nil
}

// ListInfos returns every product list without its codes, built-in ones
// first, each group by name.
func (w *Workspace) ListInfos() ([]ListInfo, error) {
	builtin, err := w.builtinLists()
	if err != nil {
		return nil, err
	}
	var out []ListInfo
	for _, n := range builtin.Names() {
		l := builtin[n]
		out = append(out, ListInfo{Name: l.Name, Title: l.Title, Source: l.Source, Size: len(l.Codes), Builtin: true})
	}
	err = w.inReadTx(func(tx *sql.Tx) error {
		return sqlscan.Query(context.Background(), tx, "SELECT name, title, source, size, created, updated FROM user_lists ORDER BY name", func(scan func(...any) error) error {
			var l ListInfo
			if err := scan(&l.Name, &l.Title, &l.Source, &l.Size, sqlscan.Time(&l.Created), sqlscan.Time(&l.Updated)); err != nil {
				return err
			}
			out = append(out, l)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read the product lists: %w", err)
	}
	return out, nil
}

// List returns the product list called name (built-in or the user's), or
// ErrNotFound.
func (w *Workspace) List(name string) (*scenarios.ProductList, error) {
	builtin, err := w.builtinLists()
	if err != nil {
		return nil, err
	}
	if l := builtin[name]; l != nil {
		return l, nil
	}
	var l *scenarios.ProductList
	err = w.inReadTx(func(tx *sql.Tx) error {
		var err error
		l, err = readUserList(context.Background(), tx, name)
		return err
	})
	return l, err
}

// readUserList reads the user list called name (exactly), or ErrNotFound.
func readUserList(ctx context.Context, tx *sql.Tx, name string) (*scenarios.ProductList, error) {
	l := &scenarios.ProductList{User: true}
	var codes string
	err := tx.QueryRowContext(ctx, "SELECT name, title, source, codes FROM user_lists WHERE name = ? COLLATE BINARY", name).Scan(&l.Name, &l.Title, &l.Source, &codes)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%w: no product list named %q", ErrNotFound, name)
	}
	if err != nil {
		return nil, fmt.Errorf("read list %s: %w", name, err)
	}
	l.Codes = strings.Fields(codes)
	return l, nil
}

// CreateList stores a new user list. Its codes are normalized
// (NormalizeListCodes). A name taken by a built-in list or by another user
// list (without regard to case) is refused.
func (w *Workspace) CreateList(l scenarios.ProductList) error {
	return w.putList(l, false)
}

// ReplaceList replaces the title, source and codes of the user list called
// l.Name, or creates it. The scenarios that use it compute with its new
// codes.
func (w *Workspace) ReplaceList(l scenarios.ProductList) error {
	return w.putList(l, true)
}

func (w *Workspace) putList(l scenarios.ProductList, replace bool) error {
	l, err := w.checkList(l)
	if err != nil {
		return err
	}
	err = w.write(context.Background(), func(tx *sql.Tx) error {
		return w.putListTx(tx, l, replace)
	})
	if err != nil {
		return fmt.Errorf("store list %s: %w", l.Name, err)
	}
	return nil
}

// checkList returns l with its name trimmed and its codes normalized, or
// why it cannot be stored.
func (w *Workspace) checkList(l scenarios.ProductList) (scenarios.ProductList, error) {
	l.Name = strings.TrimSpace(l.Name)
	l.Title, l.Source = strings.TrimSpace(l.Title), strings.TrimSpace(l.Source)
	if err := CheckListName(l.Name); err != nil {
		return l, err
	}
	builtin, err := w.builtinLists()
	if err != nil {
		return l, err
	}
	if b := builtinClash(builtin, l.Name); b != "" {
		return l, fmt.Errorf("%w: %q is the name of a list that ships with Parley (%s); choose another name", ErrInvalid, l.Name, b)
	}
	codes, err := NormalizeListCodes(l.Codes)
	if err != nil {
		return l, fmt.Errorf("list %s: %w", l.Name, err)
	}
	l.Codes, l.User = codes, true
	return l, nil
}

// putListTx stores l (checked) in tx: a new list, or with replace the new
// title, source and codes of the list of that name.
func (w *Workspace) putListTx(tx *sql.Tx, l scenarios.ProductList, replace bool) error {
	var existing string
	err := tx.QueryRow("SELECT name FROM user_lists WHERE name = ?", l.Name).Scan(&existing)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		now := w.timestamp()
		_, err = tx.Exec("INSERT INTO user_lists (name, title, source, created, updated, size, codes) VALUES (?, ?, ?, ?, ?, ?, ?)",
			l.Name, l.Title, l.Source, now, now, len(l.Codes), strings.Join(l.Codes, " "))
		return err
	case err != nil:
		return err
	case !replace || existing != l.Name:
		return fmt.Errorf("%w: a list named %q is already in the workspace", ErrExists, existing)
	}
	_, err = tx.Exec("UPDATE user_lists SET title = ?, source = ?, updated = ?, size = ?, codes = ? WHERE name = ?",
		l.Title, l.Source, w.timestamp(), len(l.Codes), strings.Join(l.Codes, " "), l.Name)
	return err
}

// RenameList gives the user list old the name new, and the scenarios whose
// measures name it are changed to name it by its new name (each a new
// revision), all in one transaction.
func (w *Workspace) RenameList(old, new string) error {
	new = strings.TrimSpace(new)
	if err := CheckListName(new); err != nil {
		return err
	}
	builtin, err := w.builtinLists()
	if err != nil {
		return err
	}
	if b := builtinClash(builtin, new); b != "" {
		return fmt.Errorf("%w: %q is the name of a list that ships with Parley (%s); choose another name", ErrInvalid, new, b)
	}
	if builtin[old] != nil {
		return fmt.Errorf("%w: %s ships with Parley and cannot be renamed", ErrInvalid, old)
	}
	err = w.write(context.Background(), func(tx *sql.Tx) error {
		if _, err := readUserList(context.Background(), tx, old); err != nil {
			return err
		}
		var other string
		err := tx.QueryRow("SELECT name FROM user_lists WHERE name = ? AND name <> ? COLLATE BINARY", new, old).Scan(&other)
		if err == nil {
			return fmt.Errorf("%w: a list named %q is already in the workspace", ErrExists, other)
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if _, err := tx.Exec("UPDATE user_lists SET name = ?, updated = ? WHERE name = ? COLLATE BINARY", new, w.timestamp(), old); err != nil {
			return err
		}
		return renameListRefs(tx, old, new)
	})
	if err != nil {
		return fmt.Errorf("rename list %s: %w", old, err)
	}
	return nil
}

// renameListRefs changes list:old to list:new in every measure's product
// scope, and counts a new revision of each scenario it changes.
func renameListRefs(tx *sql.Tx, old, new string) error {
	type row struct {
		id       int64
		scenario string
		products string
	}
	var rows []row
	err := sqlscan.Query(context.Background(), tx, "SELECT id, scenario, products FROM measures WHERE instr(products, ?) > 0",
		func(scan func(...any) error) error {
			var r row
			if err := scan(&r.id, &r.scenario, &r.products); err != nil {
				return err
			}
			rows = append(rows, r)
			return nil
		}, scenarios.ListPrefix+old)
	if err != nil {
		return err
	}
	changed := map[string]bool{}
	for _, r := range rows {
		var p *scenarios.ProductScope
		if err := decodeProducts(r.products, &p); err != nil {
			return fmt.Errorf("measure %d: %w", r.id, err)
		}
		hit := false
		for _, entries := range [][]string{p.Include, p.Exclude} {
			for i, e := range entries {
				if e == scenarios.ListPrefix+old {
					entries[i], hit = scenarios.ListPrefix+new, true
				}
			}
		}
		if !hit {
			continue
		}
		enc, err := encodeProducts(p)
		if err != nil {
			return err
		}
		if _, err := tx.Exec("UPDATE measures SET products = ? WHERE id = ?", enc, r.id); err != nil {
			return err
		}
		changed[r.scenario] = true
	}
	for _, id := range slices.Sorted(maps.Keys(changed)) {
		if _, err := tx.Exec("UPDATE scenarios SET revision = revision + 1 WHERE id = ?", id); err != nil {
			return err
		}
	}
	return nil
}

// DeleteList deletes the user list called name. A list that a scenario's
// measure names is not deleted: the error names the scenarios.
func (w *Workspace) DeleteList(name string) error {
	builtin, err := w.builtinLists()
	if err != nil {
		return err
	}
	if builtin[name] != nil {
		return fmt.Errorf("%w: %s ships with Parley and cannot be deleted", ErrInvalid, name)
	}
	err = w.write(context.Background(), func(tx *sql.Tx) error {
		if _, err := readUserList(context.Background(), tx, name); err != nil {
			return err
		}
		users, err := listUsersTx(tx, name)
		if err != nil {
			return err
		}
		if len(users) > 0 {
			return fmt.Errorf("%w: list %s is used by %s %s; remove it from their measures first",
				ErrInvalid, name, plural(len(users), "scenario", "scenarios"), quoteAll(users))
		}
		_, err = tx.Exec("DELETE FROM user_lists WHERE name = ? COLLATE BINARY", name)
		return err
	})
	if err != nil {
		return fmt.Errorf("delete list %s: %w", name, err)
	}
	return nil
}

// ListUse is a measure of a scenario that names a product list.
type ListUse struct {
	ScenarioID string
	Scenario   string // the scenario's name
	Measure    string // the measure's id
	Label      string
}

// ListUses returns the measures that name the list called name, by
// scenario name and position.
func (w *Workspace) ListUses(name string) ([]ListUse, error) {
	var out []ListUse
	err := w.inReadTx(func(tx *sql.Tx) error {
		var err error
		out, err = listUsesTx(tx, name)
		return err
	})
	return out, err
}

func listUsesTx(tx *sql.Tx, name string) ([]ListUse, error) {
	var out []ListUse
	entry := scenarios.ListPrefix + name
	quoted, _ := json.Marshal(entry)
	err := sqlscan.Query(context.Background(), tx, `SELECT s.id, s.name, m.key, m.label, m.products FROM measures m JOIN scenarios s ON s.id = m.scenario
		WHERE instr(m.products, ?) > 0 ORDER BY s.name COLLATE NOCASE, s.id, m.position`, func(scan func(...any) error) error {
		var u ListUse
		var products string
		if err := scan(&u.ScenarioID, &u.Scenario, &u.Measure, &u.Label, &products); err != nil {
			return err
		}
		var p *scenarios.ProductScope
		if err := decodeProducts(products, &p); err != nil {
			return err
		}
		if p != nil && (slices.Contains(p.Include, entry) || slices.Contains(p.Exclude, entry)) {
			out = append(out, u)
		}
		return nil
	}, string(quoted))
	return out, err
}

// listUsersTx returns the names of the scenarios that use the list.
func listUsersTx(tx *sql.Tx, name string) ([]string, error) {
	uses, err := listUsesTx(tx, name)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, u := range uses {
		if len(names) == 0 || names[len(names)-1] != u.Scenario {
			names = append(names, u.Scenario)
		}
	}
	return names, nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}
