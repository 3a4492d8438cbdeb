//go:build unix

package xvfbtest

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

// Start starts Xvfb on the first free display number from first to last
// (callers keep to their own range, so packages tested side by side never
// meet), with extra arguments, and returns its DISPLAY; the server stops
// with the test. The test is skipped where Xvfb is not installed.
func Start(t testing.TB, first, last int, args ...string) string {
	t.Helper()
	xvfb, err := exec.LookPath("Xvfb")
	if err != nil {
		t.Skip("Xvfb is not installed (make deps-test installs it)")
	}
	for n := first; n < last; n++ {
		if inUse(n) {
			continue
		}
		display := fmt.Sprintf(":%d", n)
		cmd := exec.Command(xvfb, append([]string{display, "-nolisten", "tcp"}, args...)...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { stop(cmd) })
		for range 100 {
			if c, err := net.Dial("unix", socket(n)); err == nil {
				c.Close()
				return display
			}
			time.Sleep(50 * time.Millisecond)
		}
		t.Fatalf("Xvfb %s did not start", display)
	}
	t.Fatal("no free X display number")
	return ""
}

func socket(n int) string { return fmt.Sprintf("/tmp/.X11-unix/X%d", n) }

// inUse says whether X display n is taken: its lock file names a process
// that still runs, or its socket answers. A server that was killed (SIGKILL)
// leaves both files behind, and a new X server takes such a display over.
func inUse(n int) bool {
	if b, err := os.ReadFile(fmt.Sprintf("/tmp/.X%d-lock", n)); err == nil {
		pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
		if err != nil || !errors.Is(syscall.Kill(pid, 0), syscall.ESRCH) {
			return true
		}
	}
	if c, err := net.Dial("unix", socket(n)); err == nil {
		c.Close()
		return true
	}
	return false
}

// stop stops a server with SIGTERM, on which it removes its lock file and
// socket (SIGKILL leaves them, and they used up the numbers).
func stop(cmd *exec.Cmd) {
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
