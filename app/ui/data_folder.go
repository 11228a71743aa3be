package ui

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"parley/app/ui/platform"
)

// prefDataFolder remembers the folder of the last data file (trade data,
// scenario file, evidence) opened or saved.
const prefDataFolder = "data.folder"

// dataFolderPath is where a dialog for a data file starts: the folder of
// the last one used, else the user's documents folder (or home folder),
// never the configuration folder the default workspace lives in; "" when
// none exists.
func (u *UI) dataFolderPath() string {
	for _, dir := range []string{u.app.Preferences().String(prefDataFolder), platform.DocumentsFolder()} {
		if info, err := os.Stat(dir); dir != "" && err == nil && info.IsDir() {
			return dir
		}
	}
	return ""
}

// dataFolder points fd at dataFolderPath, else at the workspace's folder.
func (u *UI) dataFolder(fd *dialog.FileDialog) {
	if dir := u.dataFolderPath(); dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			fd.SetLocation(l)
			return
		}
	}
	u.startIn(fd)
}

// rememberDataFolder makes the folder of path, a data file just opened or
// saved, where the next data file dialog starts.
func (u *UI) rememberDataFolder(path string) {
	u.app.Preferences().SetString(prefDataFolder, filepath.Dir(path))
}

// dataFileUsed is use, remembering the folder of the path first.
func (u *UI) dataFileUsed(use func(path string)) func(path string) {
	return func(path string) {
		u.rememberDataFolder(path)
		use(path)
	}
}
