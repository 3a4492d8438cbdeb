package trust

import (
	"encoding/binary"
	"unsafe"

	"golang.org/x/sys/windows"
)

// claimedSigner reads who the embedded signature of the open file claims
// as signer, without trusting it: for the message about a signature that
// fails (Wine builds no signer chain when the digest does not match). It
// reads the PE certificate table through the same handle; it never decides
// trust.
func claimedSigner(h windows.Handle) (cn, org, country string) {
	head := make([]byte, 4096)
	if n := readAt(h, 0, head); n < 0x40 {
		return "", "", ""
	}
	pe := int(binary.LittleEndian.Uint32(head[0x3C:]))
	if pe+0x18+2 > len(head) || string(head[pe:pe+4]) != "PE\x00\x00" {
		return "", "", ""
	}
	opt := pe + 0x18
	dirs := opt + 96 // PE32 data directories
	if binary.LittleEndian.Uint16(head[opt:]) == 0x20B {
		dirs = opt + 112 // PE32+
	}
	sec := dirs + 4*8 // IMAGE_DIRECTORY_ENTRY_SECURITY
	if sec+8 > len(head) {
		return "", "", ""
	}
	off, size := binary.LittleEndian.Uint32(head[sec:]), binary.LittleEndian.Uint32(head[sec+4:])
	if size <= 8 || size > 1<<20 {
		return "", "", ""
	}
	table := make([]byte, size)
	if readAt(h, int64(off), table) != int(size) {
		return "", "", ""
	}
	blob := windows.CryptDataBlob{Size: size - 8, Data: &table[8]} // after WIN_CERTIFICATE's header
	var encoding, contentType, formatType uint32
	var store, msg windows.Handle
	if windows.CryptQueryObject(windows.CERT_QUERY_OBJECT_BLOB, unsafe.Pointer(&blob), windows.CERT_QUERY_CONTENT_FLAG_PKCS7_SIGNED,
		windows.CERT_QUERY_FORMAT_FLAG_BINARY, 0, &encoding, &contentType, &formatType, &store, &msg, nil) != nil {
		return "", "", ""
	}
	defer windows.CertCloseStore(store, 0)
	defer cryptMsgClose(msg)
	const cmsgSignerCertInfoParam = 7
	var n uint32
	if cryptMsgGetParam(msg, cmsgSignerCertInfoParam, 0, nil, &n) != nil || n == 0 {
		return "", "", ""
	}
	info := make([]byte, n)
	if cryptMsgGetParam(msg, cmsgSignerCertInfoParam, 0, &info[0], &n) != nil {
		return "", "", ""
	}
	const certFindSubjectCert = 11 << 16
	cert, err := windows.CertFindCertificateInStore(store, windows.X509_ASN_ENCODING|windows.PKCS_7_ASN_ENCODING, 0,
		certFindSubjectCert, unsafe.Pointer(&info[0]), nil)
	if err != nil || cert == nil {
		return "", "", ""
	}
	defer windows.CertFreeCertificateContext(cert)
	return subjectNames(cert)
}

// readAt reads len(buf) bytes at off through h, returning how many it read.
func readAt(h windows.Handle, off int64, buf []byte) int {
	if _, err := windows.Seek(h, off, 0); err != nil {
		return -1
	}
	total := 0
	for total < len(buf) {
		var n uint32
		if err := windows.ReadFile(h, buf[total:], &n, nil); err != nil || n == 0 {
			break
		}
		total += int(n)
	}
	return total
}
