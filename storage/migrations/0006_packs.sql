-- Parley workspace schema: library packs. The pack the measure library
-- came from (one row; none in a workspace whose library is the built-in one
-- it was created with), and the vintage of the library each scenario
-- measure was taken from.

CREATE TABLE library_pack (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    title       TEXT NOT NULL,
    publisher   TEXT NOT NULL,
    vintage     TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL
) STRICT;

-- library_vintage: the vintage of the library the measure was taken from
-- ('' for a measure of the user's own or one stored before packs).
ALTER TABLE measures ADD COLUMN library_vintage TEXT NOT NULL DEFAULT '';
