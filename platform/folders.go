package platform

// KnownFolder returns a Windows known folder by its catalog name
// (ProgramData, ProgramFiles, ProgramFilesX86, AppData, LocalAppData); ""
// elsewhere. The shell is asked; no environment variable is read.
func KnownFolder(name string) string { return knownFolder(name) }

// WindowsDir is the Windows folder (C:\Windows); "" outside Windows.
func WindowsDir() string { return windowsDir() }
