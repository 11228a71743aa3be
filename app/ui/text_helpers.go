package ui

// short cuts s to at most n bytes.
func short(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
