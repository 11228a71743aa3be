// Package storage keeps a Parley workspace in one SQLite file: the schema and
// its migrations, the embedded default data loaded on first open, scenarios
// and their measures, the evidence library with full-text search, and the
// import and export of scenario files and documents.
package storage
