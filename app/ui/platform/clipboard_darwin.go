package platform

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// CopyImage puts a PNG image on the clipboard with osascript: the image
// goes to a temporary file, which AppleScript reads as PNG data.
func CopyImage(png []byte) error {
	f, err := os.CreateTemp("", "parley-clipboard-*.png")
	if err != nil {
		return fmt.Errorf("copy the image: %w", err)
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(png); err != nil {
		f.Close()
		return fmt.Errorf("copy the image: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("copy the image: %w", err)
	}
	quoted := strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(f.Name())
	script := `set the clipboard to (read (POSIX file "` + quoted + `") as «class PNGf»)`
	if out, err := exec.Command("osascript", "-e", script).CombinedOutput(); err != nil {
		if s := strings.TrimSpace(string(out)); s != "" {
			return fmt.Errorf("osascript: %w: %s", err, s)
		}
		return fmt.Errorf("osascript: %w", err)
	}
	return nil
}
