package platform

// KnownFolder returns a Windows known folder by its catalog name
// (ProgramData, ProgramFiles, ProgramFilesX86, AppData, LocalAppData); ""
// elsewhere. The shell is asked; no environment variable is read.
func KnownFolder(name string) string { return knownFolder(name) }

// WindowsDir is the Windows folder (C:\Windows), from
// GetSystemWindowsDirectory; "" outside Windows.
func WindowsDir() string { return windowsDir() }

// SystemMsiexec is Windows Installer's own program, GetSystemDirectory()
// + `\msiexec.exe` (C:\Windows\System32\msiexec.exe): the only msiexec this
// program starts, whatever an Uninstall entry names. "" outside Windows.
func SystemMsiexec() string { return systemMsiexec() }
