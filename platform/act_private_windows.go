package platform

import (
	"errors"
	"fmt"
	"unsafe"

	"golang.org/x/sys/windows"
)

// privateSDDL is the security descriptor of a private file: owned by the
// user, a protected DACL (nothing inherited from the folder) with one
// entry, full control for the user. Administrators and SYSTEM are not
// named: they can take ownership, as of any file, but are not given it.
func privateSDDL(sid string) string { return "O:" + sid + "D:P(A;;FA;;;" + sid + ")" }

// createPrivate: CreateFile with CREATE_NEW (never an existing file, and a
// link or junction at the name exists too) and
// FILE_FLAG_OPEN_REPARSE_POINT, no sharing while it is written, and the
// security descriptor given at creation, so the file is never readable by
// anyone else, not even for a moment. On a failed write the file is
// marked for deletion through its own handle.
func createPrivate(path string, data []byte) error {
	u, err := windows.GetCurrentProcessToken().GetTokenUser()
	if err != nil {
		return fmt.Errorf("reading this user's SID: %w", err)
	}
	sd, err := windows.SecurityDescriptorFromString(privateSDDL(u.User.Sid.String()))
	if err != nil {
		return fmt.Errorf("making the file's permissions: %w", err)
	}
	sa := windows.SecurityAttributes{SecurityDescriptor: sd}
	sa.Length = uint32(unsafe.Sizeof(sa))
	p, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return err
	}
	h, err := windows.CreateFile(p, windows.GENERIC_WRITE|windows.DELETE, 0, &sa, windows.CREATE_NEW,
		windows.FILE_ATTRIBUTE_NORMAL|windows.FILE_FLAG_OPEN_REPARSE_POINT, 0)
	if errors.Is(err, windows.ERROR_FILE_EXISTS) || errors.Is(err, windows.ERROR_ALREADY_EXISTS) {
		return fmt.Errorf("%s: %w", path, ErrFileExists)
	}
	if err != nil {
		return fmt.Errorf("creating %s: %w", path, err)
	}
	for rest := data; len(rest) > 0 && err == nil; {
		var n uint32
		err = windows.WriteFile(h, rest, &n, nil)
		rest = rest[n:]
	}
	if err == nil {
		err = windows.FlushFileBuffers(h)
	}
	if err != nil {
		deleteByHandle(h)
		windows.CloseHandle(h)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := windows.CloseHandle(h); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// deleteByHandle empties the file and marks it for deletion on close:
// the file this handle created, whatever now has its name.
func deleteByHandle(h windows.Handle) {
	_ = windows.Ftruncate(h, 0) // nothing of data stays
	del := uint32(1)            // FILE_DISPOSITION_INFO.DeleteFile
	_ = windows.SetFileInformationByHandle(h, windows.FileDispositionInfo, (*byte)(unsafe.Pointer(&del)), uint32(unsafe.Sizeof(del)))
}
