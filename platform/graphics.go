package platform

import (
	"errors"
	"strconv"
	"strings"
	"time"
)

// ErrNoGraphics means the window cannot be drawn here: Fyne needs OpenGL
// 2.1, and this computer's display offers less (no GLX on the X server,
// OpenGL 1.1 only on a Windows PC without its graphics driver, some
// virtual machines and Remote Desktop sessions).
var ErrNoGraphics = errors.New("OpenGL 2.1 is not available for the window")

// ErrNoDisplay means there is no display to open a window on.
var ErrNoDisplay = errors.New("no display to open a window on")

// Graphics is what CheckGraphics saw of the display's OpenGL.
type Graphics struct {
	// API is how OpenGL was asked for: "GLX" (X11), "WGL" (Windows), or
	// empty when nothing could be asked before the window opens (Wayland,
	// macOS): then Checked is false and the window's watchdog decides.
	API     string `json:"api,omitempty"`
	Checked bool   `json:"checked"`
	// Version is the OpenGL version string (WGL), or the GLX version the
	// X server offers ("1.4"; the OpenGL version itself is only known once
	// a window draws).
	Version  string        `json:"version,omitempty"`
	Renderer string        `json:"renderer,omitempty"`
	Took     time.Duration `json:"took"`
}

// CheckGraphics asks the display, before any window exists and without
// Fyne, whether a window with OpenGL 2.1 can be made: through the X
// server's extension list on X11 (GLX), through a hidden window's WGL
// context on Windows (glGetString(GL_VERSION) ≥ 2.1). It returns an error
// wrapping ErrNoGraphics or ErrNoDisplay when the window would fail, and
// Checked false, no error, where it cannot tell (Wayland, macOS).
func CheckGraphics() (Graphics, error) {
	start := time.Now()
	g, err := checkGraphics()
	g.Took = time.Since(start)
	return g, err
}

// GLVersionAtLeast reports whether an OpenGL version string ("2.1 Mesa
// 23.2", "4.6.0 NVIDIA 550.54", "1.1.0", "OpenGL ES 3.2 …") is at least
// major.minor. A string that names no version is not.
func GLVersionAtLeast(version string, major, minor int) bool {
	v := strings.TrimSpace(version)
	v = strings.TrimPrefix(v, "OpenGL ES-CM ")
	v = strings.TrimPrefix(v, "OpenGL ES ")
	field, _, _ := strings.Cut(v, " ")
	parts := strings.SplitN(field, ".", 3)
	if len(parts) < 2 {
		return false
	}
	ma, err1 := strconv.Atoi(parts[0])
	mi, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil {
		return false
	}
	return ma > major || (ma == major && mi >= minor)
}
