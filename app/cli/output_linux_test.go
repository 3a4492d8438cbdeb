package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"transitionhelper/platform"
)

// TestScanOutputRefusedWhereUsersReachAsRoot: the Linux twin of
// TestScanOutputRefusedWhereUsersReachUnderWine. Run as root (as cron and
// Ansible run detect.sh), `scan --json --output` refuses a folder that is a
// link, a result name that is a link, and a folder others may write; the
// file behind the link stays as it was.
func TestScanOutputRefusedWhereUsersReachAsRoot(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("the rule for root needs root: run as root (CI does)")
	}
	base, err := os.MkdirTemp("", "th-cli-output-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(base) })
	good, open := filepath.Join(base, "good"), filepath.Join(base, "open")
	for _, d := range []string{good, open} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(open, 0o777); err != nil {
		t.Fatal(err)
	}
	victim := filepath.Join(base, "victim")
	if err := os.WriteFile(victim, []byte("system file"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(good, filepath.Join(base, "link")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(victim, filepath.Join(good, "host2.json")); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, file string
		code       int
		why        string
	}{
		{"a folder only root changes", filepath.Join(good, "host1.json"), ExitOK, ""},
		{"a folder that is a link", filepath.Join(base, "link", "host3.json"), ExitFailure, platform.ErrOutputLink.Error()},
		{"a result name that is a link", filepath.Join(good, "host2.json"), ExitFailure, platform.ErrOutputLink.Error()},
		{"a folder others may write", filepath.Join(open, "host1.json"), ExitFailure, platform.ErrOutputFolderUnsafe.Error()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := Run(context.Background(), []string{"scan", "--json", "--output", tc.file, "--summary"},
				Env{Stdout: &stdout, Stderr: &stderr, AppName: "th", Version: "test",
					Service: testService(t, fixedScan(platform.Snapshot{OS: platform.OSInfo{Family: "linux"}}), nil)})
			if code != tc.code || !strings.Contains(stdout.String(), tc.why) {
				t.Fatalf("exit %d (want %d), stdout %q (want %q), stderr %q", code, tc.code, stdout.String(), tc.why, stderr.String())
			}
		})
	}
	if got, _ := os.ReadFile(victim); string(got) != "system file" {
		t.Errorf("the file behind the link became %q", got)
	}
	if _, err := os.Stat(filepath.Join(good, "host3.json")); err == nil {
		t.Error("the result went through the folder link")
	}
}
