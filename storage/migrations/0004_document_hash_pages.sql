-- Parley workspace schema: the SHA-256 of each document's text (hex), kept
-- with the document and indexed, so that the duplicate check on import
-- reads one index entry instead of every stored text; and the page of each
-- passage of a text with pages (a PDF's), NULL for a text without pages.
-- Open fills both for the documents already stored, in this transaction
-- (backfillDocuments in migrate.go).
ALTER TABLE documents ADD COLUMN body_sha256 TEXT NOT NULL DEFAULT '';
CREATE INDEX documents_by_body_sha256 ON documents(body_sha256);
ALTER TABLE passages ADD COLUMN page INTEGER CHECK (page IS NULL OR page >= 1);
