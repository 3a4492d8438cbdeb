package platform

// KnownFolder returns a Windows known folder by its catalog name
// (ProgramData, ProgramFiles, ProgramFilesX86, AppData, LocalAppData); ""
// elsewhere. The shell is asked; no environment variable is read.
func KnownFolder(name string) string { return knownFolder(name) }

// WindowsDir is the Windows folder (C:\Windows), from
// GetSystemWindowsDirectory; "" outside Windows.
func WindowsDir() string { return windowsDir() }

// AdminOnlyPath reports whether only administrators can change the file or
// folder at path, so that starting it elevated cannot run a standard user's
// code: its security descriptor (owner and DACL) and those of every folder
// above it up to the drive root are read (GetNamedSecurityInfo), after
// links and junctions are resolved, and judged by JudgeSDDL's rule with the
// user's own SID and the groups of this process's token (never
// Administrators or SYSTEM) added to StandardUserSIDs. When ok is false, why
// names the first object that fails and who may change it. err is set when
// the path or a descriptor cannot be read (a missing file is an error, not
// a refusal). Under Wine, where the user is the administrator, the user's
// own SID is not held against a path (see dacl_windows.go); outside Windows
// it returns ErrNotSupported.
func AdminOnlyPath(path string) (ok bool, why string, err error) { return adminOnlyPath(path) }

// SystemMsiexec is Windows Installer's own program, GetSystemDirectory()
// + `\msiexec.exe` (C:\Windows\System32\msiexec.exe): the only msiexec this
// program starts, whatever an Uninstall entry names. "" outside Windows.
func SystemMsiexec() string { return systemMsiexec() }
