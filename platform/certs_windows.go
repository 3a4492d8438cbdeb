//go:build windows

package platform

import (
	"context"
	"errors"
	"fmt"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"
)

// rootStore is one Trusted Root Certification Authorities store to read.
type rootStore struct {
	location uint32 // CERT_SYSTEM_STORE_CURRENT_USER or _LOCAL_MACHINE
	store    string // StoreUserRoot, StoreMachineRoot
	label    string // how an error names it
}

var rootStores = []rootStore{
	{windows.CERT_SYSTEM_STORE_CURRENT_USER, StoreUserRoot, "the current user's root certificates"},
	{windows.CERT_SYSTEM_STORE_LOCAL_MACHINE, StoreMachineRoot, "the computer's root certificates"},
}

// probeRootCertificates lists the certificates of the current user's and
// the computer's Trusted Root Certification Authorities, each store opened
// read-only. It reads each store's own registry part (the provider
// CERT_STORE_PROV_SYSTEM_REGISTRY): the user's store as Windows shows it
// also lists the computer's roots, which are the computer's to remove.
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

func readRootStore(ctx context.Context, rs rootStore) ([]Certificate, error) {
	name, err := windows.UTF16PtrFromString("ROOT")
	if err != nil {
		return nil, err
	}
	flags := rs.location | windows.CERT_STORE_READONLY_FLAG | windows.CERT_STORE_OPEN_EXISTING_FLAG
	store, err := windows.CertOpenStore(windows.CERT_STORE_PROV_SYSTEM_REGISTRY, 0, 0, flags, uintptr(unsafe.Pointer(name)))
	if errors.Is(err, windows.ERROR_FILE_NOT_FOUND) {
		return nil, nil // the store was never created: it holds nothing
	}
	if err != nil {
		return nil, fmt.Errorf("opening %s read-only: %w", rs.label, err)
	}
	defer windows.CertCloseStore(store, 0)
	var (
		out  []Certificate
		prev *windows.CertContext
	)
	for len(out) < maxCertificates {
		if ctx.Err() != nil {
			if prev != nil {
				windows.CertFreeCertificateContext(prev)
			}
			return out, ctx.Err()
		}
		// Each call frees the context it is given.
		cur, err := windows.CertEnumCertificatesInStore(store, prev)
		if err != nil {
			if errors.Is(err, windows.Errno(windows.CRYPT_E_NOT_FOUND)) || errors.Is(err, windows.ERROR_NO_MORE_FILES) {
				return out, nil
			}
			return out, fmt.Errorf("reading %s: %w", rs.label, err)
		}
		prev = cur
		out = append(out, certificateOf(cur, rs.store))
	}
	if prev != nil {
		windows.CertFreeCertificateContext(prev)
	}
	return out, nil
}

// certificateOf reads one certificate of a store. One that Go cannot parse
// (a root with a negative serial number) is named by Windows itself.
func certificateOf(ctx *windows.CertContext, store string) Certificate {
	der := unsafe.Slice(ctx.EncodedCert, ctx.Length)
	if c, err := CertificateFromDER(der, store); err == nil {
		return c
	}
	c := Certificate{Store: store, SHA1: Thumbprint(der)}
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
