//go:build !windows

package act

import (
	"errors"
	"fmt"
	"os/exec"
	"runtime"
	"time"

	"transitionhelper/platform"
)

// alertTools are tried in order; each gets title and text as separate
// arguments, never through a shell or a script built from them.
var alertTools = []struct {
	name string
	args func(title, text string) []string
}{
	{"osascript", func(title, text string) []string {
		// The script is fixed; title and text arrive as its argv.
		return []string{"-e", "on run argv", "-e", `display alert (item 1 of argv) message (item 2 of argv) as warning buttons {"OK"} default button 1`,
			"-e", "end run", title, text}
	}},
	{"zenity", func(title, text string) []string {
		return []string{"--warning", "--no-markup", "--width=480", "--title", title, "--text", text}
	}},
	{"kdialog", func(title, text string) []string { return []string{"--title", title, "--sorry", text} }},
	{"notify-send", func(title, text string) []string { return []string{"--urgency=critical", "--", title, text} }},
}

func alert(title, text string) (string, error) {
	var errs []error
	for _, t := range alertTools {
		if (t.name == "osascript") != (runtime.GOOS == "darwin") {
			continue
		}
		path, err := platform.ToolPath(t.name)
		if err != nil {
			continue
		}
		if err := exec.Command(path, t.args(title, text)...).Run(); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", t.name, err))
			continue
		}
		return t.name, nil
	}
	if len(errs) > 0 {
		return "", errors.Join(errs...)
	}
	return "", fmt.Errorf("no zenity, kdialog, notify-send or osascript in the system folders: %w", platform.ErrUnavailable)
}

func openDocument(path string) error {
	tool := "xdg-open"
	if runtime.GOOS == "darwin" {
		tool = "open"
	}
	exe, err := platform.ToolPath(tool)
	if err != nil {
		return err
	}
	cmd := exec.Command(exe, path)
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("starting %s: %w", exe, err)
	}
	// xdg-open may run the browser in the foreground: wait a moment for a
	// quick failure, then let it go on its own.
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("%s %s: %w", exe, path, err)
		}
	case <-time.After(2 * time.Second):
		_ = cmd.Process.Release()
	}
	return nil
}
