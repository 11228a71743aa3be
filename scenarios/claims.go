package scenarios

// DependsOnClaims reports whether measure me's duty depends on CUSMA
// claims: a US duty (not a ban) that exempts claimed goods.
func (me *Measure) DependsOnClaims() bool {
	return me.CUSMAExempt && me.Imposer == ImposerUS && !me.IsBan()
}

// ClaimMonths returns the months of months ("2006-01", in order) in which
// at least one measure of sc whose duty depends on CUSMA claims
// (DependsOnClaims) and whose status lets it be active was in force on at
// least one day: the months whose claim shares were filed under such a
// measure. Months that do not parse are left out.
func (sc *Scenario) ClaimMonths(months []string) []string {
	var out []string
	for _, mo := range months {
		first, err := ParseDate(mo + "-01")
		if err != nil {
			continue
		}
		last := first.MonthEnd()
		for i := range sc.Measures {
			me := &sc.Measures[i]
			if !me.DependsOnClaims() || !me.StatusActive(sc.Assumptions.IncludeThreats) || me.From.IsZero() {
				continue
			}
			if !me.From.After(last) && (me.To.IsZero() || !me.To.Before(first)) {
				out = append(out, mo)
				break
			}
		}
	}
	return out
}

// DependsOnClaims reports whether a measure of sc whose status lets it be
// active depends on CUSMA claims.
func (sc *Scenario) DependsOnClaims() bool {
	for i := range sc.Measures {
		if me := &sc.Measures[i]; me.DependsOnClaims() && me.StatusActive(sc.Assumptions.IncludeThreats) {
			return true
		}
	}
	return false
}
