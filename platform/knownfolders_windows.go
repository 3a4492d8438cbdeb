package platform

import "golang.org/x/sys/windows"

// knownFolder asks the shell for a known folder; no environment variable is read.
func knownFolder(name string) string {
	ids := map[string]*windows.KNOWNFOLDERID{
		"ProgramData":     windows.FOLDERID_ProgramData,
		"ProgramFiles":    windows.FOLDERID_ProgramFiles,
		"ProgramFilesX86": windows.FOLDERID_ProgramFilesX86,
		"AppData":         windows.FOLDERID_RoamingAppData,
		"LocalAppData":    windows.FOLDERID_LocalAppData,
	}
	id, ok := ids[name]
	if !ok {
		return ""
	}
	dir, err := windows.KnownFolderPath(id, windows.KF_FLAG_DEFAULT)
	if err != nil {
		return ""
	}
	return dir
}

// windowsDir asks for the system's Windows folder: GetSystemWindowsDirectory,
// which, unlike GetWindowsDirectory, is never a per-user folder on a
// terminal server.
func windowsDir() string {
	dir, err := windows.GetSystemWindowsDirectory()
	if err != nil {
		return ""
	}
	return dir
}

func systemMsiexec() string {
	dir, err := windows.GetSystemDirectory()
	if err != nil || dir == "" {
		return ""
	}
	return dir + `\msiexec.exe`
}
