package platform

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
)

// DocumentsFolder returns the user's documents folder: XDG_DOCUMENTS_DIR
// (from the environment or ~/.config/user-dirs.dirs) on Linux, else
// ~/Documents where it exists (Windows, macOS and most desktops), else the
// home folder; "" when there is no home folder.
func DocumentsFolder() string {
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return ""
	}
	isDir := func(p string) bool {
		info, err := os.Stat(p)
		return err == nil && info.IsDir()
	}
	expand := func(v string) string {
		v = strings.Trim(strings.TrimSpace(v), `"`)
		v = strings.Replace(v, "$HOME", home, 1)
		if !filepath.IsAbs(v) {
			return ""
		}
		return v
	}
	if d := expand(os.Getenv("XDG_DOCUMENTS_DIR")); d != "" && isDir(d) {
		return d
	}
	cfg := os.Getenv("XDG_CONFIG_HOME")
	if cfg == "" {
		cfg = filepath.Join(home, ".config")
	}
	if f, err := os.Open(filepath.Join(cfg, "user-dirs.dirs")); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if v, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "XDG_DOCUMENTS_DIR="); ok {
				if d := expand(v); d != "" && isDir(d) && d != home {
					return d
				}
			}
		}
	}
	if d := filepath.Join(home, "Documents"); isDir(d) {
		return d
	}
	return home
}
