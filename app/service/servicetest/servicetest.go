// Package servicetest holds the computer in memory that the tests of the
// service and of both doors drive: a service.Computer whose answers the
// test sets, and a program "opened and verified". Only tests import it;
// the import-rules test (deps_test.go) keeps it out of every build of the
// app.
package servicetest

import (
	"context"
	"errors"
	"io"
	"os"
	"testing"
	"time"

	"transitionhelper/app/removal"
	"transitionhelper/app/service"
	"transitionhelper/platform"
	"transitionhelper/platform/results"
)

// Computer is a service.Computer whose answers are the test's. A field
// left nil answers as a computer that has nothing: an empty scan, no
// region hints, nothing can be opened or started (refused), RunOnce not
// supported; the clock is time.Now and the system is Windows.
type Computer struct {
	ScanFn     func(context.Context, platform.Options) *platform.Snapshot
	NowFn      func() time.Time
	OS         string // "" is windows
	Hints      [2]string
	Removal    removal.Env
	OpenFn     func(path string) (service.VerifiedProgram, error)
	ElevateErr func() error
	LaunchFn   func(ctx context.Context, program string, args []string, elevate bool, out io.Writer) (int, error)
	RunOnceFn  func(name, program string, args ...string) error
	ClearFn    func(name string) error
	ExeFn      func() (string, error)
	WriteFn    func(path string, data []byte) error
	PrivateFn  func(path string, data []byte) error // nil: results.CreatePrivateFile
	// ReadFn and DeleteFn read and delete the user's files; nil: this
	// computer's (service.ReadUserFile, service.DeleteUserFile).
	ReadFn   func(path string, limit int64) ([]byte, error)
	DeleteFn func(path string) error
	LogFn    func(what string, err error)
	Sample   bool
}

var _ service.Computer = (*Computer)(nil)

// ErrNothing is what a fake computer answers for what its test did not set.
var ErrNothing = errors.New("servicetest: not set by the test")

func (c *Computer) Scan(ctx context.Context, o platform.Options) *platform.Snapshot {
	if c.ScanFn == nil {
		return &platform.Snapshot{OS: platform.OSInfo{Family: c.GOOS()}}
	}
	return c.ScanFn(ctx, o)
}

func (c *Computer) Now() time.Time {
	if c.NowFn == nil {
		return time.Now()
	}
	return c.NowFn()
}

func (c *Computer) GOOS() string {
	if c.OS == "" {
		return "windows"
	}
	return c.OS
}

func (c *Computer) RegionHints() (string, string) { return c.Hints[0], c.Hints[1] }

// removal is the Removal described, on this computer's system by default.
func (c *Computer) removal() removal.Env {
	env := c.Removal
	if env.GOOS == "" {
		env.GOOS = c.GOOS()
	}
	return env
}

func (c *Computer) Folders() removal.Folders                    { return c.removal().Folders() }
func (c *Computer) FileExists(path string) bool                 { return c.removal().FileExists(path) }
func (c *Computer) Glob(pattern string) []string                { return c.removal().Glob(pattern) }
func (c *Computer) AdminOnly(path string) (bool, string, error) { return c.removal().AdminOnly(path) }
func (c *Computer) VerifyMacApp(app, teamID string) error {
	return c.removal().VerifyMacApp(app, teamID)
}
func (c *Computer) SimulateRemove(pkgs []string) ([]string, error) {
	return c.removal().SimulateRemove(pkgs)
}
func (c *Computer) MSIProduct(code string) (platform.MSIProduct, error) {
	return c.removal().MSIProduct(code)
}

func (c *Computer) Open(path string) (service.VerifiedProgram, error) {
	if c.OpenFn == nil {
		return nil, ErrNothing
	}
	return c.OpenFn(path)
}

func (c *Computer) CheckElevation() error {
	if c.ElevateErr == nil {
		return nil
	}
	return c.ElevateErr()
}

func (c *Computer) Launch(ctx context.Context, program string, args []string, elevate bool, out io.Writer) (int, error) {
	if c.LaunchFn == nil {
		return -1, ErrNothing
	}
	return c.LaunchFn(ctx, program, args, elevate, out)
}

func (c *Computer) SetRunOnce(name, program string, args ...string) error {
	if c.RunOnceFn == nil {
		return platform.ErrNotSupported
	}
	return c.RunOnceFn(name, program, args...)
}

func (c *Computer) ClearRunOnce(name string) error {
	if c.ClearFn == nil {
		return platform.ErrNotSupported
	}
	return c.ClearFn(name)
}

func (c *Computer) Executable() (string, error) {
	if c.ExeFn == nil {
		return os.Executable()
	}
	return c.ExeFn()
}

func (c *Computer) WriteFile(path string, data []byte) error {
	if c.WriteFn == nil {
		return results.WriteFileAtomic(path, data)
	}
	return c.WriteFn(path, data)
}

func (c *Computer) ReadUserFile(path string, limit int64) ([]byte, error) {
	if c.ReadFn == nil {
		return service.ReadUserFile(path, limit)
	}
	return c.ReadFn(path, limit)
}

func (c *Computer) UserFileExists(path string) bool { return service.UserFileExists(path) }

func (c *Computer) DeleteUserFile(path string) error {
	if c.DeleteFn == nil {
		return service.DeleteUserFile(path)
	}
	return c.DeleteFn(path)
}

func (c *Computer) CreatePrivateFile(path string, data []byte) error {
	if c.PrivateFn == nil {
		return results.CreatePrivateFile(path, data)
	}
	return c.PrivateFn(path, data)
}

func (c *Computer) Log(what string, err error) {
	if c.LogFn != nil {
		c.LogFn(what, err)
	}
}

func (c *Computer) DryRun() bool { return c.Sample }

// VerifiedProgram is a program "opened and verified" in memory: its signature is
// Sig, and Launch calls Start (nil: exit code 0).
type VerifiedProgram struct {
	Sig   platform.SignatureInfo
	Start func(args []string, elevate bool) (int, error)
	// Final is where the held file really is (FinalPath).
	Final string
}

// FinalPath is Final: tests set it to the path they opened, or to where a
// link they stand for leads.
func (v VerifiedProgram) FinalPath() (string, error) { return v.Final, nil }

// Signature is the signature the test gave.
func (v VerifiedProgram) Signature() platform.SignatureInfo { return v.Sig }

// Close does nothing.
func (v VerifiedProgram) Close() error { return nil }

// Launch runs Start.
func (v VerifiedProgram) Launch(_ context.Context, args []string, elevate bool, _ io.Writer) (int, error) {
	if v.Start == nil {
		return 0, nil
	}
	return v.Start(args, elevate)
}

// AdminOnly says every file is one only administrators can change, as
// Program Files is on a real computer.
func AdminOnly(string) (bool, string, error) { return true, "", nil }

// CopyFile copies a program for a test (a fixture, or the test binary under
// another name), executable; the test stops if it cannot.
func CopyFile(tb testing.TB, from, to string) {
	tb.Helper()
	in, err := os.Open(from)
	if err != nil {
		tb.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		tb.Fatal(err)
	}
	if err := out.Close(); err != nil {
		tb.Fatal(err)
	}
}
