package assets

import _ "embed" // for the icon

//go:generate go run ./icon/gen.go -o icon.png

//go:embed icon.png
var icon []byte

// Icon returns Parley's app icon: a 512×512 PNG drawn by icon/gen.go.
func Icon() []byte { return icon }
