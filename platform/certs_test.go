package platform

import (
	"bytes"
	"encoding/binary"
	"os"
	"strings"
	"testing"
	"time"
)

// The fixture is shaped like `security find-certificate -a -Z -p` on a Mac:
// each certificate's hash lines, then its PEM block. Its two certificates
// were made with openssl for this test (a Kaspersky-like root and another).
func TestParseKeychainPEM(t *testing.T) {
	data, err := os.ReadFile("testdata/keychain/find-certificate.txt")
	if err != nil {
		t.Fatal(err)
	}
	certs, err := ParseKeychainPEM(data, StoreSystemKeychain)
	if err != nil {
		t.Fatal(err)
	}
	want := []Certificate{
		{SubjectCN: "Kaspersky Web Anti-Virus Certification Authority", IssuerCN: "Kaspersky Web Anti-Virus Certification Authority",
			SHA1: "8DF952D95193EDAEBD145A3FAD8DB6FBC7E0DE75", NotAfter: time.Date(2036, 11, 23, 9, 24, 43, 0, time.UTC)},
		{SubjectCN: "Example Corp Root CA", IssuerCN: "Example Corp Root CA",
			SHA1: "9929E204F86DBAAF3B275A76597DA3C39E49C878", NotAfter: time.Date(2029, 8, 22, 9, 24, 43, 0, time.UTC)},
	}
	if len(certs) != len(want) {
		t.Fatalf("got %d certificates, want %d: %+v", len(certs), len(want), certs)
	}
	for i, w := range want {
		c := certs[i]
		if c.SubjectCN != w.SubjectCN || c.IssuerCN != w.IssuerCN || c.SHA1 != w.SHA1 || !c.NotAfter.Equal(w.NotAfter) || c.Store != StoreSystemKeychain {
			t.Errorf("certificate %d: %+v, want %+v", i, c, w)
		}
	}
	// The thumbprint is the certificate's own, whatever the hash line says.
	if !strings.Contains(string(data), "SHA-1 hash: "+certs[0].SHA1) {
		t.Errorf("thumbprint %s differs from the one security printed", certs[0].SHA1)
	}
	if got := certs[0].Subject; got != "CN=Kaspersky Web Anti-Virus Certification Authority,O=AO Kaspersky Lab" {
		t.Errorf("subject %q", got)
	}
}

// A damaged certificate is named in the error and the others are kept;
// text that is not PEM is no certificate.
func TestParseKeychainPEMDamaged(t *testing.T) {
	data, err := os.ReadFile("testdata/keychain/find-certificate.txt")
	if err != nil {
		t.Fatal(err)
	}
	bad := "SHA-1 hash: 00\n-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"
	certs, err := ParseKeychainPEM(append([]byte(bad), data...), StoreSystemKeychain)
	if err == nil || len(certs) != 2 {
		t.Errorf("got %d certificates and error %v; want 2 and an error", len(certs), err)
	}
	for _, in := range []string{"", "security: SecKeychainSearchCopyNext: The specified item could not be found in the keychain.\n", "-----BEGIN CERTIFICATE-----\n"} {
		if certs, err := ParseKeychainPEM([]byte(in), StoreSystemKeychain); len(certs) != 0 || err != nil {
			t.Errorf("%q: %d certificates, error %v", in, len(certs), err)
		}
	}
}

func FuzzParseKeychainPEM(f *testing.F) {
	if data, err := os.ReadFile("testdata/keychain/find-certificate.txt"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		certs, _ := ParseKeychainPEM(data, StoreSystemKeychain)
		for _, c := range certs {
			if len(c.SHA1) != 40 || c.Store != StoreSystemKeychain {
				t.Fatalf("bad certificate %+v", c)
			}
		}
	})
}

func TestKeychainEmpty(t *testing.T) {
	for _, tt := range []struct {
		code   int
		stderr string
		want   bool
	}{
		{44, "", true},
		{44, "security: SecKeychainSearchCopyNext: The specified item could not be found in the keychain.\n", true},
		{1, "security: SecKeychainSearchCopyNext: The specified item could not be found in the keychain.\n", true},
		{1, "security: SecKeychainOpen: The specified keychain could not be opened.\n", false},
		{51, "", false},
	} {
		if got := keychainEmpty(tt.code, tt.stderr); got != tt.want {
			t.Errorf("keychainEmpty(%d, %q) = %v", tt.code, tt.stderr, got)
		}
	}
}

// storeElement is one property of a serialized store entry.
func storeElement(id uint32, data []byte) []byte {
	h := make([]byte, 12, 12+len(data))
	binary.LittleEndian.PutUint32(h, id)
	binary.LittleEndian.PutUint32(h[4:], 1)
	binary.LittleEndian.PutUint32(h[8:], uint32(len(data)))
	return append(h, data...)
}

// The certificate is found among other properties; anything cut short or
// without a certificate is an error, never a certificate made of the rest.
// (What Windows itself writes: TestStoreBlobAsWindowsSerializesIt, under Wine.)
func TestCertificateFromStoreBlob(t *testing.T) {
	cert := []byte{0x30, 0x03, 0x02, 0x01, 0x01}
	good := append(storeElement(3, make([]byte, 20)), storeElement(certPropCert, cert)...)
	if got, err := CertificateFromStoreBlob(good); err != nil || !bytes.Equal(got, cert) {
		t.Errorf("got %x, %v; want %x", got, err, cert)
	}
	long := storeElement(certPropCert, cert)
	binary.LittleEndian.PutUint32(long[8:], 6)
	for name, blob := range map[string][]byte{
		"empty":           nil,
		"no certificate":  storeElement(3, make([]byte, 20)),
		"cut header":      good[:20],
		"length past end": long,
		"empty cert":      storeElement(certPropCert, nil),
		"huge length":     append(storeElement(3, nil)[:8], 0xff, 0xff, 0xff, 0xff),
	} {
		if got, err := CertificateFromStoreBlob(blob); err == nil {
			t.Errorf("%s: got %x and no error", name, got)
		}
	}
}

func FuzzCertificateFromStoreBlob(f *testing.F) {
	f.Add(storeElement(certPropCert, []byte{0x30, 0x00}))
	f.Add(append(storeElement(3, make([]byte, 20)), storeElement(certPropCert, []byte{1})...))
	f.Fuzz(func(t *testing.T, blob []byte) {
		got, err := CertificateFromStoreBlob(blob)
		if err == nil && (len(got) == 0 || len(got) > len(blob)) {
			t.Fatalf("certificate of %d bytes from a blob of %d", len(got), len(blob))
		}
	})
}
