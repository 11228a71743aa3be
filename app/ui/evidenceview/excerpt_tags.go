package evidenceview

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/kit"
	"parley/app/ui/present"
	"parley/app/ui/session"
	"parley/storage/evidence"
)

// stances offered for an excerpt's stance tag.
var stances = []string{"supports", "opposes", "neutral", "concern", "threat", "commitment"}

// noSector is the sector choice that tags no sector.
const noSector = "(none)"

// tagFields are the fields that tag an excerpt: a sector, a measure, a
// stance, topics, and a note. The new-excerpt panel and the Edit tags dialog
// both use them.
type tagFields struct {
	sector  *widget.Select
	measure *widget.SelectEntry
	stance  *widget.SelectEntry
	topic   *kit.Field
	note    *kit.Field
}

// newTagFields makes empty tag fields offering the workspace's sectors.
func newTagFields(win fyne.Window, sess *session.Session, programmes []string) tagFields {
	var sectors []string
	for _, s := range sess.Sectors() {
		sectors = append(sectors, s.Label()+" ("+s.Code+")")
	}
	f := tagFields{
		sector:  widget.NewSelect(append([]string{noSector}, sectors...), nil),
		measure: widget.NewSelectEntry(programmes),
		stance:  widget.NewSelectEntry(stances),
		topic:   kit.NewField(win, "Topics, comma-separated"),
		note:    kit.NewField(win, "Note (optional)"),
	}
	f.sector.PlaceHolder = "Sector"
	f.measure.PlaceHolder = "Measure, e.g. S232"
	f.stance.PlaceHolder = "Stance"
	return f
}

// grid lays out the sector, measure, stance and topic fields two by two.
func (f tagFields) grid() *fyne.Container {
	return container.NewGridWithColumns(2, f.sector, f.measure, f.stance, f.topic)
}

// tags returns the tags the fields hold.
func (f tagFields) tags() []evidence.Tag {
	var tags []evidence.Tag
	if code := sectorCode(f.sector.Selected); code != "" {
		tags = append(tags, evidence.Tag{Kind: evidence.TagSector, Value: code})
	}
	if s := strings.TrimSpace(f.measure.Text); s != "" {
		tags = append(tags, evidence.Tag{Kind: evidence.TagMeasure, Value: s})
	}
	if s := strings.TrimSpace(f.stance.Text); s != "" {
		tags = append(tags, evidence.Tag{Kind: evidence.TagStance, Value: s})
	}
	for _, t := range present.SplitList(f.topic.Text) {
		tags = append(tags, evidence.Tag{Kind: evidence.TagTopic, Value: t})
	}
	return tags
}

// set shows an excerpt's tags and note in the fields. An excerpt holds at
// most one sector, measure and stance tag (the fields make no more); a
// sector that is not offered is added to the choices so that it is kept.
func (f tagFields) set(tags []evidence.Tag, note string) {
	f.sector.SetSelected(noSector)
	f.measure.SetText("")
	f.stance.SetText("")
	var topics []string
	for _, t := range tags {
		switch t.Kind {
		case evidence.TagSector:
			choice := ""
			for _, o := range f.sector.Options {
				if sectorCode(o) == t.Value {
					choice = o
				}
			}
			if choice == "" {
				choice = t.Value + " (" + t.Value + ")"
				f.sector.SetOptions(append(f.sector.Options, choice))
			}
			f.sector.SetSelected(choice)
		case evidence.TagMeasure:
			f.measure.SetText(t.Value)
		case evidence.TagStance:
			f.stance.SetText(t.Value)
		case evidence.TagTopic:
			topics = append(topics, t.Value)
		}
	}
	f.topic.SetText(strings.Join(topics, ", "))
	f.note.SetText(note)
}

// sectorCode returns the code of a sector choice, "Label (CODE)", or "" for
// none.
func sectorCode(choice string) string {
	if choice == "" || choice == noSector {
		return ""
	}
	if i := strings.LastIndex(choice, "("); i >= 0 {
		return strings.TrimSuffix(choice[i+1:], ")")
	}
	return choice
}

// editTagsDialog edits the selected excerpt's tags and note.
func (v *View) editTagsDialog() {
	x, ok := v.chosen()
	if !ok {
		return
	}
	f := newTagFields(v.win, v.sess, v.programmes)
	f.set(x.Tags, x.Note)
	v.nav.ShowForm(Form{
		Title: fmt.Sprintf("Edit excerpt #%d", x.ID), Confirm: "Save", What: "save the excerpt",
		Items: []*widget.FormItem{
			{Text: "Excerpt", Widget: quoteLabel(x.Quote)},
			{Text: "Sector", Widget: f.sector},
			{Text: "Measure", Widget: f.measure},
			{Text: "Stance", Widget: f.stance},
			{Text: "Topics", Widget: f.topic},
			{Text: "Note", Widget: f.note},
		},
		Fields: []*kit.Field{f.topic, f.note},
		Focus:  f.topic,
		Size:   fyne.NewSize(640, 0),
		Submit: func() error {
			if err := v.sess.Workspace().Evidence().UpdateExcerpt(x.ID, strings.TrimSpace(f.note.Text), f.tags()); err != nil {
				return err
			}
			v.refreshExcerpts()
			v.chooseExcerpt(x.ID)
			v.nav.SetStatus(fmt.Sprintf("Saved the tags of excerpt #%d", x.ID))
			return nil
		},
	})
}

// quoteLabel shows an excerpt's quote, shortened, in a dialog.
func quoteLabel(quote string) *widget.Label {
	l := widget.NewLabel("“" + present.Shorten(quote, 300) + "”")
	l.Wrapping = fyne.TextWrapWord
	return l
}
