package refdata

import (
	"errors"
	"fmt"
	"strings"
)

// The codes of the built-in product lists are embedded as text a process
// reads without decompressing or parsing CSV, each code a substring of the
// embedded file (ListCodes in package assets). Its layout: one line per
// list, in the order of lists.json, each its name and its codes, all
// separated by single spaces, each line ending in "\n".

// EncodeLists writes rows of (list, code), each list's rows one after the
// other, in that form.
func EncodeLists(rows [][]string) ([]byte, error) {
	var out []byte
	seen := map[string]bool{}
	last := ""
	for _, row := range rows {
		if len(row) != 2 {
			return nil, fmt.Errorf("row %q: %d fields, want 2 (list, code)", row, len(row))
		}
		name, code := row[0], row[1]
		if name == "" || strings.ContainsAny(name, " \n") {
			return nil, fmt.Errorf("list name %q is empty or holds a space or a line break", name)
		}
		if !IsCode(code) {
			return nil, fmt.Errorf("list %s: %q is not a code of 2 to 10 digits", name, code)
		}
		if name != last {
			if seen[name] {
				return nil, fmt.Errorf("list %s: its codes are not one after the other", name)
			}
			seen[name] = true
			if last != "" {
				out = append(out, '\n')
			}
			out = append(out, name...)
			last = name
		}
		out = append(out, ' ')
		out = append(out, code...)
	}
	if last != "" {
		out = append(out, '\n')
	}
	return out, nil
}

// nextList returns the name and codes of the first list of text, in the
// form EncodeLists writes, and the text after it. The codes are substrings
// of text.
func nextList(text string, codes []string) (name string, _ []string, rest string, err error) {
	line, rest, ok := strings.Cut(text, "\n")
	if !ok {
		return "", nil, "", errors.New("a list's line does not end in a line break")
	}
	name, line, _ = strings.Cut(line, " ")
	for line != "" {
		var code string
		code, line, _ = strings.Cut(line, " ")
		if !IsCode(code) {
			return "", nil, "", fmt.Errorf("list %s: %q is not a code of 2 to 10 digits", name, code)
		}
		if n := len(codes); n > 0 && codes[n-1] >= code {
			return "", nil, "", fmt.Errorf("list %s: codes not sorted or repeated at %s", name, code)
		}
		codes = append(codes, code)
	}
	return name, codes, rest, nil
}
