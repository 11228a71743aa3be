package deck

import (
	"fmt"
	"io"
	"time"
)

// Write validates d and writes it to w as a .pptx file. An invalid deck is
// an error wrapping ErrInvalid, and nothing is written.
func Write(w io.Writer, d *Deck) error {
	if err := d.Validate(); err != nil {
		return err
	}
	modified := d.Created
	if modified.IsZero() {
		modified = Now(d.Now)
	}
	p, err := build(d, modified)
	if err != nil {
		return fmt.Errorf("deck: %w", err)
	}
	if err := p.write(w, modified); err != nil {
		return fmt.Errorf("deck: writing: %w", err)
	}
	return nil
}

// Now returns the time by clock, or by time.Now when clock is nil: the one
// place the output packages read the computer's clock.
func Now(clock func() time.Time) time.Time {
	if clock != nil {
		return clock()
	}
	return time.Now()
}
