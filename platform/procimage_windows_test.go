package platform

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/windows"
)

// startCopy starts the fixtures' fake uninstaller, copied to dir as name,
// running for two minutes; it is ended when the test ends.
func startCopy(t *testing.T, dir, name string) (pid int32, path string) {
	t.Helper()
	fixtures := os.Getenv("TH_WINE_FIXTURES")
	if fixtures == "" {
		t.Skip("needs the Wine fixtures (make test-windows)")
	}
	data, err := os.ReadFile(filepath.Join(fixtures, "unsigned.exe"))
	if err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(path, "-wait", "2m")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	return int32(cmd.Process.Pid), path
}

// judgedProcesses runs the process probe with judge until pid is seen.
func judgedProcesses(t *testing.T, judge func(string) bool, pids ...int32) map[int32]Process {
	t.Helper()
	for deadline := time.Now().Add(15 * time.Second); ; {
		var snap Snapshot
		if err := probeProcesses(context.Background(), &Options{JudgeImage: judge}, &snap); err != nil {
			t.Fatal(err)
		}
		if !snap.ProcessImagesJudged {
			t.Fatal("the snapshot does not say its programs were judged")
		}
		byPID := map[int32]Process{}
		for _, p := range snap.Processes {
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
	if !runningOnWine() {
		t.Skip("Wine only")
	}
	tmpPID, tmpPath := startCopy(t, tempDir(t), "MsMpEng.exe")
	open, err := os.MkdirTemp(`Z:\tmp`, "th-image-")
	if err != nil {
		t.Skip("no Z:\\tmp here:", err)
	}
	t.Cleanup(func() { time.Sleep(200 * time.Millisecond); os.RemoveAll(open) })
	openPID, openPath := startCopy(t, open, "MsMpEng.exe")
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
	t.Run("no JudgeImage, nothing opened", func(t *testing.T) {
		var snap Snapshot
		if err := probeProcesses(context.Background(), &Options{}, &snap); err != nil {
			t.Fatal(err)
		}
		for _, q := range snap.Processes {
			if q.Image != "" || q.ImageWhy != "" || snap.ProcessImagesJudged {
				t.Fatalf("judged without being asked: %+v", q)
			}
		}
	})
}

// TestProcessImageOfAnEndedProcess: a process gone since the snapshot (or
// one that cannot be opened) is not administrators-only, and why says so.
func TestProcessImageOfAnEndedProcess(t *testing.T) {
	image, ok, why := judgeProcessImage(0xFFFFFFF0, "MsMpEng.exe")
	if ok || image != "" || !strings.Contains(why, "could not be read") {
		t.Errorf("no such process: %q %v %q", image, ok, why)
	}
}
