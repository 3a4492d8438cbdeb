//go:build !windows

package platform

import (
	"fmt"
	"os"
	"syscall"
)

func classOverrides() ([]ClassOverride, error) { return nil, ErrNotSupported }

func uiAutomation() error { return ErrNotSupported }

func isWine() bool { return false }

func userWritable(dir string) (bool, error) {
	if _, err := os.Stat(dir); err != nil {
		return false, err
	}
	const wOK = 2 // W_OK
	err := syscall.Access(dir, wOK)
	if err == nil {
		return true, nil
	}
	if err == syscall.EACCES || err == syscall.EROFS || err == syscall.EPERM {
		return false, nil
	}
	return false, fmt.Errorf("checking %s: %w", dir, err)
}

func pathOwner(path string) (OwnedPath, error) {
	fi, err := os.Lstat(path)
	if err != nil {
		return OwnedPath{}, err
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return OwnedPath{}, fmt.Errorf("no owner for %s", path)
	}
	return OwnedPath{Path: path, UID: st.Uid, Mode: fi.Mode()}, nil
}
