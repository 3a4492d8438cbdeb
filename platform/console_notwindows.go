//go:build !windows

package platform

import (
	"os"
	"runtime"
)

func attachParentConsole() {}

func hasDisplay() bool {
	if runtime.GOOS == "darwin" {
		return true
	}
	return os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != ""
}
