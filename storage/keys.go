package storage

import (
	"maps"
	"slices"
)

func sortedCodes(m map[string]float64) []string {
	return slices.Sorted(maps.Keys(m))
}
