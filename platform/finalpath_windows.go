package platform

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/sys/windows"
)

// volumeNameDOS asks GetFinalPathNameByHandle for a drive-letter path.
const volumeNameDOS = 0x0

// FinalPath is where path really leads: the file or folder opened (not
// locked: every sharing allowed) and its path asked of Windows, links and
// junctions resolved, in drive-letter form. So a rule about folders is
// judged on the folders that really hold the file (acl.AdminOnlyPath), and a
// result name is checked to lead to itself. Windows only.
func FinalPath(path string) (string, error) {
	p, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return "", err
	}
	h, err := windows.CreateFile(p, windows.FILE_READ_ATTRIBUTES,
		windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE|windows.FILE_SHARE_DELETE, nil,
		windows.OPEN_EXISTING, windows.FILE_FLAG_BACKUP_SEMANTICS, 0)
	if err != nil {
		return "", fmt.Errorf("opening %s: %w", path, err)
	}
	defer windows.CloseHandle(h)
	return FinalPathByHandle(h)
}

// FinalPathByHandle is the path Windows gives for an open handle
// (GetFinalPathNameByHandle), links and junctions resolved, the \\?\
// prefix dropped but for a UNC path. Windows only.
func FinalPathByHandle(h windows.Handle) (string, error) {
	buf := make([]uint16, windows.MAX_LONG_PATH)
	n, err := windows.GetFinalPathNameByHandle(h, &buf[0], uint32(len(buf)), volumeNameDOS)
	if err != nil {
		return "", fmt.Errorf("resolving the final path: %w", err)
	}
	if int(n) >= len(buf) {
		return "", errors.New("resolving the final path: too long")
	}
	s := windows.UTF16ToString(buf[:n])
	if rest, ok := strings.CutPrefix(s, `\\?\`); ok && !strings.HasPrefix(rest, `UNC\`) {
		s = rest
	}
	return s, nil
}
