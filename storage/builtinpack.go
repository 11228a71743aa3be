package storage

import "parley/library"

// BuiltinLibraryInfo returns the pack information of the built-in measure
// library. Its vintage is the cut-off of the data it comes from: the
// update of 2026-12 covers measures to 2026-12-06, but no source it rests on
// is dated after about 2026-10-10, and nothing later is verified.
func BuiltinLibraryInfo() library.Info {
	return library.Info{
		Format:    library.Format,
		Title:     "Parley built-in measure library",
		Publisher: "Parley",
		Vintage:   "2026-10-10",
		Description: "The Canada–US tariff measures of 2025–2026 from the legal texts, as Parley ships them: " +
			"the reference measures table and its update of 2026-12 (sources to about 2026-10-10; " +
			"nothing from mid-October to 2026-12-06 verified), on the built-in product lists.",
	}
}
