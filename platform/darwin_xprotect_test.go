//go:build darwin

package platform

import (
	"context"
	"testing"
)

// TestProbeXProtectPrefersLive runs the macOS probe on the mac15 fixture:
// the live bundle (5322) is newer than the old one (5285), so the live
// version is shown.
func TestProbeXProtectPrefersLive(t *testing.T) {
	opts := Options{Roots: Roots{
		XProtectLive: "testdata/mac15/var/protected/xprotect/XProtect.bundle",
		XProtect:     "testdata/mac15/Library/Apple/System/Library/CoreServices/XProtect.bundle",
	}}
	var out Snapshot
	if err := probeXProtect(context.Background(), &opts, &out); err != nil {
		t.Fatal(err)
	}
	if len(out.Programs) != 1 || out.Programs[0].Version != "5322" || out.Programs[0].Where != opts.Roots.XProtectLive {
		t.Errorf("%+v, want version 5322 from the live bundle", out.Programs)
	}
}
