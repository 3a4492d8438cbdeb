package platform

import "golang.org/x/sys/windows"

func elevatedUser() bool {
	if wineUserIsAdmin() {
		return false
	}
	tok := windows.GetCurrentProcessToken()
	if !tok.IsElevated() {
		return false
	}
	u, err := tok.GetTokenUser()
	// A token whose user cannot be read is taken as a user's: stopping is
	// the safe answer.
	return err != nil || u.User.Sid.String() != sidSystem
}

func privileged() bool {
	tok := windows.GetCurrentProcessToken()
	if tok.IsElevated() {
		return true
	}
	u, err := tok.GetTokenUser()
	return err == nil && u.User.Sid.String() == sidSystem
}

// sidSystem is SYSTEM's SID (platform/acl's SIDSystem).
const sidSystem = "S-1-5-18"
