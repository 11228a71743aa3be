package charts

// Money formats a US$ amount as charts write it, in its own magnitude:
// "US$ 4.2 bn", "−US$ 850 M", "US$ 0".
func Money(v float64) string { return money(v) }

// Amount is Money without the currency: "4.2 bn", "−850 M", "0".
func Amount(v float64) string { return amount(v) }

// Percent formats a rate as charts write it, with one decimal ("7.6%"); a
// rate that is not zero is never "0.0%".
func Percent(r float64) string { return percent(r) }
