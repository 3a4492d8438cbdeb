//go:build unix

package platform

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

func privileged() bool { return os.Geteuid() == 0 }

// outputFolderSafe is the folder rule of WriteFileAtomic when Privileged.
func outputFolderSafe(dir string) error { return rootOnlyFolder(dir) }

// plainFileOrNothing refuses a path that is a link or is taken by something
// other than a regular file; lstat does not follow a link.
func plainFileOrNothing(path string) error {
	fi, err := os.Lstat(path)
	switch {
	case os.IsNotExist(err):
		return nil
	case err != nil:
		return err
	case fi.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("%s: %w", path, ErrOutputLink)
	case !fi.Mode().IsRegular():
		return fmt.Errorf("%s: %w", path, ErrOutputNotFile)
	}
	return nil
}

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
			return fmt.Errorf("%s: %w", p, ErrOutputLink)
		}
		st, ok := fi.Sys().(*syscall.Stat_t)
		switch {
		case !fi.IsDir():
			return fmt.Errorf("%s: %w", p, ErrOutputNotFile)
		case !ok || st.Uid != 0:
			return fmt.Errorf("%s is not owned by root: %w", p, ErrOutputFolderUnsafe)
		case fi.Mode().Perm()&0o022 != 0 && (first || fi.Mode()&fs.ModeSticky == 0):
			return fmt.Errorf("%s may be written by others (mode %v): %w", p, fi.Mode(), ErrOutputFolderUnsafe)
		}
		if parent := filepath.Dir(p); parent == p {
			return nil
		}
	}
}

func writeThenRename(dir, path string, data []byte) error {
	var r [8]byte
	if _, err := rand.Read(r[:]); err != nil {
		return err
	}
	tmp := filepath.Join(dir, ".kth-"+hex.EncodeToString(r[:])+".tmp")
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL|syscall.O_NOFOLLOW|syscall.O_CLOEXEC, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp) // before the rename: tmp is still ours
	}
	return err
}
