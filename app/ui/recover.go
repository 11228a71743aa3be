package ui

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fstorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parley/app/ui/present"
	"parley/storage"
	"parley/storage/backup"
)

// openOptions are the options the desktop app opens a workspace with: a
// copy a day in the backups folder beside it, a failure told to the user.
func (u *UI) openOptions(path string) storage.Options {
	return storage.Options{BackupDir: backup.Dir(path), BackupFailed: u.backupFailed}
}

// backupFailed tells the user, in a dialog once a session, that a daily
// backup failed and how old the last good copy is: a failure repeated
// every day must not age the only copy unseen. It is called from the
// backup's goroutine.
func (u *UI) backupFailed(err error) {
	u.onUI(func() {
		if u.backupWarned || u.closed {
			return
		}
		u.backupWarned = true
		u.showError("make today's backup of the workspace", err)
	})
}

// attach opens the workspace at path and shows it in the window.
func (u *UI) attach(path string) error {
	ws, err := storage.OpenWith(path, u.openOptions(path))
	if err != nil {
		return err
	}
	if err := u.show(ws); err != nil {
		ws.Close()
		u.sess.Detach()
		return err
	}
	return nil
}

// showOpenFailure fills the window with why the workspace at path did not
// open and the ways on: open a copy of its last backup (made beside it; the
// damaged file is never overwritten), open another workspace, or create a
// new one.
func (u *UI) showOpenFailure(path string, cause error) {
	u.win.SetTitle("Parley — could not open " + filepath.Base(path))
	heading := widget.NewLabelWithStyle("Parley could not open this workspace", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.SizeName = theme.SizeNameSubHeadingText
	where := widget.NewLabel(path)
	where.Wrapping = fyne.TextWrapBreak
	why := widget.NewLabel(present.Capitalize(cause.Error()) + ".")
	why.Wrapping = fyne.TextWrapWord
	items := []fyne.CanvasObject{heading, where, why}

	if list, _ := backup.Paths(backup.Dir(path), path, u.sess.Time()); len(list) > 0 {
		date := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(list[0]),
			strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))+"."), ".parley")
		b := widget.NewButtonWithIcon("Open the last backup ("+date+")", theme.HistoryIcon(), func() {
			copied, err := storage.RecoverBackup(path, u.sess.Time())
			if err != nil {
				u.showError("open the last backup", err)
				return
			}
			if u.recoverTo(copied) {
				u.setStatus("Opened a copy of the backup of " + date + ": " + copied + " (the damaged file is left as it was)")
			}
		})
		b.Importance = widget.HighImportance
		items = append(items, b)
	} else {
		none := widget.NewLabel("There is no backup of it in " + backup.Dir(path) + ".")
		none.Wrapping = fyne.TextWrapWord
		items = append(items, none)
	}
	items = append(items,
		widget.NewButtonWithIcon("Open another workspace…", theme.FolderOpenIcon(), func() { u.recoverOpenDialog(path) }),
		widget.NewButtonWithIcon("Create a new workspace…", theme.DocumentCreateIcon(), func() { u.recoverCreateDialog(path) }),
	)
	note := widget.NewLabel("Parley leaves the file it could not open as it is.")
	note.Importance = widget.LowImportance
	items = append(items, note)
	box := container.NewVBox(items...)
	u.win.SetContent(container.NewCenter(container.NewGridWrap(fyne.NewSize(560, box.MinSize().Height), box)))
}

// recoverTo shows the workspace at path instead of the failure, and
// reports whether it opened; if not, the failure window stays.
func (u *UI) recoverTo(path string) bool {
	if err := u.attach(path); err != nil {
		u.showError("open the workspace", err)
		return false
	}
	u.setStatus("Opened " + path)
	return true
}

// recoverOpenDialog asks for another workspace to open.
func (u *UI) recoverOpenDialog(failed string) {
	d := u.fileOpenDialog("open the workspace", func(p string) { u.recoverTo(p) })
	d.SetFilter(fstorage.NewExtensionFileFilter([]string{workspaceExt}))
	d.SetTitleText("Open workspace")
	startInFolder(d, filepath.Dir(failed))
	u.showFileDialog(d)
}

// recoverCreateDialog asks where to create a new workspace.
func (u *UI) recoverCreateDialog(failed string) {
	d := u.fileSaveDialog("create the workspace", func(p string) {
		if !strings.HasSuffix(p, workspaceExt) {
			p += workspaceExt
		}
		u.recoverTo(p)
	})
	d.SetFileName("workspace" + workspaceExt)
	d.SetTitleText("New workspace")
	d.SetConfirmText("Create")
	startInFolder(d, filepath.Dir(failed))
	u.showFileDialog(d)
}

// startInFolder points a file dialog at dir.
func startInFolder(d *dialog.FileDialog, dir string) {
	if l, err := fstorage.ListerForURI(fstorage.NewFileURI(dir)); err == nil {
		d.SetLocation(l)
	}
}
