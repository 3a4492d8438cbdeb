//go:build unix

package results

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"transitionhelper/platform"
)

// TestWriteFileAtomicAsRoot: run as root (as IT's cron and Ansible run
// detect.sh), a result is written only into a folder that root alone may
// change, never through a link; the file behind a link is left alone.
func TestWriteFileAtomicAsRoot(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("the folder rule for root needs root-owned folders: run as root (CI does)")
	}
	base, err := os.MkdirTemp("", "th-output-") // in /tmp: sticky, so allowed above
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(base) })
	mk := func(name string, mode os.FileMode) string {
		p := filepath.Join(base, name)
		if err := os.Mkdir(p, mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, mode); err != nil { // past the umask
			t.Fatal(err)
		}
		return p
	}
	good := mk("good", 0o755)
	open := mk("open", 0o777)
	sticky := mk("sticky", 0o1777)
	loose := mk("loose", 0o777)
	below := filepath.Join(loose, "below")
	if err := os.Mkdir(below, 0o755); err != nil {
		t.Fatal(err)
	}
	victim := filepath.Join(base, "victim.txt")
	if err := os.WriteFile(victim, []byte("system file"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(good, filepath.Join(base, "link")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(victim, filepath.Join(good, "result-link.json")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(good, "a-folder.json"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(mk("users", 0o755), 1000, 1000); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, path string
		want       error
	}{
		{"a root-only folder", filepath.Join(good, "r.json"), nil},
		{"a folder others may write", filepath.Join(open, "r.json"), platform.ErrOutputFolderUnsafe},
		{"a sticky folder others may write", filepath.Join(sticky, "r.json"), platform.ErrOutputFolderUnsafe},
		{"below a folder others may write", filepath.Join(below, "r.json"), platform.ErrOutputFolderUnsafe},
		{"a folder of another user", filepath.Join(base, "users", "r.json"), platform.ErrOutputFolderUnsafe},
		{"a folder that is a link", filepath.Join(base, "link", "r.json"), platform.ErrOutputLink},
		{"a file that is a link", filepath.Join(good, "result-link.json"), platform.ErrOutputLink},
		{"a name taken by a folder", filepath.Join(good, "a-folder.json"), platform.ErrOutputNotFile},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := WriteFileAtomic(tc.path, []byte(`{"schema":"x"}`))
			if !errors.Is(err, tc.want) {
				t.Fatalf("err %v, want %v", err, tc.want)
			}
			if tc.want == nil {
				if got, _ := os.ReadFile(tc.path); string(got) != `{"schema":"x"}` {
					t.Errorf("wrote %q", got)
				}
				if m, _ := filepath.Glob(filepath.Join(filepath.Dir(tc.path), ".kth-*")); len(m) > 0 {
					t.Errorf("left %v", m)
				}
			}
		})
	}
	if got, _ := os.ReadFile(victim); string(got) != "system file" {
		t.Errorf("the file behind the link became %q", got)
	}
}

// TestWriteFileAtomicUnprivileged: without administrator rights the folder
// is the user's business (a write can go nowhere the user could not write
// anyway), but a link at the file's name is still refused.
func TestWriteFileAtomicUnprivileged(t *testing.T) {
	old := platform.Privileged
	platform.Privileged = func() bool { return false }
	t.Cleanup(func() { platform.Privileged = old })
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(filepath.Join(dir, "r.json"), []byte("x")); err != nil {
		t.Fatalf("a folder of the user's: %v", err)
	}
	if err := os.Symlink(filepath.Join(dir, "r.json"), filepath.Join(dir, "l.json")); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(filepath.Join(dir, "l.json"), []byte("y")); !errors.Is(err, platform.ErrOutputLink) {
		t.Fatalf("a link: %v", err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "r.json")); string(got) != "x" {
		t.Errorf("written through the link: %q", got)
	}
}
