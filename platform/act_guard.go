package platform

import (
	"errors"
	"strings"
)

// ErrClassOverride means this account's own registry (HKCU\Software\Classes)
// changes how Windows starts programs, so the administrator prompt could
// run something other than the verified program. Nothing was started.
var ErrClassOverride = errors.New("this account's registry changes how Windows starts programs")

// ErrUnsafeEnvironment means an environment variable of this account would
// make an elevated program load code it did not choose (a .NET profiler, a
// runtime from another folder, another command interpreter). Nothing was
// started.
var ErrUnsafeEnvironment = errors.New("this account's environment would load other code into the elevated program")

// UnsafeSettingError names the per-user settings that made an elevated
// start refuse, so a door can say what to remove. errors.Is matches Err:
// ErrClassOverride or ErrUnsafeEnvironment.
type UnsafeSettingError struct {
	Err error
	// Settings lists each one: a registry key (HKCU\...), or a variable's
	// name and where it is set.
	Settings []string
}

func (e *UnsafeSettingError) Error() string {
	return e.Err.Error() + ": " + strings.Join(e.Settings, "; ")
}

// Unwrap gives the sentinel.
func (e *UnsafeSettingError) Unwrap() error { return e.Err }

// CheckElevatedStart says whether this account's settings would let
// another program ride on an elevated start: on Windows the class keys of
// HKCU that change what ShellExecuteEx("runas") runs for a program, and the
// variables (in this process, HKCU\Environment or HKCU\Volatile
// Environment) that make programs load other code. It returns an
// *UnsafeSettingError, or nil. Every elevated start checks it; the removal
// flow also asks before the question. Outside Windows it returns nil.
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
