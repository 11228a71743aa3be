package scenarios

import "fmt"

// Direction is one direction of trade between Canada and the United States.
type Direction string

// The two directions of docs/SPEC.md section 2.
const (
	// CAtoUS is Canadian goods entering the US; its measures are imposed by US.
	CAtoUS Direction = "ca_to_us"
	// UStoCA is US goods entering Canada; its measures are imposed by CA.
	UStoCA Direction = "us_to_ca"
)

// Directions lists both directions in their canonical order.
var Directions = [...]Direction{CAtoUS, UStoCA}

// Imposers of measures.
const (
	ImposerUS = "US"
	ImposerCA = "CA"
)

// Imposer returns the government whose measures apply in direction d.
func (d Direction) Imposer() string {
	if d == UStoCA {
		return ImposerCA
	}
	return ImposerUS
}

// Index returns 0 for CAtoUS and 1 for UStoCA.
func (d Direction) Index() int {
	if d == UStoCA {
		return 1
	}
	return 0
}

// Label returns a short human label, such as "Canada → US".
func (d Direction) Label() string {
	if d == UStoCA {
		return "US → Canada"
	}
	return "Canada → US"
}

// DirectionOf returns the direction in which measures of imposer apply.
func DirectionOf(imposer string) (Direction, error) {
	switch imposer {
	case ImposerUS:
		return CAtoUS, nil
	case ImposerCA:
		return UStoCA, nil
	}
	return "", fmt.Errorf("imposer %q is not US or CA", imposer)
}

// ParseDirection parses "ca_to_us" or "us_to_ca".
func ParseDirection(s string) (Direction, error) {
	switch Direction(s) {
	case CAtoUS, UStoCA:
		return Direction(s), nil
	}
	return "", fmt.Errorf("direction %q is not ca_to_us or us_to_ca", s)
}

// Wildcard is the sector key that covers every sector not named by a measure.
const Wildcard = "*"

// Sector is one of Parley's negotiation sectors: a named set of HS chapters.
type Sector struct {
	Code     string   // short code, e.g. "STEEL"
	Name     string   // full name, e.g. "Iron & steel and steel articles"
	Short    string   // label for charts and tables, e.g. "Iron & steel"
	Chapters []string // HS2 chapters, e.g. ["72", "73"]
}

// SectorIndex maps sector codes to their position in a sector list.
type SectorIndex map[string]int

// IndexSectors returns the positions of sectors by code.
func IndexSectors(sectors []Sector) SectorIndex {
	ix := make(SectorIndex, len(sectors))
	for i, s := range sectors {
		ix[s.Code] = i
	}
	return ix
}

// Label returns the sector's short label, or its name, or its code.
func (s Sector) Label() string {
	switch {
	case s.Short != "":
		return s.Short
	case s.Name != "":
		return s.Name
	}
	return s.Code
}
