package acl

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/windows"

	"transitionhelper/platform"
)

// TestOutputFolderAsSystemAndAsAUser: the folder rule of WriteFileAtomic
// with the token seen as SYSTEM's (as Intune runs detect.ps1) and as a
// standard user's. Run as SYSTEM, SYSTEM's own SID is the token's user but
// no standard user: a folder SYSTEM may change is accepted. When the token's
// user may change the folder (under Wine it owns every file), it is refused.
func TestOutputFolderAsSystemAndAsAUser(t *testing.T) {
	dir, err := os.MkdirTemp("", "th-outdir-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Remove(dir) })
	me, err := windows.GetCurrentProcessToken().GetTokenUser()
	if err != nil {
		t.Fatal(err)
	}
	old := tokenPrincipals
	t.Cleanup(func() { tokenPrincipals = old })

	tokenPrincipals = func() ([]string, error) {
		return []string{SIDSystem, SIDAuthenticatedUsers, SIDUsers, SIDInteractive}, nil
	}
	if err := adminOnlyOutputFolder(dir); err != nil {
		t.Errorf("as SYSTEM: %v", err)
	}
	tokenPrincipals = func() ([]string, error) {
		return []string{me.User.Sid.String(), SIDAuthenticatedUsers, SIDUsers}, nil
	}
	if err := adminOnlyOutputFolder(dir); !errors.Is(err, platform.ErrOutputFolderUnsafe) {
		t.Errorf("as the user who owns it: %v", err)
	}
	if err := adminOnlyOutputFolder(`\\server\share\kth`); !errors.Is(err, platform.ErrOutputFolderUnsafe) {
		t.Errorf("a share: %v", err)
	}
	if err := adminOnlyOutputFolder(filepath.Join(dir, "missing")); err == nil {
		t.Error("a missing folder was accepted")
	}
}
