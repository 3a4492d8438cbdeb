package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"transitionhelper/app/internal/testtmp"
	"transitionhelper/platform"
)

// TestScanOutputRefusedWhereUsersReachUnderWine: the app runs as an
// administrator under Wine (as detect.ps1 runs it as SYSTEM on Windows), so
// `scan --json --output` refuses a folder that is a link, a result name
// that is a link, and a folder a standard user could change (Wine shows
// Unix /tmp, writable by all, as Everyone may modify); it writes into a
// folder only administrators can change. The file behind the link stays.
func TestScanOutputRefusedWhereUsersReachUnderWine(t *testing.T) {
	wineFixtures(t) // skips unless under Wine with the fixtures made
	if !platform.Privileged() {
		t.Fatal("Wine runs every program as an elevated administrator; Privileged says no")
	}
	// The links are on the prefix's C: drive (.ci/wine-fixtures), so the
	// folders above them are judged as Wine shows C:, wherever the checkout is.
	out := `C:\th-output`
	if _, err := os.Stat(filepath.Join(out, "victim.txt")); err != nil {
		t.Fatalf("the link fixtures are missing (make test-windows makes them): %v", err)
	}
	open, err := os.MkdirTemp(`Z:\tmp`, "th-output-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { testtmp.RemoveAll(open) })
	good := testtmp.Dir(t)
	for _, tc := range []struct {
		name, file string
		code       int
		why        string
	}{
		{"a folder only administrators change", filepath.Join(good, "PC-042.json"), ExitOK, ""},
		{"a folder that is a link", filepath.Join(out, "folder-link", "PC-042.json"), ExitFailure, platform.ErrOutputLink.Error()},
		{"a result name that is a link", filepath.Join(out, "real", "result-link.json"), ExitFailure, platform.ErrOutputLink.Error()},
		{"a folder users may write", filepath.Join(open, "PC-042.json"), ExitFailure, platform.ErrOutputFolderUnsafe.Error()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := Run(context.Background(), []string{"scan", "--json", "--output", tc.file, "--summary"},
				Env{Stdout: &stdout, Stderr: &stderr, AppName: "th", Version: "test",
					Service: testService(t, fixedScan(platform.Snapshot{OS: platform.OSInfo{Family: "windows"}}), nil)})
			if code != tc.code || !strings.Contains(stdout.String(), tc.why) {
				t.Fatalf("exit %d (want %d), stdout %q (want %q), stderr %q", code, tc.code, stdout.String(), tc.why, stderr.String())
			}
			if tc.code == ExitFailure {
				if !strings.HasPrefix(stdout.String(), "FAILED: ") {
					t.Errorf("stdout %q", stdout.String())
				}
				if m, _ := filepath.Glob(filepath.Join(filepath.Dir(tc.file), ".kth-*")); len(m) > 0 {
					t.Errorf("left %v", m)
				}
			} else if data, err := os.ReadFile(tc.file); err != nil || !bytes.Contains(data, []byte(ScanSchema)) {
				t.Errorf("the result: %v %q", err, data)
			}
		})
	}
	if got, _ := os.ReadFile(filepath.Join(out, "victim.txt")); string(got) != "system file" {
		t.Errorf("the file behind the link became %q", got)
	}
	if _, err := os.Stat(filepath.Join(out, "real", "PC-042.json")); err == nil {
		t.Error("the result went through the folder link")
	}
}
