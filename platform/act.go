package platform

import (
	"context"
	"errors"
	"io"
)

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

// How a program's trust was established, in SignatureInfo.Method.
const (
	// MethodEmbedded: an Authenticode signature inside the file.
	MethodEmbedded = "embedded"
	// MethodCatalog: a signed catalog (.cat) of Windows lists the file's
	// hash, as for most files in System32.
	MethodCatalog = "catalog"
	// MethodSystemFileIdentity: no catalog could be checked (Wine has no
	// catalog database), and the file is SystemMsiexec itself: reached by
	// that exact path, the same file by its handle, in folders only
	// administrators can change (AdminOnlyPath). Only msiexec is accepted so.
	MethodSystemFileIdentity = "system-file-identity"
)

// SignatureInfo is what Windows says of a program's signature.
type SignatureInfo struct {
	// Present: the file carries a signature, embedded or through a catalog.
	Present bool `json:"present"`
	// Trusted: Windows accepts it (WinVerifyTrust: a chain to a trusted root,
	// not revoked as far as the local cache knows, an intact file), or, with
	// MethodSystemFileIdentity, the file is the system's own msiexec.
	Trusted    bool   `json:"trusted"`
	TrustError string `json:"trustError,omitempty"`
	// Signer is the exact common name (CN) of the signing certificate's
	// subject, such as "AO Kaspersky Lab", taken from the same verification
	// that decided Trusted; for a catalog, the catalog's signer. When
	// Trusted is false it is only what the failing signature claims.
	Signer string `json:"signer,omitempty"`
	// Organization is the exact organization (O) of that subject.
	Organization string `json:"organization,omitempty"`
	// Country is the exact country (C) of that subject.
	Country string `json:"country,omitempty"`
	// Method says how Trusted was decided: MethodEmbedded, MethodCatalog or
	// MethodSystemFileIdentity; empty when nothing could be verified.
	Method string `json:"method,omitempty"`
	// RevocationUnknown: the chain verifies, but the local cache could not
	// say whether a certificate was revoked (nothing is fetched from the
	// network). A revoked certificate is never Trusted.
	RevocationUnknown bool `json:"revocationUnknown,omitempty"`
}

// VerifySignature checks a program's signature and reads its signer:
// OpenVerified, then Close (the doctor's check of msiexec). Outside
// Windows it reports no signature.
func VerifySignature(path string) SignatureInfo {
	v, err := OpenVerified(path)
	if err != nil {
		return SignatureInfo{TrustError: err.Error()}
	}
	defer v.Close()
	return v.Signature()
}

// VerifiedProgram is a program opened once and verified through that open
// handle, which it holds so the file cannot be changed, renamed or deleted
// (no write or delete sharing) until Close.
type VerifiedProgram struct {
	// Path is the path the program was opened by.
	Path string
	sig  SignatureInfo // the result of verifying the open file
	held heldFile      // the open handle and the file's identity (Windows)
}

// OpenVerified opens the program at path for reading, sharing it for
// reading only, and verifies that open file: on Windows WinVerifyTrust on
// the handle (WINTRUST_FILE_INFO.hFile), revocation from the local cache
// only (WTD_CACHE_ONLY_URL_RETRIEVAL, WTD_REVOKE_WHOLECHAIN), the signer's
// exact CN, O and C read from the certificate of that same verification; when
// the file has no embedded signature, through Windows' catalogs
// (CryptCATAdmin…, WTD_CHOICE_CATALOG); see SignatureInfo.Method. err is set
// only when the file cannot be opened; an untrusted file is a
// VerifiedProgram whose Signature() says why. Outside Windows the file is
// opened and Signature() is empty (Present false). Close it when done.
func OpenVerified(path string) (*VerifiedProgram, error) { return openVerified(path) }

// FinalPath is where the held file really is: on Windows the path Windows
// gives for the open handle (GetFinalPathNameByHandle), links and junctions
// resolved, so a rule about folders can be judged on the file that will
// start rather than on a name that may lead elsewhere.
func (v *VerifiedProgram) FinalPath() (string, error) { return v.held.finalPath(v.Path) }

// Signature is what the verification of the open file said.
func (v *VerifiedProgram) Signature() SignatureInfo { return v.sig }

// Close releases the file. Closing twice is harmless.
func (v *VerifiedProgram) Close() error { return v.held.close() }

// Launch starts the verified program with args, as Launch does
// (each argument passed as one, no shell; elevated through the UAC prompt
// with elevate on Windows; a refusal is ErrCancelled) and waits for it. The
// handle stays open while the child starts. On Windows the path must still
// lead to the verified file before the start, and the started process's
// image (QueryFullProcessImageName) must be that same file (same path,
// same volume and file index) after it, started with the planned command:
// otherwise (detected after the start) the child is ended and the error
// wraps ErrSwapped, and also ErrNotStopped when it could not be ended. Outside Windows it launches v.Path.
func (v *VerifiedProgram) Launch(ctx context.Context, args []string, elevate bool, out io.Writer) (int, error) {
	return launchVerified(ctx, v, args, elevate, out)
}

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
