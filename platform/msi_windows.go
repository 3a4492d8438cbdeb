package platform

import (
	"errors"
	"fmt"

	"golang.org/x/sys/windows"
)

const (
	msiInstallContextUserManaged   = 1    // MSIINSTALLCONTEXT_USERMANAGED
	msiInstallContextUserUnmanaged = 2    // MSIINSTALLCONTEXT_USERUNMANAGED
	msiInstallContextMachine       = 4    // MSIINSTALLCONTEXT_MACHINE
	errorUnknownProduct            = 1605 // ERROR_UNKNOWN_PRODUCT
	errorUnknownProperty           = 1608 // ERROR_UNKNOWN_PROPERTY
)

func installedMSIProduct(code string) (MSIProduct, error) {
	p := MSIProduct{ProductCode: code}
	if !isGUID(code) {
		return p, fmt.Errorf("%q is not a product code", code)
	}
	if err := procMsiGetProductInfoExW.Find(); err != nil {
		return p, fmt.Errorf("Windows Installer: %w", ErrUnavailable)
	}
	// Registered for this user too (installed or advertised)?
	for _, ctx := range []uint32{msiInstallContextUserManaged, msiInstallContextUserUnmanaged} {
		_, err := msiPropertyIn(code, "State", ctx)
		switch {
		case err == nil:
			p.PerUser = true
		case !errors.Is(err, windows.Errno(errorUnknownProduct)):
			return p, fmt.Errorf("asking Windows Installer about %s for this user: %w", code, err)
		}
	}
	// ProductState answers for every installed product; an unknown one fails.
	state, err := msiProperty(code, "State")
	if errors.Is(err, windows.Errno(errorUnknownProduct)) {
		return p, nil
	}
	if err != nil {
		return p, fmt.Errorf("asking Windows Installer about %s: %w", code, err)
	}
	if state != "5" { // INSTALLSTATE_DEFAULT: installed; 1 is advertised only
		return p, nil
	}
	p.PerMachine = true
	for _, f := range []struct {
		name string
		dst  *string
	}{{"Publisher", &p.Publisher}, {"InstalledProductName", &p.Name}, {"VersionString", &p.Version}, {"InstallLocation", &p.InstallLocation}} {
		v, err := msiProperty(code, f.name)
		if err != nil && !errors.Is(err, windows.Errno(errorUnknownProperty)) {
			return p, fmt.Errorf("reading %s of %s: %w", f.name, code, err)
		}
		*f.dst = v
	}
	return p, nil
}

// msiProperty reads one property of a per-machine product.
func msiProperty(code, name string) (string, error) {
	return msiPropertyIn(code, name, msiInstallContextMachine)
}

// msiPropertyIn reads one property of a product in one installation
// context (for a user context, the current user's).
func msiPropertyIn(code, name string, context uint32) (string, error) {
	c, _ := windows.UTF16PtrFromString(code)
	n, _ := windows.UTF16PtrFromString(name)
	buf := make([]uint16, 256)
	for {
		size := uint32(len(buf))
		err := msiGetProductInfoEx(c, nil, context, n, &buf[0], &size)
		if errors.Is(err, windows.ERROR_MORE_DATA) && int(size) >= len(buf) {
			buf = make([]uint16, size+1)
			continue
		}
		if err != nil {
			return "", err
		}
		return windows.UTF16ToString(buf[:size]), nil
	}
}
