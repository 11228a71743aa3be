package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// field is a text entry that cooperates with the window: Escape cancels its
// dialog (or leaves the field), and application shortcuts it does not use
// itself (Ctrl+N, Ctrl+F, Ctrl+Shift+Z...) still reach the window.
type field struct {
	widget.Entry

	// onEscape runs when Escape is pressed; nil leaves the field.
	onEscape func()
	// scenario marks a field whose every change edits the scenario, so that
	// Ctrl+Z undoes scenario edits rather than the field's typing.
	scenario bool
	win      fyne.Window
}

// newField returns a one-line field.
func newField(win fyne.Window, placeholder string) *field {
	f := &field{win: win}
	f.PlaceHolder = placeholder
	f.ExtendBaseWidget(f)
	return f
}

// newMultiField returns a multi-line field with wrapped words.
func newMultiField(win fyne.Window, placeholder string, rows int) *field {
	f := newField(win, placeholder)
	f.MultiLine = true
	f.Wrapping = fyne.TextWrapWord
	f.SetMinRowsVisible(rows)
	return f
}

// setQuiet sets the text without calling OnChanged.
func (f *field) setQuiet(s string) {
	if f.Text == s {
		return
	}
	cb := f.OnChanged
	f.OnChanged = nil
	f.SetText(s)
	f.OnChanged = cb
}

// TypedKey handles Escape before the entry.
func (f *field) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		if f.onEscape != nil {
			f.onEscape()
		} else if f.win != nil {
			f.win.Canvas().Unfocus()
		}
		return
	}
	f.Entry.TypedKey(k)
}

// TypedShortcut passes letter shortcuts with modifiers to the window: the
// entry only uses them for word moves and deletions.
func (f *field) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && isLetter(cs.KeyName) && f.win != nil {
		if sc, ok := f.win.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }); ok {
			sc.TypedShortcut(s)
			return
		}
	}
	f.Entry.TypedShortcut(s)
}

func isLetter(k fyne.KeyName) bool {
	return len(k) == 1 && k[0] >= 'A' && k[0] <= 'Z'
}

// keyList is a list for dialogs: Escape cancels the dialog and Enter
// confirms it, as in its fields.
type keyList struct {
	widget.List
	onEscape, onEnter func()
}

func newKeyList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *keyList {
	l := &keyList{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey handles Escape and Enter before the list.
func (l *keyList) TypedKey(k *fyne.KeyEvent) {
	switch {
	case k.Name == fyne.KeyEscape && l.onEscape != nil:
		l.onEscape()
	case (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && l.onEnter != nil:
		l.onEnter()
	default:
		l.List.TypedKey(k)
	}
}
