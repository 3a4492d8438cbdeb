package trust

import (
	"path/filepath"
	"testing"

	"golang.org/x/sys/windows"

	"transitionhelper/platform"
	"transitionhelper/platform/platformtest"
)

// TestSystemMsiexecTrusted: Wine has no catalog database, and Wine's
// msiexec has no signature: it is accepted by its identity, and only it.
func TestSystemMsiexecTrusted(t *testing.T) {
	s := VerifySignature(platform.SystemMsiexec())
	if !s.Trusted || (s.Method != platform.MethodCatalog && s.Method != platform.MethodSystemFileIdentity) {
		t.Errorf("the system's msiexec: %+v", s)
	}
	t.Logf("msiexec trusted by %s", s.Method)
	// A copy elsewhere is not the system's msiexec.
	cp := filepath.Join(platformtest.TempDir(t), "msiexec.exe")
	platformtest.CopyFile(t, platform.SystemMsiexec(), cp)
	if s := VerifySignature(cp); s.Trusted && s.Method == platform.MethodSystemFileIdentity {
		t.Errorf("a copy of msiexec trusted by identity: %+v", s)
	}
	// Another unsigned system program is not msiexec.
	sys, _ := windows.GetSystemDirectory()
	if s := VerifySignature(filepath.Join(sys, "notepad.exe")); s.Method == platform.MethodSystemFileIdentity {
		t.Errorf("notepad trusted as msiexec: %+v", s)
	}
}

// TestVerifySignatureOfTheFixtures: the fake uninstallers' signatures as
// WinVerifyTrust sees them on the open file.
func TestVerifySignatureOfTheFixtures(t *testing.T) {
	fixtures := platformtest.WineFixtures(t)
	for name, want := range map[string]platform.SignatureInfo{
		"signed.exe":          {Present: true, Trusted: true, Signer: "AO Kaspersky Lab", Organization: "AO Kaspersky Lab", Country: "RU", Method: platform.MethodEmbedded},
		"unsigned.exe":        {TrustError: "no signature"},
		"wrong-publisher.exe": {Present: true, Trusted: true, Signer: "Evil Corp", Organization: "Evil Corp", Method: platform.MethodEmbedded},
		// Wine builds no signer chain for a file whose digest fails: the
		// signer is what the signature claims, read through the same handle.
		"tampered.exe": {Present: true, Signer: "AO Kaspersky Lab", Organization: "AO Kaspersky Lab", Country: "RU",
			TrustError: "the file was changed after it was signed", Method: platform.MethodEmbedded},
	} {
		got := VerifySignature(filepath.Join(fixtures, name))
		t.Logf("%s: %+v", name, got)
		got.RevocationUnknown = false // the test certificates name no revocation list
		if got != want {
			t.Errorf("%s: %+v, want %+v", name, got, want)
		}
	}
}
