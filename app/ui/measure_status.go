package ui

import "parley/scenarios"

// statusLabel names a measure status for people.
func statusLabel(status string) string {
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

// statusTag is the tag shown beside a measure whose status is not in
// force ("threatened", "announced", ...) and "ban" for an import ban; ""
// for an in-force duty.
func statusTag(m *scenarios.Measure) string {
	tag := ""
	if st := m.StatusOrDefault(); st != scenarios.StatusInForce {
		tag = statusLabel(st)
	}
	if m.IsBan() {
		if tag != "" {
			return tag + ", ban"
		}
		return "ban"
	}
	return tag
}

// statusOf returns the status a label of statusLabel names ("" for in
// force, as measures store it).
func statusOf(label string) string {
	for _, st := range scenarios.Statuses {
		if statusLabel(st) == label && st != scenarios.StatusInForce {
			return st
		}
	}
	return ""
}
