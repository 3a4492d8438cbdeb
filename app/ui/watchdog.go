package ui

import (
	"errors"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
)

// ErrWindowNeverAppeared is what WatchWindow reports: the system made no
// window for the app (Fyne logs "window creation error" and would go on
// running without one).
var ErrWindowNeverAppeared = errors.New("the app's window never appeared")

// windowHandle is the system's handle of w, 0 while it has none.
func windowHandle(w fyne.Window) uintptr {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return 1 // a driver without native windows (the test driver) is not watched
	}
	var h uintptr
	nw.RunNative(func(ctx any) {
		switch c := ctx.(type) {
		case driver.X11WindowContext:
			h = c.WindowHandle
		case driver.WaylandWindowContext:
			h = c.WaylandSurface
		case driver.WindowsWindowContext:
			h = c.HWND
		case driver.MacWindowContext:
			h = c.NSWindow
		default:
			h = 1
		}
	})
	return h
}

// WatchWindow makes sure the app never runs without a window: once w has
// been shown, it asks the event loop for w's system handle until it has
// one. If the loop answers without a handle (the window could not be
// made), or gives no answer within limit, it calls failed on its own
// goroutine; failed is expected to tell the user and end the process.
func WatchWindow(w fyne.Window, limit time.Duration, failed func(error)) {
	go func() {
		// The loop runs this after ShowAndRun's Show has made the window,
		// or failed to.
		answer := make(chan uintptr, 1)
		fyne.Do(func() { answer <- windowHandle(w) })
		select {
		case h := <-answer:
			if h == 0 {
				failed(fmt.Errorf("%w: the system gave no window handle", ErrWindowNeverAppeared))
			}
		case <-time.After(limit):
			failed(fmt.Errorf("%w: the app gave no sign of life within %s", ErrWindowNeverAppeared, limit))
		}
	}()
}
