-- Parley workspace schema, version 2: product-level trade (SPEC section 2),
-- the user's own trade datasets, scenario revisions and uncertain rates.

-- Scenarios stored before products existed keep their meaning: chapter lines
-- and sector CUSMA shares (what "h2-2025" meant then).
ALTER TABLE scenarios ADD COLUMN granularity TEXT NOT NULL DEFAULT 'chapter'
    CHECK (granularity IN ('product', 'chapter'));
ALTER TABLE scenarios ADD COLUMN datasets TEXT NOT NULL DEFAULT '{}';
-- revision counts saves: a writer replaces revision n only if it read n.
ALTER TABLE scenarios ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
UPDATE scenarios SET cusma_preset = 'h2-2025-sector' WHERE cusma_preset = 'h2-2025';

-- products: '' (every product) or {"include": [...], "exclude": [...]}.
ALTER TABLE measures ADD COLUMN products TEXT NOT NULL DEFAULT '';
ALTER TABLE measures ADD COLUMN content TEXT NOT NULL DEFAULT ''
    CHECK (content IN ('', 'steel', 'aluminum', 'copper', 'metal'));
ALTER TABLE measures ADD COLUMN cusma_exempt_share REAL
    CHECK (cusma_exempt_share BETWEEN 0 AND 1);
-- rate_low and rate_high: the range of a rate the user marks uncertain
-- (both 0: certain).
ALTER TABLE measures ADD COLUMN rate_low REAL NOT NULL DEFAULT 0;
ALTER TABLE measures ADD COLUMN rate_high REAL NOT NULL DEFAULT 0;

CREATE INDEX measure_evidence_by_measure ON measure_evidence(measure);

-- line_shares: where a preset takes each line's own claim share: '' (the
-- sector's share for every line), 'h2-2025' (the HTS10 line's H2 2025 share)
-- or 'dataset' (the line's own claimed value in its dataset).
ALTER TABLE cusma_presets ADD COLUMN line_shares TEXT NOT NULL DEFAULT '';

-- The user's own trade data: one dataset is a set of trade lines of one
-- direction, in US$ or C$ at the exchange rate the user entered.
CREATE TABLE trade_datasets (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> ''),
    direction    TEXT NOT NULL CHECK (direction IN ('ca_to_us', 'us_to_ca')),
    year         INTEGER NOT NULL,
    month_from   TEXT NOT NULL DEFAULT '',
    month_to     TEXT NOT NULL DEFAULT '',
    currency     TEXT NOT NULL CHECK (currency IN ('USD', 'CAD')),
    -- C$ per US$, as the user entered it (1 for US$).
    cad_per_usd  REAL NOT NULL DEFAULT 1 CHECK (cad_per_usd > 0),
    source       TEXT NOT NULL DEFAULT '',
    file_name    TEXT NOT NULL DEFAULT '',
    sha256       TEXT NOT NULL DEFAULT '',
    rows_read    INTEGER NOT NULL DEFAULT 0,
    rows_skipped INTEGER NOT NULL DEFAULT 0,
    -- skipped: JSON list of {"row": n, "column": "...", "reason": "..."}.
    skipped      TEXT NOT NULL DEFAULT '[]',
    imported_at  TEXT NOT NULL
) STRICT;

CREATE TABLE dataset_lines (
    dataset     INTEGER NOT NULL REFERENCES trade_datasets(id) ON DELETE CASCADE,
    code        TEXT NOT NULL,
    region      TEXT NOT NULL DEFAULT '',
    sector      TEXT NOT NULL REFERENCES sectors(code),
    description TEXT NOT NULL DEFAULT '',
    -- values in the dataset's currency
    value       REAL NOT NULL CHECK (value >= 0),
    cusma_value REAL CHECK (cusma_value >= 0),
    PRIMARY KEY (dataset, code, region)
) STRICT;
