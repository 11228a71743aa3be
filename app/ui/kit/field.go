package kit

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Field is a text entry that cooperates with the window: Escape cancels its
// dialog (or leaves the field), and application shortcuts it does not use
// itself (Ctrl+N, Ctrl+F, Ctrl+Shift+Z...) still reach the window.
type Field struct {
	widget.Entry

	// onEscape runs when Escape is pressed; nil leaves the field.
	OnEscape func()
	// scenario marks a field whose every change edits the scenario, so that
	// Ctrl+Z undoes scenario edits rather than the field's typing.
	Scenario bool
	win      fyne.Window
	// onFocus runs when the field gains the keyboard focus.
	OnFocus func()
	// startText is the text when the field last gained the focus or was
	// set by the program: what an edit that fails goes back to.
	StartText string

	// trailing is set while the cursor should stand after a space typed at
	// the end of a wrapping multi-line field but Fyne put it before that
	// space (see TypedRune); trailText is the text then.
	trailing  bool
	trailText string
}

// NewField returns a one-line field.
func NewField(win fyne.Window, placeholder string) *Field {
	f := &Field{win: win}
	f.PlaceHolder = placeholder
	f.ExtendBaseWidget(f)
	return f
}

// NewMultiField returns a multi-line field with wrapped words.
func NewMultiField(win fyne.Window, placeholder string, rows int) *Field {
	f := NewField(win, placeholder)
	f.MultiLine = true
	f.Wrapping = fyne.TextWrapWord
	f.SetMinRowsVisible(rows)
	return f
}

// SetQuiet sets the text without calling OnChanged.
func (f *Field) SetQuiet(s string) {
	f.StartText = s
	if f.Text == s {
		return
	}
	cb := f.OnChanged
	f.OnChanged = nil
	f.SetText(s)
	f.OnChanged = cb
}

// FocusGained tells onFocus.
func (f *Field) FocusGained() {
	f.StartText = f.Text
	f.Entry.FocusGained()
	if f.OnFocus != nil {
		f.OnFocus()
	}
}

// TypedRune types r. It works around a bug of Fyne 2.8.1's multi-line entry
// with word wrapping: a space typed at the end of the text, where the line
// wraps, makes no row of its own, so Fyne clamps the cursor back before
// that space; what is typed next goes in before the space, which drifts to
// the end ("aluminum and automobiles" becomes "aluminum andautomobiles ").
// While the cursor stands clamped before such a trailing space, the next
// rune is appended at the end instead and the cursor moved to the end.
func (f *Field) TypedRune(r rune) {
	if !f.MultiLine || f.Wrapping == fyne.TextWrapOff || f.Disabled() {
		f.Entry.TypedRune(r)
		return
	}
	if f.trailing && f.Text == f.trailText && f.CursorTextOffset() == len([]rune(f.Text))-1 && f.SelectedText() == "" {
		f.Append(string(r))
		f.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown}) // the cursor to the end of the text
	} else {
		f.Entry.TypedRune(r)
	}
	n := len([]rune(f.Text))
	f.trailing = n > 0 && f.CursorTextOffset() == n-1 && strings.HasSuffix(f.Text, " ") && unicode.IsSpace(r)
	f.trailText = f.Text
}

// TypedKey handles Escape before the entry.
func (f *Field) TypedKey(k *fyne.KeyEvent) {
	if f.trailing && k.Name == fyne.KeyBackspace && f.Text == f.trailText && f.CursorTextOffset() == len([]rune(f.Text))-1 {
		// Backspace after the trailing space erases that space.
		runes := []rune(f.Text)
		f.trailing = false
		f.SetText(string(runes[:len(runes)-1]))
		f.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
		return
	}
	f.trailing = false
	if k.Name == fyne.KeyEscape {
		if f.OnEscape != nil {
			f.OnEscape()
		} else if f.win != nil {
			f.win.Canvas().Unfocus()
		}
		return
	}
	f.Entry.TypedKey(k)
}

// TypedShortcut passes letter shortcuts with modifiers to the window: the
// entry only uses them for word moves and deletions.
func (f *Field) TypedShortcut(s fyne.Shortcut) {
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

// KeyList is a list for dialogs: Escape cancels the dialog and Enter
// confirms it, as in its fields.
type KeyList struct {
	widget.List
	OnEscape, OnEnter func()
}

func NewKeyList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *KeyList {
	l := &KeyList{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey handles Escape and Enter before the list.
func (l *KeyList) TypedKey(k *fyne.KeyEvent) {
	switch {
	case k.Name == fyne.KeyEscape && l.OnEscape != nil:
		l.OnEscape()
	case (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && l.OnEnter != nil:
		l.OnEnter()
	default:
		l.List.TypedKey(k)
	}
}
