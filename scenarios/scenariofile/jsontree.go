package scenariofile

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"unicode/utf8"

	"parley/scenarios"
)

// A small JSON parser that keeps the byte offset of every value, so that
// errors in a scenario file can name the line and column of the bad value.

type jkind byte

const (
	jObject jkind = iota
	jArray
	jString
	jNumber
	jBool
	jNull
)

func (k jkind) String() string {
	return [...]string{"an object", "an array", "a string", "a number", "true or false", "null"}[k]
}

type jmember struct {
	name string
	pos  int // offset of the key
	val  *jnode
}

type jnode struct {
	kind    jkind
	pos     int // offset of the value
	members []jmember
	items   []*jnode
	str     string
	num     float64
	boolean bool
}

// SyntaxError is malformed JSON at a position of the file.
type SyntaxError struct {
	Pos scenarios.Pos
	Msg string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("%s: malformed JSON: %s", e.Pos, e.Msg) }

// posAt converts a byte offset of data into a line and column.
func posAt(data []byte, off int) scenarios.Pos {
	if off > len(data) {
		off = len(data)
	}
	line, col := 1, 1
	for i := 0; i < off; {
		r, size := utf8.DecodeRune(data[i:])
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return scenarios.Pos{Line: line, Col: col}
}

// positions converts byte offsets of data into lines and columns, as posAt
// does, in one pass over data: posAt is linear in the offset, so one call per
// error would make a file with many errors quadratic.
func positions(data []byte, offs []int) []scenarios.Pos {
	order := make([]int, len(offs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return offs[order[a]] < offs[order[b]] })
	out := make([]scenarios.Pos, len(offs))
	line, col, i := 1, 1, 0
	for _, k := range order {
		off := min(offs[k], len(data))
		for i < off {
			r, size := utf8.DecodeRune(data[i:])
			if r == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
			i += size
		}
		out[k] = scenarios.Pos{Line: line, Col: col}
	}
	return out
}

const maxJSONDepth = 64

type jparser struct {
	data []byte
	i    int
}

func parseJSON(data []byte) (*jnode, error) {
	p := &jparser{data: data}
	p.skipSpace()
	v, err := p.value(0)
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.i < len(p.data) {
		return nil, p.errorf(p.i, "unexpected %s after the end of the top-level value", p.describe())
	}
	return v, nil
}

func (p *jparser) errorf(off int, format string, args ...any) error {
	return &SyntaxError{Pos: posAt(p.data, off), Msg: fmt.Sprintf(format, args...)}
}

func (p *jparser) describe() string {
	if p.i >= len(p.data) {
		return "end of file"
	}
	r, _ := utf8.DecodeRune(p.data[p.i:])
	return strconv.QuoteRune(r)
}

func (p *jparser) skipSpace() {
	for p.i < len(p.data) {
		switch p.data[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *jparser) value(depth int) (*jnode, error) {
	if depth > maxJSONDepth {
		return nil, p.errorf(p.i, "nested deeper than %d levels", maxJSONDepth)
	}
	if p.i >= len(p.data) {
		return nil, p.errorf(p.i, "unexpected end of file, expected a value")
	}
	start := p.i
	switch c := p.data[p.i]; {
	case c == '{':
		return p.object(depth)
	case c == '[':
		return p.array(depth)
	case c == '"':
		s, err := p.string()
		if err != nil {
			return nil, err
		}
		return &jnode{kind: jString, pos: start, str: s}, nil
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	case p.literal("true"):
		return &jnode{kind: jBool, pos: start, boolean: true}, nil
	case p.literal("false"):
		return &jnode{kind: jBool, pos: start}, nil
	case p.literal("null"):
		return &jnode{kind: jNull, pos: start}, nil
	}
	return nil, p.errorf(p.i, "unexpected %s, expected a value", p.describe())
}

func (p *jparser) literal(word string) bool {
	if len(p.data)-p.i >= len(word) && string(p.data[p.i:p.i+len(word)]) == word {
		p.i += len(word)
		return true
	}
	return false
}

func (p *jparser) object(depth int) (*jnode, error) {
	n := &jnode{kind: jObject, pos: p.i}
	seen := map[string]bool{}
	return p.list(n, '}', func() error {
		if p.i >= len(p.data) || p.data[p.i] != '"' {
			return p.errorf(p.i, "unexpected %s, expected a key in double quotes", p.describe())
		}
		kpos := p.i
		key, err := p.string()
		if err != nil {
			return err
		}
		if seen[key] {
			return p.errorf(kpos, "key %q appears twice in the same object", key)
		}
		seen[key] = true
		p.skipSpace()
		if p.i >= len(p.data) || p.data[p.i] != ':' {
			return p.errorf(p.i, "unexpected %s, expected ':' after key %q", p.describe(), key)
		}
		p.i++
		p.skipSpace()
		v, err := p.value(depth + 1)
		if err != nil {
			return err
		}
		n.members = append(n.members, jmember{name: key, pos: kpos, val: v})
		return nil
	})
}

func (p *jparser) array(depth int) (*jnode, error) {
	n := &jnode{kind: jArray, pos: p.i}
	return p.list(n, ']', func() error {
		v, err := p.value(depth + 1)
		if err != nil {
			return err
		}
		n.items = append(n.items, v)
		return nil
	})
}

// list parses the elements of the object or array n from its opening
// bracket to closer: elem parses one element, at its first character, and
// the elements are separated by commas.
func (p *jparser) list(n *jnode, closer byte, elem func() error) (*jnode, error) {
	p.i++ // the opening bracket
	p.skipSpace()
	if p.i < len(p.data) && p.data[p.i] == closer {
		p.i++
		return n, nil
	}
	for {
		p.skipSpace()
		if err := elem(); err != nil {
			return nil, err
		}
		p.skipSpace()
		if p.i < len(p.data) && p.data[p.i] == ',' {
			p.i++
			continue
		}
		if p.i < len(p.data) && p.data[p.i] == closer {
			p.i++
			return n, nil
		}
		return nil, p.errorf(p.i, "unexpected %s, expected ',' or '%c'", p.describe(), closer)
	}
}

// string reads a JSON string at p.i, which holds '"'.
func (p *jparser) string() (string, error) {
	start := p.i
	p.i++
	for p.i < len(p.data) {
		switch c := p.data[p.i]; {
		case c == '\\':
			p.i += 2
		case c == '"':
			p.i++
			var s string
			if err := json.Unmarshal(p.data[start:p.i], &s); err != nil {
				return "", p.errorf(start, "invalid string: %v", err)
			}
			return s, nil
		case c < 0x20:
			return "", p.errorf(p.i, "control character in a string (escape it)")
		default:
			p.i++
		}
	}
	return "", p.errorf(start, "string never closed")
}

func (p *jparser) number() (*jnode, error) {
	start := p.i
	for p.i < len(p.data) {
		c := p.data[p.i]
		if (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E' {
			p.i++
			continue
		}
		break
	}
	raw := p.data[start:p.i]
	if !json.Valid(raw) {
		return nil, p.errorf(start, "invalid number %q", raw)
	}
	f, err := strconv.ParseFloat(string(raw), 64)
	if err != nil {
		return nil, p.errorf(start, "number %s is out of range", raw)
	}
	return &jnode{kind: jNumber, pos: start, num: f}, nil
}
