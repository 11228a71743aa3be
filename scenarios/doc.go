// Package scenarios holds Parley's domain model and calculation: sectors and
// directions of trade, dated tariff measures with their evidence, scenarios
// with their assumptions, the exposure calculation of docs/SPEC.md section 2
// over trade lines, timelines, sensitivity and validation. The
// parley.scenario/2 file format lives in package scenariofile.
//
// It depends on the standard library only: no widgets, no SQL.
package scenarios
