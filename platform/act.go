package platform

import (
	"context"
	"errors"
	"io"
)

// ErrCancelled means the user said no to the administrator prompt.
var ErrCancelled = errors.New("cancelled by the user")

// SignatureInfo is what Windows says of a program's Authenticode signature.
type SignatureInfo struct {
	// Present: the file carries a signature.
	Present bool `json:"present"`
	// Trusted: WinVerifyTrust accepts it (chain to a trusted root, intact file).
	Trusted    bool   `json:"trusted"`
	TrustError string `json:"trustError,omitempty"`
	// Signer is the signing certificate's subject name, such as "AO Kaspersky Lab".
	Signer string `json:"signer,omitempty"`
}

// VerifySignature checks a program's Authenticode signature and reads its
// signer. Outside Windows it reports no signature.
func VerifySignature(path string) SignatureInfo { return verifySignature(path) }

// Launch starts program with args, each passed as one argument (no shell),
// and waits for it. With elevate on Windows it asks for administrator rights
// through the UAC prompt (ShellExecuteEx "runas"); a refusal is
// ErrCancelled. Elsewhere elevation is the program's own business (pkexec).
// Output goes to out where the program writes any.
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
