package charts

import (
	"fmt"
	"strings"
)

// Kind names one of Parley's charts.
type Kind string

// The kinds of chart.
const (
	// Exposure is duty at stake by sector with the trade effect range.
	Exposure Kind = "exposure"
	// Dutiable is each sector's trade split into CUSMA-claimed and not
	// claimed value.
	Dutiable Kind = "dutiable"
	// Compare is duty at stake by sector for two to four scenarios.
	Compare Kind = "compare"
	// Timeline is the effective tariff rate and duty at stake month by month.
	Timeline Kind = "timeline"
	// Tornado is how totals move when each assumption moves down and up.
	Tornado Kind = "tornado"
	// Products is the top trade lines of a sector (or of all sectors) by
	// duty at stake.
	Products Kind = "products"
	// Leverage is who depends on whom by sector, with the duty at stake
	// each way (leverage.go).
	Leverage Kind = "leverage"
	// Deal is what a proposal gets and gives against a baseline, by sector
	// (deal.go).
	Deal Kind = "deal"
	// Provinces is duty at stake by province or state, for trade data
	// with a region column (provinces.go).
	Provinces Kind = "provinces"
)

// Kinds returns every kind, in the order the command line lists them.
func Kinds() []Kind {
	return []Kind{Exposure, Dutiable, Compare, Timeline, Tornado, Products, Leverage, Deal, Provinces}
}

// ParseKind parses a kind name such as "exposure", ignoring case and
// surrounding spaces.
func ParseKind(s string) (Kind, error) {
	k := Kind(strings.ToLower(strings.TrimSpace(s)))
	for _, known := range Kinds() {
		if k == known {
			return k, nil
		}
	}
	return "", fmt.Errorf("unknown chart kind %q (want exposure, dutiable, compare, timeline, tornado, products, leverage, deal or provinces)", s)
}

// String returns the kind's name.
func (k Kind) String() string { return string(k) }
