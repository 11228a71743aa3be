package present

import (
	"parley/scenarios"
)

// ChapterOnly says why flows into Canada have no products.
const ChapterOnly = "Flows into Canada are by HS chapter: there is no product-level Canadian import data."

// SectorLabel returns the short label of sector code among sectors; the
// wildcard is "All other sectors", an unknown code itself.
func SectorLabel(sectors []scenarios.Sector, code string) string {
	for _, s := range sectors {
		if s.Code == code {
			return s.Label()
		}
	}
	if code == scenarios.Wildcard {
		return "All other sectors"
	}
	return code
}
