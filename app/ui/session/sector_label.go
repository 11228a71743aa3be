package session

import "parley/scenarios"

// SectorLabel returns the short label of sector code as the window shows
// it: the sector's own label, "All other sectors" for the wildcard, the
// code itself for a sector the workspace does not know.
func (s *Session) SectorLabel(code string) string {
	for _, sec := range s.sectors {
		if sec.Code == code {
			return sec.Label()
		}
	}
	if code == scenarios.Wildcard {
		return "All other sectors"
	}
	return code
}
