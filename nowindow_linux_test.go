package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"transitionhelper/app/cli"
	"transitionhelper/platform/xvfbtest"
)

// TestNoGLXOffersTheGuide: the app started on a display without OpenGL
// (Xvfb without GLX) never stays running without a window. It exits within
// 10 s with ExitNoWindow, having written the HTML guide (the seven steps
// and this computer's findings), opened it in the browser and shown a
// message (both recorded through the Teller seam), and left no process
// behind. Once through the check before the window (CheckGraphics), once
// through the watchdog alone (the window that Fyne fails to make).
func TestNoGLXOffersTheGuide(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Xvfb and the app")
	}
	display := xvfbtest.Start(t, 140, 180, "-screen", "0", "1024x768x24", "-extension", "GLX") // no OpenGL, as a PC or virtual machine without it
	for _, tc := range []struct{ name, skipCheck, cause string }{
		{"check before the window", "0", "no GLX extension"},
		{"watchdog", "1", "never appeared"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			home := t.TempDir()
			log := filepath.Join(home, "tell.log")
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, os.Args[0])
			cmd.Env = append(os.Environ(), "TH_TEST_AS_APP=1", "TH_TEST_TELL_LOG="+log, "TH_TEST_SKIP_GRAPHICS_CHECK="+tc.skipCheck,
				"DISPLAY="+display, "WAYLAND_DISPLAY=", "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"), "LANG=en_US.UTF-8")
			cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			start := time.Now()
			err := cmd.Run()
			took := time.Since(start)
			// No process left behind: the whole process group is gone.
			if cmd.Process != nil {
				if err := syscall.Kill(-cmd.Process.Pid, 0); err == nil || !errors.Is(err, syscall.ESRCH) {
					_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
					t.Errorf("a process of the app's group is still running after it exited")
				}
			}
			if ctx.Err() != nil {
				t.Fatalf("still running after 10 s; stderr:\n%s", stderr.String())
			}
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != cli.ExitNoWindow {
				t.Fatalf("exit: %v, want code %d; stderr:\n%s", err, cli.ExitNoWindow, stderr.String())
			}
			t.Logf("exited with %d after %s", exit.ExitCode(), took.Round(time.Millisecond))
			if !strings.Contains(stderr.String(), tc.cause) {
				t.Errorf("stderr does not name the cause %q:\n%s", tc.cause, stderr.String())
			}
			calls, err := os.ReadFile(log)
			if err != nil {
				t.Fatalf("nothing was opened or shown: %v; stderr:\n%s", err, stderr.String())
			}
			guide := filepath.Join(home, ".config", "fyne", appID, cli.GuideFile)
			if want := "open " + guide + "\n"; !strings.Contains(string(calls), want) {
				t.Errorf("recorded calls:\n%s\nwant the browser opened on %s", calls, guide)
			}
			if !strings.Contains(string(calls), "alert Kaspersky Transition Helper|") || !strings.Contains(string(calls), "OpenGL 2.1") {
				t.Errorf("recorded calls:\n%s\nwant a message that names OpenGL 2.1", calls)
			}
			html, err := os.ReadFile(guide)
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"<ol class=\"steps\">", "Remove Kaspersky", "Check you&#39;re protected", "KTH-", "Found on this computer"} {
				if !bytes.Contains(html, []byte(want)) {
					t.Errorf("the guide lacks %q", want)
				}
			}
		})
	}
}
