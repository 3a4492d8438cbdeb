package platform

import (
	"os"

	"golang.org/x/sys/windows"
)

const attachParentProcess = ^uint32(0) // ATTACH_PARENT_PROCESS, (DWORD)-1

func attachParentConsole() {
	if usable(windows.STD_OUTPUT_HANDLE) {
		return // a console app, or output redirected: nothing to do
	}
	if attachConsole(attachParentProcess) != nil {
		return // started from Explorer: no console to attach to
	}
	if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
		os.Stdout = f
		if !usable(windows.STD_ERROR_HANDLE) {
			os.Stderr = f
		}
	}
}

func usable(std uint32) bool {
	h, err := windows.GetStdHandle(std)
	if err != nil || h == 0 || h == windows.InvalidHandle {
		return false
	}
	t, err := windows.GetFileType(h)
	return err == nil && t != windows.FILE_TYPE_UNKNOWN
}

func hasDisplay() bool { return true }
