package present

import (
	"fmt"

	"parley/app/numfmt"
	"parley/scenarios"
)

// TotalsLine summarises one direction's totals: the duty at stake (marked
// where it is an upper bound), the trade it falls on, the trade banned and
// the trade effect with its range.
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
