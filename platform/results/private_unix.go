//go:build !windows

package results

import "os"

// createPrivate (every system but Windows): O_CREAT|O_EXCL never opens
// what is there, a symbolic link included, even one to nowhere (POSIX:
// open fails with EEXIST), so no link is followed; Go opens every file
// close-on-exec. The mode is set again on the open file, as the umask may
// have taken bits away (it never adds any).
func createPrivate(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	err = f.Chmod(0o600)
	if err == nil {
		_, err = f.Write(data)
	}
	if err == nil {
		err = f.Sync()
	}
	if err != nil {
		_ = f.Truncate(0) // nothing of data stays, whatever happens to the name
		undo(f, path)
		return err
	}
	return f.Close()
}

// undo closes f and removes path if it is still the file f created.
func undo(f *os.File, path string) {
	held, herr := f.Stat()
	f.Close()
	named, nerr := os.Lstat(path)
	if herr == nil && nerr == nil && os.SameFile(held, named) {
		os.Remove(path)
	}
}
