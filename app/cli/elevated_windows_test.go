package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"transitionhelper/app/catalog"
	"transitionhelper/app/internal/testtmp"
	"transitionhelper/app/service"
	"transitionhelper/app/service/servicetest"
	"transitionhelper/platform"
)

// TestUninstallStopsWhenElevated: with a user's elevated token
// (platform.ElevatedUser swapped in: under Wine, whose user is the
// administrator, it says no), `uninstall` says to start the app normally,
// scans nothing, starts nothing and exits 4.
func TestUninstallStopsWhenElevated(t *testing.T) {
	saved := platform.ElevatedUser
	t.Cleanup(func() { platform.ElevatedUser = saved })
	if platform.IsWine() && platform.ElevatedUser() {
		t.Error("Wine's administrator user is taken for an elevated user: every Wine test of uninstall would stop")
	}
	platform.ElevatedUser = func() bool { return true }
	cat, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	pc := &servicetest.Computer{ScanFn: func(context.Context, platform.Options) *platform.Snapshot {
		t.Error("scanned while elevated")
		return &platform.Snapshot{}
	}}
	var out, errb bytes.Buffer
	code := Run(context.Background(), []string{"uninstall", "kaspersky-internet-security"},
		Env{Stdout: &out, Stderr: &errb, AppName: "transition-helper", Version: "test", Service: service.New(cat, pc), StateDir: testtmp.Dir(t)})
	if code != ExitFailure || !strings.Contains(errb.String(), "start it the usual way") {
		t.Errorf("exit %d\nstdout %s\nstderr %s", code, out.String(), errb.String())
	}
}
