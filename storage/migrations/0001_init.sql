-- Parley workspace schema, version 1.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- Datasets: where every number in the workspace comes from.
CREATE TABLE datasets (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    file        TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL,
    licence     TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    builtin     INTEGER NOT NULL DEFAULT 0,
    imported_at TEXT NOT NULL
) STRICT;

CREATE TABLE sectors (
    code     TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    short    TEXT NOT NULL,
    position INTEGER NOT NULL UNIQUE
) STRICT;

CREATE TABLE sector_chapters (
    hs2    TEXT PRIMARY KEY,
    sector TEXT NOT NULL REFERENCES sectors(code)
) STRICT;

-- Baseline trade, one row per line (HS chapter or tariff line) and year.
CREATE TABLE trade_lines (
    dataset     TEXT NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    year        INTEGER NOT NULL,
    direction   TEXT NOT NULL CHECK (direction IN ('ca_to_us', 'us_to_ca')),
    code        TEXT NOT NULL,
    sector      TEXT NOT NULL REFERENCES sectors(code),
    description TEXT NOT NULL DEFAULT '',
    value_usd   REAL NOT NULL CHECK (value_usd >= 0),
    PRIMARY KEY (dataset, year, direction, code)
) STRICT;
CREATE INDEX trade_lines_by_year ON trade_lines(year);

CREATE TABLE cusma_presets (
    name     TEXT PRIMARY KEY,
    label    TEXT NOT NULL,
    dataset  TEXT NOT NULL REFERENCES datasets(id),
    position INTEGER NOT NULL
) STRICT;

CREATE TABLE cusma_shares (
    preset TEXT NOT NULL REFERENCES cusma_presets(name) ON DELETE CASCADE,
    sector TEXT NOT NULL REFERENCES sectors(code),
    share  REAL NOT NULL CHECK (share BETWEEN 0 AND 1),
    PRIMARY KEY (preset, sector)
) STRICT;

CREATE TABLE elasticity_presets (
    name     TEXT PRIMARY KEY,
    label    TEXT NOT NULL,
    dataset  TEXT NOT NULL REFERENCES datasets(id),
    position INTEGER NOT NULL
) STRICT;

CREATE TABLE elasticities (
    preset  TEXT NOT NULL REFERENCES elasticity_presets(name) ON DELETE CASCADE,
    sector  TEXT NOT NULL REFERENCES sectors(code),
    value   REAL NOT NULL CHECK (value >= 0),
    n       INTEGER NOT NULL DEFAULT 0,
    imputed INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (preset, sector)
) STRICT;

-- Evidence library.
CREATE TABLE documents (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    publisher   TEXT NOT NULL DEFAULT '',
    date        TEXT NOT NULL DEFAULT '',
    kind        TEXT NOT NULL DEFAULT '',
    url         TEXT NOT NULL DEFAULT '',
    topics      TEXT NOT NULL DEFAULT '[]',
    source_file TEXT NOT NULL DEFAULT '',
    body        TEXT NOT NULL,
    builtin     INTEGER NOT NULL DEFAULT 0,
    imported_at TEXT NOT NULL
) STRICT;

-- Passages are the units of full-text search: paragraphs of a document.
CREATE TABLE passages (
    id       INTEGER PRIMARY KEY,
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal  INTEGER NOT NULL,
    start    INTEGER NOT NULL,
    text     TEXT NOT NULL,
    UNIQUE (document, ordinal)
) STRICT;

CREATE VIRTUAL TABLE passages_fts USING fts5(title, text, tokenize = 'porter unicode61');

CREATE TRIGGER passages_fts_delete AFTER DELETE ON passages BEGIN
    DELETE FROM passages_fts WHERE rowid = old.id;
END;

CREATE TABLE excerpts (
    id         INTEGER PRIMARY KEY,
    document   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start      INTEGER NOT NULL DEFAULT -1,
    quote      TEXT NOT NULL CHECK (quote <> ''),
    note       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX excerpts_by_document ON excerpts(document);

CREATE TABLE excerpt_tags (
    excerpt INTEGER NOT NULL REFERENCES excerpts(id) ON DELETE CASCADE,
    kind    TEXT NOT NULL CHECK (kind IN ('sector', 'measure', 'stance', 'topic')),
    value   TEXT NOT NULL,
    PRIMARY KEY (excerpt, kind, value)
) STRICT;

-- The measure library: dated, cited measures users drop into scenarios.
CREATE TABLE measure_library (
    id          TEXT PRIMARY KEY,
    position    INTEGER NOT NULL,
    row         TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT '',
    measure     TEXT NOT NULL,
    legal_basis TEXT NOT NULL DEFAULT '',
    scope       TEXT NOT NULL DEFAULT '',
    rate_text   TEXT NOT NULL DEFAULT '',
    dates_text  TEXT NOT NULL DEFAULT '',
    cusma_text  TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL DEFAULT '',
    confidence  TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE scenarios (
    id                TEXT PRIMARY KEY,
    name              TEXT NOT NULL UNIQUE COLLATE NOCASE,
    description       TEXT NOT NULL DEFAULT '',
    as_of             TEXT NOT NULL,
    as_of_today       INTEGER NOT NULL DEFAULT 0,
    baseline_year     INTEGER NOT NULL,
    cusma_preset      TEXT NOT NULL,
    elasticity_preset TEXT NOT NULL,
    elasticity_low    REAL NOT NULL,
    elasticity_high   REAL NOT NULL,
    overrides         TEXT NOT NULL DEFAULT '{}',
    builtin           INTEGER NOT NULL DEFAULT 0,
    position          INTEGER NOT NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
) STRICT;

CREATE TABLE measures (
    id             INTEGER PRIMARY KEY,
    scenario       TEXT NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    key            TEXT NOT NULL,
    label          TEXT NOT NULL DEFAULT '',
    imposer        TEXT NOT NULL CHECK (imposer IN ('US', 'CA')),
    program        TEXT NOT NULL DEFAULT '',
    sectors        TEXT NOT NULL,
    rate           REAL NOT NULL CHECK (rate BETWEEN 0 AND 10),
    cusma_exempt   INTEGER NOT NULL DEFAULT 0,
    yields_to      TEXT NOT NULL DEFAULT '[]',
    effective_from TEXT NOT NULL,
    effective_to   TEXT NOT NULL DEFAULT '',
    note           TEXT NOT NULL DEFAULT '',
    upper_bound    TEXT NOT NULL DEFAULT '[]',
    library        TEXT NOT NULL DEFAULT '',
    UNIQUE (scenario, key)
) STRICT;

CREATE TABLE measure_evidence (
    id       INTEGER PRIMARY KEY,
    measure  INTEGER NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    document TEXT REFERENCES documents(id) ON DELETE RESTRICT,
    excerpt  INTEGER REFERENCES excerpts(id) ON DELETE SET NULL,
    quote    TEXT NOT NULL DEFAULT '',
    citation TEXT NOT NULL DEFAULT '',
    url      TEXT NOT NULL DEFAULT '',
    CHECK ((document IS NOT NULL AND quote <> '') OR citation <> '')
) STRICT;
CREATE INDEX measure_evidence_by_document ON measure_evidence(document);
CREATE INDEX measure_evidence_by_excerpt ON measure_evidence(excerpt);
