package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"parley/app/ui/present"
	"parley/scenarios"
	"parley/scenarios/scenariofile"
)

// importError turns the refusal of the scenario file at path into words
// about that file: each problem with its line and column, measures named
// by the file's own labels (never the open scenario's). Other errors are
// returned as they are.
func importError(path string, err error) error {
	var errs scenarios.Errors
	if !errors.As(err, &errs) {
		return err
	}
	file := readScenarioFile(path)
	lines := []string{fmt.Sprintf("The file %s has %d problem(s); please correct:", filepath.Base(path), len(errs))}
	for _, fe := range errs {
		l := "• " + present.DescribeFieldIn(file, fe)
		if fe.Pos.IsValid() {
			l += " (at " + fe.Pos.String() + ")"
		}
		lines = append(lines, l)
	}
	return errors.New(strings.Join(lines, "\n"))
}

// readScenarioFile returns the scenario of the file at path as written,
// before any check, or nil when it cannot be read.
func readScenarioFile(path string) *scenarios.Scenario {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	file, err := scenariofile.Read(f)
	if err != nil {
		return nil
	}
	return &file.Scenario
}
