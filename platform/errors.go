package platform

import (
	"errors"
	"strings"
)

// The errors of starting a program, shared by platform/act (which returns
// them), app/service and the doors (which tell them apart): kept here with
// the other shared types, so a door needs no import of the package that acts.

// ErrCancelled means the user said no to the administrator prompt.
var ErrCancelled = errors.New("cancelled by the user")

// ErrSwapped means the program that started is not the file that was
// verified, or was started with another command: something replaced it,
// the folder above it or the command between the check and the start.
// This is detection after the start, not prevention: the started process
// may have run for a moment. It has been ended, unless the error also
// wraps ErrNotStopped.
var ErrSwapped = errors.New("the program was replaced after it was verified")

// ErrNotStopped, always with ErrSwapped, means the started program was
// found not to be the planned one and could not be ended (a program of the
// user usually may not end an elevated one): it may still be running with
// administrator rights. The doors say so.
var ErrNotStopped = errors.New("the started program could not be ended")

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
