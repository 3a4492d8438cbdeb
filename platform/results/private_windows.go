package results

import (
	"errors"
	"fmt"
	"unsafe"

	"golang.org/x/sys/windows"

	"transitionhelper/platform"
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
// anyone else, not even for a moment. The same DACL is then set again on
// the handle and read back before a byte is written: Wine keeps its own
// default DACL from CreateFile (SYSTEM and the user, inherited), and a
// file whose DACL is not the one asked for is not written at all. On a
// failed write the file is emptied and marked for deletion through its
// own handle.
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
	// Wine 8 shows a Unix symbolic link only to GetFileAttributes (see
	// attributesNoFollow), and CREATE_NEW replaces one there: anything at
	// the name is refused first. On Windows CREATE_NEW alone would do.
	if _, err := windows.GetFileAttributes(p); err == nil {
		return fmt.Errorf("%s: %w", path, platform.ErrFileExists)
	}
	h, err := windows.CreateFile(p, windows.GENERIC_WRITE|windows.DELETE|windows.READ_CONTROL|windows.WRITE_DAC, 0, &sa,
		windows.CREATE_NEW, windows.FILE_ATTRIBUTE_NORMAL|windows.FILE_FLAG_OPEN_REPARSE_POINT, 0)
	if errors.Is(err, windows.ERROR_FILE_EXISTS) || errors.Is(err, windows.ERROR_ALREADY_EXISTS) {
		return fmt.Errorf("%s: %w", path, platform.ErrFileExists)
	}
	if err != nil {
		return fmt.Errorf("creating %s: %w", path, err)
	}
	err = setPrivateDACL(h, sd, u.User.Sid)
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

// setPrivateDACL sets sd's DACL, protected, on the open file and checks
// what the file now says: one entry, allowing full control, to user.
func setPrivateDACL(h windows.Handle, sd *windows.SECURITY_DESCRIPTOR, user *windows.SID) error {
	dacl, _, err := sd.DACL()
	if err != nil {
		return err
	}
	if err := windows.SetSecurityInfo(h, windows.SE_FILE_OBJECT,
		windows.DACL_SECURITY_INFORMATION|windows.PROTECTED_DACL_SECURITY_INFORMATION, nil, nil, dacl, nil); err != nil {
		return fmt.Errorf("setting the file's permissions: %w", err)
	}
	got, err := windows.GetSecurityInfo(h, windows.SE_FILE_OBJECT, windows.DACL_SECURITY_INFORMATION)
	if err != nil {
		return fmt.Errorf("reading the file's permissions back: %w", err)
	}
	if !onlyUser(got, user) {
		return fmt.Errorf("%w: they are %s", platform.ErrNotPrivate, got)
	}
	return nil
}

// onlyUser: sd's DACL is protected and has one entry, allowing user full
// control (FILE_ALL_ACCESS).
func onlyUser(sd *windows.SECURITY_DESCRIPTOR, user *windows.SID) bool {
	control, _, err := sd.Control()
	if err != nil || control&windows.SE_DACL_PROTECTED == 0 {
		return false
	}
	dacl, _, err := sd.DACL()
	if err != nil || dacl == nil || dacl.AceCount != 1 {
		return false
	}
	var ace *windows.ACCESS_ALLOWED_ACE
	if windows.GetAce(dacl, 0, &ace) != nil {
		return false
	}
	const fileAllAccess = 0x1F01FF
	sid := (*windows.SID)(unsafe.Pointer(&ace.SidStart))
	return ace.Header.AceType == windows.ACCESS_ALLOWED_ACE_TYPE && ace.Mask == fileAllAccess && sid.Equals(user)
}

// deleteByHandle empties the file and marks it for deletion on close:
// the file this handle created, whatever now has its name.
func deleteByHandle(h windows.Handle) {
	_ = windows.Ftruncate(h, 0) // nothing of data stays
	del := uint32(1)            // FILE_DISPOSITION_INFO.DeleteFile
	_ = windows.SetFileInformationByHandle(h, windows.FileDispositionInfo, (*byte)(unsafe.Pointer(&del)), uint32(unsafe.Sizeof(del)))
}
