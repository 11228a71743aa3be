package present

import "parley/scenarios"

// StatusLabel names a measure status for people.
func StatusLabel(status string) string {
	switch status {
	case scenarios.StatusAnnounced:
		return "announced"
	case scenarios.StatusThreatened:
		return "threatened"
	case scenarios.StatusStruckDown:
		return "struck down"
	case scenarios.StatusExpired:
		return "expired"
	}
	return "in force"
}

// StatusTag is the tag shown beside a measure whose status is not in
// force ("threatened", "announced", ...) and "ban" for an import ban; ""
// for an in-force duty.
func StatusTag(m *scenarios.Measure) string {
	tag := ""
	if st := m.StatusOrDefault(); st != scenarios.StatusInForce {
		tag = StatusLabel(st)
	}
	if m.IsBan() {
		if tag != "" {
			return tag + ", ban"
		}
		return "ban"
	}
	return tag
}

// StatusOf returns the status a label of statusLabel names ("" for in
// force, as measures store it).
func StatusOf(label string) string {
	for _, st := range scenarios.Statuses {
		if StatusLabel(st) == label && st != scenarios.StatusInForce {
			return st
		}
	}
	return ""
}
