//go:build unix

package acl

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"transitionhelper/platform"
)

func outputFolder(dir string) error { return rootOnlyFolder(dir) }

// rootOnlyFolder is the rule for root: dir and every folder above it owned
// by root and not links; dir writable by no one else; a folder above it
// writable by others only if sticky (/tmp), where no one else may delete or
// rename the root-owned entry below it.
func rootOnlyFolder(dir string) error {
	for p, first := dir, true; ; p, first = filepath.Dir(p), false {
		fi, err := os.Lstat(p)
		if err != nil {
			return err
		}
		if fi.Mode()&fs.ModeSymlink != 0 {
			return fmt.Errorf("%s: %w", p, platform.ErrOutputLink)
		}
		st, ok := fi.Sys().(*syscall.Stat_t)
		switch {
		case !fi.IsDir():
			return fmt.Errorf("%s: %w", p, platform.ErrOutputNotFile)
		case !ok || st.Uid != 0:
			return fmt.Errorf("%s is not owned by root: %w", p, platform.ErrOutputFolderUnsafe)
		case fi.Mode().Perm()&0o022 != 0 && (first || fi.Mode()&fs.ModeSticky == 0):
			return fmt.Errorf("%s may be written by others (mode %v): %w", p, fi.Mode(), platform.ErrOutputFolderUnsafe)
		}
		if parent := filepath.Dir(p); parent == p {
			return nil
		}
	}
}
