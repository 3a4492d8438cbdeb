package trust

import (
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unsafe"

	"golang.org/x/sys/windows"

	"transitionhelper/platform"
	"transitionhelper/platform/acl"
)

// heldFile holds the verified file open, and its identity.
type heldFile struct {
	h  windows.Handle
	id fileID
}

func (s *heldFile) open() bool { return s.h != 0 }

func (s *heldFile) close() error {
	if s.h == 0 {
		return nil
	}
	err := windows.CloseHandle(s.h)
	s.h = 0
	return err
}

// fileID names a file on this computer whatever path reaches it.
type fileID struct{ volume, high, low uint32 }

func identity(h windows.Handle) (fileID, error) {
	var info windows.ByHandleFileInformation
	if err := windows.GetFileInformationByHandle(h, &info); err != nil {
		return fileID{}, err
	}
	return fileID{info.VolumeSerialNumber, info.FileIndexHigh, info.FileIndexLow}, nil
}

// identityOfPath opens path afresh, without keeping anyone out, and tells
// which file it reaches and that file's final path (links resolved, long
// names).
func identityOfPath(path string) (fileID, string, error) {
	p, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return fileID{}, "", err
	}
	h, err := windows.CreateFile(p, windows.FILE_READ_ATTRIBUTES,
		windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE|windows.FILE_SHARE_DELETE, nil, windows.OPEN_EXISTING, 0, 0)
	if err != nil {
		return fileID{}, "", err
	}
	defer windows.CloseHandle(h)
	id, err := identity(h)
	if err != nil {
		return id, "", err
	}
	final, err := platform.FinalPathByHandle(h)
	return id, final, err
}

// SameFile opens path afresh, without keeping anyone out, and reports
// whether it reaches the held file (the same volume and file index), and
// the final path it reaches (links resolved, long names): how
// platform/act tells that the program it starts is the verified one.
func (v *VerifiedProgram) SameFile(path string) (final string, same bool, err error) {
	id, final, err := identityOfPath(path)
	if err != nil {
		return final, false, err
	}
	return final, id == v.held.id, nil
}

func openVerified(path string) (*VerifiedProgram, error) {
	p, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return nil, err
	}
	// Shared for reading only: nobody may write, rename or delete it while held.
	h, err := windows.CreateFile(p, windows.GENERIC_READ, windows.FILE_SHARE_READ, nil, windows.OPEN_EXISTING,
		windows.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	v := &VerifiedProgram{Path: path, held: heldFile{h: h}}
	if v.held.id, err = identity(h); err != nil {
		v.Close()
		return nil, fmt.Errorf("reading the identity of %s: %w", path, err)
	}
	v.sig = verifyHandle(path, h)
	return v, nil
}

// WinVerifyTrust and certificate status codes worth a plain word.
const (
	trustNoSignature       = 0x800B0100 // TRUST_E_NOSIGNATURE
	trustSubjectFormUnkown = 0x800B0003 // TRUST_E_SUBJECT_FORM_UNKNOWN
	trustBadDigest         = 0x80096010 // TRUST_E_BAD_DIGEST
	certUntrustedRoot      = 0x800B0109 // CERT_E_UNTRUSTEDROOT
	certExpired            = 0x800B0101 // CERT_E_EXPIRED
	certRevoked            = 0x800B010C // CERT_E_REVOKED
	cryptRevoked           = 0x80092010 // CRYPT_E_REVOKED
	certRevocationFailure  = 0x800B010E // CERT_E_REVOCATION_FAILURE
	cryptRevocationOffline = 0x80092013 // CRYPT_E_REVOCATION_OFFLINE
	cryptNoRevocationCheck = 0x80092012 // CRYPT_E_NO_REVOCATION_CHECK
)

// verifyHandle verifies the open file: its embedded signature, else its
// catalog, else (msiexec only) its identity.
func verifyHandle(path string, h windows.Handle) platform.SignatureInfo {
	p, _ := windows.UTF16PtrFromString(path)
	file := &windows.WinTrustFileInfo{Size: uint32(unsafe.Sizeof(windows.WinTrustFileInfo{})), FilePath: p, File: h}
	info, code := winVerifyTrust(windows.WTD_CHOICE_FILE, unsafe.Pointer(file))
	if code != trustNoSignature && code != trustSubjectFormUnkown {
		info.Method = platform.MethodEmbedded
		if !info.Trusted && info.Signer == "" {
			// For the message only: who the failing signature claims to be.
			info.Signer, info.Organization, info.Country = claimedSigner(h)
		}
		return info
	}
	if cat, ok := verifyCatalog(path, h); ok {
		return cat
	}
	if systemFileIdentity(path, h) {
		return platform.SignatureInfo{Trusted: true, Method: platform.MethodSystemFileIdentity}
	}
	return platform.SignatureInfo{TrustError: "no signature"}
}

// winVerifyTrust runs one verification, reads the signer from its own
// provider data, and words the outcome. A chain whose revocation the local
// cache cannot answer is verified again without revocation and marked
// RevocationUnknown; nothing is fetched from the network.
func winVerifyTrust(choice uint32, subject unsafe.Pointer) (platform.SignatureInfo, uint32) {
	info, code := winVerifyTrustOnce(choice, subject, windows.WTD_REVOKE_WHOLECHAIN)
	if code == certRevocationFailure || code == cryptRevocationOffline || code == cryptNoRevocationCheck {
		info, code = winVerifyTrustOnce(choice, subject, windows.WTD_REVOKE_NONE)
		info.RevocationUnknown = true
	}
	return info, code
}

func winVerifyTrustOnce(choice uint32, subject unsafe.Pointer, revocation uint32) (platform.SignatureInfo, uint32) {
	var info platform.SignatureInfo
	data := &windows.WinTrustData{
		Size: uint32(unsafe.Sizeof(windows.WinTrustData{})), UIChoice: windows.WTD_UI_NONE,
		RevocationChecks: revocation, UnionChoice: choice, FileOrCatalogOrBlobOrSgnrOrCert: subject,
		StateAction: windows.WTD_STATEACTION_VERIFY,
		ProvFlags:   windows.WTD_CACHE_ONLY_URL_RETRIEVAL | windows.WTD_REVOCATION_CHECK_CHAIN,
	}
	verr := windows.WinVerifyTrustEx(windows.InvalidHWND, &windows.WINTRUST_ACTION_GENERIC_VERIFY_V2, data)
	if data.StateData != 0 {
		info.Signer, info.Organization, info.Country = signerOf(data.StateData)
		data.StateAction = windows.WTD_STATEACTION_CLOSE
		_ = windows.WinVerifyTrustEx(windows.InvalidHWND, &windows.WINTRUST_ACTION_GENERIC_VERIFY_V2, data)
	}
	if verr == nil {
		info.Present, info.Trusted = true, true
		return info, 0
	}
	var en windows.Errno
	code := uint32(0)
	if errors.As(verr, &en) {
		code = uint32(en)
	}
	info.Present = true
	switch code {
	case trustNoSignature, trustSubjectFormUnkown:
		info = platform.SignatureInfo{TrustError: "no signature"}
	case trustBadDigest:
		info.TrustError = "the file was changed after it was signed"
	case certUntrustedRoot:
		info.TrustError = "the certificate does not chain to a trusted root"
	case certExpired:
		info.TrustError = "the certificate has expired"
	case certRevoked, cryptRevoked:
		info.TrustError = "the certificate has been revoked"
	default:
		info.TrustError = fmt.Sprintf("WinVerifyTrust: %v (0x%08X)", verr, code)
	}
	return info, code
}

// cryptProviderSgnr is the start of CRYPT_PROVIDER_SGNR.
type cryptProviderSgnr struct {
	size           uint32
	verifyAsOf     windows.Filetime
	certChainCount uint32
	certChain      *cryptProviderCert
}

// cryptProviderCert is the start of CRYPT_PROVIDER_CERT.
type cryptProviderCert struct {
	size uint32
	cert *windows.CertContext
}

// signerOf reads the exact CN, O and C of the signing certificate of the
// verification whose state is given (WTHelperProvDataFromStateData →
// WTHelperGetProvSignerFromChain → the first certificate of its chain).
func signerOf(state windows.Handle) (cn, org, country string) {
	prov := wtHelperProvDataFromStateData(state)
	if prov == 0 {
		return "", "", ""
	}
	sp := wtHelperGetProvSignerFromChain(prov, 0, false, 0)
	if sp == 0 {
		return "", "", ""
	}
	// Memory of wintrust, valid until the state is closed.
	sgnr := *(**cryptProviderSgnr)(unsafe.Pointer(&sp))
	if sgnr.certChainCount == 0 || sgnr.certChain == nil || sgnr.certChain.cert == nil {
		return "", "", ""
	}
	return subjectNames(sgnr.certChain.cert)
}

// subjectNames reads a certificate subject's CN, O and C, exactly.
func subjectNames(cert *windows.CertContext) (cn, org, country string) {
	// szOID_COMMON_NAME, szOID_ORGANIZATION_NAME, szOID_COUNTRY_NAME
	return subjectAttr(cert, "2.5.4.3"), subjectAttr(cert, "2.5.4.10"), subjectAttr(cert, "2.5.4.6")
}

// subjectAttr reads one attribute of a certificate's subject, exactly
// (CERT_NAME_ATTR_TYPE).
func subjectAttr(cert *windows.CertContext, oid string) string {
	const certNameAttrType = 3
	o := append([]byte(oid), 0)
	n := windows.CertGetNameString(cert, certNameAttrType, 0, unsafe.Pointer(&o[0]), nil, 0)
	if n <= 1 {
		return ""
	}
	buf := make([]uint16, n)
	n = windows.CertGetNameString(cert, certNameAttrType, 0, unsafe.Pointer(&o[0]), &buf[0], n)
	return windows.UTF16ToString(buf[:n])
}

// catalogInfo is CATALOG_INFO.
type catalogInfo struct {
	size uint32
	file [windows.MAX_PATH]uint16
}

// winTrustCatalogInfo is WINTRUST_CATALOG_INFO.
type winTrustCatalogInfo struct {
	size            uint32
	catalogVersion  uint32
	catalogFilePath *uint16
	memberTag       *uint16
	memberFilePath  *uint16
	memberFile      windows.Handle
	fileHash        *byte
	fileHashSize    uint32
	catalogContext  uintptr
	catAdmin        windows.Handle
}

// driverActionVerify is DRIVER_ACTION_VERIFY, the catalog subsystem of
// Windows' own files.
var driverActionVerify = windows.GUID{Data1: 0xF750E6C3, Data2: 0x38EE, Data3: 0x11D1, Data4: [8]byte{0x85, 0xE5, 0x00, 0xC0, 0x4F, 0xC2, 0x95, 0xEE}}

// verifyCatalog looks the open file's hash up in Windows' catalogs and
// verifies the catalog that lists it. ok is false when no catalog could be
// checked or none lists the file.
func verifyCatalog(path string, h windows.Handle) (platform.SignatureInfo, bool) {
	for _, p := range []interface{ Find() error }{procCryptCATAdminAcquireContext2, procCryptCATAdminCalcHashFromFileHandle2,
		procCryptCATAdminEnumCatalogFromHash, procCryptCATCatalogInfoFromContext} {
		if p.Find() != nil {
			return platform.SignatureInfo{}, false // no catalog API here (Wine 8)
		}
	}
	var admin windows.Handle
	sha256, _ := windows.UTF16PtrFromString("SHA256")
	if err := cryptCATAdminAcquireContext2(&admin, &driverActionVerify, sha256, 0, 0); err != nil {
		return platform.SignatureInfo{}, false
	}
	defer cryptCATAdminReleaseContext(admin, 0)
	var size uint32
	if err := cryptCATAdminCalcHashFromFileHandle2(admin, h, &size, nil, 0); err != nil && size == 0 {
		return platform.SignatureInfo{}, false
	}
	hash := make([]byte, size)
	if err := cryptCATAdminCalcHashFromFileHandle2(admin, h, &size, &hash[0], 0); err != nil {
		return platform.SignatureInfo{}, false
	}
	cat := cryptCATAdminEnumCatalogFromHash(admin, &hash[0], size, 0, nil)
	if cat == 0 {
		return platform.SignatureInfo{}, false
	}
	defer cryptCATAdminReleaseCatalogContext(admin, cat, 0)
	ci := catalogInfo{size: uint32(unsafe.Sizeof(catalogInfo{}))}
	if err := cryptCATCatalogInfoFromContext(cat, &ci, 0); err != nil {
		return platform.SignatureInfo{}, false
	}
	tag, _ := windows.UTF16PtrFromString(strings.ToUpper(hex.EncodeToString(hash[:size])))
	member, _ := windows.UTF16PtrFromString(path)
	wci := &winTrustCatalogInfo{
		catalogFilePath: &ci.file[0], memberTag: tag, memberFilePath: member, memberFile: h,
		fileHash: &hash[0], fileHashSize: size, catAdmin: admin,
	}
	wci.size = uint32(unsafe.Sizeof(*wci))
	info, _ := winVerifyTrust(windows.WTD_CHOICE_CATALOG, unsafe.Pointer(wci))
	info.Method = platform.MethodCatalog
	return info, true
}

// systemFileIdentity reports whether the open file is the system's own
// msiexec: path is exactly SystemMsiexec, the handle reaches that same
// path, and only administrators can change it and its folders.
var systemFileIdentity = func(path string, h windows.Handle) bool {
	want := platform.SystemMsiexec()
	if want == "" || !strings.EqualFold(filepath.Clean(path), want) {
		return false
	}
	final, err := platform.FinalPathByHandle(h)
	if err != nil || !strings.EqualFold(final, want) {
		return false
	}
	ok, _, err := acl.AdminOnlyPath(want)
	return err == nil && ok
}

func (s *heldFile) finalPath(string) (string, error) {
	if s.h == 0 {
		return "", errors.New("the program is closed")
	}
	return platform.FinalPathByHandle(s.h)
}
