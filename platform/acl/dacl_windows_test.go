package acl

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/windows"

	"transitionhelper/platform"
	"transitionhelper/platform/platformtest"
)

// TestSDDLParserAgreesWithWindows reads every real-shaped descriptor of
// dacl_test.go with Windows' own parser and checks the rule decides the same.
func TestSDDLParserAgreesWithWindows(t *testing.T) {
	for _, s := range []string{sddlProgramFiles, sddlVendorFolder, sddlProgramFile, sddlSystem32, sddlMsiexec, sddlDriveRoot,
		sddlWindows, sddlUsers, sddlProfile, sddlLocalAppData, sddlFileInTemp, sddlProgramData, sddlWine,
		"O:SYD:(A;OICIIO;GA;;;BU)(A;;0x1200a9;;;BU)", "O:SYD:(A;OICIID;FA;;;BU)", "O:SYD:(D;;FA;;;BU)(A;;FA;;;BU)"} {
		sd, err := windows.SecurityDescriptorFromString(s)
		if err != nil {
			t.Errorf("Windows cannot read %q: %v", s, err)
			continue
		}
		viaWindows, err := factsFromSD(sd)
		if err != nil {
			t.Fatal(err)
		}
		ours, err := parseSDDL(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, kind := range []ObjectKind{ObjectFile, ObjectFolder, ObjectVolumeRoot} {
			okW, whyW := judge(viaWindows, kind, riskySet([]string{alice}))
			okO, whyO := judge(ours, kind, riskySet([]string{alice}))
			if okW != okO || whyW != whyO {
				t.Errorf("%q kind %d: Windows' parser %v %q, ours %v %q", s, kind, okW, whyW, okO, whyO)
			}
		}
	}
}

func TestAdminOnlyPathSystemFiles(t *testing.T) {
	sys, err := windows.GetSystemDirectory()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{filepath.Join(sys, "msiexec.exe"), sys} {
		ok, why, err := AdminOnlyPath(p)
		if err != nil || !ok {
			t.Errorf("%s: ok %v, %q, %v", p, ok, why, err)
		}
	}
	if _, _, err := AdminOnlyPath(filepath.Join(sys, "no-such-file.exe")); err == nil {
		t.Error("a missing file judged without an error")
	}
	if _, _, err := AdminOnlyPath(`\\server\share\setup.exe`); err == nil {
		t.Error("a network path judged without an error")
	}
}

// TestAdminOnlyPathRefusesWhatOthersCanWrite: under Wine Z:\tmp is the
// Unix /tmp, which everybody may write: Everyone modify.
func TestAdminOnlyPathRefusesWhatOthersCanWrite(t *testing.T) {
	if os.Getenv("TH_WINE") != "1" {
		t.Skip("uses Wine's Z:\\tmp")
	}
	dir, err := os.MkdirTemp(`Z:\tmp`, "th-dacl-")
	if err != nil {
		t.Skip("no Z:\\tmp here:", err)
	}
	prog := filepath.Join(dir, "setup.exe")
	t.Cleanup(func() { os.Remove(prog); os.Remove(dir) })
	if err := os.WriteFile(prog, []byte("MZ"), 0o644); err != nil {
		t.Fatal(err)
	}
	ok, why, err := AdminOnlyPath(prog)
	if err != nil || ok || !strings.Contains(why, SIDEveryone) {
		t.Errorf("a program under a world-writable folder: ok %v, %q, %v", ok, why, err)
	}
}

// TestAdminOnlyPathRealRuleUnderWine turns the Wine allowance off: Wine's
// user-owned System32 is then refused, as it would be on Windows.
func TestAdminOnlyPathRealRuleUnderWine(t *testing.T) {
	if !platform.IsWine() {
		t.Skip("Wine only")
	}
	saved := wineUserIsAdmin
	t.Cleanup(func() { wineUserIsAdmin = saved })
	wineUserIsAdmin = func() bool { return false }
	sys, _ := windows.GetSystemDirectory()
	ok, why, err := AdminOnlyPath(filepath.Join(sys, "msiexec.exe"))
	if err != nil || ok || !strings.Contains(why, "owned by S-1-5-21-") {
		t.Errorf("Wine's msiexec judged by the rule of Windows: ok %v, %q, %v", ok, why, err)
	}
}

// TestAdminOnlyPathStandardUser: a standard user's token (the user SID
// swapped in through the seam) cannot pass a folder the user owns.
func TestAdminOnlyPathStandardUser(t *testing.T) {
	saved := tokenPrincipals
	t.Cleanup(func() { tokenPrincipals = saved })
	dir := platformtest.TempDir(t)
	prog := filepath.Join(dir, "setup.exe")
	if err := os.WriteFile(prog, []byte("MZ"), 0o644); err != nil {
		t.Fatal(err)
	}
	sd, err := windows.GetNamedSecurityInfo(dir, windows.SE_FILE_OBJECT, windows.OWNER_SECURITY_INFORMATION)
	if err != nil {
		t.Fatal(err)
	}
	owner, _, _ := sd.Owner()
	tokenPrincipals = func() ([]string, error) { return []string{owner.String()}, nil }
	ok, why, err := AdminOnlyPath(prog)
	if err != nil || ok {
		t.Errorf("a program in the user's own temp folder: ok %v, %q, %v", ok, why, err)
	}
}

// TestAdminOnlyPathAsSystem: run as SYSTEM (an IT script's uninstall), the
// token's user is SYSTEM itself, an owner of the system's files and not a
// standard user: Windows' own msiexec still passes (it was refused: every
// folder is SYSTEM's to change).
func TestAdminOnlyPathAsSystem(t *testing.T) {
	saved := tokenPrincipals
	t.Cleanup(func() { tokenPrincipals = saved })
	tokenPrincipals = func() ([]string, error) { return []string{SIDSystem, SIDAdministrators}, nil }
	sys, err := windows.GetSystemDirectory()
	if err != nil {
		t.Fatal(err)
	}
	if ok, why, err := AdminOnlyPath(filepath.Join(sys, "msiexec.exe")); err != nil || !ok {
		t.Errorf("msiexec judged as SYSTEM: ok %v, %q, %v", ok, why, err)
	}
}
