package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"transitionhelper/app/internal/testtmp"
	"transitionhelper/platform"
)

// TestNoWindowWritesOpensAndTells: without a window the guide is written
// with this computer's findings, opened, and the user told where it is;
// when the browser or the dialog fails, the terminal still says it all.
func TestNoWindowWritesOpensAndTells(t *testing.T) {
	snap := platform.Snapshot{OS: platform.OSInfo{Family: "windows", Name: "Windows 11 Pro"},
		Processes: []platform.Process{{PID: 10, Name: "avp.exe"}}}
	for _, tc := range []struct {
		name             string
		openErr, tellErr error
		cause            error
		want             []string
	}{
		{"all works", nil, nil, fmt.Errorf("x: %w", platform.ErrNoGraphics), []string{"opens in your web browser", "OpenGL 2.1"}},
		{"no browser", errors.New("no xdg-open"), nil, platform.ErrNoGraphics, []string{"open it in your web browser:", "the browser could not be opened"}},
		{"no dialog", nil, platform.ErrUnavailable, platform.ErrNoGraphics, []string{"no message could be shown"}},
		{"no display", nil, nil, platform.ErrNoDisplay, []string{"no display answered"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := testtmp.Dir(t)
			var stderr bytes.Buffer
			env := Env{Stdout: &bytes.Buffer{}, Stderr: &stderr, AppName: "transition-helper", Version: "1.2.3",
				StateDir: filepath.Join(dir, "state"), Service: testService(t, fixedScan(snap), nil)}
			var opened, told []string
			code := env.NoWindow(context.Background(), tc.cause, Teller{
				Open: func(p string) error { opened = append(opened, p); return tc.openErr },
				Alert: func(title, text string) (string, error) {
					told = append(told, title+"|"+text)
					return "test", tc.tellErr
				},
			})
			if code != ExitNoWindow {
				t.Errorf("exit %d, want %d", code, ExitNoWindow)
			}
			guide := filepath.Join(dir, "state", GuideFile)
			if len(opened) != 1 || opened[0] != guide {
				t.Errorf("opened %q, want [%s]", opened, guide)
			}
			if len(told) != 1 || !strings.Contains(told[0], guide) {
				t.Errorf("told %q, want one message naming %s", told, guide)
			}
			out := stderr.String()
			for _, w := range tc.want {
				if !strings.Contains(out, w) && !strings.Contains(strings.Join(told, ""), w) {
					t.Errorf("neither terminal nor message says %q:\n%s", w, out)
				}
			}
			if !strings.Contains(out, guide) {
				t.Errorf("the terminal does not name the guide:\n%s", out)
			}
			html, err := os.ReadFile(guide)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range []string{"avp.exe", "Windows 11 Pro", "Remove Kaspersky", "KTH-"} {
				if !bytes.Contains(html, []byte(w)) {
					t.Errorf("the guide lacks %q", w)
				}
			}
		})
	}
}

// TestNoWindowWithoutAGuide: when the guide cannot be written, the message
// says how to see the result anyway, and nothing is opened.
func TestNoWindowWithoutAGuide(t *testing.T) {
	dir := testtmp.Dir(t)
	blocker := filepath.Join(dir, "file")
	if err := os.WriteFile(blocker, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	env := Env{Stdout: &bytes.Buffer{}, Stderr: &stderr, AppName: "transition-helper", StateDir: filepath.Join(blocker, "state"),
		Service: testService(t, fixedScan(platform.Snapshot{OS: platform.OSInfo{Family: "linux"}}), nil)}
	var opened int
	var told string
	code := env.NoWindow(context.Background(), platform.ErrNoGraphics, Teller{
		Open:  func(string) error { opened++; return nil },
		Alert: func(_, text string) (string, error) { told = text; return "test", nil },
	})
	if code != ExitNoWindow || opened != 0 || !strings.Contains(told, "transition-helper scan") {
		t.Errorf("exit %d, opened %d, told %q", code, opened, told)
	}
}
