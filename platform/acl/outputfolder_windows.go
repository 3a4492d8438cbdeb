package acl

import (
	"fmt"
	"path/filepath"
	"slices"

	"golang.org/x/sys/windows"

	"transitionhelper/platform"
)

func outputFolder(dir string) error { return adminOnlyOutputFolder(dir) }

// adminOnlyOutputFolder: dir and every folder above it are real folders,
// not reparse points (a junction would send the write elsewhere, whatever
// its target's permissions), and their security descriptors, read on the
// same handle that was opened without following a link (so what is judged
// is what was opened), pass two rules: judge, with this process's user and
// groups as the standard user (dir as ObjectFolder, the folders above as
// ObjectVolumeRoot: entries may be added, as Users may in C:\ProgramData,
// but not deleted or renamed); and judgeAllowlist: the owner and everyone
// who may change the folder is SYSTEM, Administrators or a service, so a
// folder another standard user made or was given rights on is refused too.
// Nothing is resolved: the path judged is the path written.
func adminOnlyOutputFolder(dir string) error {
	if len(dir) < 3 || dir[1] != ':' || dir[2] != '\\' || !isLetter(dir[0]) {
		return fmt.Errorf("%s is not a folder on a local drive: %w", dir, platform.ErrOutputFolderUnsafe)
	}
	principals, err := tokenPrincipals()
	if err != nil {
		return err
	}
	// Run as SYSTEM, the token's user is SYSTEM itself: an owner, not a
	// standard user. An elevated administrator's own SID stays: what runs
	// unelevated in that session runs as it.
	risky := riskySet(slices.DeleteFunc(principals, adminPrincipal))
	// Under Wine every file belongs to the user, who is the administrator
	// there (see wineUserIsAdmin); on Windows no user is allowed.
	allowed := map[string]bool{}
	if wineUserIsAdmin() {
		if u, err := windows.GetCurrentProcessToken().GetTokenUser(); err == nil {
			allowed[u.User.Sid.String()] = true
		}
	}
	for p, kind := dir, ObjectFolder; ; kind = ObjectVolumeRoot {
		parent := filepath.Dir(p)
		facts, attrs, err := securityNoFollow(p)
		if err != nil {
			return fmt.Errorf("reading the permissions of %s: %w", p, err)
		}
		if parent != p { // a drive root is no link
			if attrs&windows.FILE_ATTRIBUTE_REPARSE_POINT != 0 {
				return fmt.Errorf("%s: %w", p, platform.ErrOutputLink)
			}
			if attrs&windows.FILE_ATTRIBUTE_DIRECTORY == 0 {
				return fmt.Errorf("%s: %w", p, platform.ErrOutputNotFile)
			}
		}
		if ok, why := judge(facts, kind, risky); !ok {
			return fmt.Errorf("%s: %s: %w", p, why, platform.ErrOutputFolderUnsafe)
		}
		if ok, why := judgeAllowlist(facts, kind, allowed); !ok {
			return fmt.Errorf("%s: %s: %w", p, why, platform.ErrOutputFolderUnsafe)
		}
		if parent == p {
			return nil
		}
		p = parent
	}
}

// securityNoFollow opens path without following a link at its last
// component and reads, on that one handle, its attributes (with the name's
// own, as Wine shows a link to a folder only there) and its owner and DACL.
func securityNoFollow(path string) (securityFacts, uint32, error) {
	p, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return securityFacts{}, 0, err
	}
	byName, err := windows.GetFileAttributes(p)
	if err != nil {
		return securityFacts{}, 0, err
	}
	h, err := windows.CreateFile(p, windows.FILE_READ_ATTRIBUTES|windows.READ_CONTROL,
		windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE|windows.FILE_SHARE_DELETE, nil,
		windows.OPEN_EXISTING, windows.FILE_FLAG_BACKUP_SEMANTICS|windows.FILE_FLAG_OPEN_REPARSE_POINT, 0)
	if err != nil {
		return securityFacts{}, 0, err
	}
	defer windows.CloseHandle(h)
	var info windows.ByHandleFileInformation
	if err := windows.GetFileInformationByHandle(h, &info); err != nil {
		return securityFacts{}, 0, err
	}
	sd, err := windows.GetSecurityInfo(h, windows.SE_FILE_OBJECT, windows.OWNER_SECURITY_INFORMATION|windows.DACL_SECURITY_INFORMATION)
	if err != nil {
		return securityFacts{}, 0, err
	}
	facts, err := factsFromSD(sd)
	return facts, info.FileAttributes | byName, err
}
