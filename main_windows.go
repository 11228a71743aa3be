//go:build windows

package main

import (
	"log"
	"os"
	"strings"
	"syscall"
)

// Parley's Windows executable is linked for the GUI subsystem (-H windowsgui)
// so that opening it from Explorer or the Start menu shows no console window.
// Such a program gets no console of its own: when a command of the command
// line is run from a terminal (cmd.exe, PowerShell, Windows Terminal), attach
// to the terminal's console and write there, unless the output is already
// redirected to a file or a pipe. The desktop app does not attach, so that
// closing the terminal does not close it.
func init() {
	if opensApp(os.Args[1:]) {
		return
	}
	attachParentConsole()
}

// opensApp reports whether args open the desktop app: no arguments but
// --workspace FILE.
func opensApp(args []string) bool {
	for i := 0; i < len(args); i++ {
		switch a := args[i]; {
		case a == "--workspace" || a == "-workspace" || a == "-w" || a == "--w":
			i++
		case strings.HasPrefix(a, "--workspace=") || strings.HasPrefix(a, "-workspace=") ||
			strings.HasPrefix(a, "-w=") || strings.HasPrefix(a, "--w="):
		default:
			return false
		}
	}
	return true
}

const (
	attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS, (DWORD)-1
	fileTypeChar        = 0x0002      // FILE_TYPE_CHAR
	fileTypeDisk        = 0x0001      // FILE_TYPE_DISK
	fileTypePipe        = 0x0003      // FILE_TYPE_PIPE
)

func attachParentConsole() {
	outOK, errOK := redirected(syscall.STD_OUTPUT_HANDLE), redirected(syscall.STD_ERROR_HANDLE)
	if outOK && errOK {
		return
	}
	attach := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	if r, _, _ := attach.Call(attachParentProcess); r == 0 {
		return // started from Explorer, or the parent has no console
	}
	if !outOK {
		if f := openConsole("/dev/stdout"); f != nil {
			os.Stdout = f
		}
	}
	if !errOK {
		if f := openConsole("/dev/stderr"); f != nil {
			os.Stderr = f
			log.SetOutput(f)
		}
	}
}

// redirected reports whether a standard handle already goes somewhere
// useful: a file, a pipe or a device other than a console (NUL).
func redirected(std int) bool {
	h, err := syscall.GetStdHandle(std)
	if err != nil || h == 0 || h == syscall.InvalidHandle {
		return false
	}
	t, err := syscall.GetFileType(h)
	if err != nil {
		return false
	}
	switch t {
	case fileTypeDisk, fileTypePipe:
		return true
	case fileTypeChar:
		var mode uint32
		return syscall.GetConsoleMode(h, &mode) != nil // NUL, not a console
	}
	return false
}

// openConsole opens the attached console's output buffer.
func openConsole(name string) *os.File {
	conout, err := syscall.UTF16PtrFromString("CONOUT$")
	if err != nil {
		return nil
	}
	h, err := syscall.CreateFile(conout, syscall.GENERIC_READ|syscall.GENERIC_WRITE,
		syscall.FILE_SHARE_READ|syscall.FILE_SHARE_WRITE, nil, syscall.OPEN_EXISTING, 0, 0)
	if err != nil {
		return nil
	}
	return os.NewFile(uintptr(h), name)
}
