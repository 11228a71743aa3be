package cli

import (
	"strings"

	"parley/app/charts"
)

// sectorFlag parses --sector CODE of a products chart ("" for every
// sector); the workspace checks that the sector exists.
func sectorFlag(c *call, kind charts.Kind) (string, error) {
	if !c.args.has("sector") {
		return "", nil
	}
	if kind != charts.Products {
		return "", usagef("--sector applies to products charts only")
	}
	s := strings.TrimSpace(c.args.value("sector"))
	if s == "" {
		return "", usagef("--sector: want a sector code, e.g. LUMBER")
	}
	return strings.ToUpper(s), nil
}
