package act

import (
	"fmt"
	"os"
	"path/filepath"
)

// Telling the user without the app's window, for when it cannot open
// (see platform.CheckGraphics): acting (it starts a dialog or the browser),
// so it lives in the package that acts.

// Alert shows title and text where the user sees them without our window:
// a native message box on Windows; on Linux and macOS the desktop's own
// dialog (zenity, kdialog, osascript) or else a notification
// (notify-send), taken from the system folders only (platform.ToolPath).
// It waits until a dialog is dismissed. It returns the way it used
// ("MessageBox", "zenity", …), or an error wrapping platform.ErrUnavailable
// when there is none.
func Alert(title, text string) (how string, err error) { return alert(title, text) }

// OpenDocument opens a file of ours (an absolute path to an existing
// regular file, never a URL or a command) in the program the user chose
// for its kind: for the HTML guide, the default browser (ShellExecute
// "open" on Windows, xdg-open on Linux, open on macOS). It does not wait
// for that program to end.
func OpenDocument(path string) error {
	if !filepath.IsAbs(path) {
		return fmt.Errorf("opening %q: not an absolute path", path)
	}
	fi, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("opening %s: %w", path, err)
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("opening %s: not a regular file", path)
	}
	return openDocument(path)
}
