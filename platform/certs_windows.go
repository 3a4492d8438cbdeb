//go:build windows

package platform

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"
	"golang.org/x/sys/windows/registry"
)

// rootStore is one Trusted Root Certification Authorities store to read:
// the registry key Windows keeps it in, as Microsoft's "Certificate Store
// Migration" page lists them (system ROOT under HKEY_LOCAL_MACHINE, user
// ROOT under HKEY_CURRENT_USER). These are the stores
// CertOpenStore(CERT_STORE_PROV_SYSTEM_REGISTRY, "ROOT") opens: each
// location's own part only, not the machine's roots that Windows also shows
// in the user's store.
type rootStore struct {
	key   registry.Key
	path  string
	store string // StoreUserRoot, StoreMachineRoot
	label string // how an error names it
}

// The computer's store is read first: the user's is the user's to fill,
// and however slow it is made to read, the probe's time is spent on the
// computer's before it.
var rootStores = []rootStore{
	{registry.LOCAL_MACHINE, `SOFTWARE\Microsoft\SystemCertificates\ROOT\Certificates`, StoreMachineRoot, "the computer's root certificates"},
	{registry.CURRENT_USER, `Software\Microsoft\SystemCertificates\Root\Certificates`, StoreUserRoot, "the current user's root certificates"},
}

// probeRootCertificates lists the certificates of the current user's and
// the computer's Trusted Root Certification Authorities, reading their
// registry keys with read-only rights and each certificate with Go.
//
// Why not CertOpenStore: its cost is not the certificates. Under Wine,
// loading crypt32.dll takes 35-50 ms and opening a ROOT store makes Wine
// copy the host's 149 roots into the registry first (150 ms more, in every
// process); reading the keys takes 2-5 ms when empty and 30-45 ms with
// those 149 roots, of which parsing them all in Go is 2-6 ms (docs/
// performance.md). crypt32 is loaded only for a certificate Go cannot parse.
// TestRootStoreReadAsWindowsReadsIt compares the two readings.
func probeRootCertificates(ctx context.Context, _ *Options, out *Snapshot) error {
	var errs []error
	for _, rs := range rootStores {
		certs, err := readRootStore(ctx, rs)
		out.Certificates = append(out.Certificates, certs...)
		if err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// readRootStore lists one store's certificates. An entry Windows' own
// reader skips is skipped, as it is: one whose Blob cannot be read or holds
// no certificate, and one whose key is not named by its certificate's
// SHA-1 (Wine's crypt32, regstore.c, skips both; the user's store is the
// user's to write, so such an entry is nothing certmgr.msc would show, and
// never makes the scan incomplete). TestRootStoreReadAsWindowsReadsIt
// plants each kind and compares.
func readRootStore(ctx context.Context, rs rootStore) ([]Certificate, error) {
	k, err := registry.OpenKey(rs.key, rs.path, registry.ENUMERATE_SUB_KEYS|registry.QUERY_VALUE)
	if errors.Is(err, windows.ERROR_FILE_NOT_FOUND) {
		return nil, nil // the store was never created: it holds nothing
	}
	if err != nil {
		return nil, fmt.Errorf("opening %s read-only: %w", rs.label, err)
	}
	defer k.Close()
	names, err := k.ReadSubKeyNames(maxCertificates)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("listing %s: %w", rs.label, err)
	}
	var (
		out []Certificate
		buf = make([]byte, 8<<10)
	)
	for _, name := range names {
		if ctx.Err() != nil {
			return out, ctx.Err()
		}
		var blob []byte
		if blob, buf, err = readBlob(k, name, buf); err != nil {
			continue
		}
		der, err := CertificateFromStoreBlob(blob)
		if err != nil || !strings.EqualFold(name, Thumbprint(der)) {
			continue
		}
		out = append(out, certificateOf(der, rs.store))
	}
	return out, nil
}

// readBlob reads the "Blob" value of the subkey name of k into buf, or a
// larger buffer it returns for the next call: most entries fit in the first
// one, so each costs one open, one read and one close.
func readBlob(k registry.Key, name string, buf []byte) ([]byte, []byte, error) {
	sub, err := registry.OpenKey(k, name, registry.QUERY_VALUE)
	if err != nil {
		return nil, buf, err
	}
	defer sub.Close()
	value, _ := windows.UTF16PtrFromString("Blob")
	for try := 0; ; try++ {
		n, typ := uint32(len(buf)), uint32(0)
		err := windows.RegQueryValueEx(windows.Handle(sub), value, nil, &typ, &buf[0], &n)
		switch {
		case errors.Is(err, windows.ERROR_MORE_DATA) && n <= maxStoreBlob && int(n) > len(buf) && try < 3:
			buf = make([]byte, n) // it grew between the calls: try again, a few times
			continue
		case err != nil:
			return nil, buf, err
		case typ != registry.BINARY:
			return nil, buf, fmt.Errorf("its Blob is of registry type %d, not binary", typ)
		}
		return buf[:n], buf, nil
	}
}

// certificateOf reads one certificate of a store. One that Go cannot parse
// (a root with a negative serial number) is named by Windows itself.
func certificateOf(der []byte, store string) Certificate {
	if c, err := CertificateFromDER(der, store); err == nil {
		return c
	}
	c := Certificate{Store: store, SHA1: Thumbprint(der)}
	ctx, err := windows.CertCreateCertificateContext(windows.X509_ASN_ENCODING|windows.PKCS_7_ASN_ENCODING, &der[0], uint32(len(der)))
	if err != nil {
		return c // neither can read it: its thumbprint is all there is
	}
	defer windows.CertFreeCertificateContext(ctx)
	c.SubjectCN = certName(ctx, windows.CERT_NAME_ATTR_TYPE, 0)
	c.Subject = certName(ctx, windows.CERT_NAME_RDN_TYPE, 0)
	c.IssuerCN = certName(ctx, windows.CERT_NAME_ATTR_TYPE, windows.CERT_NAME_ISSUER_FLAG)
	c.Issuer = certName(ctx, windows.CERT_NAME_RDN_TYPE, windows.CERT_NAME_ISSUER_FLAG)
	if ctx.CertInfo != nil {
		c.NotAfter = time.Unix(0, ctx.CertInfo.NotAfter.Nanoseconds()).UTC()
	}
	return c
}

// szOIDCommonName is szOID_COMMON_NAME, the attribute CERT_NAME_ATTR_TYPE reads.
var szOIDCommonName = []byte("2.5.4.3\x00")

// certX500NameStr (CERT_X500_NAME_STR) asks CERT_NAME_RDN_TYPE for
// "CN=…, O=…".
const certX500NameStr = 3

func certName(ctx *windows.CertContext, typ, flags uint32) string {
	var para unsafe.Pointer
	switch typ {
	case windows.CERT_NAME_ATTR_TYPE:
		para = unsafe.Pointer(&szOIDCommonName[0])
	case windows.CERT_NAME_RDN_TYPE:
		v := uint32(certX500NameStr)
		para = unsafe.Pointer(&v)
	}
	n := windows.CertGetNameString(ctx, typ, flags, para, nil, 0)
	if n <= 1 {
		return ""
	}
	buf := make([]uint16, n)
	windows.CertGetNameString(ctx, typ, flags, para, &buf[0], n)
	return windows.UTF16ToString(buf)
}
