package platform

import "strings"

// MSIProduct is what Windows Installer itself knows of a product code.
type MSIProduct struct {
	// ProductCode is the code asked about, in braces.
	ProductCode string `json:"productCode"`
	// PerMachine is true only when Windows Installer knows the code as
	// installed for all users (MSIINSTALLCONTEXT_MACHINE). A code installed
	// only for one user, advertised, or unknown leaves it false, and the
	// other fields empty.
	PerMachine bool `json:"perMachine"`
	// PerUser is true when Windows Installer also knows the code for the
	// current user (MSIINSTALLCONTEXT_USERMANAGED or USERUNMANAGED),
	// installed or only advertised: msiexec /x might then act on that
	// registration instead, so a removal refuses it.
	PerUser bool `json:"perUser,omitempty"`
	// Publisher, Name (InstalledProductName), Version (VersionString) and
	// InstallLocation as Windows Installer recorded them at installation,
	// not as an Uninstall registry entry claims them.
	Publisher       string `json:"publisher,omitempty"`
	Name            string `json:"name,omitempty"`
	Version         string `json:"version,omitempty"`
	InstallLocation string `json:"installLocation,omitempty"`
}

// InstalledMSIProduct asks Windows Installer (msi.dll,
// MsiGetProductInfoEx in the machine context, and in the current user's
// managed and unmanaged contexts for PerUser) about productCode, a GUID in
// braces such as {8F4F3A1B-2C3D-4E5F-9A0B-1C2D3E4F5A6B}. A code Windows
// Installer does not know per machine is not an error: PerMachine is false.
// err is set for a malformed code or when msi.dll fails; outside Windows it
// is ErrNotSupported.
func InstalledMSIProduct(productCode string) (MSIProduct, error) {
	return installedMSIProduct(productCode)
}

// isGUID reports whether s looks like {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}.
func isGUID(s string) bool {
	if len(s) != 38 || s[0] != '{' || s[37] != '}' {
		return false
	}
	for i, c := range s[1:37] {
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
				return false
			}
		}
	}
	return true
}
