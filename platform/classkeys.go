package platform

import "slices"

// GuardedClassKey is a place in HKCU where a user may change what
// ShellExecuteEx("runas") runs for a program (or, for Msi.Package, a
// package): the merged class view (HKEY_CLASSES_ROOT) lets HKCU win over
// HKLM, so a key there set to "msiexec.exe /y %LOCALAPPDATA%\x.dll" makes
// the prompt show Windows Installer while another command runs.
type GuardedClassKey struct {
	// Path is the key's path under HKEY_CURRENT_USER.
	Path string
	// DefaultValue: only a non-empty default value counts (a ProgID that
	// sends .exe to another class); otherwise the key's existence does.
	DefaultValue bool
}

const userClasses = `Software\Classes\`

// guardedClassKeys lists the keys checked before every elevated start
// (platform/act's guard) and by the doctor (ClassOverrides): one list for
// both. Registry names are case-insensitive: Msi.Package and msi.package
// are one.
var guardedClassKeys = []GuardedClassKey{
	{userClasses + `exefile\shell`, false},
	{userClasses + `exefile\CurVer`, false},
	{userClasses + `.exe`, true},
	{userClasses + `.exe\shell`, false},
	{userClasses + `Msi.Package\shell`, false},
	{userClasses + `Msi.Package\CurVer`, false},
	{userClasses + `.msi`, true},
	{userClasses + `.msi\shell`, false},
	{userClasses + `*\shell\runas`, false},
	{userClasses + `AllFilesystemObjects\shell\runas`, false},
	{userClasses + `SystemFileAssociations\.exe\shell`, false},
	{userClasses + `SystemFileAssociations\application\shell\runas`, false},
	{`Software\Microsoft\Windows\CurrentVersion\Explorer\FileExts\.exe\UserChoice`, false},
}

// GuardedClassKeys lists the per-user class keys that change how Windows
// starts programs and installers: the keys the elevated start refuses to
// run under and the doctor reports (a copy; the list is read only).
func GuardedClassKeys() []GuardedClassKey { return slices.Clone(guardedClassKeys) }
