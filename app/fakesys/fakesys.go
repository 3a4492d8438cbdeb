// Package fakesys holds the test doubles of the computer that several
// packages' tests share. Only tests import it, so it is in no build of the
// app.
package fakesys

import (
	"context"
	"io"
	"os"
	"testing"

	"transitionhelper/platform"
)

// Verified is a program "opened and verified" in memory: its signature is
// Sig, and Launch calls Start (nil: exit code 0).
type Verified struct {
	Sig   platform.SignatureInfo
	Start func(args []string, elevate bool) (int, error)
	// Final is where the held file really is (FinalPath).
	Final string
}

// FinalPath is Final: tests set it to the path they opened, or to where a
// link they stand for leads.
func (v Verified) FinalPath() (string, error) { return v.Final, nil }

// Signature is the signature the test gave.
func (v Verified) Signature() platform.SignatureInfo { return v.Sig }

// Close does nothing.
func (v Verified) Close() error { return nil }

// Launch runs Start.
func (v Verified) Launch(_ context.Context, args []string, elevate bool, _ io.Writer) (int, error) {
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
