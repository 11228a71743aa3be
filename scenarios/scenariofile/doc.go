// Package scenariofile reads and writes the parley.scenario/2 file format of
// docs/SPEC.md (and reads parley.scenario/1): a scenario, the user's product
// lists its measures name, and where each field stands in the file, so that
// errors found later by scenarios.Validate can name a line and column.
//
// Like package scenarios, it depends on the standard library only.
package scenariofile
