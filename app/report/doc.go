// Package report builds ready-to-export charts and briefing decks for the
// scenarios of a workspace. It is the glue between the workspace (storage),
// the calculation (scenarios), the chart renderer (app/charts) and the
// PowerPoint writer (app/deck), used by the command line ('parley chart',
// 'parley deck') and the desktop app's export dialog.
//
// Every chart and slide says where its numbers come from: the subtitle
// names the scenario, the date, the baseline year and the direction of
// trade; the footnote gives the source lines of the scenario's data
// (storage.SourceLines), the evidence cited by the measures in force, and
// the measures that cite none. A deck's speaker notes quote that evidence in
// full, and its closing slide lists every dataset and document it rests on.
// Nothing here adds a figure: every number is computed by the calculation
// from the workspace's data and the user's scenario.
package report
