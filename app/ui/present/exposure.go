package present

import (
	"fmt"
	"strings"

	"parley/app/numfmt"
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

// MeasureName returns a measure's label, or its id.
func MeasureName(m *scenarios.Measure) string {
	if strings.TrimSpace(m.Label) != "" {
		return m.Label
	}
	return m.ID
}

// TotalsLine summarises one direction's totals.
func TotalsLine(d scenarios.Direction, t scenarios.Totals) string {
	duty := Money(t.Duty)
	if t.UpperBound {
		duty = numfmt.UpperMark + duty
	}
	banned := ""
	if t.Banned != 0 {
		banned = "; trade banned " + Money(t.Banned)
	}
	return fmt.Sprintf("%s: duty at stake %s on %s of trade (%s)%s; trade effect %s (low–high %s to %s US$ bn)",
		DirLabel(d), duty, Money(t.Baseline), FigurePct(t.EffectiveRate), banned,
		Money(t.TradeChange), Billions(t.TradeChangeLow), Billions(t.TradeChangeHigh))
}
