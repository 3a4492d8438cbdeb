package acl

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/windows"

	"transitionhelper/platform"
	"transitionhelper/platform/platformtest"
)

// judgedProcesses runs the scan's process probe (platform.ScanProcesses)
// with judge and this package's rule until every pid is seen.
func judgedProcesses(t *testing.T, judge func(string) bool, pids ...int32) map[int32]platform.Process {
	t.Helper()
	for deadline := time.Now().Add(15 * time.Second); ; {
		procs, err := platform.ScanProcesses(t.Context(), platform.Options{JudgeImage: judge, AdminOnly: AdminOnlyPath})
		if err != nil {
			t.Fatal(err)
		}
		byPID := map[int32]platform.Process{}
		for _, p := range procs {
			byPID[p.PID] = p
		}
		missing := false
		for _, pid := range pids {
			if _, ok := byPID[pid]; !ok {
				missing = true
			}
		}
		if !missing {
			return byPID
		}
		if time.Now().After(deadline) {
			t.Fatalf("processes %v not seen", pids)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestProcessImagesJudgedUnderWine: real processes named MsMpEng.exe. The
// probe reads the program of the named processes only (never of the
// others) and judges its folder by AdminOnlyPath's rule.
//
// Wine's user is the administrator and owns every folder of the prefix,
// its %TEMP% and System32 alike, so by Wine's allowance (see
// dacl_windows.go) a copy in %TEMP% is administrators-only there. Two runs
// show the rule: with Windows' own rule for a standard user (the Wine
// allowance off, as TestAdminOnlyPathRealRuleUnderWine does) the copy in
// %TEMP% is refused, owned by the user; with Wine's, a copy in Z:\tmp
// (the Unix /tmp, which Everyone may change) is refused, and Wine's
// System32 services.exe is administrators-only.
func TestProcessImagesJudgedUnderWine(t *testing.T) {
	if !platform.IsWine() {
		t.Skip("Wine only")
	}
	tmpPID, tmpPath := platformtest.StartCopy(t, platformtest.TempDir(t), "MsMpEng.exe")
	open, err := os.MkdirTemp(`Z:\tmp`, "th-image-")
	if err != nil {
		t.Skip("no Z:\\tmp here:", err)
	}
	t.Cleanup(func() { time.Sleep(200 * time.Millisecond); os.RemoveAll(open) })
	openPID, openPath := platformtest.StartCopy(t, open, "MsMpEng.exe")
	judge := func(name string) bool {
		return strings.EqualFold(name, "MsMpEng.exe") || strings.EqualFold(name, "services.exe")
	}

	t.Run("Windows' rule for a standard user", func(t *testing.T) {
		saved := wineUserIsAdmin
		t.Cleanup(func() { wineUserIsAdmin = saved })
		wineUserIsAdmin = func() bool { return false }
		p := judgedProcesses(t, judge, tmpPID)[tmpPID]
		t.Logf("%s: admin-only %v, %s", p.Image, p.ImageAdminOnly, p.ImageWhy)
		if !strings.EqualFold(p.Image, tmpPath) {
			t.Errorf("image %q, want %q", p.Image, tmpPath)
		}
		if p.ImageAdminOnly || !strings.Contains(p.ImageWhy, "a standard user can change it") || !strings.Contains(p.ImageWhy, "S-1-5-21-") {
			t.Errorf("a copy in %%TEMP%%: admin-only %v, why %q", p.ImageAdminOnly, p.ImageWhy)
		}
	})
	t.Run("Wine's rule", func(t *testing.T) {
		procs := judgedProcesses(t, judge, openPID)
		p := procs[openPID]
		t.Logf("%s: admin-only %v, %s", p.Image, p.ImageAdminOnly, p.ImageWhy)
		if !strings.EqualFold(p.Image, openPath) || p.ImageAdminOnly || !strings.Contains(p.ImageWhy, SIDEveryone) {
			t.Errorf("a copy in Z:\\tmp: image %q, admin-only %v, why %q", p.Image, p.ImageAdminOnly, p.ImageWhy)
		}
		sys, _ := windows.GetSystemDirectory()
		var services, others int
		for _, q := range procs {
			switch {
			case strings.EqualFold(q.Name, "services.exe"):
				services++
				t.Logf("%s: admin-only %v", q.Image, q.ImageAdminOnly)
				if !strings.EqualFold(q.Image, filepath.Join(sys, "services.exe")) || !q.ImageAdminOnly || q.ImageWhy != "" {
					t.Errorf("Wine's services.exe: image %q, admin-only %v, why %q", q.Image, q.ImageAdminOnly, q.ImageWhy)
				}
			case !judge(q.Name):
				if q.Image != "" || q.ImageAdminOnly || q.ImageWhy != "" {
					t.Errorf("%s (pid %d) was opened though no signature names it: %+v", q.Name, q.PID, q)
				}
				others++
			}
		}
		if services == 0 || others == 0 {
			t.Errorf("services.exe seen %d times, other processes %d", services, others)
		}
	})
}
