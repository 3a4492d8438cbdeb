package results

import (
	"path/filepath"
	"testing"
	"unsafe"

	"golang.org/x/sys/windows"

	"transitionhelper/platform/platformtest"
)

// TestCreatePrivateFileDACL reads the new file's security back: owned by
// this user, a protected DACL (nothing inherited from the folder) of one
// entry that allows this user full control, and nobody else.
func TestCreatePrivateFileDACL(t *testing.T) {
	unprivileged(t)
	path := filepath.Join(platformtest.TempDir(t), "passwords.csv")
	create(t, path, []byte("secret"))
	u, err := windows.GetCurrentProcessToken().GetTokenUser()
	if err != nil {
		t.Fatal(err)
	}
	sd, err := windows.GetNamedSecurityInfo(path, windows.SE_FILE_OBJECT,
		windows.OWNER_SECURITY_INFORMATION|windows.DACL_SECURITY_INFORMATION)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("security descriptor: %s", sd.String())
	owner, _, err := sd.Owner()
	if err != nil {
		t.Fatal(err)
	}
	if !owner.Equals(u.User.Sid) {
		t.Errorf("owner %s, want this user %s", owner, u.User.Sid)
	}
	control, _, err := sd.Control()
	if err != nil {
		t.Fatal(err)
	}
	if control&windows.SE_DACL_PROTECTED == 0 {
		t.Error("the DACL is not protected: the folder's entries may be inherited")
	}
	dacl, _, err := sd.DACL()
	if err != nil || dacl == nil {
		t.Fatalf("no DACL (%v): everyone could read the file", err)
	}
	if dacl.AceCount != 1 {
		t.Fatalf("%d entries in the DACL, want 1", dacl.AceCount)
	}
	var ace *windows.ACCESS_ALLOWED_ACE
	if err := windows.GetAce(dacl, 0, &ace); err != nil {
		t.Fatal(err)
	}
	if ace.Header.AceType != windows.ACCESS_ALLOWED_ACE_TYPE {
		t.Errorf("entry type %d, want allow", ace.Header.AceType)
	}
	if ace.Header.AceFlags&windows.INHERITED_ACE != 0 {
		t.Error("the entry is inherited")
	}
	const fileAllAccess = 0x1F01FF
	if ace.Mask != fileAllAccess {
		t.Errorf("mask %#x, want FILE_ALL_ACCESS", ace.Mask)
	}
	sid := (*windows.SID)(unsafe.Pointer(&ace.SidStart))
	if !sid.Equals(u.User.Sid) {
		t.Errorf("the entry is for %s, want this user %s", sid, u.User.Sid)
	}
}
