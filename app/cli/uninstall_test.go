package cli

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"transitionhelper/app/removal"
	"transitionhelper/app/service"
	"transitionhelper/platform"
)

// TestUninstallUnknownProduct: a name the catalog does not know is a usage
// error (exit 2) that lists the names it knows, before any scan; it used to
// print "No Kaspersky product to remove was found" and exit 0.
func TestUninstallUnknownProduct(t *testing.T) {
	scanned := false
	scan := func(context.Context, platform.Options) *platform.Snapshot {
		scanned = true
		return &platform.Snapshot{OS: platform.OSInfo{Family: "windows"}}
	}
	for _, tt := range []struct {
		args []string
		said string
	}{
		{[]string{"--dry-run", "no-such-product"}, `unknown product "no-such-product"`},
		{[]string{"kaspersky-internet-security", "Kaspersky\x1b[2J"}, `unknown product "Kaspersky[2J"`}, // cleaned
	} {
		args := tt.args
		var out, errb bytes.Buffer
		code := Run(context.Background(), append([]string{"uninstall"}, args...), Env{Stdout: &out, Stderr: &errb, AppName: "th", Version: "t",
			Service: testService(t, scan, nil)})
		if code != ExitUsage || !strings.Contains(errb.String(), tt.said) ||
			!strings.Contains(errb.String(), "kaspersky-internet-security") || strings.Contains(errb.String(), "\x1b") {
			t.Errorf("%q: exit %d\nstdout %q\nstderr %q", args, code, out.String(), errb.String())
		}
		if strings.Contains(out.String(), "No Kaspersky product") {
			t.Errorf("%q: said nothing was found", args)
		}
	}
	if scanned {
		t.Error("scanned before the names were checked")
	}
	// A known name with nothing installed is still "nothing found", exit 0.
	var out, errb bytes.Buffer
	code := Run(context.Background(), []string{"uninstall", "--dry-run", "kaspersky-internet-security"}, Env{Stdout: &out, Stderr: &errb,
		AppName: "th", Version: "t", Service: testService(t, scan, nil)})
	if code != ExitOK || !strings.Contains(out.String(), "No Kaspersky product to remove was found") {
		t.Errorf("a known name: exit %d, %q %q", code, out.String(), errb.String())
	}
}

// TestFinishedSaysWhenTheChildWasNotStopped: a start detected as another
// program that could not be ended is said as such: it may still run with
// administrator rights.
func TestFinishedSaysWhenTheChildWasNotStopped(t *testing.T) {
	for _, tt := range []struct {
		err  error
		warn bool
	}{
		{fmt.Errorf("%w: started x; ending it failed (Access is denied.): %w", platform.ErrSwapped, platform.ErrNotStopped), true},
		{fmt.Errorf("%w: started x", platform.ErrSwapped), false},
	} {
		var out bytes.Buffer
		d := &terminalDoor{e: &Env{Stdout: &out}}
		d.Finished(nil, service.Outcome{Result: removal.Refused, Code: -1, Err: tt.err})
		if got := strings.Contains(out.String(), "may still be running with administrator rights"); got != tt.warn || !d.failed {
			t.Errorf("%v: warned %v, want %v:\n%s", tt.err, got, tt.warn, out.String())
		}
	}
}
