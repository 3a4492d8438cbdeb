package act

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"transitionhelper/platform"
	"transitionhelper/platform/platformtest"
	"transitionhelper/platform/trust"
)

func TestOpenVerifiedHoldsTheFile(t *testing.T) {
	_, prog := platformtest.Installed(t)
	v, err := trust.OpenVerified(prog)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	if s := v.Signature(); !s.Trusted || s.Signer != "AO Kaspersky Lab" || s.Organization != "AO Kaspersky Lab" || s.Country != "RU" ||
		s.Method != platform.MethodEmbedded {
		t.Errorf("signature %+v", s)
	}
	if err := os.WriteFile(prog, []byte("MZ evil"), 0o755); err == nil {
		t.Error("the verified file was overwritten while held")
	}
	if err := os.Rename(prog, prog+".old"); err == nil {
		t.Error("the verified file was renamed while held")
	}
	if err := os.Remove(prog); err == nil {
		t.Error("the verified file was deleted while held")
	}
	code, err := LaunchVerified(t.Context(), v, []string{"-exit", "3010"}, true, io.Discard)
	if err != nil || code != 3010 {
		t.Errorf("launching the verified program: %d, %v", code, err)
	}
	v.Close()
	if err := os.Rename(prog, prog+".old"); err != nil {
		t.Errorf("still held after Close: %v", err)
	}
}

// swapFolder moves the folder holding the verified program away and puts
// another program at the same path: the held handle does not stop that
// under Wine (on NTFS a folder holding an open file cannot be renamed, and
// AdminOnlyPath keeps standard users out of the folder anyway).
func swapFolder(t *testing.T, app, prog string) {
	t.Helper()
	if err := os.Rename(app, app+"-moved"); err != nil {
		t.Skipf("this system does not let a folder holding an open file be renamed: %v", err)
	}
	if err := os.Mkdir(app, 0o755); err != nil {
		t.Fatal(err)
	}
	platformtest.CopyFile(t, filepath.Join(platformtest.WineFixtures(t), "unsigned.exe"), prog)
}

// TestLaunchVerifiedCatchesASwapBeforeTheStart: checked by path and
// launched by path (VerifySignature then Launch, the old way), the
// replacement runs; LaunchVerified refuses it.
func TestLaunchVerifiedCatchesASwapBeforeTheStart(t *testing.T) {
	app, prog := platformtest.Installed(t)
	v, err := trust.OpenVerified(prog)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	if !v.Signature().Trusted {
		t.Fatalf("signature %+v", v.Signature())
	}
	swapFolder(t, app, prog)
	// The old way is fooled: the unsigned program at the verified path runs.
	if code, err := Launch(t.Context(), prog, []string{"-exit", "7"}, true, io.Discard); err != nil || code != 7 {
		t.Fatalf("the replacement did not run by path: %d, %v", code, err)
	}
	code, err := LaunchVerified(t.Context(), v, []string{"-exit", "7"}, true, io.Discard)
	if !errors.Is(err, platform.ErrSwapped) || code == 7 {
		t.Errorf("a swapped program was launched: %d, %v", code, err)
	}
}

// TestLaunchVerifiedCatchesASwapAtTheStart swaps the file in the last
// moment, after the path was checked: the started child's image gives it
// away and it is stopped.
func TestLaunchVerifiedCatchesASwapAtTheStart(t *testing.T) {
	for _, elevate := range []bool{true, false} {
		app, prog := platformtest.Installed(t)
		v, err := trust.OpenVerified(prog)
		if err != nil {
			t.Fatal(err)
		}
		saved := beforeStart
		beforeStart = func(*trust.VerifiedProgram) { swapFolder(t, app, prog) }
		code, err := LaunchVerified(t.Context(), v, []string{"-exit", "7"}, elevate, io.Discard)
		beforeStart = saved
		v.Close()
		if !errors.Is(err, platform.ErrSwapped) || code == 7 {
			t.Errorf("elevate %v: a program swapped at the start ran to its end: %d, %v", elevate, code, err)
		}
	}
}
