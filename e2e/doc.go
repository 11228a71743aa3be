// Package e2e holds Parley's black-box tests: the real binary built from the
// module root and run on every command (cli_e2e_test.go), the desktop app in a
// real window under Xvfb (gui_e2e_test.go), exported charts and decks, the
// two independent implementations of the calculation of docs/SPEC.md checked
// against the binary to the cent (cli_e2e_test.go, spec_lines_test.go, over
// one reader of the reference data, reference_test.go), and the rules on
// the code itself: which package may import which (deps_test.go), where
// process-global changes may happen, folder and function sizes. Its only
// code builds the binary and gives it a home folder of its own, for these
// tests and for the campaigns of bench/campaign.
package e2e
