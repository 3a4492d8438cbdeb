//go:build windows

package act

import (
	"fmt"

	"golang.org/x/sys/windows"
)

const (
	mbOK            = 0x0
	mbIconWarning   = 0x30
	mbSetForeground = 0x10000
	mbTopmost       = 0x40000
)

func alert(title, text string) (string, error) {
	t, err := windows.UTF16PtrFromString(title)
	if err != nil {
		return "", err
	}
	x, err := windows.UTF16PtrFromString(text)
	if err != nil {
		return "", err
	}
	if _, err := windows.MessageBox(0, x, t, mbOK|mbIconWarning|mbSetForeground|mbTopmost); err != nil {
		return "", fmt.Errorf("showing a message box: %w", err)
	}
	return "MessageBox", nil
}

func openDocument(path string) error {
	p, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return err
	}
	if err := windows.ShellExecute(0, windows.StringToUTF16Ptr("open"), p, nil, nil, swShowNormal); err != nil {
		return fmt.Errorf("opening %s: %w", path, err)
	}
	return nil
}
