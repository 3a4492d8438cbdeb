// Package testtmp gives tests a temporary folder that is removed even under
// Wine 8, whose missing file-disposition call makes Go's os.RemoveAll (and so
// t.TempDir's cleanup) fail there with "Invalid function".
package testtmp

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// Dir makes a temporary folder that is removed when the test ends.
func Dir(t testing.TB) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "th-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := RemoveAll(dir); err != nil {
			t.Logf("leaving %s behind: %v", dir, err)
		}
	})
	return dir
}

// RemoveAll is os.RemoveAll, falling back to removing entries one by one,
// deepest first, with os.Remove (DeleteFile and RemoveDirectory on Windows).
func RemoveAll(dir string) error {
	if err := os.RemoveAll(dir); err == nil {
		return nil
	}
	var paths []string
	err := filepath.WalkDir(dir, func(path string, _ fs.DirEntry, err error) error {
		if err == nil {
			paths = append(paths, path)
		}
		return nil
	})
	if err != nil {
		return err
	}
	slices.Reverse(paths) // children before their folders
	for _, p := range paths {
		if err := os.Remove(p); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	return nil
}
