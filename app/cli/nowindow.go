package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"transitionhelper/app/report"
	"transitionhelper/platform"
)

// GuideFile is the text guide's file name, in the app's state folder.
const GuideFile = "guide.html"

// Teller tells the user without the app's window: main gives the
// computer's own message box or dialog tool and default browser
// (act.Alert, act.OpenDocument); tests record the calls instead.
// A nil one says it cannot.
type Teller struct {
	Alert func(title, text string) (how string, err error)
	Open  func(path string) error
}

func (t Teller) alert(title, text string) (string, error) {
	if t.Alert != nil {
		return t.Alert(title, text)
	}
	return "", errors.New("no way to show a message here")
}

func (t Teller) open(path string) error {
	if t.Open != nil {
		return t.Open(path)
	}
	return errors.New("no way to open a document here")
}

// NoWindow is what happens instead of the window when it cannot open
// (cause: platform.ErrNoGraphics, platform.ErrNoDisplay, or a window that
// never appeared): it scans, writes the text guide (the seven steps and
// this computer's findings) as an HTML page in the state folder, opens it
// in the default browser, says so on the terminal and in a message the
// user sees (tell), and returns ExitNoWindow. It never waits for a window.
func (e *Env) NoWindow(ctx context.Context, cause error, tell Teller) int {
	why := e.t("nowindow.why", "The app's window cannot open on this computer: its display offers no OpenGL 2.1, which the window needs. This happens on a PC whose graphics driver is not installed yet, in some virtual machines and in some remote sessions.", nil)
	if errors.Is(cause, platform.ErrNoDisplay) {
		why = e.t("nowindow.why-display", "The app's window cannot open: no display answered.", nil)
	}
	fmt.Fprintf(e.Stderr, "%s: %v\n", e.AppName, cause)
	path, err := e.writeGuide(ctx, why)
	var text string
	if err != nil {
		fmt.Fprintf(e.Stderr, "%s: %s: %v\n", e.AppName, e.t("nowindow.guide-failed", "the guide could not be written", nil), err)
		text = why + "\n\n" + e.t("nowindow.run-scan", "Run “{{.Name}} scan” in a terminal to see what is on this computer.", map[string]any{"Name": e.AppName})
	} else {
		opened := e.t("nowindow.opened", "The guide, with the seven steps and what was found on this computer, opens in your web browser instead. It is saved here:", nil)
		if err := tell.open(path); err != nil {
			fmt.Fprintf(e.Stderr, "%s: %s: %v\n", e.AppName, e.t("nowindow.open-failed", "the browser could not be opened", nil), err)
			opened = e.t("nowindow.open-yourself", "The guide, with the seven steps and what was found on this computer, is saved here; open it in your web browser:", nil)
		}
		text = why + "\n\n" + opened + "\n" + path
	}
	fmt.Fprintln(e.Stderr, "\n"+text+"\n")
	if how, err := tell.alert(e.t("app.title", "Kaspersky Transition Helper", nil), text); err != nil {
		fmt.Fprintf(e.Stderr, "%s: %s: %v\n", e.AppName, e.t("nowindow.no-dialog", "no message could be shown on the screen", nil), err)
	} else {
		fmt.Fprintf(e.Stderr, "%s: %s\n", e.AppName, e.t("nowindow.told", "message shown with {{.How}}", map[string]any{"How": how}))
	}
	return ExitNoWindow
}

// writeGuide scans and writes the guide into the state folder (or the
// temporary folder when there is none); it returns the file's path.
func (e *Env) writeGuide(ctx context.Context, why string) (string, error) {
	res, err := e.Service.Scan(ctx)
	if err != nil {
		return "", err
	}
	state := e.savedState().WithScan(res.Record())
	data, err := report.Guide(report.Input{
		App: e.AppName, Version: e.Version, GOOS: runtime.GOOS, At: res.At, State: state,
		Redactor: report.ForCurrentUser(), T: e.t,
	}, why)
	if err != nil {
		return "", err
	}
	dir := e.StateDir
	if dir == "" {
		dir = os.TempDir()
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("making %s: %w", dir, err)
	}
	path, err := filepath.Abs(filepath.Join(dir, GuideFile))
	if err != nil {
		return "", err
	}
	if err := e.Service.WriteFile(path, data); err != nil {
		return "", fmt.Errorf("writing %s: %w", path, err)
	}
	return path, nil
}
