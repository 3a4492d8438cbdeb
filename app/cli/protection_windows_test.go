package cli

import (
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"transitionhelper/app/detect"
	"transitionhelper/platform"
)

// TestRenamedDefenderIsNotProtectionUnderWine: a real program named
// MsMpEng.exe, started from a folder a standard user can change, runs but
// does not make scan --json say that Defender protects; its evidence names
// the program and why (Wine has no Security Center, so the process is all
// the scan sees, as on a Windows Server).
//
// Under Wine the user is the administrator and owns the whole prefix, its
// %TEMP% included, so a copy there passes the administrators-only rule as
// Wine's System32 does (acl.TestProcessImagesJudgedUnderWine shows a
// copy in %TEMP% refused by Windows' rule for a standard user). The copy
// here runs from Z:\tmp, the Unix /tmp, which Everyone may change: what
// %TEMP% is to a standard user on Windows, and refused by the rule as it
// stands, with no seam.
func TestRenamedDefenderIsNotProtectionUnderWine(t *testing.T) {
	if os.Getenv("TH_WINE") != "1" || !platform.IsWine() {
		t.Skip("starts a process: runs under Wine with TH_WINE=1 (make test-windows)")
	}
	dir, err := os.MkdirTemp(`Z:\tmp`, "th-defender-")
	if err != nil {
		t.Skip("no Z:\\tmp here:", err)
	}
	t.Cleanup(func() { time.Sleep(200 * time.Millisecond); os.RemoveAll(dir) })
	pid := startRenamed(t, dir, "MsMpEng.exe")

	var got ScanJSON
	var def *detect.Finding
	for deadline := time.Now().Add(15 * time.Second); def == nil; {
		got, _ = runJSON(t, Env{Service: thisComputer(t)})
		for i := range got.Findings {
			if got.Findings[i].ProductID == "microsoft-defender" {
				def = &got.Findings[i]
			}
		}
		if def == nil && time.Now().After(deadline) {
			t.Fatalf("the renamed copy (pid %d) was not seen: %+v", pid, got.Findings)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if def.State != detect.StateRunning {
		t.Errorf("Defender's state %s: the copy runs", def.State)
	}
	if slices.Contains(got.Protection, "Microsoft Defender") || detect.Protects(*def) {
		t.Errorf("a user's MsMpEng.exe counted as protection: activeProtection %q", got.Protection)
	}
	var said []string
	for _, e := range def.Evidence {
		said = append(said, e.String())
	}
	all := strings.Join(said, "\n")
	if !strings.Contains(all, `Z:\tmp`) || !strings.Contains(all, "not counted as protection") || !strings.Contains(all, "standard user can change it") {
		t.Errorf("the evidence does not say where the program is and why it does not count:\n%s", all)
	}
	t.Logf("evidence:\n%s", all)
}
