package platform

import (
	"errors"
	"fmt"
	"io/fs"
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

// Why a result file is not written; platform/results' WriteFileAtomic
// wraps one of them.
var (
	// ErrOutputFolderUnsafe: the app runs with administrator rights and a
	// standard user could add, replace or re-permission what is in the
	// folder (or delete or rename the folder or one above it).
	ErrOutputFolderUnsafe = errors.New("a standard user could change the folder")
	// ErrOutputLink: the file, its folder or a folder above it is a link,
	// junction or other reparse point.
	ErrOutputLink = errors.New("the path goes through a link or junction")
	// ErrOutputNotFile: something that is not a plain file (a folder, a
	// device) already has the file's name.
	ErrOutputNotFile = errors.New("the name is taken by something that is not a file")
)

// ErrFileExists: platform/results' CreatePrivateFile found something with the file's name.
// errors.Is(err, fs.ErrExist) holds too.
var ErrFileExists = fmt.Errorf("the file already exists: %w", fs.ErrExist)

// ErrNotPrivate: the new file's permissions, read back before a byte is
// written, are not the user's alone, so nothing of data was written (on
// Windows the DACL read back from the handle; Wine keeps a DACL of its own
// making and always answers this). The file is emptied and removed by its
// handle where the system can (Wine 8 leaves the empty file).
var ErrNotPrivate = errors.New("the new file's permissions are not the user's alone")
