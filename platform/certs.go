package platform

import (
	"crypto/sha1" // a certificate's thumbprint, as Windows and Keychain Access show it; not for security
	"crypto/x509"
	"encoding/binary"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Certificate stores a root certificate can be in.
const (
	// StoreUserRoot is the current user's Trusted Root Certification
	// Authorities (certmgr.msc), its own part only: not the machine's
	// roots that Windows also shows there.
	StoreUserRoot = "windows-user-root"
	// StoreMachineRoot is the computer's Trusted Root Certification
	// Authorities (certlm.msc); changing it needs an administrator.
	StoreMachineRoot = "windows-machine-root"
	// StoreSystemKeychain is macOS's System keychain
	// (/Library/Keychains/System.keychain).
	StoreSystemKeychain = "macos-system-keychain"
)

// SystemKeychain is the macOS keychain whose certificates every user of
// the Mac trusts (when marked trusted); the root-certificates probe reads it.
const SystemKeychain = "/Library/Keychains/System.keychain"

// Certificate is one certificate found in a system certificate store. The
// probe only reads the stores: nothing is added, changed or deleted.
type Certificate struct {
	Subject   string    `json:"subject"`   // the whole subject, "CN=…, O=…"
	SubjectCN string    `json:"subjectCN"` // its common name, what signatures match
	Issuer    string    `json:"issuer"`
	IssuerCN  string    `json:"issuerCN"`
	Store     string    `json:"store"` // StoreUserRoot, StoreMachineRoot, StoreSystemKeychain
	SHA1      string    `json:"sha1"`  // thumbprint: upper-case hex of the SHA-1 of the encoded certificate
	NotAfter  time.Time `json:"notAfter"`
}

// Thumbprint is the SHA-1 of a DER-encoded certificate in upper-case hex,
// as certlm.msc ("Thumbprint") and Keychain Access ("SHA-1") show it.
func Thumbprint(der []byte) string {
	sum := sha1.Sum(der)
	return strings.ToUpper(hex.EncodeToString(sum[:]))
}

// CertificateFromDER reads one DER-encoded certificate found in store.
func CertificateFromDER(der []byte, store string) (Certificate, error) {
	c, err := x509.ParseCertificate(der)
	if err != nil {
		return Certificate{}, fmt.Errorf("reading a certificate in %s: %w", store, err)
	}
	return Certificate{
		Subject:   c.Subject.String(),
		SubjectCN: c.Subject.CommonName,
		Issuer:    c.Issuer.String(),
		IssuerCN:  c.Issuer.CommonName,
		Store:     store,
		SHA1:      Thumbprint(der),
		NotAfter:  c.NotAfter.UTC(),
	}, nil
}

// keychainEmpty reports whether `security find-certificate` failed only
// because the keychain holds no certificate: it then exits with 44
// (errSecItemNotFound) and says the item "could not be found".
func keychainEmpty(exitCode int, stderr string) bool {
	return exitCode == 44 || strings.Contains(stderr, "could not be found in the keychain")
}

// maxCertificates bounds what one store may hand back: a keychain with more
// certificates than this is not one a person keeps.
const maxCertificates = 10000

// ParseKeychainPEM reads the output of `security find-certificate -a -Z -p`:
// each certificate's "SHA-256 hash:" and "SHA-1 hash:" lines, then its PEM
// block. The hash lines are not trusted: the thumbprint is computed from
// the certificate itself. A certificate that does not parse is skipped and
// named in the error; the others are returned.
func ParseKeychainPEM(data []byte, store string) ([]Certificate, error) {
	var (
		out  []Certificate
		errs []error
	)
	rest := data
	for len(out)+len(errs) < maxCertificates {
		var block *pem.Block
		block, rest = pem.Decode(rest)
		if block == nil {
			break
		}
		if block.Type != "CERTIFICATE" {
			continue
		}
		c, err := CertificateFromDER(block.Bytes, store)
		if err != nil {
			errs = append(errs, fmt.Errorf("certificate %s: %w", Thumbprint(block.Bytes), err))
			continue
		}
		out = append(out, c)
	}
	return out, errors.Join(errs...)
}

// certPropCert is CERT_CERT_PROP_ID, the element of a serialized store
// entry that holds the encoded certificate itself (wincrypt.h reserves it;
// Wine's crypt32 names it too).
const certPropCert = 32

// maxStoreBlob bounds one registry entry of a certificate store: a root
// certificate with its properties is a few kilobytes.
const maxStoreBlob = 1 << 20

// CertificateFromStoreBlob returns the encoded certificate inside the
// "Blob" value Windows keeps for each certificate of a registry store
// (HKLM\SOFTWARE\Microsoft\SystemCertificates\ROOT\Certificates\<SHA-1>):
// a serialized store element, a run of properties, each a 32-bit id, a
// 32-bit reserved word and a 32-bit length (little-endian) and that many
// bytes; the certificate is the property certPropCert. A blob with no such
// property, or a length that runs past its end, is an error.
func CertificateFromStoreBlob(blob []byte) ([]byte, error) {
	if len(blob) > maxStoreBlob {
		return nil, fmt.Errorf("a certificate entry of %d bytes: more than %d", len(blob), maxStoreBlob)
	}
	for rest := blob; len(rest) > 0; {
		if len(rest) < 12 {
			return nil, fmt.Errorf("a certificate entry ends inside a property header (%d bytes left)", len(rest))
		}
		id := binary.LittleEndian.Uint32(rest)
		n := binary.LittleEndian.Uint32(rest[8:])
		if uint64(n) > uint64(len(rest)-12) {
			return nil, fmt.Errorf("property %d of a certificate entry says %d bytes, %d are left", id, n, len(rest)-12)
		}
		if id == certPropCert {
			if n == 0 {
				return nil, errors.New("a certificate entry's certificate is empty")
			}
			return rest[12 : 12+n], nil
		}
		rest = rest[12+n:]
	}
	return nil, errors.New("a certificate entry holds no certificate")
}
