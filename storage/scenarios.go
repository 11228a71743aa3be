package storage

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"parley/library"
	"parley/scenarios"
	"parley/storage/datasets"
	"parley/storage/sqlscan"
)

// ScenarioInfo describes a stored scenario for lists.
type ScenarioInfo struct {
	ID          string
	Name        string
	Description string
	AsOf        scenarios.Date // the stored date
	AsOfToday   bool           // the scenario follows the clock
	Builtin     bool           // shipped with Parley
	Measures    int
	Unevidenced int // measures without evidence
	Updated     time.Time
}

// EvalDate returns the day the scenario is evaluated on by default.
func (s ScenarioInfo) EvalDate() scenarios.Date {
	if s.AsOfToday {
		return scenarios.Today()
	}
	return s.AsOf
}

const scenarioInfoQuery = `
SELECT s.id, s.name, s.description, s.as_of, s.as_of_today, s.builtin, s.updated_at,
       (SELECT count(*) FROM measures m WHERE m.scenario = s.id),
       (SELECT count(*) FROM measures m WHERE m.scenario = s.id
            AND NOT EXISTS (SELECT 1 FROM measure_evidence e WHERE e.measure = m.id))
FROM scenarios s`

func scanInfo(scan func(...any) error) (ScenarioInfo, error) {
	var s ScenarioInfo
	var asOf, updated string
	if err := scan(&s.ID, &s.Name, &s.Description, &asOf, &s.AsOfToday, &s.Builtin, &updated, &s.Measures, &s.Unevidenced); err != nil {
		return s, err
	}
	var err error
	if s.AsOf, err = library.OptionalDate(asOf); err != nil {
		return s, fmt.Errorf("scenario %s: as_of: %w", s.ID, err)
	}
	s.Updated = sqlscan.ParseStamp(updated)
	return s, nil
}

// Scenarios lists the workspace's scenarios in their order.
func (w *Workspace) Scenarios() ([]ScenarioInfo, error) {
	var out []ScenarioInfo
	err := sqlscan.Query(context.Background(), w.db, scenarioInfoQuery+" ORDER BY s.position, s.id", func(scan func(...any) error) error {
		s, err := scanInfo(scan)
		if err != nil {
			return err
		}
		out = append(out, s)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list scenarios: %w", err)
	}
	return out, nil
}

// Resolve finds a scenario by id, or else by name (ignoring case).
func (w *Workspace) Resolve(ref string) (ScenarioInfo, error) {
	return resolve(context.Background(), w.db, ref)
}

// resolve is Resolve reading through q.
func resolve(ctx context.Context, q sqlscan.Querier, ref string) (ScenarioInfo, error) {
	for _, where := range []string{" WHERE s.id = ?", " WHERE s.name = ? COLLATE NOCASE"} {
		row := q.QueryRowContext(ctx, scenarioInfoQuery+where, ref)
		s, err := scanInfo(row.Scan)
		if err == nil {
			return s, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return s, fmt.Errorf("find scenario %q: %w", ref, err)
		}
	}
	return ScenarioInfo{}, fmt.Errorf("%w: no scenario with id or name %q (see 'parley scenarios')", ErrNotFound, ref)
}

// Scenario reads the scenario with the given id.
func (w *Workspace) Scenario(id string) (*scenarios.Scenario, error) {
	sc, _, err := w.ScenarioRev(id)
	return sc, err
}

// ScenarioRev reads the scenario with the given id and its revision, which
// counts its saves: pass it to SaveScenario or DeleteScenario, which refuse
// with ErrConflict when another window or process saved it in between. The
// scenario row, its measures and their evidence are read in one
// transaction, so a save by another process is seen whole or not at all.
func (w *Workspace) ScenarioRev(id string) (*scenarios.Scenario, int64, error) {
	ctx := context.Background()
	var sc *scenarios.Scenario
	var rev int64
	err := w.retry(func() error {
		tx, err := w.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
		if err != nil {
			return err
		}
		defer tx.Rollback()
		sc, rev, err = readScenario(ctx, tx, id)
		return err
	})
	if err != nil {
		return nil, 0, err
	}
	return sc, rev, nil
}

// readScenario reads scenario id through q, which must be a transaction
// for the scenario, its measures and their evidence to be one state.
func readScenario(ctx context.Context, q sqlscan.Querier, id string) (*scenarios.Scenario, int64, error) {
	sc := &scenarios.Scenario{}
	var asOf, overrides, chosen string
	var rev int64
	err := q.QueryRowContext(ctx, `SELECT name, description, as_of, as_of_today, baseline_year, granularity, datasets,
		cusma_preset, elasticity_preset, elasticity_low, elasticity_high, overrides, include_threats, revision FROM scenarios WHERE id = ?`, id).Scan(
		&sc.Name, &sc.Description, &asOf, &sc.AsOfToday, &sc.Assumptions.BaselineYear, &sc.Assumptions.Granularity, &chosen,
		&sc.Assumptions.CUSMAShares, &sc.Assumptions.Elasticities, &sc.Assumptions.ElasticityLow, &sc.Assumptions.ElasticityHigh, &overrides,
		&sc.Assumptions.IncludeThreats, &rev)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, 0, fmt.Errorf("%w: no scenario with id %q", ErrNotFound, id)
	}
	if err != nil {
		return nil, 0, fmt.Errorf("read scenario %s: %w", id, err)
	}
	if sc.AsOf, err = library.OptionalDate(asOf); err != nil {
		return nil, 0, fmt.Errorf("read scenario %s: %w", id, err)
	}
	if err := decodeOverrides(overrides, &sc.Assumptions.Overrides); err != nil {
		return nil, 0, fmt.Errorf("read scenario %s: overrides: %w", id, err)
	}
	if err := datasets.DecodeChoice(chosen, &sc.Assumptions.Datasets); err != nil {
		return nil, 0, fmt.Errorf("read scenario %s: datasets: %w", id, err)
	}
	ids, err := readMeasures(ctx, q, id, sc)
	if err != nil {
		return nil, 0, err
	}
	if err := readEvidence(ctx, q, id, sc, ids); err != nil {
		return nil, 0, err
	}
	return sc, rev, nil
}

// readMeasures reads the measures of scenario id into sc, in their order,
// and returns a map of their row ids to their index in sc.Measures. They
// are put in order here rather than by SQLite, which would build a
// temporary B-tree for it on every command.
func readMeasures(ctx context.Context, q sqlscan.Querier, id string, sc *scenarios.Scenario) (map[int64]int, error) {
	type row struct {
		pos, id int64
		m       scenarios.Measure
	}
	var rows []row
	err := sqlscan.Query(ctx, q, `SELECT position, id, key, label, imposer, program, sectors, products, content, rate, rate_low, rate_high,
		cusma_exempt, cusma_exempt_share, yields_to, effective_from, effective_to, note, upper_bound, library, status, kind,
		library_vintage FROM measures WHERE scenario = ?`,
		func(scan func(...any) error) error {
			var pos int64
			m, rowID, err := scanMeasure(func(dest ...any) error { return scan(append([]any{&pos}, dest...)...) })
			if err != nil {
				return err
			}
			rows = append(rows, row{pos, rowID, m})
			return nil
		}, id)
	if err != nil {
		return nil, fmt.Errorf("read measures of %s: %w", id, err)
	}
	slices.SortStableFunc(rows, func(a, b row) int { return cmp.Compare(a.pos, b.pos) })
	ids := make(map[int64]int, len(rows))
	if len(rows) > 0 {
		sc.Measures = make([]scenarios.Measure, 0, len(rows))
	}
	for _, r := range rows {
		ids[r.id] = len(sc.Measures)
		sc.Measures = append(sc.Measures, r.m)
	}
	return ids, nil
}

// scanMeasure reads a row of a scenario's measures (see readScenario)
// and returns the measure and its row id.
func scanMeasure(scan func(...any) error) (scenarios.Measure, int64, error) {
	var m scenarios.Measure
	var rowID int64
	var sectors, products, yields, from, to, upper string
	var exemptShare sql.NullFloat64
	if err := scan(&rowID, &m.ID, &m.Label, &m.Imposer, &m.Program, &sectors, &products, &m.Content, &m.Rate,
		&m.RateLow, &m.RateHigh, &m.CUSMAExempt, &exemptShare, &yields, &from, &to, &m.Note, &upper, &m.Library,
		&m.Status, &m.Kind, &m.LibraryVintage); err != nil {
		return m, 0, err
	}
	if err := json.Unmarshal([]byte(sectors), &m.Sectors); err != nil {
		return m, 0, fmt.Errorf("measure %s: sectors: %w", m.ID, err)
	}
	if err := decodeProducts(products, &m.Products); err != nil {
		return m, 0, fmt.Errorf("measure %s: products: %w", m.ID, err)
	}
	if exemptShare.Valid {
		x := exemptShare.Float64
		m.CUSMAExemptShare = &x
	}
	if err := json.Unmarshal([]byte(yields), &m.YieldsTo); err != nil {
		return m, 0, fmt.Errorf("measure %s: yields_to: %w", m.ID, err)
	}
	if err := json.Unmarshal([]byte(upper), &m.UpperBound); err != nil {
		return m, 0, fmt.Errorf("measure %s: upper_bound: %w", m.ID, err)
	}
	var err error
	if m.From, err = library.OptionalDate(from); err != nil {
		return m, 0, err
	}
	if m.To, err = library.OptionalDate(to); err != nil {
		return m, 0, err
	}
	return m, rowID, nil
}

// readEvidence reads the evidence of the measures of scenario id into sc;
// ids maps the measures' row ids to their index in sc.Measures.
func readEvidence(ctx context.Context, q sqlscan.Querier, id string, sc *scenarios.Scenario, ids map[int64]int) error {
	type row struct {
		measure, pos int64
		e            scenarios.Evidence
	}
	var rows []row
	// In the order of each measure's evidence, put here rather than by
	// SQLite (see readMeasures).
	err := sqlscan.Query(ctx, q, `SELECT e.measure, e.position, coalesce(e.document, ''), coalesce(e.excerpt, 0), e.quote, e.citation, e.url
		FROM measure_evidence e JOIN measures m ON m.id = e.measure WHERE m.scenario = ?`,
		func(scan func(...any) error) error {
			var r row
			if err := scan(&r.measure, &r.pos, &r.e.Document, &r.e.Excerpt, &r.e.Quote, &r.e.Citation, &r.e.URL); err != nil {
				return err
			}
			rows = append(rows, r)
			return nil
		}, id)
	if err != nil {
		return fmt.Errorf("read evidence of %s: %w", id, err)
	}
	slices.SortStableFunc(rows, func(a, b row) int {
		return cmp.Or(cmp.Compare(a.measure, b.measure), cmp.Compare(a.pos, b.pos))
	})
	for _, r := range rows {
		i, ok := ids[r.measure]
		if !ok {
			return fmt.Errorf("evidence %q of measure row %d, which is not a measure of the scenario", r.e.Quote+r.e.Citation, r.measure)
		}
		sc.Measures[i].Evidence = append(sc.Measures[i].Evidence, r.e)
	}
	return nil
}

// validate checks sc against the workspace; errors name their fields.
func (w *Workspace) validate(sc *scenarios.Scenario) error {
	cat, err := w.catalog()
	if err != nil {
		return err
	}
	errs := scenarios.Validate(sc, cat)
	if err := cat.failure(); err != nil {
		return err
	}
	return errs.Err()
}

// CreateScenario validates and stores a new scenario and returns its id,
// made from its name.
func (w *Workspace) CreateScenario(sc *scenarios.Scenario) (string, error) {
	if err := w.validate(sc); err != nil {
		return "", err
	}
	builtin, err := w.listsOf(sc)
	if err != nil {
		return "", err
	}
	var id string
	err = w.write(context.Background(), func(tx *sql.Tx) error {
		if err := checkListsTx(tx, sc, builtin); err != nil {
			return err
		}
		var err error
		id, err = w.createScenarioTx(tx, sc)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("create scenario %q: %w", sc.Name, err)
	}
	return id, nil
}

// createScenarioTx stores sc (validated) as a new scenario in tx and
// returns its id, made from its name.
func (w *Workspace) createScenarioTx(tx *sql.Tx, sc *scenarios.Scenario) (string, error) {
	id, err := newScenarioID(tx, sc.Name)
	if err != nil {
		return "", err
	}
	return id, w.insertScenario(tx, id, sc, false, -1)
}

// Placement is where a scenario stands in the list and whether it shipped
// with Parley: what a deleted scenario needs to be put back as it was.
type Placement struct {
	Position int
	Builtin  bool
}

// RestoreScenario stores sc under a given id at its old placement, for
// example to undo a delete. The id must be free. rev is the revision the
// scenario had when it was deleted (0 if it never was stored): it comes back
// at revision rev+1, which it returns, so that a copy read before the
// delete cannot be saved over it.
func (w *Workspace) RestoreScenario(id string, sc *scenarios.Scenario, at Placement, rev int64) (int64, error) {
	if err := w.validate(sc); err != nil {
		return 0, err
	}
	err := w.write(context.Background(), func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRow("SELECT count(*) FROM scenarios WHERE id = ?", id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("%w: scenario id %q", ErrExists, id)
		}
		if err := w.insertScenario(tx, id, sc, at.Builtin, at.Position); err != nil {
			return err
		}
		_, err := tx.Exec("UPDATE scenarios SET revision = ? WHERE id = ?", max(rev, 0)+1, id)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("restore scenario %q: %w", sc.Name, err)
	}
	return max(rev, 0) + 1, nil
}

// SaveScenario validates sc and replaces the stored scenario id with it,
// provided the stored scenario is still at revision rev (as ScenarioRev read
// it, or a previous save returned it); else it fails with ErrConflict and
// writes nothing, so that a save never silently undoes another window's or
// process's. It returns the scenario's new revision.
func (w *Workspace) SaveScenario(id string, sc *scenarios.Scenario, rev int64) (int64, error) {
	if err := w.validate(sc); err != nil {
		return 0, err
	}
	builtin, err := w.listsOf(sc)
	if err != nil {
		return 0, err
	}
	var next int64
	err = w.write(context.Background(), func(tx *sql.Tx) error {
		if err := checkListsTx(tx, sc, builtin); err != nil {
			return err
		}
		var err error
		next, err = w.saveScenarioTx(tx, id, sc, rev)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("save scenario %q: %w", sc.Name, err)
	}
	return next, nil
}

// saveScenarioTx replaces scenario id, at revision rev, with sc (validated)
// in tx and returns its new revision.
func (w *Workspace) saveScenarioTx(tx *sql.Tx, id string, sc *scenarios.Scenario, rev int64) (int64, error) {
	var builtin bool
	var position int
	if err := checkRevision(tx, id, rev); err != nil {
		return 0, err
	}
	if err := tx.QueryRow("SELECT builtin, position FROM scenarios WHERE id = ?", id).Scan(&builtin, &position); err != nil {
		return 0, err
	}
	if _, err := tx.Exec("DELETE FROM measures WHERE scenario = ?", id); err != nil {
		return 0, err
	}
	if err := checkNameFree(tx, sc.Name, id); err != nil {
		return 0, err
	}
	if err := w.writeScenario(tx, id, sc, builtin, position, "UPDATE"); err != nil {
		return 0, err
	}
	var next int64
	err := tx.QueryRow("SELECT revision FROM scenarios WHERE id = ?", id).Scan(&next)
	return next, err
}

// checkRevision fails with ErrNotFound when there is no scenario id, and
// with ErrConflict when it is not at revision rev.
func checkRevision(tx *sql.Tx, id string, rev int64) error {
	var stored int64
	err := tx.QueryRow("SELECT revision FROM scenarios WHERE id = ?", id).Scan(&stored)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%w: no scenario with id %q (it was deleted elsewhere?)", ErrNotFound, id)
	}
	if err != nil {
		return err
	}
	if stored != rev {
		return fmt.Errorf("%w (revision %d, read at %d)", ErrConflict, stored, rev)
	}
	return nil
}

// DeleteScenario removes a scenario with its measures and their evidence
// links, provided it is still at revision rev (else ErrConflict).
func (w *Workspace) DeleteScenario(id string, rev int64) error {
	return w.write(context.Background(), func(tx *sql.Tx) error {
		if err := checkRevision(tx, id, rev); err != nil {
			return fmt.Errorf("delete scenario: %w", err)
		}
		if _, err := tx.Exec("DELETE FROM scenarios WHERE id = ?", id); err != nil {
			return fmt.Errorf("delete scenario %s: %w", id, err)
		}
		return nil
	})
}

// Placement returns the list position of scenario id and whether it is
// built in.
func (w *Workspace) Placement(id string) (Placement, error) {
	var p Placement
	err := w.db.QueryRow("SELECT position, builtin FROM scenarios WHERE id = ?", id).Scan(&p.Position, &p.Builtin)
	if errors.Is(err, sql.ErrNoRows) {
		return p, fmt.Errorf("%w: no scenario with id %q", ErrNotFound, id)
	}
	return p, err
}

func checkNameFree(tx *sql.Tx, name, exceptID string) error {
	var other string
	err := tx.QueryRow("SELECT id FROM scenarios WHERE name = ? COLLATE NOCASE AND id <> ?", strings.TrimSpace(name), exceptID).Scan(&other)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	return fmt.Errorf("%w: a scenario named %q already exists (id %s); choose another name", ErrExists, strings.TrimSpace(name), other)
}

// insertScenario adds sc under id at position (-1: at the end).
func (w *Workspace) insertScenario(tx *sql.Tx, id string, sc *scenarios.Scenario, builtin bool, position int) error {
	if err := checkNameFree(tx, sc.Name, id); err != nil {
		return err
	}
	if position < 0 {
		if err := tx.QueryRow("SELECT coalesce(max(position), -1) + 1 FROM scenarios").Scan(&position); err != nil {
			return err
		}
	}
	return w.writeScenario(tx, id, sc, builtin, position, "INSERT")
}

// writeScenario inserts or updates the scenario row and inserts its measures
// and evidence.
func (w *Workspace) writeScenario(tx *sql.Tx, id string, sc *scenarios.Scenario, builtin bool, position int, verb string) error {
	overrides, err := encodeOverrides(sc.Assumptions.Overrides)
	if err != nil {
		return err
	}
	chosen, err := datasets.EncodeChoice(sc.Assumptions.Datasets)
	if err != nil {
		return err
	}
	a := sc.Assumptions
	granularity := a.Granularity
	if granularity == "" {
		granularity = scenarios.GranularityProduct
	}
	now := w.timestamp()
	name := strings.TrimSpace(sc.Name)
	if verb == "INSERT" {
		_, err = tx.Exec(`INSERT INTO scenarios (id, name, description, as_of, as_of_today, baseline_year, granularity, datasets,
			cusma_preset, elasticity_preset, elasticity_low, elasticity_high, overrides, include_threats, builtin, position,
			created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, name, sc.Description, sc.AsOf.String(), sc.AsOfToday, a.BaselineYear, granularity, chosen, a.CUSMAShares,
			a.Elasticities, a.ElasticityLow, a.ElasticityHigh, overrides, a.IncludeThreats, builtin, position, now, now)
	} else {
		_, err = tx.Exec(`UPDATE scenarios SET name = ?, description = ?, as_of = ?, as_of_today = ?, baseline_year = ?,
			granularity = ?, datasets = ?, cusma_preset = ?, elasticity_preset = ?, elasticity_low = ?, elasticity_high = ?,
			overrides = ?, include_threats = ?, updated_at = ?, revision = revision + 1
			WHERE id = ?`,
			name, sc.Description, sc.AsOf.String(), sc.AsOfToday, a.BaselineYear, granularity, chosen, a.CUSMAShares,
			a.Elasticities, a.ElasticityLow, a.ElasticityHigh, overrides, a.IncludeThreats, now, id)
	}
	if err != nil {
		return err
	}
	for i, m := range sc.Measures {
		if err := insertMeasure(tx, id, i, &m); err != nil {
			return fmt.Errorf("measure %s: %w", m.ID, err)
		}
	}
	return nil
}

func insertMeasure(tx *sql.Tx, scenarioID string, position int, m *scenarios.Measure) error {
	sectors, err := json.Marshal(m.Sectors)
	if err != nil {
		return err
	}
	yields, err := json.Marshal(nonNilStrings(m.YieldsTo))
	if err != nil {
		return err
	}
	upper, err := json.Marshal(nonNilStrings(m.UpperBound))
	if err != nil {
		return err
	}
	products, err := encodeProducts(m.Products)
	if err != nil {
		return err
	}
	var exemptShare any
	if m.CUSMAExemptShare != nil {
		exemptShare = *m.CUSMAExemptShare
	}
	res, err := tx.Exec(`INSERT INTO measures (scenario, position, key, label, imposer, program, sectors, products, content,
		rate, rate_low, rate_high, cusma_exempt, cusma_exempt_share, yields_to, effective_from, effective_to, note,
		upper_bound, library, status, kind, library_vintage)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		scenarioID, position, m.ID, m.Label, m.Imposer, m.Program, string(sectors), products, m.Content, m.Rate,
		m.RateLow, m.RateHigh, m.CUSMAExempt, exemptShare, string(yields), m.From.String(), m.To.String(), m.Note,
		string(upper), m.Library, m.Status, m.Kind, m.LibraryVintage)
	if err != nil {
		return err
	}
	mid, err := res.LastInsertId()
	if err != nil {
		return err
	}
	for j, e := range m.Evidence {
		var doc, excerpt any
		if e.Document != "" {
			doc = e.Document
		}
		if e.Excerpt != 0 {
			var n int
			if err := tx.QueryRow("SELECT count(*) FROM excerpts WHERE id = ?", e.Excerpt).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				excerpt = e.Excerpt
			}
		}
		if _, err := tx.Exec(`INSERT INTO measure_evidence (measure, position, document, excerpt, quote, citation, url)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, mid, j, doc, excerpt, e.Quote, e.Citation, e.URL); err != nil {
			return fmt.Errorf("evidence %d: %w", j, err)
		}
	}
	return nil
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

type overridesJSON struct {
	CUSMAShare     map[string]float64 `json:"cusma_share"`
	Elasticity     map[string]float64 `json:"elasticity"`
	BaselineTariff map[string]float64 `json:"baseline_tariff"`
}

func encodeOverrides(o scenarios.Overrides) (string, error) {
	b, err := json.Marshal(overridesJSON{
		CUSMAShare: nonNilMap(o.CUSMAShare), Elasticity: nonNilMap(o.Elasticity), BaselineTariff: nonNilMap(o.BaselineTariff),
	})
	return string(b), err
}

func decodeOverrides(s string, o *scenarios.Overrides) error {
	var j overridesJSON
	if err := json.Unmarshal([]byte(s), &j); err != nil {
		return err
	}
	*o = scenarios.Overrides{CUSMAShare: j.CUSMAShare, Elasticity: j.Elasticity, BaselineTariff: j.BaselineTariff}
	return nil
}

// encodeProducts stores a scope as JSON, or "" for none.
func encodeProducts(p *scenarios.ProductScope) (string, error) {
	if p == nil {
		return "", nil
	}
	b, err := json.Marshal(library.ProductsOf(p))
	return string(b), err
}

func decodeProducts(s string, dst **scenarios.ProductScope) error {
	if s == "" {
		*dst = nil
		return nil
	}
	var j library.ProductsJSON
	if err := json.Unmarshal([]byte(s), &j); err != nil {
		return err
	}
	*dst = j.Scope()
	return nil
}

func nonNilMap(m map[string]float64) map[string]float64 {
	if m == nil {
		return map[string]float64{}
	}
	return m
}

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

// Slug makes an id from a name: lower-case ASCII letters and digits joined by
// hyphens, at most 40 characters.
func Slug(name string) string {
	s := nonSlug.ReplaceAllString(strings.ToLower(name), "-")
	s = strings.Trim(s, "-")
	if len(s) > 40 {
		s = strings.TrimRight(s[:40], "-")
	}
	return s
}

// newScenarioID returns a free id made from name.
func newScenarioID(tx *sql.Tx, name string) (string, error) {
	base := Slug(name)
	if base == "" {
		base = "scenario"
	}
	for i := 1; ; i++ {
		id := base
		if i > 1 {
			id = fmt.Sprintf("%s-%d", base, i)
		}
		var n int
		if err := tx.QueryRow("SELECT count(*) FROM scenarios WHERE id = ?", id).Scan(&n); err != nil {
			return "", err
		}
		if n == 0 {
			return id, nil
		}
	}
}
