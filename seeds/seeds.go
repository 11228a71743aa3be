// Package seeds embeds the evidence documents Parley ships in its library:
// the text files named by their ids and manifest.json with their metadata.
package seeds

import (
	"embed"
	"io/fs"
)

//go:embed *.txt manifest.json
var files embed.FS

// Files returns the seed documents and manifest.json.
func Files() fs.FS { return files }

// Manifest is the name of the metadata file.
const Manifest = "manifest.json"
