package platform

// AttachParentConsole makes a GUI-subsystem Windows build print to the
// console it was started from (cmd, PowerShell), so CLI commands work there.
// Output already redirected to a file or pipe is left alone. Elsewhere it
// does nothing.
func AttachParentConsole() { attachParentConsole() }

// HasDisplay reports whether a window can be opened: on Linux and the BSDs
// an X11 or Wayland display must be named; Windows and macOS always have one.
func HasDisplay() bool { return hasDisplay() }
