package platform

import (
	"bytes"
	"fmt"
	"image/png"
	"runtime"
	"syscall"
	"time"
	"unsafe"
)

// The Windows clipboard, through user32 and kernel32 without cgo.
var (
	user32                      = syscall.NewLazyDLL("user32.dll")
	kernel32                    = syscall.NewLazyDLL("kernel32.dll")
	procOpenClipboard           = user32.NewProc("OpenClipboard")
	procCloseClipboard          = user32.NewProc("CloseClipboard")
	procEmptyClipboard          = user32.NewProc("EmptyClipboard")
	procSetClipboardData        = user32.NewProc("SetClipboardData")
	procRegisterClipboardFormat = user32.NewProc("RegisterClipboardFormatW")
	procGlobalAlloc             = kernel32.NewProc("GlobalAlloc")
	procGlobalFree              = kernel32.NewProc("GlobalFree")
	procGlobalLock              = kernel32.NewProc("GlobalLock")
	procGlobalUnlock            = kernel32.NewProc("GlobalUnlock")
	procMoveMemory              = kernel32.NewProc("RtlMoveMemory")
)

const (
	cfDIB        = 8      // CF_DIB
	gmemMoveable = 0x0002 // GMEM_MOVEABLE
)

// CopyImage puts a PNG image on the clipboard twice: as a bitmap (CF_DIB),
// which every program pastes, and as "PNG", which Office, LibreOffice and
// browsers prefer.
func CopyImage(data []byte) error {
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("copy the image: %w", err)
	}
	bitmap := dib(img)
	// The clipboard belongs to the thread that opened it.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if err := openClipboard(); err != nil {
		return err
	}
	defer procCloseClipboard.Call()
	if r, _, err := procEmptyClipboard.Call(); r == 0 {
		return fmt.Errorf("empty the clipboard: %w", err)
	}
	if err := setClipboard(cfDIB, bitmap); err != nil {
		return err
	}
	name, err := syscall.UTF16PtrFromString("PNG")
	if err != nil {
		return err
	}
	if f, _, _ := procRegisterClipboardFormat.Call(uintptr(unsafe.Pointer(name))); f != 0 {
		if err := setClipboard(f, data); err != nil {
			return err
		}
	}
	return nil
}

// openClipboard opens the clipboard, trying again for a while when another
// program has it open.
func openClipboard() error {
	var err error
	for range 20 {
		var r uintptr
		if r, _, err = procOpenClipboard.Call(0); r != 0 {
			return nil
		}
		time.Sleep(25 * time.Millisecond)
	}
	return fmt.Errorf("open the clipboard: %w", err)
}

// setClipboard puts data on the open clipboard in format: in a movable
// global memory block, which the clipboard then owns.
func setClipboard(format uintptr, data []byte) error {
	h, _, err := procGlobalAlloc.Call(gmemMoveable, uintptr(len(data)))
	if h == 0 {
		return fmt.Errorf("copy the image: allocate %d bytes: %w", len(data), err)
	}
	p, _, err := procGlobalLock.Call(h)
	if p == 0 {
		procGlobalFree.Call(h)
		return fmt.Errorf("copy the image: lock memory: %w", err)
	}
	procMoveMemory.Call(p, uintptr(unsafe.Pointer(&data[0])), uintptr(len(data)))
	procGlobalUnlock.Call(h)
	if r, _, err := procSetClipboardData.Call(format, h); r == 0 {
		procGlobalFree.Call(h)
		return fmt.Errorf("copy the image: set the clipboard: %w", err)
	}
	return nil
}
