// Package deck writes PowerPoint briefing decks (Office Open XML, .pptx) with
// the standard library only.
//
// A deck is a title slide, one slide per chart and closing "Sources" slides.
// A chart is either a PNG picture (scaled to fit, aspect ratio kept) or a
// native, editable PowerPoint bar chart whose data is also embedded as an
// Excel workbook, so that PowerPoint's "Edit Data" works. Every chart slide
// carries its source footnote and may carry speaker notes.
//
// The output opens in PowerPoint and LibreOffice Impress. It is
// deterministic: the same Deck gives the same bytes, provided Created is set.
package deck

import "time"

// Slide sizes in EMU (English Metric Units: 914400 per inch, 12700 per point).
const (
	// WidescreenWidth is the width of a 16:9 slide (13.333 in).
	WidescreenWidth = 12192000
	// StandardWidth is the width of a 4:3 slide (10 in).
	StandardWidth = 9144000
	// SlideHeight is the height of both slide sizes (7.5 in).
	SlideHeight = 6858000
)

// Deck is a presentation: a title slide, content slides, and closing
// sources slides.
type Deck struct {
	// Title is the title slide heading; it is also the document title.
	Title string
	// Subtitle is the title slide sub-heading (e.g. scenarios, date).
	Subtitle string
	// Author is the document creator; empty means "Parley".
	Author string
	// Created is the creation and modification date of the document; the
	// zero value means the time by Now. It also stamps the zip entries, so
	// a fixed Created gives byte-identical output.
	Created time.Time
	// Now is the clock for a zero Created; nil means time.Now.
	Now func() time.Time
	// Slides are the chart slides, in order. A deck without slides is valid.
	Slides []Slide
	// Sources are the lines of the closing "Sources" slide, one bullet
	// each; blank lines are dropped. The list continues on further slides
	// when it does not fit on one: at most 12 sources a slide, fewer when
	// they wrap. No sources slide is made when there is no source.
	Sources []string
	// Widescreen selects 16:9 slides (12192000 x 6858000 EMU); false
	// selects 4:3 slides (9144000 x 6858000 EMU).
	Widescreen bool
}

// Slide is one chart slide.
//
// Picture is a PNG image of the chart; it is required unless Chart is set.
// When both are set, the native Chart is used and Picture is ignored (not
// written to the file): a native chart renders in every reader that opens
// the deck, so a fallback image would only add size.
type Slide struct {
	// Title is the slide heading.
	Title string
	// Subtitle is an optional small line under the title.
	Subtitle string
	// Lead is the one sentence that says what the slide shows, computed
	// from its data ("Aluminum and autos carry 42% of the duty"); it
	// heads the subtitle, in bold.
	Lead string
	// Picture is the PNG image of the chart.
	Picture []byte
	// PictureTextPx is the size in pixels of the smallest text in
	// Picture (0: unknown); PictureTextPoints turns it into the size the
	// text has on the slide.
	PictureTextPx float64
	// Chart is an optional native, editable PowerPoint chart.
	Chart *Chart
	// AltText describes the picture or chart for screen readers; empty
	// means the slide title.
	AltText string
	// Footnote is the source line at the bottom of the slide. It is
	// required (sources on every slide) and wraps over several lines.
	Footnote string
	// Notes are the speaker notes; "\n" separates paragraphs.
	Notes string
	// Panels, when set, make a text slide (such as a one-page summary)
	// instead of a chart slide: blocks of text with a heading and bullets,
	// side by side in rows under the title (see Panel). Picture and Chart
	// are then ignored; the footnote is still required.
	Panels []Panel
}

// Chart is the data of a native DrawingML bar chart (c:chartSpace with
// c:barChart). The value axis starts at zero; category labels shrink (to
// 6 pt at least) when many categories share the axis, and column labels
// wrap under their columns: many or long categories (e.g. the 26 sector
// names) read best as Horizontal bars.
type Chart struct {
	// Title is the chart title; empty means no title.
	Title string
	// Categories are the category labels (e.g. sector names), in order.
	Categories []string
	// Series are the data series; at least one.
	Series []Series
	// Horizontal selects horizontal bars (barDir "bar"), listed top to
	// bottom in the order of Categories; false selects columns ("col").
	Horizontal bool
	// Stacked stacks the series (grouping "stacked", absolute values, not
	// percent); false places them side by side ("clustered").
	Stacked bool
	// ValueTitle is the value axis title, e.g. "US$ billions".
	ValueTitle string
	// NumberFormat is the Excel number format of the data labels, the
	// value axis and the embedded workbook, e.g. "#,##0.0"; empty means
	// "General".
	NumberFormat string
	// DataLabels shows each bar's value.
	DataLabels bool
}

// Series is one data series of a Chart.
type Series struct {
	// Name is the legend entry; empty means "Series N".
	Name string
	// Values holds one value per category: len(Values) must equal
	// len(Chart.Categories). Values must be finite.
	Values []float64
	// Color is the bar colour as six hexadecimal digits "RRGGBB"; empty
	// picks one from a colour-blind-safe palette.
	Color string
	// Labels, when set, are the data labels' texts, one per value ("" shows
	// the value): a label such as "≤ 1.3" marks the bar that is a bound.
	// They are shown even where value labels would crowd.
	Labels []string
	// Hidden draws the series' bars without fill, label or entry in the
	// slide's key: in a Stacked chart, a series that lifts the next off
	// zero, so that it floats from one value to another (a range). A chart
	// with a hidden series shows no value labels, since its visible bars
	// are differences, not figures; the embedded workbook keeps every
	// value.
	Hidden bool
}
