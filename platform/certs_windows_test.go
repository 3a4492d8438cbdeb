package platform

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha1"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"os"
	"strings"
	"testing"
	"time"
	"unsafe"

	"golang.org/x/sys/windows/registry"

	"golang.org/x/sys/windows"
)

// selfSigned makes a root certificate with the given subject, for tests.
func selfSigned(t *testing.T, subject pkix.Name, notAfter time.Time) []byte {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	serial, _ := rand.Int(rand.Reader, big.NewInt(1<<62))
	tmpl := &x509.Certificate{
		SerialNumber: serial, Subject: subject, Issuer: subject,
		NotBefore: time.Now().Add(-time.Hour), NotAfter: notAfter,
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return der
}

// openRoot opens the Trusted Root Certification Authorities of location
// (windows.CERT_SYSTEM_STORE_LOCAL_MACHINE or _CURRENT_USER) to write: Wine
// runs as administrator and asks nobody.
func openRoot(t *testing.T, location uint32) windows.Handle {
	t.Helper()
	name, _ := windows.UTF16PtrFromString("ROOT")
	store, err := windows.CertOpenStore(windows.CERT_STORE_PROV_SYSTEM_REGISTRY, 0, 0, location, uintptr(unsafe.Pointer(name)))
	if err != nil {
		t.Fatalf("opening the root store %#x to write: %v", location, err)
	}
	return store
}

// addToRoot puts der into location's Trusted Root Certification
// Authorities with Windows' own calls, and takes it out again at the end.
// The store is closed at once: a registry store is written when closed.
func addToRoot(t *testing.T, location uint32, der []byte) {
	t.Helper()
	store := openRoot(t, location)
	ctx, err := windows.CertCreateCertificateContext(windows.X509_ASN_ENCODING|windows.PKCS_7_ASN_ENCODING, &der[0], uint32(len(der)))
	if err == nil {
		err = windows.CertAddCertificateContextToStore(store, ctx, windows.CERT_STORE_ADD_REPLACE_EXISTING, nil)
		windows.CertFreeCertificateContext(ctx)
	}
	windows.CertCloseStore(store, 0)
	if err != nil {
		t.Fatalf("adding the certificate to the root store %#x: %v", location, err)
	}
	t.Cleanup(func() {
		store := openRoot(t, location)
		defer windows.CertCloseStore(store, 0)
		sum := sha1.Sum(der)
		blob := windows.CryptHashBlob{Size: uint32(len(sum)), Data: &sum[0]}
		found, err := windows.CertFindCertificateInStore(store, windows.X509_ASN_ENCODING|windows.PKCS_7_ASN_ENCODING, 0,
			windows.CERT_FIND_SHA1_HASH, unsafe.Pointer(&blob), nil)
		if err == nil {
			// CertDeleteCertificateFromStore frees the context it is given.
			err = windows.CertDeleteCertificateFromStore(found)
		}
		if err != nil {
			t.Errorf("taking the test certificate out of the root store %#x: %v", location, err)
		}
	})
}

func addToMachineRoot(t *testing.T, der []byte) {
	t.Helper()
	addToRoot(t, windows.CERT_SYSTEM_STORE_LOCAL_MACHINE, der)
}

func addToUserRoot(t *testing.T, der []byte) {
	t.Helper()
	addToRoot(t, windows.CERT_SYSTEM_STORE_CURRENT_USER, der)
}

// TestRootCertificatesUnderWine adds a self-signed certificate with
// Kaspersky's root subject to the machine's root store and checks that the
// probe lists it there, with its thumbprint and end date, and not in the
// user's own store. It changes the Wine prefix: TH_WINE=1 only.
func TestRootCertificatesUnderWine(t *testing.T) {
	if os.Getenv("TH_WINE") != "1" {
		t.Skip("changes the machine's root store: runs under Wine with TH_WINE=1 (make test-windows)")
	}
	subject := pkix.Name{CommonName: "Kaspersky Anti-Virus Personal Root Certificate", Organization: []string{"AO Kaspersky Lab"}}
	notAfter := time.Now().Add(3 * 365 * 24 * time.Hour).UTC().Truncate(time.Second)
	der := selfSigned(t, subject, notAfter)
	thumb := Thumbprint(der)

	find := func() []Certificate {
		var snap Snapshot
		if err := probeRootCertificates(context.Background(), &Options{}, &snap); err != nil {
			t.Fatalf("probe: %v", err)
		}
		var found []Certificate
		for _, c := range snap.Certificates {
			if c.SHA1 == thumb {
				found = append(found, c)
			}
		}
		return found
	}
	if got := find(); len(got) != 0 {
		t.Fatalf("the test certificate is there before it was added: %+v", got)
	}
	addToMachineRoot(t, der)
	got := find()
	if len(got) != 1 {
		t.Fatalf("found the test certificate %d times, want once (in the machine's store): %+v", len(got), got)
	}
	c := got[0]
	if c.Store != StoreMachineRoot || c.SubjectCN != subject.CommonName || c.IssuerCN != subject.CommonName ||
		!c.NotAfter.Equal(notAfter) || c.Subject != "CN=Kaspersky Anti-Virus Personal Root Certificate,O=AO Kaspersky Lab" {
		t.Errorf("got %+v", c)
	}
}

// TestCertificateNamesFromWindows: the names a certificate Go cannot parse
// is given (Windows' own CertGetNameString) are those Go reads from one it
// can, and so is its end date.
func TestCertificateNamesFromWindows(t *testing.T) {
	subject := pkix.Name{CommonName: "Kaspersky Anti-Virus Personal Root Certificate", Organization: []string{"AO Kaspersky Lab"}}
	notAfter := time.Date(2036, 9, 11, 10, 0, 0, 0, time.UTC)
	der := selfSigned(t, subject, notAfter)
	ctx, err := windows.CertCreateCertificateContext(windows.X509_ASN_ENCODING|windows.PKCS_7_ASN_ENCODING, &der[0], uint32(len(der)))
	if err != nil {
		t.Fatal(err)
	}
	defer windows.CertFreeCertificateContext(ctx)
	if got := certName(ctx, windows.CERT_NAME_ATTR_TYPE, 0); got != subject.CommonName {
		t.Errorf("subject CN %q", got)
	}
	if got := certName(ctx, windows.CERT_NAME_ATTR_TYPE, windows.CERT_NAME_ISSUER_FLAG); got != subject.CommonName {
		t.Errorf("issuer CN %q", got)
	}
	if got := certName(ctx, windows.CERT_NAME_RDN_TYPE, 0); !strings.Contains(got, "CN=Kaspersky Anti-Virus Personal Root Certificate") || !strings.Contains(got, "O=AO Kaspersky Lab") {
		t.Errorf("subject %q", got)
	}
	if got := time.Unix(0, ctx.CertInfo.NotAfter.Nanoseconds()).UTC(); !got.Equal(notAfter) {
		t.Errorf("not after %s, want %s", got, notAfter)
	}
}

// windowsReading is how Windows' own crypt32 reads one root store: the
// certificates of CertOpenStore(CERT_STORE_PROV_SYSTEM_REGISTRY, "ROOT"),
// each named by CertGetNameString and dated by its CERT_INFO.
func windowsReading(t *testing.T, location uint32, store string) map[string]Certificate {
	t.Helper()
	name, _ := windows.UTF16PtrFromString("ROOT")
	h, err := windows.CertOpenStore(windows.CERT_STORE_PROV_SYSTEM_REGISTRY, 0, 0,
		location|windows.CERT_STORE_READONLY_FLAG|windows.CERT_STORE_OPEN_EXISTING_FLAG, uintptr(unsafe.Pointer(name)))
	if err != nil {
		t.Fatalf("opening %s with crypt32: %v", store, err)
	}
	defer windows.CertCloseStore(h, 0)
	out := map[string]Certificate{}
	var prev *windows.CertContext
	for {
		cur, err := windows.CertEnumCertificatesInStore(h, prev)
		if err != nil {
			return out
		}
		prev = cur
		der := unsafe.Slice(cur.EncodedCert, cur.Length)
		out[Thumbprint(der)] = Certificate{
			SubjectCN: certName(cur, windows.CERT_NAME_ATTR_TYPE, 0),
			IssuerCN:  certName(cur, windows.CERT_NAME_ATTR_TYPE, windows.CERT_NAME_ISSUER_FLAG),
			Store:     store,
			SHA1:      Thumbprint(der),
			NotAfter:  time.Unix(0, cur.CertInfo.NotAfter.Nanoseconds()).UTC(),
		}
	}
}

// TestRootStoreReadAsWindowsReadsIt: the probe reads the root stores'
// registry keys itself; what it finds must be what Windows' own crypt32
// finds there, certificate for certificate (thumbprint, both common names,
// end date). Under Wine the computer's store holds the host's roots (Wine
// copies them in when crypt32 opens it: 149 on Debian 12), and the test
// adds a Kaspersky-named root to each store first, so both readers see
// real certificates written by Windows' own calls.
func TestRootStoreReadAsWindowsReadsIt(t *testing.T) {
	if os.Getenv("TH_WINE") != "1" {
		t.Skip("changes the root stores: runs under Wine with TH_WINE=1 (make test-windows)")
	}
	subject := pkix.Name{CommonName: "Kaspersky Web Anti-Virus Certification Authority", Organization: []string{"AO Kaspersky Lab"}}
	addToMachineRoot(t, selfSigned(t, subject, time.Now().Add(24*time.Hour).UTC()))
	addToUserRoot(t, selfSigned(t, subject, time.Now().Add(48*time.Hour).UTC()))
	// What any program of the user can write into the user's store, which
	// Windows' reader skips: a Blob that is no certificate, one of the wrong
	// registry type, and a real Kaspersky-named certificate under a name
	// that is not its thumbprint.
	kaspersky := selfSigned(t, pkix.Name{CommonName: "Kaspersky Anti-Virus Personal Root Certificate"}, time.Now().Add(time.Hour))
	plantUserEntry(t, strings.Repeat("00", 20), func(k registry.Key) error { return k.SetBinaryValue("Blob", []byte{0}) })
	plantUserEntry(t, strings.Repeat("11", 20), func(k registry.Key) error { return k.SetStringValue("Blob", "not binary") })
	plantUserEntry(t, strings.Repeat("22", 20), func(k registry.Key) error {
		return k.SetBinaryValue("Blob", append(storeElement(3, make([]byte, 20)), storeElement(certPropCert, kaspersky)...))
	})

	var snap Snapshot
	if err := probeRootCertificates(context.Background(), &Options{}, &snap); err != nil {
		t.Fatalf("probe: %v (an entry Windows skips must not make the scan incomplete)", err)
	}
	ours := map[string]map[string]Certificate{StoreMachineRoot: {}, StoreUserRoot: {}}
	for _, c := range snap.Certificates {
		ours[c.Store][c.SHA1] = c
	}
	for _, s := range []struct {
		location uint32
		store    string
	}{{windows.CERT_SYSTEM_STORE_LOCAL_MACHINE, StoreMachineRoot}, {windows.CERT_SYSTEM_STORE_CURRENT_USER, StoreUserRoot}} {
		theirs := windowsReading(t, s.location, s.store)
		if len(theirs) == 0 {
			t.Fatalf("%s: crypt32 reads no certificate, not even the test's", s.store)
		}
		for sha, w := range theirs {
			o, ok := ours[s.store][sha]
			if !ok {
				t.Errorf("%s: crypt32 reads %s (%q), the probe does not", s.store, sha, w.SubjectCN)
				continue
			}
			if o.SubjectCN != w.SubjectCN || o.IssuerCN != w.IssuerCN || !o.NotAfter.Equal(w.NotAfter) {
				t.Errorf("%s %s: probe %q / %q / %s, crypt32 %q / %q / %s", s.store, sha, o.SubjectCN, o.IssuerCN, o.NotAfter, w.SubjectCN, w.IssuerCN, w.NotAfter)
			}
		}
		for sha, o := range ours[s.store] {
			if _, ok := theirs[sha]; !ok {
				t.Errorf("%s: the probe reads %s (%q), crypt32 does not", s.store, sha, o.SubjectCN)
			}
		}
		t.Logf("%s: %d certificates, the same in both readings", s.store, len(theirs))
	}
}

// TestStoreBlobAsWindowsSerializesIt: CertificateFromStoreBlob reads what
// Windows' documented CertSerializeCertificateStoreElement writes (the form
// of a registry store's Blob value), property after property, and finds the
// certificate among the properties Windows adds before it.
func TestStoreBlobAsWindowsSerializesIt(t *testing.T) {
	der := selfSigned(t, pkix.Name{CommonName: "Kaspersky Anti-Virus Personal Root Certificate"}, time.Now().Add(time.Hour))
	ctx, err := windows.CertCreateCertificateContext(windows.X509_ASN_ENCODING|windows.PKCS_7_ASN_ENCODING, &der[0], uint32(len(der)))
	if err != nil {
		t.Fatal(err)
	}
	defer windows.CertFreeCertificateContext(ctx)
	// A property before the certificate, as real stores have (the SHA-1 and
	// a friendly name): CERT_FRIENDLY_NAME_PROP_ID = 11.
	friendly, _ := windows.UTF16FromString("Kaspersky")
	fb := windows.CryptDataBlob{Size: uint32(2 * len(friendly)), Data: (*byte)(unsafe.Pointer(&friendly[0]))}
	setProp := windows.NewLazySystemDLL("crypt32.dll").NewProc("CertSetCertificateContextProperty")
	if r, _, err := setProp.Call(uintptr(unsafe.Pointer(ctx)), 11, 0, uintptr(unsafe.Pointer(&fb))); r == 0 {
		t.Fatalf("CertSetCertificateContextProperty: %v", err)
	}
	serialize := windows.NewLazySystemDLL("crypt32.dll").NewProc("CertSerializeCertificateStoreElement")
	var n uint32
	if r, _, err := serialize.Call(uintptr(unsafe.Pointer(ctx)), 0, 0, uintptr(unsafe.Pointer(&n))); r == 0 {
		t.Fatalf("CertSerializeCertificateStoreElement (size): %v", err)
	}
	blob := make([]byte, n)
	if r, _, err := serialize.Call(uintptr(unsafe.Pointer(ctx)), 0, uintptr(unsafe.Pointer(&blob[0])), uintptr(unsafe.Pointer(&n))); r == 0 {
		t.Fatalf("CertSerializeCertificateStoreElement: %v", err)
	}
	got, err := CertificateFromStoreBlob(blob[:n])
	if err != nil {
		t.Fatalf("reading Windows' serialized element (%d bytes): %v", n, err)
	}
	if string(got) != string(der) {
		t.Errorf("the certificate read back differs from the one serialized (%d bytes, want %d)", len(got), len(der))
	}
	if n <= uint32(len(der))+12 {
		t.Errorf("Windows wrote %d bytes for a %d-byte certificate: the friendly name property is missing, so this test proves less", n, len(der))
	}
}

// plantUserEntry writes one entry into the user's root store's registry key
// directly, as any program of the user could, and removes it at the end.
func plantUserEntry(t *testing.T, name string, write func(registry.Key) error) {
	t.Helper()
	path := `Software\Microsoft\SystemCertificates\Root\Certificates\` + name
	k, _, err := registry.CreateKey(registry.CURRENT_USER, path, registry.ALL_ACCESS)
	if err != nil {
		t.Fatalf("creating %s: %v", path, err)
	}
	err = write(k)
	k.Close()
	t.Cleanup(func() { _ = registry.DeleteKey(registry.CURRENT_USER, path) })
	if err != nil {
		t.Fatalf("writing %s: %v", path, err)
	}
}
