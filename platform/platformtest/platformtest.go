// Package platformtest holds what the tests of platform and its packages
// (trust, acl, results, act) share: a temporary folder Wine can remove, and
// the Wine fixtures (the fake uninstallers .ci/wine-fixtures builds). Only
// tests import it (app/internal/deptest keeps it so).
package platformtest

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TempDir is a temporary folder removed even under Wine 8, where Go's
// os.RemoveAll fails ("Invalid function"): entries are then removed one by
// one, deepest first. (app/internal/testtmp does the same for app/.)
func TempDir(t testing.TB) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "th-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if os.RemoveAll(dir) == nil {
			return
		}
		var paths []string
		_ = filepath.WalkDir(dir, func(p string, _ fs.DirEntry, err error) error {
			if err == nil {
				paths = append(paths, p)
			}
			return nil
		})
		for i := len(paths) - 1; i >= 0; i-- {
			_ = os.Remove(paths[i])
		}
	})
	return dir
}

// WineFixtures is the folder of the Wine fixtures (TH_WINE_FIXTURES); the
// test is skipped without it.
func WineFixtures(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("TH_WINE_FIXTURES")
	if dir == "" {
		t.Skip("needs TH_WINE_FIXTURES (make test-windows)")
	}
	return dir
}

// CopyFile copies from to to, executable.
func CopyFile(t testing.TB, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o755); err != nil {
		t.Fatal(err)
	}
}

// Installed puts the signed fake uninstaller at dir\app\uninst.exe, in a
// new temporary folder.
func Installed(t testing.TB) (app, prog string) {
	t.Helper()
	fixtures := WineFixtures(t)
	app = filepath.Join(TempDir(t), "app")
	if err := os.Mkdir(app, 0o755); err != nil {
		t.Fatal(err)
	}
	prog = filepath.Join(app, "uninst.exe")
	CopyFile(t, filepath.Join(fixtures, "signed.exe"), prog)
	return app, prog
}

// StartCopy starts the fixtures' fake uninstaller (unsigned.exe), copied
// to dir as name, running for two minutes; it is ended when the test ends.
func StartCopy(t testing.TB, dir, name string) (pid int32, path string) {
	t.Helper()
	path = filepath.Join(dir, name)
	CopyFile(t, filepath.Join(WineFixtures(t), "unsigned.exe"), path)
	cmd := exec.Command(path, "-wait", "2m")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	return int32(cmd.Process.Pid), path
}
