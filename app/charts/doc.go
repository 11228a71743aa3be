// Package charts draws Parley's charts: duty at stake by sector (exposure),
// CUSMA-claimed versus dutiable trade, scenario comparisons, timelines and
// sensitivity tornados. Each chart renders to an image or PNG at any pixel
// size, to SVG, and gives the data behind it as CSV and as a Table for a
// native PowerPoint chart.
//
// All use of go-chart lives in this package, so that it can be replaced: the
// charts are drawn with go-chart's renderer primitives (paths, and text in
// SVG), not with its chart types, which cannot lay out 26 long sector names,
// stack absolute values or start bar axes at zero. Text is set in the Go
// fonts, embedded in the binary, so charts look the same with no network
// and no system fonts; on images it is drawn with the fonts' glyph caches
// (golang.org/x/image/font), several times faster than go-chart's raster
// text. PNG files are written by a small encoder tuned for charts.
//
// Layout scales with the image: at 1920×1080 titles are about 40 px and
// labels 18–20 px, and every size follows the image's area (and the scale
// factor of Chart.Image), so a 1600×1200 slide or an 800×600 panel keeps the
// same proportions.
package charts
