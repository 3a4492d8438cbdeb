package platform

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"unsafe"

	"golang.org/x/sys/windows"
	"golang.org/x/sys/windows/registry"
)

var (
	shell32              = windows.NewLazySystemDLL("shell32.dll")
	procShellExecuteEx   = shell32.NewProc("ShellExecuteExW")
	crypt32              = windows.NewLazySystemDLL("crypt32.dll")
	procCryptMsgGetParam = crypt32.NewProc("CryptMsgGetParam")
	procCryptMsgClose    = crypt32.NewProc("CryptMsgClose")
)

// shellExecuteInfo is SHELLEXECUTEINFOW.
type shellExecuteInfo struct {
	size          uint32
	mask          uint32
	hwnd          windows.HWND
	verb          *uint16
	file          *uint16
	parameters    *uint16
	directory     *uint16
	show          int32
	instApp       windows.Handle
	idList        uintptr
	class         *uint16
	keyClass      windows.Handle
	hotKey        uint32
	iconOrMonitor windows.Handle
	process       windows.Handle
}

const (
	seeMaskNoCloseProcess = 0x00000040
	seeMaskNoAsync        = 0x00000100
	swShowNormal          = 1
)

func launch(ctx context.Context, program string, args []string, elevate bool, out io.Writer) (int, error) {
	if !elevate {
		cmd := exec.CommandContext(ctx, program, args...)
		cmd.Stdout, cmd.Stderr = out, out
		err := cmd.Run()
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return exit.ExitCode(), nil
		}
		if err != nil {
			return -1, err
		}
		return 0, nil
	}
	verb, _ := windows.UTF16PtrFromString("runas")
	file, err := windows.UTF16PtrFromString(program)
	if err != nil {
		return -1, err
	}
	// Each argument quoted by Windows' own rules: parsed tokens in, never raw text.
	params, err := windows.UTF16PtrFromString(windows.ComposeCommandLine(args))
	if err != nil {
		return -1, err
	}
	dir, _ := windows.UTF16PtrFromString(filepath.Dir(program))
	info := shellExecuteInfo{mask: seeMaskNoCloseProcess | seeMaskNoAsync, verb: verb, file: file, parameters: params, directory: dir, show: swShowNormal}
	info.size = uint32(unsafe.Sizeof(info))
	if r, _, e := procShellExecuteEx.Call(uintptr(unsafe.Pointer(&info))); r == 0 {
		if errors.Is(e, windows.ERROR_CANCELLED) {
			return 1223, ErrCancelled
		}
		return -1, fmt.Errorf("ShellExecuteEx runas: %w", e)
	}
	if info.process == 0 {
		return -1, errors.New("the uninstaller started but gave no process to wait for")
	}
	defer windows.CloseHandle(info.process)
	for {
		ev, err := windows.WaitForSingleObject(info.process, 250)
		if err != nil {
			return -1, err
		}
		if ev == uint32(windows.WAIT_OBJECT_0) {
			break
		}
		if ctx.Err() != nil {
			return -1, ctx.Err() // the uninstaller goes on; we stop waiting
		}
	}
	var code uint32
	if err := windows.GetExitCodeProcess(info.process, &code); err != nil {
		return -1, err
	}
	return int(code), nil
}

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
	defer procCryptMsgClose.Call(uintptr(msg))
	const cmsgSignerCertInfoParam = 7
	var size uint32
	if r, _, _ := procCryptMsgGetParam.Call(uintptr(msg), cmsgSignerCertInfoParam, 0, 0, uintptr(unsafe.Pointer(&size))); r == 0 || size == 0 {
		return "", true
	}
	buf := make([]byte, size)
	if r, _, _ := procCryptMsgGetParam.Call(uintptr(msg), cmsgSignerCertInfoParam, 0, uintptr(unsafe.Pointer(&buf[0])), uintptr(unsafe.Pointer(&size))); r == 0 {
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

func rebootPending() bool {
	keyExists := func(path string) bool {
		k, err := registry.OpenKey(registry.LOCAL_MACHINE, path, registry.QUERY_VALUE|registry.WOW64_64KEY)
		if err != nil {
			return false
		}
		k.Close()
		return true
	}
	if keyExists(`SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\RebootPending`) ||
		keyExists(`SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\RebootRequired`) {
		return true
	}
	k, err := registry.OpenKey(registry.LOCAL_MACHINE, `SYSTEM\CurrentControlSet\Control\Session Manager`, registry.QUERY_VALUE)
	if err != nil {
		return false
	}
	defer k.Close()
	v, _, err := k.GetStringsValue("PendingFileRenameOperations")
	return err == nil && len(v) > 0
}

const runOncePath = `Software\Microsoft\Windows\CurrentVersion\RunOnce`

func setRunOnce(name, program string, args []string) error {
	k, _, err := registry.CreateKey(registry.CURRENT_USER, runOncePath, registry.SET_VALUE)
	if err != nil {
		return fmt.Errorf("opening HKCU RunOnce: %w", err)
	}
	defer k.Close()
	return k.SetStringValue(name, windows.ComposeCommandLine(append([]string{program}, args...)))
}

func clearRunOnce(name string) error {
	k, err := registry.OpenKey(registry.CURRENT_USER, runOncePath, registry.SET_VALUE)
	if errors.Is(err, registry.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer k.Close()
	if err := k.DeleteValue(name); err != nil && !errors.Is(err, registry.ErrNotExist) {
		return err
	}
	return nil
}

func restart() error {
	sys, err := windows.GetSystemDirectory()
	if err != nil {
		return err
	}
	cmd := exec.Command(filepath.Join(sys, "shutdown.exe"), "/r", "/t", "0")
	return cmd.Run()
}

func openAppsSettings() error { return openURI("ms-settings:appsfeatures") }

func openWindowsSecurity() error { return openURI("windowsdefender://threat") }

// openURI opens one of the fixed Windows settings addresses above.
func openURI(uri string) error {
	return windows.ShellExecute(0, windows.StringToUTF16Ptr("open"), windows.StringToUTF16Ptr(uri), nil, nil, swShowNormal)
}
