package deck_test

import (
	"bytes"
	"errors"
	"fmt"

	"parley/app/deck"
)

// A deck with one native, editable bar chart, speaker notes and a
// sources slide.
func Example() {
	d := &deck.Deck{
		Title:      "US tariffs on Canadian goods",
		Subtitle:   "Scenario comparison, 15 August 2025",
		Widescreen: true,
		Slides: []deck.Slide{{
			Title:    "Duty by sector",
			Footnote: "Source: BTS TransBorder Freight Data 2024; Parley calculation.",
			Notes:    "Lead with steel and aluminum.\nThen autos.",
			Chart: &deck.Chart{
				Categories:   []string{"Steel & Aluminum", "Autos"},
				Series:       []deck.Series{{Name: "Duty", Values: []float64{6.2, 4.1}, Color: "0072B2"}},
				Horizontal:   true,
				ValueTitle:   "US$ billions",
				NumberFormat: "#,##0.0",
				DataLabels:   true,
			},
		}},
		Sources: []string{"BTS TransBorder Freight Data, 2024."},
	}
	var buf bytes.Buffer
	if err := deck.Write(&buf, d); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("written")
	// Output: written
}

func ExampleDeck_Validate() {
	d := &deck.Deck{Slides: []deck.Slide{{Title: "Exposure", Footnote: "Source: BTS."}}}
	err := d.Validate()
	fmt.Println(errors.Is(err, deck.ErrInvalid))
	fmt.Println(err)
	// Output:
	// true
	// invalid deck: slides[0]: has neither a picture nor a chart
}
