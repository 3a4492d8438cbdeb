package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"transitionhelper/app/cli"
	"transitionhelper/platform"
)

// TestElevatedAppStops: started with "Run as administrator"
// (platform.ElevatedUser, swapped in: Wine and Linux never say so), the app
// opens no window, writes nothing in its state folder, shows the message
// that says to start it normally and exits 4; `uninstall` says the same
// and stops, and `uninstall --dry-run`, which writes nothing, still runs.
func TestElevatedAppStops(t *testing.T) {
	saved, savedTell := platform.ElevatedUser, tell
	t.Cleanup(func() { platform.ElevatedUser, tell = saved, savedTell })
	platform.ElevatedUser = func() bool { return true }
	dir := t.TempDir()
	log := filepath.Join(dir, "tell.log")
	tell = recordingTeller(log)
	home := filepath.Join(dir, "home")
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))

	if code := run(nil); code != cli.ExitFailure {
		t.Fatalf("the window elevated: exit %d, want %d", code, cli.ExitFailure)
	}
	got, _ := os.ReadFile(log)
	if !strings.Contains(string(got), "start it the usual way") || !strings.Contains(string(got), "Run as administrator") {
		t.Errorf("no message box saying to start it normally: %q", got)
	}
	if _, err := os.Stat(home); err == nil {
		t.Errorf("something was written in the home folder %s", home)
	}
	if code := run([]string{"uninstall"}); code != cli.ExitFailure {
		t.Errorf("uninstall elevated: exit %d, want %d", code, cli.ExitFailure)
	}
	if code := run([]string{"uninstall", "--dry-run"}); code == cli.ExitFailure {
		t.Errorf("uninstall --dry-run elevated: exit %d (it writes nothing and may run)", code)
	}
}
