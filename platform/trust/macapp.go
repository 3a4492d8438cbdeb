package trust

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"

	"transitionhelper/platform"
)

// VerifyMacApp checks a macOS uninstaller app before it is opened: the
// bundle and every folder above it are owned by root and writable by no
// group or other user (so no program running as the user can have put it
// there or changed it), it lies in no user's home folder, and its code
// signature is valid, strict, and a Developer ID signature of teamID
// (checked by Apple's codesign against a designated requirement). Outside
// macOS it returns platform.ErrNotSupported.
func VerifyMacApp(app, teamID string) error { return verifyMacApp(app, teamID) }

// teamIDPattern is what Apple's ten-character team identifiers look like.
var teamIDPattern = regexp.MustCompile(`^[A-Z0-9]{10}$`)

// MacAppRequirement is the codesign requirement for an app signed with a
// Developer ID Application certificate of teamID: Apple's anchor, the
// Developer ID intermediate (OID 1.2.840.113635.100.6.2.6), the Developer ID
// Application leaf (1.2.840.113635.100.6.1.13) and the team in the leaf's OU.
func MacAppRequirement(teamID string) (string, error) {
	if !teamIDPattern.MatchString(teamID) {
		return "", fmt.Errorf("team id %q is not ten capital letters and digits", teamID)
	}
	return `anchor apple generic and certificate 1[field.1.2.840.113635.100.6.2.6] exists and ` +
		`certificate leaf[field.1.2.840.113635.100.6.1.13] exists and certificate leaf[subject.OU] = "` + teamID + `"`, nil
}

// JudgeMacBundleContents decides on what is inside a bundle: every file,
// folder and link must be root's, and no file or folder writable by its
// group or others, so nothing in it can be changed between the signature
// check and the start.
func JudgeMacBundleContents(entries []platform.OwnedPath) (ok bool, why string) {
	for _, e := range entries {
		switch {
		case e.UID != 0:
			return false, fmt.Sprintf("%s is owned by user %d, not root", e.Path, e.UID)
		case e.Mode&fs.ModeSymlink == 0 && e.Mode.Perm()&0o022 != 0:
			return false, fmt.Sprintf("%s can be changed by others (mode %v)", e.Path, e.Mode.Perm())
		}
	}
	return true, ""
}

// JudgeMacBundle decides on the ownership of an app bundle and the folders
// above it (from the bundle up to /): every one must be owned by root (uid
// 0) and writable by neither its group nor others, and none may be a link;
// a bundle in a home folder (/Users/…, ~/Applications) is refused whoever
// owns it. ok false comes with the reason.
func JudgeMacBundle(app string, chain []platform.OwnedPath) (ok bool, why string) {
	clean := path.Clean(app)
	if !path.IsAbs(clean) || !strings.HasSuffix(clean, ".app") {
		return false, fmt.Sprintf("%s is not an app bundle's full path", app)
	}
	// APFS is case-insensitive: /users/ann is /Users/ann.
	if low := strings.ToLower(clean); strings.HasPrefix(low, "/users/") || strings.HasPrefix(low, "/var/") || strings.HasPrefix(low, "/private/") ||
		strings.HasPrefix(low, "/tmp/") || strings.HasPrefix(low, "/volumes/") {
		return false, fmt.Sprintf("%s is in a folder users can write to", app)
	}
	want := map[string]bool{}
	for p := clean; ; p = path.Dir(p) {
		want[p] = true
		if p == "/" {
			break
		}
	}
	for _, c := range chain {
		if !want[c.Path] {
			continue
		}
		delete(want, c.Path)
		switch {
		case c.Mode&fs.ModeSymlink != 0:
			return false, fmt.Sprintf("%s is a link", c.Path)
		case c.UID != 0:
			return false, fmt.Sprintf("%s is owned by user %d, not root", c.Path, c.UID)
		case c.Mode.Perm()&0o022 != 0 && c.Mode&fs.ModeSticky == 0:
			return false, fmt.Sprintf("%s can be changed by others (mode %v)", c.Path, c.Mode.Perm())
		case c.Mode.Perm()&0o022 != 0:
			// A sticky world-writable folder (/tmp) still lets anyone add files.
			return false, fmt.Sprintf("%s can be written by others (mode %v)", c.Path, c.Mode)
		}
	}
	if len(want) > 0 {
		return false, fmt.Sprintf("%d folders above %s were not checked", len(want), app)
	}
	return true, ""
}
