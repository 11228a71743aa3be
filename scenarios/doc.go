// Package scenarios holds Parley's domain model and calculation: sectors and
// directions of trade, dated tariff measures with their evidence, scenarios
// with their assumptions, the exposure calculation of SPEC section 2 over
// trade lines, timelines, sensitivity, validation and the parley.scenario/1
// file format.
//
// It depends on the standard library only: no widgets, no SQL.
package scenarios
