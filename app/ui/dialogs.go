package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/kit"
	"parley/app/ui/present"
	"parley/scenarios"
)

// dialogStack tracks the dialogs on screen, newest last, so that Escape closes the
// top one even when no field has the focus.
type dialogStack struct{ stack []dialog.Dialog }

func (s *dialogStack) push(d dialog.Dialog) { s.stack = append(s.stack, d) }

func (s *dialogStack) remove(d dialog.Dialog) {
	for i := len(s.stack) - 1; i >= 0; i-- {
		if s.stack[i] == d {
			s.stack = append(s.stack[:i], s.stack[i+1:]...)
			return
		}
	}
}

func (s *dialogStack) top() dialog.Dialog {
	if len(s.stack) == 0 {
		return nil
	}
	return s.stack[len(s.stack)-1]
}

// track shows d and remembers it until it closes.
func (u *UI) track(d dialog.Dialog, onClosed func()) {
	u.dialogs.push(d)
	d.SetOnClosed(func() {
		u.dialogs.remove(d)
		if onClosed != nil {
			onClosed()
		}
	})
	d.Show()
}

// escape closes the top dialog.
func (u *UI) escape() {
	if d := u.dialogs.top(); d != nil {
		d.Hide()
	}
}

// formSpec describes a form dialog.
type formSpec struct {
	title, confirm string
	items          []*widget.FormItem
	// fields submit the form on Enter (one-line fields) and cancel it on
	// Escape.
	fields []*kit.Field
	// focus receives the keyboard focus when the dialog opens.
	focus fyne.Focusable
	// submit runs on confirm; when it fails the error is shown and the form
	// opens again with what the user typed.
	submit func() error
	// what is the action in error titles, e.g. "rename the scenario".
	what string
	size fyne.Size
}

// showForm shows a form dialog: Tab moves between fields, Enter submits,
// Escape cancels, and input survives a failed submit.
func (u *UI) showForm(s formSpec) *dialog.FormDialog {
	var d *dialog.FormDialog
	d = dialog.NewForm(s.title, s.confirm, "Cancel", s.items, func(ok bool) {
		if !ok || s.submit == nil {
			return
		}
		if err := s.submit(); err != nil {
			u.showErrorThen(s.what, err, func() { u.reshow(d, s) })
		}
	}, u.win)
	for _, f := range s.fields {
		f.OnEscape = d.Hide
		if !f.MultiLine {
			f.OnSubmitted = func(string) { d.Submit() }
		}
	}
	if s.size.Width > 0 {
		d.Resize(s.size)
	} else {
		d.Resize(fyne.NewSize(480, d.MinSize().Height))
	}
	u.track(d, nil)
	if s.focus != nil {
		u.win.Canvas().Focus(s.focus)
	}
	return d
}

func (u *UI) reshow(d *dialog.FormDialog, s formSpec) {
	u.track(d, nil)
	if s.focus != nil {
		u.win.Canvas().Focus(s.focus)
	}
}

// showError shows err in a dialog titled with what failed. Validation errors
// list each field's message.
func (u *UI) showError(what string, err error) { u.showErrorThen(what, err, nil) }

// showErrorThen is showError, running then when the dialog closes.
func (u *UI) showErrorThen(what string, err error, then func()) {
	if err == nil {
		return
	}
	title := "Something went wrong"
	if what != "" {
		title = "Could not " + what
	}
	var lines []string
	var fieldErrs scenarios.Errors
	if errors.As(err, &fieldErrs) {
		lines = append(lines, "Please correct:")
		for _, fe := range fieldErrs {
			lines = append(lines, "• "+u.describeField(fe))
		}
	} else {
		lines = append(lines, present.Capitalize(err.Error()))
	}
	msg := widget.NewLabel(strings.Join(lines, "\n"))
	msg.Wrapping = fyne.TextWrapWord
	content := container.NewVScroll(msg)
	content.SetMinSize(fyne.NewSize(440, min(float32(60+22*len(lines)), 320)))
	d := dialog.NewCustom(title, "OK", content, u.win)
	u.track(d, then)
}

// describeField turns a field error's path into words: "measures[2].rate"
// becomes "Measure “Steel 50%”: rate".
func (u *UI) describeField(fe *scenarios.FieldError) string {
	return present.DescribeFieldIn(u.sess.Draft(), fe)
}

// confirm asks a yes/no question.
func (u *UI) confirm(title, message, ok string, then func()) {
	msg := widget.NewLabel(message)
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(title, ok, "Cancel", msg, func(yes bool) {
		if yes {
			then()
		}
	}, u.win)
	d.Resize(fyne.NewSize(440, d.MinSize().Height+40))
	u.track(d, nil)
}

// showProblem shows in label why the last change was not applied (inline: a
// dialog would interrupt typing), one line per field, or hides label when err
// is nil.
func (u *UI) showProblem(label *widget.Label, err error) {
	if err == nil {
		label.Hide()
		return
	}
	var fieldErrs scenarios.Errors
	msg := err.Error()
	if errors.As(err, &fieldErrs) {
		var lines []string
		for _, fe := range fieldErrs {
			lines = append(lines, u.describeField(fe))
		}
		msg = strings.Join(lines, "\n")
	}
	label.SetText("Not applied: " + msg)
	label.Show()
}

// setError shows msg under a field, or hides the label when msg is "".
func setError(l *widget.Label, msg string) { kit.SetError(l, msg) }
