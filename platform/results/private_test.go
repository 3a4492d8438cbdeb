package results

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"transitionhelper/platform"
	"transitionhelper/platform/platformtest"
)

// unprivileged runs the test as a standard user would (Wine always runs
// as administrator).
func unprivileged(t *testing.T) {
	old := platform.Privileged
	platform.Privileged = func() bool { return false }
	t.Cleanup(func() { platform.Privileged = old })
}

// create calls CreatePrivateFile. Under Wine, which keeps a DACL of its
// own making (SYSTEM, the user, and Everyone reading), the read-back check
// refuses the file, as it must: then nothing of data may be left, and the
// test stops there (skipped).
func create(t *testing.T, path string, data []byte) {
	t.Helper()
	err := CreatePrivateFile(path, data)
	if err != nil && platform.IsWine() && errors.Is(err, platform.ErrNotPrivate) {
		// Wine 8 has no file-disposition call: the emptied file stays.
		if fi, serr := os.Stat(path); serr == nil && fi.Size() != 0 {
			t.Fatalf("refused under Wine, but %d bytes were left in %s", fi.Size(), path)
		}
		t.Skipf("Wine cannot hold the DACL; refused as it must be: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
}

func TestCreatePrivateFile(t *testing.T) {
	unprivileged(t)
	dir := platformtest.TempDir(t)
	path := filepath.Join(dir, "passwords.csv")
	data := []byte("name,url,username,password,note\r\nBank,https://bank.example,maria,\" p,\"\"1\"\" \",\n")
	create(t, path, data)
	got, err := os.ReadFile(path)
	if err != nil || string(got) != string(data) {
		t.Fatalf("read back %q, %v", got, err)
	}
	if runtime.GOOS != "windows" {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("mode %v, want 0600", fi.Mode().Perm())
		}
	}
}

func TestCreatePrivateFileEmpty(t *testing.T) {
	unprivileged(t)
	path := filepath.Join(platformtest.TempDir(t), "empty.csv")
	create(t, path, nil)
	if fi, err := os.Stat(path); err != nil || fi.Size() != 0 {
		t.Errorf("stat = %v, %v", fi, err)
	}
}

// TestCreatePrivateFileNeverOverwrites: a file that is there is an error
// and stays as it was.
func TestCreatePrivateFileNeverOverwrites(t *testing.T) {
	unprivileged(t)
	path := filepath.Join(platformtest.TempDir(t), "kept.csv")
	if err := os.WriteFile(path, []byte("the user's own file"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := CreatePrivateFile(path, []byte("secret"))
	if !errors.Is(err, platform.ErrFileExists) || !errors.Is(err, fs.ErrExist) {
		t.Fatalf("over an existing file: %v, want platform.ErrFileExists", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "the user's own file" {
		t.Errorf("the existing file became %q", got)
	}
}

func TestCreatePrivateFileNotOverFolder(t *testing.T) {
	unprivileged(t)
	path := filepath.Join(platformtest.TempDir(t), "folder")
	if err := os.Mkdir(path, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := CreatePrivateFile(path, []byte("secret")); err == nil {
		t.Fatal("created over a folder")
	}
}

// TestCreatePrivateFileNoLink: a link at the name, to a file or to
// nowhere, is refused; nothing is written where it points.
func TestCreatePrivateFileNoLink(t *testing.T) {
	unprivileged(t)
	dir := platformtest.TempDir(t)
	victim := filepath.Join(dir, "victim.txt")
	if err := os.WriteFile(victim, []byte("victim"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, target := range map[string]string{"to-file.csv": victim, "to-nowhere.csv": filepath.Join(dir, "nowhere.csv")} {
		link := filepath.Join(dir, name)
		if err := os.Symlink(target, link); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
		if err := CreatePrivateFile(link, []byte("secret")); err == nil {
			t.Errorf("%s: written through a link", name)
		}
	}
	if got, _ := os.ReadFile(victim); string(got) != "victim" {
		t.Errorf("the file behind the link became %q", got)
	}
	if _, err := os.Lstat(filepath.Join(dir, "nowhere.csv")); err == nil {
		t.Error("a file was created where the dangling link points")
	}
}

// TestCreatePrivateFilePrivilegedFolder: with administrator rights, a
// folder a standard user could change is refused, as for WriteFileAtomic.
func TestCreatePrivateFilePrivilegedFolder(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("on Windows the folder rule is adminOnlyOutputFolder's, tested with WriteFileAtomic")
	}
	old := platform.Privileged
	platform.Privileged = func() bool { return true }
	t.Cleanup(func() { platform.Privileged = old })
	dir := platformtest.TempDir(t)
	if err := os.Chmod(dir, 0o777); err != nil { // anyone may add or remove entries
		t.Fatal(err)
	}
	path := filepath.Join(dir, "p.csv")
	if err := CreatePrivateFile(path, []byte("secret")); !errors.Is(err, platform.ErrOutputFolderUnsafe) {
		t.Fatalf("a user's folder while privileged: %v, want platform.ErrOutputFolderUnsafe", err)
	}
	if _, err := os.Lstat(path); err == nil {
		t.Error("the file was created")
	}
}
