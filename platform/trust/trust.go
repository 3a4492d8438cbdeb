package trust

import "transitionhelper/platform"

// VerifySignature checks a program's signature and reads its signer:
// OpenVerified, then Close (the doctor's check of msiexec). Outside
// Windows it reports no signature.
func VerifySignature(path string) platform.SignatureInfo {
	v, err := OpenVerified(path)
	if err != nil {
		return platform.SignatureInfo{TrustError: err.Error()}
	}
	defer v.Close()
	return v.Signature()
}

// VerifiedProgram is a program opened once and verified through that open
// handle, which it holds so the file cannot be changed, renamed or deleted
// (no write or delete sharing) until Close. platform/act starts it
// (act.LaunchVerified), checking that what starts is this very file.
type VerifiedProgram struct {
	// Path is the path the program was opened by.
	Path string
	sig  platform.SignatureInfo // the result of verifying the open file
	held heldFile               // the open handle and the file's identity (Windows)
}

// OpenVerified opens the program at path for reading, sharing it for
// reading only, and verifies that open file: on Windows WinVerifyTrust on
// the handle (WINTRUST_FILE_INFO.hFile), revocation from the local cache
// only (WTD_CACHE_ONLY_URL_RETRIEVAL, WTD_REVOKE_WHOLECHAIN), the signer's
// exact CN, O and C read from the certificate of that same verification; when
// the file has no embedded signature, through Windows' catalogs
// (CryptCATAdmin…, WTD_CHOICE_CATALOG); see platform.SignatureInfo.Method. err is set
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
func (v *VerifiedProgram) Signature() platform.SignatureInfo { return v.sig }

// Held reports whether the file is still held open (not yet closed).
func (v *VerifiedProgram) Held() bool { return v.held.open() }

// Close releases the file. Closing twice is harmless.
func (v *VerifiedProgram) Close() error { return v.held.close() }
