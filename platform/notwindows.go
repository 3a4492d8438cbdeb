//go:build !windows

package platform

// knownFolder has no Windows folders to give outside Windows.
func knownFolder(string) string { return "" }

func windowsDir() string { return "" }

func rebootPending() bool { return false }

func installedMSIProduct(code string) (MSIProduct, error) {
	return MSIProduct{ProductCode: code}, ErrNotSupported
}

func systemMsiexec() string { return "" }
