package act

import "strings"

// CheckElevatedStart says whether this account's settings would let
// another program ride on an elevated start: on Windows the class keys of
// HKCU that change what ShellExecuteEx("runas") runs for a program
// (platform.GuardedClassKeys, the doctor's list too), and the variables (in
// this process, HKCU\Environment or HKCU\Volatile Environment) that make
// programs load other code. It returns a *platform.UnsafeSettingError
// (platform.ErrClassOverride or platform.ErrUnsafeEnvironment), or nil.
// Every elevated start checks it; the removal flow also asks before the
// question. It only reads. Outside Windows it returns nil.
func CheckElevatedStart() error { return checkElevatedStart() }

func containsFold(list []string, s string) bool {
	for _, l := range list {
		if strings.EqualFold(l, s) {
			return true
		}
	}
	return false
}

// samePath compares two Windows paths as Windows does: case-insensitive,
// either slash, no trailing separator.
func samePath(a, b string) bool {
	clean := func(p string) string {
		return strings.TrimRight(strings.ReplaceAll(strings.TrimSpace(p), "/", `\`), `\`)
	}
	return strings.EqualFold(clean(a), clean(b))
}
