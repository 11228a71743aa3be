package scenariofile_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"parley/scenarios"
	"parley/scenarios/scenariofile"
)

// FuzzDecodeFile feeds the scenario file reader arbitrary bytes, seeded with
// the docs/SPEC.md example (format /1) and every built-in scenario as `parley
// export-scenario` writes it (format /2, testdata/exported). The reader must
// never panic; it returns a file or a *SyntaxError / Errors whose positions
// lie in the file; a file it accepts validates without panicking, and
// encoding it and reading it back gives the same file again.
//
//	go test -run '^$' -fuzz FuzzDecodeFile -fuzztime 5m ./scenarios/scenariofile
func FuzzDecodeFile(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/exported/*.json")
	seeds = append(seeds, "testdata/spec_example.json")
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{
		``, `{}`, `[]`, `null`, "\uFEFF{}", `{"format": "parley.scenario/2"}`,
		`{"format": "parley.scenario/1", "name": "x", "as_of": "2025-01-01", "measures": [{"imposer": "US", "rate": 1e400, "effective_from": "2025-02-30"}]}`,
		`{"a": "\ud800"}`, `{"name": "\u0000\u001b]0;x\u0007"}`, strings.Repeat("[", 100) + strings.Repeat("]", 100),
		`{"format": "parley.scenario/2", "name": "n", "as_of": "2025-01-01", "measures": [{"id": "a", "imposer": "US", "rate": 0.1, "effective_from": "2025-01-01", "products": {"include": ["list:x", "0105.11"]}, "cusma_exempt_share": 0.5}]}`,
		`{"format": "parley.scenario/2", "name": "n", "as_of": "2025-01-01", "measures": [{"id": "a", "imposer": "US", "rate": 0.1, "effective_from": "2025-01-01", "products": {"include": ["list:mine"]}}], "lists": {"mine": {"title": "t", "source": "s", "codes": ["0401.10", "0402", "0401.10"]}}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := scenariofile.Decode(data)
		if err != nil {
			checkDecodeError(t, data, err)
			return
		}
		sc := &file.Scenario
		// Validation on its own and the positions of its errors.
		file.Locate(scenarios.Validate(sc, nil))
		file.Pos("measures[0].evidence[0].quote")

		lists := make([]*scenarios.ProductList, len(file.Lists))
		for i := range file.Lists {
			lists[i] = &file.Lists[i]
		}
		var first bytes.Buffer
		if err := scenariofile.EncodeLists(&first, sc, sc.AsOf, lists); err != nil {
			t.Fatalf("encode an accepted file: %v", err)
		}
		again, err := scenariofile.Decode(first.Bytes())
		if err != nil {
			t.Fatalf("the encoded file does not read back: %v\n%s", err, first.Bytes())
		}
		if len(again.Lists) != len(file.Lists) {
			t.Fatalf("%d lists read back, %d written", len(again.Lists), len(file.Lists))
		}
		lists = lists[:0]
		for i := range again.Lists {
			lists = append(lists, &again.Lists[i])
		}
		var second bytes.Buffer
		if err := scenariofile.EncodeLists(&second, &again.Scenario, again.Scenario.AsOf, lists); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Fatalf("encode(decode(encode(x))) differs from encode(x):\n%s\n---\n%s", first.Bytes(), second.Bytes())
		}
	})
}

// checkDecodeError checks that err is one of the reader's own errors, with
// positions inside the file and a message that is valid UTF-8.
func checkDecodeError(t *testing.T, data []byte, err error) {
	t.Helper()
	lines := bytes.Count(data, []byte("\n")) + 1
	check := func(p scenarios.Pos, msg string) {
		if !p.IsValid() || p.Line > lines {
			t.Fatalf("error at %v, outside a file of %d lines: %s", p, lines, msg)
		}
		if !utf8.ValidString(msg) {
			t.Fatalf("error message is not UTF-8: %q", msg)
		}
	}
	var syn *scenariofile.SyntaxError
	var errs scenarios.Errors
	switch {
	case errors.As(err, &syn):
		check(syn.Pos, syn.Msg)
	case errors.As(err, &errs):
		if len(errs) == 0 {
			t.Fatal("an empty list of errors")
		}
		for _, e := range errs {
			check(e.Pos, e.Msg)
		}
	default:
		t.Fatalf("unexpected error type %T: %v", err, err)
	}
}
