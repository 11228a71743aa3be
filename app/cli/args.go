package cli

import (
	"slices"
	"strings"
)

// flagSpec names a command's flags: those that take a value and those that
// do not, and one-letter aliases.
type flagSpec struct {
	values []string
	bools  []string
	short  map[string]string
}

func (s flagSpec) isValue(name string) bool { return slices.Contains(s.values, name) }
func (s flagSpec) isBool(name string) bool  { return slices.Contains(s.bools, name) }

// with returns s extended by the flags of o.
func (s flagSpec) with(o flagSpec) flagSpec {
	out := flagSpec{
		values: append(append([]string(nil), s.values...), o.values...),
		bools:  append(append([]string(nil), s.bools...), o.bools...),
		short:  map[string]string{},
	}
	for k, v := range o.short {
		out.short[k] = v
	}
	for k, v := range s.short {
		out.short[k] = v
	}
	return out
}

// parsed holds parsed arguments.
type parsed struct {
	flags      map[string][]string
	positional []string
}

func (p *parsed) value(name string) string {
	if v := p.flags[name]; len(v) > 0 {
		return v[len(v)-1]
	}
	return ""
}

func (p *parsed) has(name string) bool { _, ok := p.flags[name]; return ok }

func (p *parsed) bool(name string) bool { return p.has(name) }

// parse reads flags anywhere among the arguments ("--name value",
// "--name=value", "-n value"); "--" ends the flags. It checks that there are
// between min and max positional arguments (max < 0: no limit).
func parse(args []string, spec flagSpec, minPos, maxPos int) (*parsed, error) {
	p := &parsed{flags: map[string][]string{}}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			p.positional = append(p.positional, args[i+1:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			p.positional = append(p.positional, a)
			continue
		}
		name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if full, ok := spec.short[name]; ok {
			name = full
		}
		switch {
		case spec.isValue(name):
			if !hasVal {
				if i+1 >= len(args) {
					return nil, usagef("flag --%s needs a value", name)
				}
				i++
				val = args[i]
			}
			p.flags[name] = append(p.flags[name], val)
		case spec.isBool(name):
			if hasVal {
				return nil, usagef("flag --%s takes no value", name)
			}
			p.flags[name] = append(p.flags[name], "true")
		default:
			return nil, usagef("unknown flag %s", a)
		}
	}
	if len(p.positional) < minPos {
		return nil, usagef("missing argument")
	}
	if maxPos >= 0 && len(p.positional) > maxPos {
		return nil, usagef("unexpected argument %q", p.positional[maxPos])
	}
	return p, nil
}

// positionals checks the count of positional arguments of a call.
func (c *call) positionals(minPos, maxPos int, what string) ([]string, error) {
	n := len(c.args.positional)
	if n < minPos {
		return nil, usagef("missing %s", what)
	}
	if maxPos >= 0 && n > maxPos {
		return nil, usagef("unexpected argument %q", c.args.positional[maxPos])
	}
	return c.args.positional, nil
}
