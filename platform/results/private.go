package results

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"

	"transitionhelper/platform"
	"transitionhelper/platform/acl"
)

// A private file holds what no one but the user may read: the passwords a
// converter wrote for the user's new password manager. It is created new,
// never over a file that is there (whatever it is: a file, a link, a
// folder), readable and writable by its user alone from the moment it
// exists (mode 0600 given to open(2) and set again on the open file on
// Linux and macOS; on Windows a protected DACL of one entry, full control
// for the user's SID, handed to CreateFile itself), and never through a
// link at its last component.

// CreatePrivateFile creates path, which must not exist, readable by this
// user only, and writes data to it. An existing file is never opened or
// changed (platform.ErrFileExists). When the write fails after the file was
// created, the file is emptied through its handle and removed, so no half
// of data stays behind. When platform.Privileged, the folder must be one no
// standard user can change, as for WriteFileAtomic: an elevated app
// writing into the user's Downloads could be sent elsewhere by a link.
func CreatePrivateFile(path string, data []byte) error {
	path, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	if platform.Privileged() {
		if err := acl.OutputFolder(filepath.Dir(path)); err != nil {
			return err
		}
	}
	err = createPrivate(path, data)
	if errors.Is(err, fs.ErrExist) && !errors.Is(err, platform.ErrFileExists) {
		return fmt.Errorf("%s: %w", path, platform.ErrFileExists)
	}
	return err
}
