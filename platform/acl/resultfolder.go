package acl

import "slices"

// ResultFolderOwners are who may own the folder that IT's detection script
// writes into as SYSTEM: SYSTEM and Administrators.
var ResultFolderOwners = []string{SIDSystem, SIDAdministrators}

// LockedFolderSDDL is the security descriptor the MSI (through its
// MsiLockPermissionsEx table) and detect.ps1 give
// %ProgramFiles%\Kaspersky Transition Helper\results (under Program Files,
// where no standard user can make it first; it was under %ProgramData%,
// where any user can): owned by SYSTEM, protected from what its parent
// hands down, full control
// for SYSTEM and Administrators, read for Users.
const LockedFolderSDDL = "O:SYG:SYD:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)"

// JudgeResultFolder is detect.ps1's rule for the results folder, in Go: ok
// is false, with why, when the folder is a reparse point (a link or
// junction), is owned by anyone but SYSTEM or Administrators, or gives
// Everyone, Authenticated Users, Users or INTERACTIVE a right that lets
// them add, change or delete what it holds (judge with ObjectFolder; a
// NULL DACL counts as Everyone's full control, as .NET reads it). The app's
// own --output rule (WriteFileAtomic) is the same for the folder, except
// that any owner who is not a standard user will do.
func JudgeResultFolder(sddl string, reparsePoint bool) (ok bool, why string, err error) {
	if reparsePoint {
		return false, "it is a link or junction", nil
	}
	f, err := parseSDDL(sddl)
	if err != nil {
		return false, "", err
	}
	if !slices.Contains(ResultFolderOwners, f.Owner) {
		return false, "it is owned by " + f.Owner + ", not by SYSTEM or Administrators", nil
	}
	ok, why = judge(f, ObjectFolder, riskySet(nil))
	return ok, why, nil
}
