-- Parley workspace schema: the user's own product lists, which measures
-- name as list:NAME exactly like the lists that ship with Parley.

-- name: unique without regard to case, and never a built-in list's name
-- (the workspace checks that on every write); codes: the list's codes,
-- 2 to 10 digits each, sorted, no duplicates, separated by one space;
-- size: how many codes. created and updated: RFC 3339, UTC.
CREATE TABLE user_lists (
    name    TEXT PRIMARY KEY COLLATE NOCASE CHECK (name <> ''),
    title   TEXT NOT NULL DEFAULT '',
    source  TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    size    INTEGER NOT NULL CHECK (size > 0),
    codes   TEXT NOT NULL CHECK (codes <> '')
) STRICT;
