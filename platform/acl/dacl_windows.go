package acl

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"unsafe"

	"golang.org/x/sys/windows"

	"transitionhelper/platform"
)

// How Wine is judged. Under Wine every process runs as an elevated member
// of Administrators, and every file of the prefix belongs to the Unix user's
// SID, which has full control (Wine derives descriptors from Unix modes:
// owner = the user, the user FA, Everyone read and execute, or Everyone
// modify where the Unix mode lets others write, as /tmp does). There is no
// standard user to protect against: the user IS the administrator. So,
// only when ntdll.dll exports wine_get_version (which the real ntdll of
// Windows never does), the user's own SID counts as an administrator:
// ownership by it and grants to it are not held against a path. Everyone,
// Authenticated Users, Users and INTERACTIVE still are, so a folder
// writable by others on the Unix side (/tmp, Z:\tmp) is refused under Wine
// too. On Windows nothing of this applies: no environment variable, build
// tag or file turns it on, and a standard user is never an administrator.
// platform.IsWine tells (once); a seam for tests.
var wineUserIsAdmin = platform.IsWine

// tokenPrincipals gives the SIDs that stand for the user in this process's
// token: the user and every enabled group that is not an administrator
// principal. A seam for tests.
var tokenPrincipals = func() ([]string, error) {
	tok := windows.GetCurrentProcessToken()
	u, err := tok.GetTokenUser()
	if err != nil {
		return nil, fmt.Errorf("reading this process's user: %w", err)
	}
	user := u.User.Sid.String()
	var sids []string
	if !wineUserIsAdmin() {
		sids = append(sids, user)
	}
	groups, err := tok.GetTokenGroups()
	if err != nil {
		return nil, fmt.Errorf("reading this process's groups: %w", err)
	}
	for _, g := range groups.AllGroups() {
		if g.Attributes&windows.SE_GROUP_ENABLED == 0 || g.Attributes&(windows.SE_GROUP_USE_FOR_DENY_ONLY|windows.SE_GROUP_INTEGRITY) != 0 {
			continue
		}
		if s := g.Sid.String(); !adminPrincipal(s) {
			sids = append(sids, s)
		}
	}
	return sids, nil
}

// adminPrincipal reports whether sid is one that only administrators and
// the system hold; an elevated token has them enabled.
func adminPrincipal(sid string) bool { return isAdminPrincipal(sid) }

func adminOnlyPath(path string) (bool, string, error) {
	if len(path) < 3 || path[1] != ':' || path[2] != '\\' || !isLetter(path[0]) {
		return false, "", fmt.Errorf("%q is not a path on a local drive", path)
	}
	final, err := platform.FinalPath(path)
	if err != nil {
		return false, "", err
	}
	principals, err := tokenPrincipals()
	if err != nil {
		return false, "", err
	}
	// Run as SYSTEM (an IT script's `uninstall`), the token's user is
	// SYSTEM itself: an owner, not a standard user (as the output judge
	// does); otherwise every folder, all SYSTEM's, was refused.
	risky := riskySet(slices.DeleteFunc(principals, adminPrincipal))
	// Under Wine every file belongs to the user, who is the administrator
	// there (see wineUserIsAdmin); on Windows no user is allowed.
	allowed := map[string]bool{}
	if wineUserIsAdmin() {
		if u, err := windows.GetCurrentProcessToken().GetTokenUser(); err == nil {
			allowed[strings.ToUpper(u.User.Sid.String())] = true
		}
	}
	for p, kind := final, ObjectKind(-1); ; {
		parent := filepath.Dir(p)
		switch {
		case parent == p:
			kind = ObjectVolumeRoot
		case kind < 0 && !isDirectory(p):
			kind = ObjectFile
		default:
			kind = ObjectFolder
		}
		sd, err := windows.GetNamedSecurityInfo(p, windows.SE_FILE_OBJECT,
			windows.OWNER_SECURITY_INFORMATION|windows.DACL_SECURITY_INFORMATION)
		if err != nil {
			return false, "", fmt.Errorf("reading the permissions of %s: %w", p, err)
		}
		facts, err := factsFromSD(sd)
		if err != nil {
			return false, "", fmt.Errorf("reading the permissions of %s: %w", p, err)
		}
		if ok, why := judgeProgramObject(facts, kind, risky, allowed); !ok {
			return false, p + ": " + why, nil
		}
		if parent == p {
			return true, "", nil
		}
		p = parent
	}
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isDirectory(p string) bool {
	a, err := windows.GetFileAttributes(windows.StringToUTF16Ptr(p))
	return err == nil && a&windows.FILE_ATTRIBUTE_DIRECTORY != 0
}

// factsFromSD reads the owner and the DACL's ACEs of a security descriptor.
func factsFromSD(sd *windows.SECURITY_DESCRIPTOR) (securityFacts, error) {
	var f securityFacts
	if owner, _, err := sd.Owner(); err == nil && owner != nil {
		f.Owner = owner.String()
	}
	dacl, _, err := sd.DACL()
	if errors.Is(err, windows.ERROR_OBJECT_NOT_FOUND) || (err == nil && dacl == nil) {
		f.NullDACL = true
		return f, nil
	}
	if err != nil {
		return f, err
	}
	for i := range uint32(dacl.AceCount) {
		var ace *windows.ACCESS_ALLOWED_ACE
		if err := windows.GetAce(dacl, i, &ace); err != nil {
			return f, fmt.Errorf("reading ACE %d: %w", i, err)
		}
		a := aceFact{Flags: ace.Header.AceFlags, Mask: uint32(ace.Mask), Type: aceOther}
		sidAt := unsafe.Pointer(&ace.SidStart)
		switch ace.Header.AceType {
		case 0x0, 0x9: // ACCESS_ALLOWED, ACCESS_ALLOWED_CALLBACK
			a.Type = aceAllow
		case 0x1, 0xA: // ACCESS_DENIED, ACCESS_DENIED_CALLBACK
			a.Type = aceDeny
		case 0x5, 0xB: // ACCESS_ALLOWED_OBJECT, ACCESS_ALLOWED_CALLBACK_OBJECT
			a.Type = aceAllow
			// Flags, then the object type GUIDs present, then the SID.
			flags := *(*uint32)(sidAt)
			off := uintptr(4)
			if flags&1 != 0 {
				off += 16
			}
			if flags&2 != 0 {
				off += 16
			}
			sidAt = unsafe.Add(sidAt, off)
		}
		a.SID = (*windows.SID)(sidAt).String()
		f.ACEs = append(f.ACEs, a)
	}
	return f, nil
}

func userWritable(dir string) (bool, error) {
	ok, _, err := adminOnlyPath(dir)
	if err != nil {
		return false, err
	}
	return !ok, nil
}
