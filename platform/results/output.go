package results

import (
	"path/filepath"

	"transitionhelper/platform"
	"transitionhelper/platform/acl"
)

// Writing a result file (scan --output, report --output). When the app runs
// elevated or as SYSTEM (Intune and RMM agents run IT scripts so), a folder
// a standard user created or may change would let that user turn our write
// into a write anywhere: a junction from the folder to \RPC Control and an
// object link named like our file is the classic ProgramData attack. So the
// file is written only into a folder no standard user can change, never
// through a link, and nothing is deleted by name after the rename.

// WriteFileAtomic writes data to path through a new temporary file in the
// same folder, then renames it over path, so a reader never sees half a
// file. It refuses (platform.ErrOutputLink) when path itself is a link, junction or
// other reparse point (it is checked without following it:
// FILE_FLAG_OPEN_REPARSE_POINT on Windows, lstat elsewhere) or names a
// folder or device (platform.ErrOutputNotFile). When platform.Privileged, it also refuses
// (platform.ErrOutputFolderUnsafe, platform.ErrOutputLink) a folder that a standard user could
// change: the folder must be judged safe as ObjectFolder (no user may add,
// delete or rename what it holds, re-permission or take it), and every
// folder above it as a drive root is (users may add entries, as they may in
// C:\ProgramData, but not delete, rename or re-permission them); none of
// them may be a link or junction. On Linux and macOS the same rule is read
// from owners and modes: every folder owned by root, the folder itself
// writable by no one else, a folder above it only if sticky. The temporary
// file is created new (never opened if it exists), and removed by name only
// when the write fails before the rename, in a folder the check has shown
// no user can change; after the rename nothing is removed.
func WriteFileAtomic(path string, data []byte) error {
	path, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	dir := filepath.Dir(path)
	if platform.Privileged() {
		if err := acl.OutputFolder(dir); err != nil {
			return err
		}
	}
	if err := plainFileOrNothing(path); err != nil {
		return err
	}
	return writeThenRename(dir, path, data)
}
