package deck

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// paletteColors colours series without a Color: the eight colours
// (RRGGBB, concatenated) of the Okabe–Ito colour-blind-safe palette.
const paletteColors = "0072B2" + "E69F00" + "009E73" + "D55E00" + "CC79A7" + "56B4E9" + "F0E442" + "000000"

// palette returns the i-th colour of the palette, cycling.
func palette(i int) string {
	i %= len(paletteColors) / 6
	return paletteColors[6*i : 6*i+6]
}

// Axis ids tying the bar chart to its axes.
const (
	catAxisID = 500000001
	valAxisID = 500000002
)

// sheetName is the worksheet of the embedded workbook that holds the data.
const sheetName = "Sheet1"

// seriesColor returns the colour of series i of c.
func seriesColor(c *Chart, i int) string {
	if col := c.Series[i].Color; col != "" {
		return strings.ToUpper(col)
	}
	return palette(i)
}

// seriesName returns the name of series i of c.
func seriesName(c *Chart, i int) string {
	if n := c.Series[i].Name; n != "" {
		return n
	}
	return fmt.Sprintf("Series %d", i+1)
}

// numberFormat returns the chart's Excel number format.
func numberFormat(c *Chart) string {
	if c.NumberFormat == "" {
		return "General"
	}
	return c.NumberFormat
}

// formatNumber writes v as an XML Schema double, the shortest form that
// reads back as v.
func formatNumber(v float64) string {
	if v == 0 {
		return "0" // not "-0"
	}
	return strconv.FormatFloat(v, 'G', -1, 64)
}

// column returns the spreadsheet column name of 0-based index i: A, B, ...
// Z, AA, AB, ...
func column(i int) string {
	name := ""
	for i++; i > 0; i = (i - 1) / 26 {
		name = string(rune('A'+(i-1)%26)) + name
	}
	return name
}

// richText returns a c:rich text body of one paragraph; rot is the
// rotation in 60000ths of a degree.
func richText(text string, st textStyle, rot int) string {
	return fmt.Sprintf(`<c:rich><a:bodyPr rot="%d" vert="horz"/><a:lstStyle/><a:p><a:pPr>%s</a:pPr><a:r>%s<a:t>%s</a:t></a:r></a:p></c:rich>`,
		rot, st.rPr("a:defRPr"), st.rPr("a:rPr"), esc(text))
}

// txPr returns a c:txPr setting the style of generated text (labels).
func txPr(st textStyle) string {
	return fmt.Sprintf(`<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>%s</a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>`,
		st.rPr("a:defRPr"))
}

// txPrRot is txPr with a fixed rotation in 60000ths of a degree.
func txPrRot(st textStyle, rot int) string {
	return fmt.Sprintf(`<c:txPr><a:bodyPr rot="%d" vert="horz"/><a:lstStyle/><a:p><a:pPr>%s</a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>`,
		rot, st.rPr("a:defRPr"))
}

// line returns an a:ln of the given width (EMU) and colour.
func line(w int, color string) string {
	return fmt.Sprintf(`<a:ln w="%d" cap="flat"><a:solidFill><a:srgbClr val="%s"/></a:solidFill></a:ln>`, w, color)
}

// valueRange returns the bounds of the value axis: a bound is fixed at
// zero when all bars lie on one side of it, so that bars start from zero
// (otherwise it is empty and automatic, which includes zero). Stacked bars
// are bounded by the sums of their positive and negative parts.
func valueRange(c *Chart) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for k := range c.Categories {
		var pos, neg float64
		for _, s := range c.Series {
			v := s.Values[k]
			if c.Stacked {
				if v > 0 {
					pos += v
				} else {
					neg += v
				}
				continue
			}
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
		if c.Stacked {
			lo, hi = math.Min(lo, neg), math.Max(hi, pos)
		}
	}
	return lo, hi
}

// labelsFit reports whether data labels of size points fit beside their
// bars without overlapping: each bar (each category's group of bars, for
// stacked series) needs the label's line height. Labels that would not fit
// are left out rather than drawn smaller; the embedded data keeps every
// value.
func labelsFit(c *Chart, frame rect, size float64) bool {
	bars := len(c.Categories)
	if !c.Stacked {
		bars *= max(1, len(c.Series))
	}
	if bars == 0 {
		return false
	}
	if !c.Horizontal {
		// Column labels sit above their columns: each needs the width of
		// a short number.
		per := (float64(frame.cx)/emuPerPt - 80) / float64(bars)
		return per >= 3.2*size
	}
	plot := plotHeight(c, frame)
	// Each bar's label sits in the bar's share of its category's band, at
	// the bar's end: it needs its line height there.
	k := 1.0
	if !c.Stacked {
		k = float64(max(1, len(c.Series)))
	}
	per := plot / float64(len(c.Categories)) / k
	return per >= size*lineSpacing
}

// dataLabelsShown reports whether c shows its value labels at size
// points in frame: asked for, with room, and no floating (hidden) series.
func dataLabelsShown(c *Chart, frame rect, size float64) bool {
	return c.DataLabels && labelsFit(c, frame, size) && !slices.ContainsFunc(c.Series, func(s Series) bool { return s.Hidden })
}

// hiddenLabels returns, for each category, whether the value label of a
// stacked series there is left out: its segment, drawn in frame, is
// narrower (or on columns, lower) than the label set at size points, or
// under 3% of the value axis range, so the label would spill over its
// neighbours or the axis. Clustered bars keep every label.
func hiddenLabels(c *Chart, s Series, frame rect, size float64) []bool {
	hidden := make([]bool, len(s.Values))
	if !c.Stacked {
		return hidden
	}
	lo, hi := valueRange(c)
	span := math.Max(hi, 0) - math.Min(lo, 0)
	// A reader rounds the axis up past the longest bar: up to a fifth.
	axis := 1.2 * span
	length := columnPlotHeight(c, frame) // the plot's extent along the value axis
	if c.Horizontal {
		length = plotWidth(c, frame)
	}
	for k, v := range s.Values {
		room := math.Abs(v) / axis * length
		switch {
		case math.Abs(v) < 0.03*span:
			hidden[k] = true
		case c.Horizontal:
			hidden[k] = room < textWidth(labelText(v, numberFormat(c)), size, false)/emuPerPt+labelPadding
		default:
			hidden[k] = room < size*lineSpacing
		}
	}
	return hidden
}

// labelPadding is the room in points a value label keeps around its text.
const labelPadding = 4

// labelText returns v as a value label in number format shows it: the
// digits after the point the format asks for, thousands grouped when it
// groups them.
func labelText(v float64, format string) string {
	dec := -1
	if i := strings.IndexByte(format, '.'); i >= 0 {
		dec = strings.Count(format[i:], "0")
	} else if format != "General" {
		dec = 0
	}
	t := strconv.FormatFloat(v, 'f', dec, 64)
	if !strings.Contains(format, ",") {
		return t
	}
	// Only the width matters: a comma for every three digits.
	whole := strings.TrimLeft(strings.SplitN(t, ".", 2)[0], "-")
	return t + strings.Repeat(",", (len(whole)-1)/3)
}

// chartXML returns the c:chartSpace part of c drawn in frame; the embedded
// workbook is the target of relationship workbookRel.
func chartXML(c *Chart, frame rect, workbookRel string) []byte {
	var b strings.Builder
	b.WriteString(xmlHeader)
	fmt.Fprintf(&b, `<c:chartSpace xmlns:c="%s" xmlns:a="%s" xmlns:r="%s">`, nsC, nsA, nsR)
	b.WriteString(`<c:date1904 val="0"/><c:lang val="en-US"/><c:roundedCorners val="0"/><c:chart>`)
	if c.Title != "" {
		fmt.Fprintf(&b, `<c:title><c:tx>%s</c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`,
			richText(c.Title, textStyle{size: 18, bold: true, color: colorTitle}, 0))
	} else {
		b.WriteString(`<c:autoTitleDeleted val="1"/>`)
	}
	b.WriteString(`<c:plotArea>`)
	b.WriteString(plotLayout(c, frame))
	b.WriteString(`<c:barChart>`)
	barDir, grouping := "col", "clustered"
	if c.Horizontal {
		barDir = "bar"
	}
	if c.Stacked {
		grouping = "stacked"
	}
	fmt.Fprintf(&b, `<c:barDir val="%s"/><c:grouping val="%s"/><c:varyColors val="0"/>`, barDir, grouping)
	format := numberFormat(c)
	axisText := textStyle{size: categoryFontSize(c, frame), color: colorSubtitle}
	labels := textStyle{size: dataLabelSize(axisText.size), color: colorSubtitle}
	dataLabels := dataLabelsShown(c, frame, labels.size)
	for i := range c.Series {
		seriesXML(&b, c, frame, i, format, labels, dataLabels)
	}
	if c.Stacked {
		b.WriteString(`<c:gapWidth val="60"/><c:overlap val="100"/>`)
	} else {
		b.WriteString(`<c:gapWidth val="60"/><c:overlap val="-10"/>`)
	}
	fmt.Fprintf(&b, `<c:axId val="%d"/><c:axId val="%d"/></c:barChart>`, catAxisID, valAxisID)

	axesXML(&b, c, axisText, format)
	b.WriteString(`<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea>`)

	// No legend: the slide writes the chart's key, in the series' order,
	// under its subtitle (chartKey).
	b.WriteString(`<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>`)
	b.WriteString(`<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>`)
	fmt.Fprintf(&b, `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>%s</a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>`,
		textStyle{size: 12, color: colorSubtitle}.rPr("a:defRPr"))
	fmt.Fprintf(&b, `<c:externalData r:id="%s"><c:autoUpdate val="0"/></c:externalData></c:chartSpace>`, workbookRel)
	return []byte(b.String())
}

// seriesXML writes series i of c: its name, colour, data labels (those
// the chart shows, and every label of its own, such as a bound's mark),
// categories and values.
func seriesXML(b *strings.Builder, c *Chart, frame rect, i int, format string, labels textStyle, dataLabels bool) {
	s := c.Series[i]
	n := len(c.Categories)
	col := column(i + 1)
	fmt.Fprintf(b, `<c:ser><c:idx val="%d"/><c:order val="%d"/>`, i, i)
	fmt.Fprintf(b, `<c:tx><c:strRef><c:f>%s!$%s$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>%s</c:v></c:pt></c:strCache></c:strRef></c:tx>`,
		sheetName, col, esc(seriesName(c, i)))
	fill := fmt.Sprintf(`<a:solidFill><a:srgbClr val="%s"/></a:solidFill>`, seriesColor(c, i))
	if s.Hidden {
		fill, dataLabels = `<a:noFill/>`, false
	}
	fmt.Fprintf(b, `<c:spPr>%s<a:ln><a:noFill/></a:ln></c:spPr><c:invertIfNegative val="0"/>`, fill)
	pos := "outEnd" // outside the end is not allowed on stacked bars
	if c.Stacked {
		pos = "ctr"
	}
	custom := !s.Hidden && slices.ContainsFunc(s.Labels, func(l string) bool { return l != "" })
	if dataLabels || custom {
		b.WriteString(`<c:dLbls>`)
		hidden := hiddenLabels(c, s, frame, labels.size)
		for k := range s.Values {
			if k < len(s.Labels) && s.Labels[k] != "" {
				fmt.Fprintf(b, `<c:dLbl><c:idx val="%d"/><c:tx>%s</c:tx><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>`+
					`<c:dLblPos val="%s"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbl>`,
					k, richText(s.Labels[k], labels, 0), pos)
			} else if hidden[k] || !dataLabels {
				fmt.Fprintf(b, `<c:dLbl><c:idx val="%d"/><c:delete val="1"/></c:dLbl>`, k)
			}
		}
		fmt.Fprintf(b, `<c:numFmt formatCode="%s" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>%s`+
			`<c:dLblPos val="%s"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`,
			esc(format), txPr(labels), pos)
	}
	fmt.Fprintf(b, `<c:cat><c:strRef><c:f>%s!$A$2:$A$%d</c:f><c:strCache><c:ptCount val="%d"/>`, sheetName, n+1, n)
	for k, cat := range c.Categories {
		fmt.Fprintf(b, `<c:pt idx="%d"><c:v>%s</c:v></c:pt>`, k, esc(cat))
	}
	fmt.Fprintf(b, `</c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>%s!$%s$2:$%s$%d</c:f><c:numCache><c:formatCode>%s</c:formatCode><c:ptCount val="%d"/>`,
		sheetName, col, col, n+1, esc(format), n)
	for k, v := range s.Values {
		fmt.Fprintf(b, `<c:pt idx="%d"><c:v>%s</c:v></c:pt>`, k, formatNumber(v))
	}
	b.WriteString(`</c:numCache></c:numRef></c:val></c:ser>`)
}

// axesXML writes the category and value axes of c.
func axesXML(b *strings.Builder, c *Chart, axisText textStyle, format string) {
	// Category axis. Horizontal bars read top to bottom in the order of the
	// categories: the axis runs maxMin, and the value axis crosses it at
	// its maximum, the bottom, rather than at the top.
	catPos, valPos, orient, valCrosses, valRot := "b", "l", "minMax", "autoZero", -5400000
	if c.Horizontal {
		catPos, valPos, orient, valCrosses, valRot = "l", "b", "maxMin", "max", 0
	}
	fmt.Fprintf(b, `<c:catAx><c:axId val="%d"/><c:scaling><c:orientation val="%s"/></c:scaling><c:delete val="0"/><c:axPos val="%s"/>`,
		catAxisID, orient, catPos)
	b.WriteString(`<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>`)
	// Unrotated labels: LibreOffice then wraps long labels rather than
	// turning them on their side.
	catText := txPrRot(axisText, 0)
	if !c.Horizontal {
		// A column label may span the columns up to the next label
		// (labelRoom): it must not wrap to one column's width, which
		// LibreOffice does to unrotated labels only. A turn of a tenth
		// of a degree keeps it on one line and reads as level.
		catText = txPrRot(axisText, -6000)
	}
	fmt.Fprintf(b, `<c:spPr><a:noFill/>%s</c:spPr>%s`, line(9525, "808080"), catText)
	fmt.Fprintf(b, `<c:crossAx val="%d"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:tickLblSkip val="1"/><c:noMultiLvlLbl val="0"/></c:catAx>`,
		valAxisID)

	// Value axis, from zero.
	fmt.Fprintf(b, `<c:valAx><c:axId val="%d"/><c:scaling><c:orientation val="minMax"/>`, valAxisID)
	lo, hi := valueRange(c)
	if lo >= 0 {
		if hi <= 0 {
			b.WriteString(`<c:max val="1"/>`) // all zero: an empty but sensible axis
		}
		b.WriteString(`<c:min val="0"/>`)
	} else if hi <= 0 {
		b.WriteString(`<c:max val="0"/>`)
	}
	fmt.Fprintf(b, `</c:scaling><c:delete val="0"/><c:axPos val="%s"/>`, valPos)
	fmt.Fprintf(b, `<c:majorGridlines><c:spPr>%s</c:spPr></c:majorGridlines>`, line(9525, "D9D9D9"))
	if c.ValueTitle != "" {
		fmt.Fprintf(b, `<c:title><c:tx>%s</c:tx><c:overlay val="0"/></c:title>`,
			richText(c.ValueTitle, textStyle{size: 12, color: colorSubtitle}, valRot))
	}
	fmt.Fprintf(b, `<c:numFmt formatCode="%s" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>`,
		esc(format))
	fmt.Fprintf(b, `<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>%s`, txPr(textStyle{size: 12, color: colorSubtitle}))
	fmt.Fprintf(b, `<c:crossAx val="%d"/><c:crosses val="%s"/><c:crossBetween val="between"/></c:valAx>`, catAxisID, valCrosses)
}
