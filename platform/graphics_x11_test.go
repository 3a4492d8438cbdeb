//go:build linux

package platform

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// displayInUse says whether X display n is taken: its lock file names a process
// that still runs, or its socket answers. A server that was killed (SIGKILL)
// leaves both files behind, and a new X server takes such a display over.
func displayInUse(n int) bool {
	if b, err := os.ReadFile(fmt.Sprintf("/tmp/.X%d-lock", n)); err == nil {
		pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
		if err != nil || !errors.Is(syscall.Kill(pid, 0), syscall.ESRCH) {
			return true
		}
	}
	if c, err := net.Dial("unix", fmt.Sprintf("/tmp/.X11-unix/X%d", n)); err == nil {
		c.Close()
		return true
	}
	return false
}

// stopXvfb stops an X server started for a test with SIGTERM, on which it removes
// its lock file and socket (SIGKILL leaves them, and they used up the numbers).
func stopXvfb(cmd *exec.Cmd) {
	_ = cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		_ = cmd.Process.Kill()
		<-done
	}
}

// startXvfb starts an X server with extra arguments and returns its DISPLAY.
func startXvfb(t *testing.T, args ...string) string {
	t.Helper()
	xvfb, err := exec.LookPath("Xvfb")
	if err != nil {
		t.Skip("Xvfb is not installed")
	}
	for n := 180; n < 220; n++ {
		sock := fmt.Sprintf("/tmp/.X11-unix/X%d", n)
		if displayInUse(n) {
			continue
		}
		cmd := exec.Command(xvfb, append([]string{fmt.Sprintf(":%d", n), "-nolisten", "tcp"}, args...)...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { stopXvfb(cmd) })
		for range 100 {
			if c, err := net.Dial("unix", sock); err == nil {
				c.Close()
				return fmt.Sprintf(":%d", n)
			}
			time.Sleep(50 * time.Millisecond)
		}
		t.Fatalf("Xvfb :%d did not start", n)
	}
	t.Fatal("no free display number")
	return ""
}

// TestCheckGraphicsX11 asks real X servers: with GLX (as Xvfb and every
// desktop with a driver has), without it (a display that cannot draw the
// window), none at all, and Wayland, which only the window can try.
func TestCheckGraphicsX11(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Xvfb")
	}
	withGLX := startXvfb(t)
	withoutGLX := startXvfb(t, "-extension", "GLX")
	for _, tc := range []struct {
		name, display, wayland string
		want                   error
		checked                bool
	}{
		{"GLX", withGLX, "", nil, true},
		{"no GLX", withoutGLX, "", ErrNoGraphics, true},
		{"nobody there", ":219", "", ErrNoDisplay, false},
		{"no display", "", "", ErrNoDisplay, false},
		{"Wayland", "", "wayland-0", nil, false},
		{"Wayland with XWayland", withoutGLX, "wayland-0", nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("DISPLAY", tc.display)
			t.Setenv("WAYLAND_DISPLAY", tc.wayland)
			t.Setenv("FYNE_PLATFORM", "")
			g, err := CheckGraphics()
			if !errors.Is(err, tc.want) || (tc.want == nil && err != nil) {
				t.Fatalf("CheckGraphics() = %+v, %v; want %v", g, err, tc.want)
			}
			if g.Checked != tc.checked {
				t.Errorf("Checked = %v, want %v", g.Checked, tc.checked)
			}
			if tc.name == "GLX" && g.Version != "1.4" {
				t.Errorf("Version = %q, want 1.4 (Xvfb's GLX)", g.Version)
			}
		})
	}
}
