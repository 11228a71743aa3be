package numfmt

// HSCode writes an HS code of digits the way tariff schedules print it:
// "4407.11.0010" (HTS10), "4407.11.00" (HTS8), "4407.11" (HS6), "4407"
// (heading) and "44" (chapter). Anything else is returned as it is.
func HSCode(code string) string {
	for _, r := range code {
		if r < '0' || r > '9' {
			return code
		}
	}
	switch n := len(code); {
	case n > 6:
		return code[:4] + "." + code[4:6] + "." + code[6:]
	case n > 4:
		return code[:4] + "." + code[4:]
	}
	return code
}
