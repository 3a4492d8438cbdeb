package removal

// The computer a plan rests on: its folders and the checks planning asks of
// it, and Env, one described in memory.

import (
	"errors"

	"transitionhelper/platform"
)

// Computer is what planning asks of the computer: where its folders are,
// and the checks a plan rests on. service.Computer includes it, so the
// service's one seam answers these too; Env is one described in memory.
// A check the computer cannot make here answers ErrCannotCheck, and the
// plan is refused.
type Computer interface {
	// Folders says where the system keeps things.
	Folders() Folders
	// FileExists reports whether a regular file exists at path.
	FileExists(path string) bool
	// Glob lists paths matching a pattern (macOS uninstaller search).
	Glob(pattern string) []string
	// AdminOnly reports whether only administrators can change a file and
	// every folder above it (AdminOnlyPath of platform/acl).
	AdminOnly(path string) (ok bool, why string, err error)
	// MSIProduct asks Windows Installer about a product code
	// (platform.InstalledMSIProduct).
	MSIProduct(code string) (platform.MSIProduct, error)
	// VerifyMacApp checks a macOS uninstaller app's owner, folders and
	// Developer ID signature (VerifyMacApp of platform/trust).
	VerifyMacApp(app, teamID string) error
	// SimulateRemove says which packages removing pkgs would remove, they
	// and their dependants (platform.SimulateAptRemove).
	SimulateRemove(pkgs []string) ([]string, error)
}

// Folders are where the system keeps things.
type Folders struct {
	GOOS string
	// Windows folders (empty elsewhere).
	ProgramFiles, ProgramFilesX86, SystemRoot string
	// SystemMsiexec is Windows' own msiexec.exe (GetSystemDirectory), the
	// only msiexec ever started.
	SystemMsiexec string
}

// ErrCannotCheck: the computer cannot make this check here.
var ErrCannotCheck = errors.New("cannot be checked here")

// Env is a Computer described in memory: the folders, and a function for
// each check (nil: ErrCannotCheck, or no file for Exists). The sample data
// of the development build and the tests use it.
type Env struct {
	GOOS string
	// Windows folders (empty elsewhere).
	ProgramFiles, ProgramFilesX86, SystemRoot string
	SystemMsiexec                             string

	Exists           func(path string) bool
	GlobFn           func(pattern string) []string
	AdminOnlyFn      func(path string) (ok bool, why string, err error)
	MSIProductFn     func(code string) (platform.MSIProduct, error)
	VerifyMacAppFn   func(app, teamID string) error
	SimulateRemoveFn func(pkgs []string) ([]string, error)
}

var _ Computer = Env{}

// Folders are the Env's.
func (e Env) Folders() Folders {
	return Folders{GOOS: e.GOOS, ProgramFiles: e.ProgramFiles, ProgramFilesX86: e.ProgramFilesX86, SystemRoot: e.SystemRoot, SystemMsiexec: e.SystemMsiexec}
}

// FileExists asks Exists.
func (e Env) FileExists(path string) bool { return e.Exists != nil && e.Exists(path) }

// Glob asks GlobFn.
func (e Env) Glob(pattern string) []string {
	if e.GlobFn == nil {
		return nil
	}
	return e.GlobFn(pattern)
}

// AdminOnly asks AdminOnlyFn.
func (e Env) AdminOnly(path string) (bool, string, error) {
	if e.AdminOnlyFn == nil {
		return false, "", ErrCannotCheck
	}
	return e.AdminOnlyFn(path)
}

// MSIProduct asks MSIProductFn.
func (e Env) MSIProduct(code string) (platform.MSIProduct, error) {
	if e.MSIProductFn == nil {
		return platform.MSIProduct{}, ErrCannotCheck
	}
	return e.MSIProductFn(code)
}

// VerifyMacApp asks VerifyMacAppFn.
func (e Env) VerifyMacApp(app, teamID string) error {
	if e.VerifyMacAppFn == nil {
		return ErrCannotCheck
	}
	return e.VerifyMacAppFn(app, teamID)
}

// SimulateRemove asks SimulateRemoveFn.
func (e Env) SimulateRemove(pkgs []string) ([]string, error) {
	if e.SimulateRemoveFn == nil {
		return nil, ErrCannotCheck
	}
	return e.SimulateRemoveFn(pkgs)
}
