package act

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/windows/registry"

	"transitionhelper/platform"
	"transitionhelper/platform/platformtest"
)

func TestRunOnceAndRebootPending(t *testing.T) {
	if os.Getenv("TH_WINE") != "1" {
		t.Skip("changes the registry: runs under Wine with TH_WINE=1")
	}
	if err := SetRunOnce("THTest", `C:\Program Files\TH\th.exe`, "--resume", "step 4"); err != nil {
		t.Fatal(err)
	}
	k, err := registry.OpenKey(registry.CURRENT_USER, runOncePath, registry.QUERY_VALUE)
	if err != nil {
		t.Fatal(err)
	}
	v, _, err := k.GetStringValue("THTest")
	k.Close()
	if err != nil || v != `"C:\Program Files\TH\th.exe" --resume "step 4"` {
		t.Errorf("RunOnce value %q, %v", v, err)
	}
	if err := ClearRunOnce("THTest"); err != nil {
		t.Fatal(err)
	}
	if err := ClearRunOnce("THTest"); err != nil {
		t.Errorf("clearing twice: %v", err)
	}

	sm, err := registry.OpenKey(registry.LOCAL_MACHINE, `SYSTEM\CurrentControlSet\Control\Session Manager`, registry.SET_VALUE|registry.QUERY_VALUE)
	if err != nil {
		t.Fatal(err)
	}
	defer sm.Close()
	before, _, _ := sm.GetStringsValue("PendingFileRenameOperations")
	if err := sm.SetStringsValue("PendingFileRenameOperations", []string{`\??\C:\old.dll`, ``}); err != nil {
		t.Fatal(err)
	}
	if !platform.RebootPending() {
		t.Error("PendingFileRenameOperations set, but no restart pending")
	}
	if len(before) == 0 {
		_ = sm.DeleteValue("PendingFileRenameOperations")
		if platform.RebootPending() {
			t.Error("restart still pending after the value was removed")
		}
	} else {
		_ = sm.SetStringsValue("PendingFileRenameOperations", before)
	}
}

func TestLaunchElevatedReturnsTheExitCode(t *testing.T) {
	fixtures := platformtest.WineFixtures(t)
	code, err := Launch(t.Context(), filepath.Join(fixtures, "unsigned.exe"), []string{"-exit", "3010"}, true, nil)
	if err != nil || code != 3010 {
		t.Errorf("code %d, %v", code, err)
	}
}
