//go:build windows

package platform

import (
	"context"
	"regexp"
	"strconv"
	"testing"

	"golang.org/x/sys/windows"
	"golang.org/x/sys/windows/registry"
)

// TestWinePrefixIsWindows10: every Windows test meets the Windows our users
// have, 10 or 11 (Fyne 2.8 and our manifest need it): the scan's OS name
// and build, and what Windows itself says (RtlGetVersion), not the Windows 7
// a fresh Wine 8 prefix reports. The Makefile sets the prefix to Windows 10
// (winecfg -v win10).
func TestWinePrefixIsWindows10(t *testing.T) {
	var snap Snapshot
	if err := probeWindowsVersion(context.Background(), &Options{}, &snap); err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`Windows (10|11)\b`).MatchString(snap.OS.Name) {
		t.Errorf("the scan says %q: want Windows 10 or 11", snap.OS.Name)
	}
	m := regexp.MustCompile(`build (\d+)`).FindStringSubmatch(snap.OS.Version)
	if m == nil {
		t.Fatalf("the scan gives no build: %q", snap.OS.Version)
	}
	if build, _ := strconv.Atoi(m[1]); build < 10240 {
		t.Errorf("the scan says build %d: want 10240 (Windows 10's first) or later", build)
	}
	v := windows.RtlGetVersion()
	if v.MajorVersion != 10 || v.BuildNumber < 10240 {
		t.Errorf("RtlGetVersion: %d.%d build %d, want 10.0 build 10240 or later", v.MajorVersion, v.MinorVersion, v.BuildNumber)
	}
	t.Logf("%s %s; RtlGetVersion %d.%d.%d", snap.OS.Name, snap.OS.Version, v.MajorVersion, v.MinorVersion, v.BuildNumber)
}

// TestConsumerESUIsRead: the scan reads the ESUEligibility value Windows 10
// keeps for the user, as the registry holds it (written here with the
// registry API, as Windows writes a DWORD), and reads nothing when the key
// is not there or holds a string.
func TestConsumerESUIsRead(t *testing.T) {
	t.Cleanup(func() { _ = registry.DeleteKey(registry.CURRENT_USER, ConsumerESUKey) })
	scan := func() *ConsumerESU {
		var snap Snapshot
		if err := probeWindowsVersion(context.Background(), &Options{}, &snap); err != nil {
			t.Fatal(err)
		}
		return snap.OS.ConsumerESU
	}
	_ = registry.DeleteKey(registry.CURRENT_USER, ConsumerESUKey)
	if got := scan(); got != nil {
		t.Fatalf("no key, yet the scan read %+v", got)
	}
	k, _, err := registry.CreateKey(registry.CURRENT_USER, ConsumerESUKey, registry.SET_VALUE)
	if err != nil {
		t.Fatal(err)
	}
	defer k.Close()
	for v, want := range map[uint32]string{3: ESUEnrolled, 5: ESUEnrolled, 2: ESUEligible, 1: ESUNotEligible, 6: ESUUnknown} {
		if err := k.SetDWordValue("ESUEligibility", v); err != nil {
			t.Fatal(err)
		}
		got := scan()
		if got == nil || got.Eligibility != v || got.Enrollment() != want {
			t.Errorf("ESUEligibility %d: read %+v (%q), want %q", v, got, got.Enrollment(), want)
		}
	}
	if err := k.SetStringValue("ESUEligibility", "3"); err != nil {
		t.Fatal(err)
	}
	if got := scan(); got != nil {
		t.Errorf("a string value was read as %+v", got)
	}
}
