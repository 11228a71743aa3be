package numfmt

import "parley/scenarios"

// Verdict writes a deal's verdict in one line, with its amounts as Money
// writes them and each bounded amount said "at most", "at least" or
// "about": "gets US$ 1.2 bn relief, gives US$ 300 M: gets more than it
// gives"; "gives US$ 350 M, gets nothing"; "gets US$ 10.0 bn relief, gives
// at most US$ 16.7 bn: cannot tell whether it gives more than it gets";
// "no change".
func Verdict(v scenarios.Verdict) string {
	if v.Outcome == scenarios.NoChange {
		return "no change"
	}
	var get string
	switch v.GetSign {
	case 1:
		get = "gets " + Words(v.GetBound) + Money(v.Get) + " relief"
	case -1:
		get = "faces " + Words(v.GetBound) + Money(-v.Get) + " more US duty"
	default:
		get = "gets nothing"
	}
	var give string
	switch v.GiveSign {
	case 1:
		give = "gives " + Words(v.GiveBound) + Money(v.Give)
	case -1:
		give = "raises its own duties by " + Words(v.GiveBound) + Money(-v.Give)
	default:
		give = "gives nothing"
	}
	if v.GetSign == 0 {
		return give + ", " + get // lead with what moves
	}
	return get + ", " + give + outcomeText(v)
}

// outcomeText is what a verdict says after its amounts.
func outcomeText(v scenarios.Verdict) string {
	switch v.Outcome {
	case scenarios.CannotTell:
		if v.Get > v.Give {
			return ": cannot tell whether it gets more than it gives"
		}
		return ": cannot tell whether it gives more than it gets"
	case scenarios.AsMuch:
		return ": gets as much as it gives"
	case scenarios.GetsMore:
		return ": gets more than it gives"
	case scenarios.GivesMore:
		return ": gives more than it gets"
	}
	return ""
}
