package results

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"golang.org/x/sys/windows"

	"transitionhelper/platform"
)

// attributesNoFollow reads the attributes of path itself, not of what a
// link or junction there points to: from a handle opened with
// FILE_FLAG_OPEN_REPARSE_POINT, and from GetFileAttributes, which does not
// follow links either. Both are asked because Wine 8 leaves the reparse
// bit out of the handle's information (while GetFileAttributes has it for
// a Unix link); on Windows both carry it.
func attributesNoFollow(path string) (uint32, error) {
	p, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return 0, err
	}
	byName, err := windows.GetFileAttributes(p)
	if err != nil {
		return 0, err
	}
	h, err := windows.CreateFile(p, windows.FILE_READ_ATTRIBUTES,
		windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE|windows.FILE_SHARE_DELETE, nil,
		windows.OPEN_EXISTING, windows.FILE_FLAG_BACKUP_SEMANTICS|windows.FILE_FLAG_OPEN_REPARSE_POINT, 0)
	if err != nil {
		return 0, err
	}
	defer windows.CloseHandle(h)
	var info windows.ByHandleFileInformation
	if err := windows.GetFileInformationByHandle(h, &info); err != nil {
		return 0, err
	}
	return info.FileAttributes | byName, nil
}

// plainFileOrNothing refuses a path that is a link, junction or other
// reparse point, or a folder or device.
func plainFileOrNothing(path string) error {
	a, err := attributesNoFollow(path)
	switch {
	case errors.Is(err, windows.ERROR_FILE_NOT_FOUND):
		return nil
	case err != nil:
		return fmt.Errorf("opening %s: %w", path, err)
	case a&windows.FILE_ATTRIBUTE_REPARSE_POINT != 0:
		return fmt.Errorf("%s: %w", path, platform.ErrOutputLink)
	case a&(windows.FILE_ATTRIBUTE_DIRECTORY|windows.FILE_ATTRIBUTE_DEVICE) != 0:
		return fmt.Errorf("%s: %w", path, platform.ErrOutputNotFile)
	}
	// Followed, the name must lead to itself: Wine 8 shows a Unix link to a
	// file with no reparse bit at all, but its final path is the target's.
	final, err := platform.FinalPath(path)
	if err != nil {
		return err
	}
	finalDir, err := platform.FinalPath(filepath.Dir(path))
	if err != nil {
		return err
	}
	if !strings.EqualFold(filepath.Dir(final), finalDir) || !strings.EqualFold(filepath.Base(final), filepath.Base(path)) {
		return fmt.Errorf("%s leads to %s: %w", path, final, platform.ErrOutputLink)
	}
	return nil
}

func writeThenRename(dir, path string, data []byte) error {
	var r [8]byte
	if _, err := rand.Read(r[:]); err != nil {
		return err
	}
	tmp := filepath.Join(dir, ".kth-"+hex.EncodeToString(r[:])+".tmp")
	tmp16, err := windows.UTF16PtrFromString(tmp)
	if err != nil {
		return err
	}
	path16, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return err
	}
	// CREATE_NEW: never an existing file or link; no sharing while written.
	h, err := windows.CreateFile(tmp16, windows.GENERIC_WRITE, 0, nil, windows.CREATE_NEW,
		windows.FILE_ATTRIBUTE_NORMAL|windows.FILE_FLAG_OPEN_REPARSE_POINT, 0)
	if err != nil {
		return fmt.Errorf("creating %s: %w", tmp, err)
	}
	for rest := data; len(rest) > 0 && err == nil; {
		var n uint32
		err = windows.WriteFile(h, rest, &n, nil)
		rest = rest[n:]
	}
	if err == nil {
		err = windows.FlushFileBuffers(h)
	}
	if cerr := windows.CloseHandle(h); err == nil {
		err = cerr
	}
	if err == nil {
		err = windows.MoveFileEx(tmp16, path16, windows.MOVEFILE_REPLACE_EXISTING|windows.MOVEFILE_WRITE_THROUGH)
	}
	if err != nil {
		windows.DeleteFile(tmp16) // before the rename: tmp is still ours
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
