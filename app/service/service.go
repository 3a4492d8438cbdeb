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
	"fmt"
	"io"
	"os"
	"time"

	"transitionhelper/app/catalog"
	"transitionhelper/app/removal"
	"transitionhelper/platform"
)

// System is what the service needs from the computer. ThisComputer gives
// the real one; tests and fixtures pass their own.
type System struct {
	// Scan reads the computer's facts; nil means platform.Scan.
	Scan func(context.Context, platform.Options) *platform.Snapshot
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// GOOS is the system the service runs on; "" means this one.
	GOOS string

	// RemovalEnv describes the computer for removal plans.
	RemovalEnv removal.Env
	// Open opens a Windows program and verifies its signature on that open
	// file; what it returns holds the file until Close, so the program that
	// starts is the one verified (platform.OpenVerified).
	Open func(path string) (Verified, error)
	// CheckElevation says whether this account's settings would let
	// another program ride on an elevated start (platform.CheckElevatedStart:
	// class overrides in HKCU, variables that load code); asked before the
	// question, so nothing is offered that the start would refuse. The
	// start itself checks again. nil asks nothing.
	CheckElevation func() error
	// Launch starts a program that carries no signature to check (Linux
	// packages through pkexec, a macOS app through open) and waits.
	Launch func(ctx context.Context, program string, args []string, elevate bool, out io.Writer) (int, error)
	// SetRunOnce and ClearRunOnce make the app reopen after a restart, and
	// take that back; nil where the system has no such thing.
	SetRunOnce   func(name, program string, args ...string) error
	ClearRunOnce func(name string) error
	// Executable is the program RunOnce reopens; nil means os.Executable.
	Executable func() (string, error)

	// Log reports a failure the user cannot act on (RunOnce not written);
	// nil means standard error.
	Log func(what string, err error)

	// DryRun starts nothing: removal only says what it would start. Set
	// when a fixture stands in for the computer.
	DryRun bool
}

// ThisComputer is the real System of the computer the app runs on.
func ThisComputer() System {
	return System{
		Scan:           platform.Scan,
		Now:            time.Now,
		RemovalEnv:     removalEnv(),
		Open:           openVerified,
		CheckElevation: platform.CheckElevatedStart,
		Launch:         platform.Launch,
		SetRunOnce:     platform.SetRunOnce,
		ClearRunOnce:   platform.ClearRunOnce,
		Executable:     os.Executable,
	}
}

// Verified is a program opened and verified once, held open until Close.
type Verified interface {
	// Signature is what the verification of the open file said.
	Signature() platform.SignatureInfo
	// FinalPath is where the held file really is (links resolved).
	FinalPath() (string, error)
	// Launch starts the verified file itself and waits; a file swapped
	// since the check is refused (platform.ErrSwapped).
	Launch(ctx context.Context, args []string, elevate bool, out io.Writer) (int, error)
	Close() error
}

// platformVerified is a Verified of this computer.
type platformVerified struct{ v *platform.VerifiedProgram }

func openVerified(path string) (Verified, error) {
	v, err := platform.OpenVerified(path)
	if err != nil {
		return nil, err
	}
	return platformVerified{v}, nil
}

func (p platformVerified) Signature() platform.SignatureInfo { return p.v.Signature }
func (p platformVerified) Close() error                      { return p.v.Close() }
func (p platformVerified) FinalPath() (string, error)        { return p.v.FinalPath() }
func (p platformVerified) Launch(ctx context.Context, args []string, elevate bool, out io.Writer) (int, error) {
	return platform.LaunchVerified(ctx, p.v, args, elevate, out)
}

// Service scans and removes on one System with one catalog.
type Service struct {
	cat *catalog.Catalog
	sys System
}

// New makes the service for a loaded catalog and a System; missing clocks
// and scanners are filled with the real ones.
func New(cat *catalog.Catalog, sys System) *Service {
	if sys.Scan == nil {
		sys.Scan = platform.Scan
	}
	if sys.Now == nil {
		sys.Now = time.Now
	}
	if sys.Executable == nil {
		sys.Executable = os.Executable
	}
	if sys.Log == nil {
		sys.Log = func(what string, err error) { fmt.Fprintf(os.Stderr, "%s: %v\n", what, err) }
	}
	if sys.GOOS == "" {
		sys.GOOS = currentOS
	}
	return &Service{cat: cat, sys: sys}
}

// Catalog is the catalog the service matches against.
func (s *Service) Catalog() *catalog.Catalog { return s.cat }

// Now is the service's clock.
func (s *Service) Now() time.Time { return s.sys.Now() }

// DryRun reports whether removal only says what it would start.
func (s *Service) DryRun() bool { return s.sys.DryRun }
