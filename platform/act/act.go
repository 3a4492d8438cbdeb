package act

import (
	"context"
	"io"

	"transitionhelper/platform/trust"
)

// LaunchVerified starts the verified program with args, as Launch does
// (each argument passed as one, no shell; elevated through the UAC prompt
// with elevate on Windows; a refusal is platform.ErrCancelled) and waits
// for it. The handle stays open while the child starts. On Windows the
// path must still lead to the verified file before the start, and the
// started process's image (QueryFullProcessImageName) must be that same
// file (same path, same volume and file index) after it, started with the
// planned command: otherwise (detected after the start) the child is ended
// and the error wraps platform.ErrSwapped, and also platform.ErrNotStopped
// when it could not be ended. Outside Windows it launches v.Path.
func LaunchVerified(ctx context.Context, v *trust.VerifiedProgram, args []string, elevate bool, out io.Writer) (int, error) {
	return launchVerified(ctx, v, args, elevate, out)
}

// Launch starts program with args, each passed as one argument (no shell),
// and waits for it. With elevate on Windows it asks for administrator rights
// through the UAC prompt (ShellExecuteEx "runas"); a refusal is
// platform.ErrCancelled. Elsewhere elevation is the program's own business
// (pkexec). Output goes to out where the program writes any.
func Launch(ctx context.Context, program string, args []string, elevate bool, out io.Writer) (int, error) {
	return launch(ctx, program, args, elevate, out)
}

// SetRunOnce makes Windows start program with args once, at the next
// sign-in of this user (HKCU RunOnce); ClearRunOnce takes it back.
func SetRunOnce(name, program string, args ...string) error { return setRunOnce(name, program, args) }

// ClearRunOnce removes a RunOnce entry; a missing one is not an error.
func ClearRunOnce(name string) error { return clearRunOnce(name) }

// Restart restarts the computer now (the user has confirmed).
func Restart() error { return restart() }

// OpenAppsSettings opens Windows' list of installed apps.
func OpenAppsSettings() error { return openAppsSettings() }

// OpenWindowsSecurity opens Windows Security's virus protection page.
func OpenWindowsSecurity() error { return openWindowsSecurity() }
