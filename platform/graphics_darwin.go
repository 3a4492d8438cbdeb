//go:build darwin

package platform

// checkGraphics cannot ask macOS before the window opens without cgo:
// every supported Mac has OpenGL 2.1 or later (deprecated, still shipped);
// the window's watchdog covers the rest.
func checkGraphics() (Graphics, error) { return Graphics{API: "CGL"}, nil }
