package platform

import (
	"errors"
	"fmt"
	"unsafe"

	"golang.org/x/sys/windows"
)

// WinVerifyTrust status codes worth a plain word.
const (
	trustNoSignature  = 0x800B0100
	trustBadDigest    = 0x80096010
	certUntrustedRoot = 0x800B0109
	certExpired       = 0x800B0101
)

func verifySignature(path string) SignatureInfo {
	var info SignatureInfo
	info.Signer, info.Present = signerName(path)
	p, err := windows.UTF16PtrFromString(path)
	if err != nil {
		info.TrustError = err.Error()
		return info
	}
	file := &windows.WinTrustFileInfo{Size: uint32(unsafe.Sizeof(windows.WinTrustFileInfo{})), FilePath: p}
	data := &windows.WinTrustData{
		Size: uint32(unsafe.Sizeof(windows.WinTrustData{})), UIChoice: windows.WTD_UI_NONE,
		RevocationChecks: windows.WTD_REVOKE_NONE, UnionChoice: windows.WTD_CHOICE_FILE,
		StateAction: windows.WTD_STATEACTION_VERIFY, FileOrCatalogOrBlobOrSgnrOrCert: unsafe.Pointer(file),
	}
	verr := windows.WinVerifyTrustEx(windows.InvalidHWND, &windows.WINTRUST_ACTION_GENERIC_VERIFY_V2, data)
	data.StateAction = windows.WTD_STATEACTION_CLOSE
	_ = windows.WinVerifyTrustEx(windows.InvalidHWND, &windows.WINTRUST_ACTION_GENERIC_VERIFY_V2, data)
	if verr == nil {
		info.Trusted = true
		return info
	}
	var en windows.Errno
	code := uint32(0)
	if errors.As(verr, &en) {
		code = uint32(en)
	}
	switch code {
	case trustNoSignature:
		info.TrustError = "no signature"
		info.Present = false
	case trustBadDigest:
		info.TrustError = "the file was changed after it was signed"
	case certUntrustedRoot:
		info.TrustError = "the certificate does not chain to a trusted root"
	case certExpired:
		info.TrustError = "the certificate has expired"
	default:
		info.TrustError = fmt.Sprintf("WinVerifyTrust: %v (0x%08X)", verr, code)
	}
	return info
}

// signerName reads the subject name of the certificate that signed path,
// whether or not Windows trusts it.
func signerName(path string) (string, bool) {
	p, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return "", false
	}
	var encoding, contentType, formatType uint32
	var store windows.Handle
	var msg windows.Handle
	err = windows.CryptQueryObject(windows.CERT_QUERY_OBJECT_FILE, unsafe.Pointer(p),
		windows.CERT_QUERY_CONTENT_FLAG_PKCS7_SIGNED_EMBED, windows.CERT_QUERY_FORMAT_FLAG_BINARY, 0,
		&encoding, &contentType, &formatType, &store, &msg, nil)
	if err != nil {
		return "", false
	}
	defer windows.CertCloseStore(store, 0)
	defer cryptMsgClose(msg)
	const cmsgSignerCertInfoParam = 7
	var size uint32
	if err := cryptMsgGetParam(msg, cmsgSignerCertInfoParam, 0, nil, &size); err != nil || size == 0 {
		return "", true
	}
	buf := make([]byte, size)
	if err := cryptMsgGetParam(msg, cmsgSignerCertInfoParam, 0, &buf[0], &size); err != nil {
		return "", true
	}
	const certFindSubjectCert = 11 << 16
	cert, err := windows.CertFindCertificateInStore(store, windows.X509_ASN_ENCODING|windows.PKCS_7_ASN_ENCODING, 0,
		certFindSubjectCert, unsafe.Pointer(&buf[0]), nil)
	if err != nil || cert == nil {
		return "", true
	}
	defer windows.CertFreeCertificateContext(cert)
	name := make([]uint16, 256)
	n := windows.CertGetNameString(cert, windows.CERT_NAME_SIMPLE_DISPLAY_TYPE, 0, nil, &name[0], uint32(len(name)))
	if n <= 1 {
		return "", true
	}
	return windows.UTF16ToString(name[:n]), true
}
