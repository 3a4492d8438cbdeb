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
