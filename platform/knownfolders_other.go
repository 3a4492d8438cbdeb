//go:build !windows

package platform

// knownFolder has no Windows folders to give outside Windows.
func knownFolder(string) string { return "" }

// WindowsDir is empty outside Windows.
func WindowsDir() string { return "" }
