//go:build !windows

package acl

import (
	"fmt"
	"os"
	"syscall"

	"transitionhelper/platform"
)

func adminOnlyPath(string) (bool, string, error) { return false, "", platform.ErrNotSupported }

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
