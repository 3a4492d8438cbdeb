package platform

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"transitionhelper/platform/platformtest"
)

// judgedProcesses runs the process probe with judge and rule until pid is
// seen.
func judgedProcesses(t *testing.T, judge func(string) bool, rule func(string) (bool, string, error), pids ...int32) map[int32]Process {
	t.Helper()
	for deadline := time.Now().Add(15 * time.Second); ; {
		var snap Snapshot
		if err := probeProcesses(context.Background(), &Options{JudgeImage: judge, AdminOnly: rule}, &snap); err != nil {
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

// TestProcessImagesJudgedByTheRuleGiven: the probe opens only the
// processes JudgeImage names, reads their program and hands exactly that
// path to Options.AdminOnly, whose verdict it keeps; with no rule given,
// nothing counts as administrators-only. (The real rule, acl.AdminOnlyPath,
// on real processes: acl.TestProcessImagesJudgedUnderWine.)
func TestProcessImagesJudgedByTheRuleGiven(t *testing.T) {
	if !runningOnWine() {
		t.Skip("Wine only: starts a fixture")
	}
	pid, path := platformtest.StartCopy(t, platformtest.TempDir(t), "MsMpEng.exe")
	judge := func(name string) bool { return strings.EqualFold(name, "MsMpEng.exe") }
	var asked []string
	rule := func(p string) (bool, string, error) {
		asked = append(asked, p)
		return false, "the test's rule says no", nil
	}
	p := judgedProcesses(t, judge, rule, pid)[pid]
	if !strings.EqualFold(p.Image, path) || p.ImageAdminOnly || !strings.Contains(p.ImageWhy, "the test's rule says no") {
		t.Errorf("judged by the test's rule: %+v", p)
	}
	if !slices.ContainsFunc(asked, func(a string) bool { return strings.EqualFold(a, path) }) {
		t.Errorf("the rule was asked about %q, not %q", asked, path)
	}
	p = judgedProcesses(t, judge, nil, pid)[pid]
	if !strings.EqualFold(p.Image, path) || p.ImageAdminOnly || !strings.Contains(p.ImageWhy, "no rule") {
		t.Errorf("no rule given: %+v", p)
	}
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
	image, ok, why := judgeProcessImage(0xFFFFFFF0, "MsMpEng.exe", func(string) (bool, string, error) { return true, "", nil })
	if ok || image != "" || !strings.Contains(why, "could not be read") {
		t.Errorf("no such process: %q %v %q", image, ok, why)
	}
}
