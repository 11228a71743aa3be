// Package kit holds the desktop app's reusable widgets and the one worker
// that runs work off the UI goroutine, the latest request winning (Latest).
package kit
