// Package service is the one house below the app's two front doors: the
// window (app/ui) and the command line (app/cli) both scan and remove
// through it, so both say and do the same for the same computer.
//
// It holds the scan (snapshot → findings → summary → record) and the one
// removal flow (plan → trust decision → confirm, by the door → launch →
// outcome → state change → RunOnce policy → re-check → what stayed behind).
// The catalog is handed in once; the computer is reached only through the
// System given to New, so tests drive every path with a fake one.
package service

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"transitionhelper/app/catalog"
	"transitionhelper/app/detect"
	"transitionhelper/app/removal"
	"transitionhelper/platform"
	"transitionhelper/platform/acl"
	"transitionhelper/platform/act"
	"transitionhelper/platform/results"
	"transitionhelper/platform/trust"
)

// Computer is the one seam between the app and the computer it runs on:
// everything the service reads from it or does to it. ThisComputer is the
// real one, over package platform; tests use servicetest.Computer, and the
// development build's fixtures wrap the real one. Nothing above the service
// (the window, the command line) reaches the computer another way.
type Computer interface {
	// Scan reads the computer's facts; a probe that fails leaves its error
	// in the snapshot.
	Scan(ctx context.Context, opts platform.Options) *platform.Snapshot
	// Now is the clock.
	Now() time.Time
	// GOOS is the system the plans are made for.
	GOOS() string
	// RegionHints are the time zone and the locale the region guess reads.
	RegionHints() (tz, locale string)

	// The folders and checks removal plans rest on (package removal asks
	// them, never the computer itself).
	removal.Computer
	// Open opens a Windows program and verifies its signature on that open
	// file; what it returns holds the file until Close, so the program that
	// starts is the one verified (trust.OpenVerified).
	Open(path string) (VerifiedProgram, error)
	// CheckElevation says whether this account's settings would let
	// another program ride on an elevated start (act.CheckElevatedStart:
	// class overrides in HKCU, variables that load code); asked before the
	// question, so nothing is offered that the start would refuse. The
	// start itself checks again.
	CheckElevation() error
	// Launch starts a program that carries no signature to check (Linux
	// packages through pkexec, a macOS app through open) and waits.
	Launch(ctx context.Context, program string, args []string, elevate bool, out io.Writer) (int, error)
	// SetRunOnce and ClearRunOnce make the app reopen after a restart, and
	// take that back; platform.ErrNotSupported where the system has no such thing.
	SetRunOnce(name, program string, args ...string) error
	ClearRunOnce(name string) error
	// Executable is the program RunOnce reopens.
	Executable() (string, error)
	// WriteFile writes a result file the user named (a report, a scan), all
	// or nothing (results.WriteFileAtomic).
	WriteFile(path string, data []byte) error
	// CreatePrivateFile creates a new file only this user may read (the
	// converted passwords); an existing file is never overwritten
	// (results.CreatePrivateFile, platform.ErrFileExists).
	CreatePrivateFile(path string, data []byte) error
	// ReadUserFile reads a plain file the user chose (the passwords'
	// export), at most limit bytes: a larger one is ErrTooLarge.
	ReadUserFile(path string, limit int64) ([]byte, error)
	// DeleteUserFile deletes a plain file the user chose, never a folder
	// and never through a link (the passwords' export and its CSV).
	DeleteUserFile(path string) error
	// UserFileExists reports whether a path the app saved still names
	// something (looked at without following a link).
	UserFileExists(path string) bool

	// Log reports a failure the user cannot act on (RunOnce not written).
	Log(what string, err error)
	// DryRun: removal only says what it would start. True when sample data
	// stands in for the computer.
	DryRun() bool
}

// ThisComputer is the computer the app runs on.
func ThisComputer() Computer { return thisComputer{} }

// thisComputer is Computer over package platform.
type thisComputer struct{}

func (thisComputer) Scan(ctx context.Context, o platform.Options) *platform.Snapshot {
	return platform.Scan(ctx, o)
}
func (thisComputer) Now() time.Time                   { return time.Now() }
func (thisComputer) GOOS() string                     { return runtime.GOOS }
func (thisComputer) RegionHints() (tz, locale string) { return platform.RegionHints() }
func (thisComputer) Open(path string) (VerifiedProgram, error) {
	v, err := trust.OpenVerified(path)
	if err != nil {
		return nil, err // not a nil verifiedProgram in an interface
	}
	return verifiedProgram{v}, nil
}
func (thisComputer) CheckElevation() error { return act.CheckElevatedStart() }
func (thisComputer) Launch(ctx context.Context, program string, args []string, elevate bool, out io.Writer) (int, error) {
	return act.Launch(ctx, program, args, elevate, out)
}
func (thisComputer) SetRunOnce(name, program string, args ...string) error {
	return act.SetRunOnce(name, program, args...)
}
func (thisComputer) ClearRunOnce(name string) error { return act.ClearRunOnce(name) }
func (thisComputer) Executable() (string, error)    { return os.Executable() }
func (thisComputer) WriteFile(path string, data []byte) error {
	return results.WriteFileAtomic(path, data)
}
func (thisComputer) CreatePrivateFile(path string, data []byte) error {
	return results.CreatePrivateFile(path, data)
}
func (thisComputer) ReadUserFile(path string, limit int64) ([]byte, error) {
	return ReadUserFile(path, limit)
}
func (thisComputer) DeleteUserFile(path string) error { return DeleteUserFile(path) }
func (thisComputer) UserFileExists(path string) bool  { return UserFileExists(path) }
func (thisComputer) Log(what string, err error)       { fmt.Fprintf(os.Stderr, "%s: %v\n", what, err) }
func (thisComputer) DryRun() bool                     { return false }

// VerifiedProgram is a program opened and verified once, held open until
// Close: verifiedProgram on this computer, or a test's.
type VerifiedProgram interface {
	// Signature is what the verification of the open file said.
	Signature() platform.SignatureInfo
	// FinalPath is where the held file really is (links resolved).
	FinalPath() (string, error)
	// Launch starts the verified file itself and waits; a file swapped
	// since the check is refused (platform.ErrSwapped).
	Launch(ctx context.Context, args []string, elevate bool, out io.Writer) (int, error)
	Close() error
}

// Service scans and removes on one Computer with one catalog.
type Service struct {
	cat *catalog.Catalog
	pc  Computer
}

// scanOptions are what every scan asks of the computer: the catalog's
// leftover folders, and the processes whose program is judged before a
// protection claim may rest on them (detect.ProtectionImages), by the
// administrators-only rule (acl.AdminOnlyPath).
func (s *Service) scanOptions() platform.Options {
	return platform.Options{LeftoverPaths: s.cat.LeftoverPaths(s.pc.GOOS()), JudgeImage: detect.ProtectionImages(s.cat),
		AdminOnly: acl.AdminOnlyPath}
}

// New makes the service for a loaded catalog and a computer.
func New(cat *catalog.Catalog, pc Computer) *Service {
	return &Service{cat: cat, pc: pc}
}

// Catalog is the catalog the service matches against.
func (s *Service) Catalog() *catalog.Catalog { return s.cat }

// GOOS is the system of the computer the service works on (a sample's
// system when it stands in for the computer).
func (s *Service) GOOS() string { return s.pc.GOOS() }

// Now is the service's clock.
func (s *Service) Now() time.Time { return s.pc.Now() }

// DryRun reports whether removal only says what it would start.
func (s *Service) DryRun() bool { return s.pc.DryRun() }

// WriteFile writes a result file the user named, all or nothing.
func (s *Service) WriteFile(path string, data []byte) error { return s.pc.WriteFile(path, data) }

// CreatePrivateFile creates a new file only this user may read; an
// existing one is an error (platform.ErrFileExists), never overwritten.
func (s *Service) CreatePrivateFile(path string, data []byte) error {
	return s.pc.CreatePrivateFile(path, data)
}

// verifiedProgram is the program platform/trust opened and verified,
// started by platform/act: the package that verifies and the one that
// starts hold the same open file.
type verifiedProgram struct{ *trust.VerifiedProgram }

// Launch starts the held file itself (act.LaunchVerified).
func (v verifiedProgram) Launch(ctx context.Context, args []string, elevate bool, out io.Writer) (int, error) {
	return act.LaunchVerified(ctx, v.VerifiedProgram, args, elevate, out)
}

var _ VerifiedProgram = verifiedProgram{}

// Folders are this computer's.
func (thisComputer) Folders() removal.Folders {
	return removal.Folders{
		GOOS:            runtime.GOOS,
		ProgramFiles:    platform.KnownFolder("ProgramFiles"),
		ProgramFilesX86: platform.KnownFolder("ProgramFilesX86"),
		SystemRoot:      platform.WindowsDir(),
		SystemMsiexec:   platform.SystemMsiexec(),
	}
}

func (thisComputer) FileExists(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}

func (thisComputer) Glob(pattern string) []string {
	m, _ := filepath.Glob(pattern)
	return m
}

func (thisComputer) AdminOnly(path string) (bool, string, error) { return acl.AdminOnlyPath(path) }
func (thisComputer) MSIProduct(code string) (platform.MSIProduct, error) {
	return platform.InstalledMSIProduct(code)
}
func (thisComputer) VerifyMacApp(app, teamID string) error {
	err := trust.VerifyMacApp(app, teamID)
	if errors.Is(err, platform.ErrNotSupported) {
		return fmt.Errorf("%w: %w", removal.ErrCannotCheck, err)
	}
	return err
}

// SimulateRemove asks apt-get what removing pkgs would remove; it reads
// only, and is bounded by platform's own time limit.
func (thisComputer) SimulateRemove(pkgs []string) ([]string, error) {
	return platform.SimulateAptRemove(context.Background(), pkgs)
}
