package report

// Internal helpers exposed to the external tests.
var (
	CompactSource = compactSource
	ShortCitation = shortCitation
	EvidenceLine  = evidenceLine
	RateText      = rateText
)
