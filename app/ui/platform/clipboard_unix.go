//go:build linux || freebsd || openbsd || netbsd || dragonfly

package platform

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"
)

// ErrNoImageTool says that no clipboard tool for images was found.
var ErrNoImageTool = errors.New("install xclip (X11) or wl-clipboard (Wayland) to copy images; the image was not copied — use Save…")

// CopyImage puts a PNG image on the clipboard with wl-copy on Wayland or
// xclip on X11. Both keep running in the background to serve the
// clipboard, so their output goes to a file rather than a pipe that would
// make Wait wait for them.
func CopyImage(png []byte) error {
	name, args, err := imageCopier()
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	errs, err := os.CreateTemp("", "parley-clipboard-*.txt")
	if err != nil {
		return fmt.Errorf("copy the image: %w", err)
	}
	defer os.Remove(errs.Name())
	defer errs.Close()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Stdin = bytes.NewReader(png)
	cmd.Stderr = errs
	if err := cmd.Run(); err != nil {
		msg, _ := os.ReadFile(errs.Name())
		if s := strings.TrimSpace(string(msg)); s != "" {
			return fmt.Errorf("%s: %w: %s", name, err, s)
		}
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// imageCopier returns the command that puts a PNG read from its standard
// input on the clipboard of the session: wl-copy on Wayland, else xclip.
func imageCopier() (string, []string, error) {
	if os.Getenv("WAYLAND_DISPLAY") != "" {
		if p, err := exec.LookPath("wl-copy"); err == nil {
			return p, []string{"--type", "image/png"}, nil
		}
	}
	if os.Getenv("DISPLAY") != "" {
		if p, err := exec.LookPath("xclip"); err == nil {
			return p, []string{"-selection", "clipboard", "-t", "image/png", "-i"}, nil
		}
	}
	return "", nil, ErrNoImageTool
}
