package platform

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/windows"
)

func wineFixtures(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("TH_WINE_FIXTURES")
	if dir == "" {
		t.Skip("needs TH_WINE_FIXTURES (make test-windows)")
	}
	return dir
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o755); err != nil {
		t.Fatal(err)
	}
}

// installed puts the signed fake uninstaller at dir\app\uninst.exe.
func installed(t *testing.T) (app, prog string) {
	fixtures := wineFixtures(t)
	app = filepath.Join(tempDir(t), "app")
	if err := os.Mkdir(app, 0o755); err != nil {
		t.Fatal(err)
	}
	prog = filepath.Join(app, "uninst.exe")
	copyFile(t, filepath.Join(fixtures, "signed.exe"), prog)
	return app, prog
}

func TestOpenVerifiedHoldsTheFile(t *testing.T) {
	_, prog := installed(t)
	v, err := OpenVerified(prog)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	if s := v.Signature(); !s.Trusted || s.Signer != "AO Kaspersky Lab" || s.Organization != "AO Kaspersky Lab" || s.Country != "RU" ||
		s.Method != MethodEmbedded {
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
	code, err := v.Launch(t.Context(), []string{"-exit", "3010"}, true, io.Discard)
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
	copyFile(t, filepath.Join(wineFixtures(t), "unsigned.exe"), prog)
}

// TestLaunchVerifiedCatchesASwapBeforeTheStart: checked by path and
// launched by path (VerifySignature then Launch, the old way), the
// replacement runs; VerifiedProgram.Launch refuses it.
func TestLaunchVerifiedCatchesASwapBeforeTheStart(t *testing.T) {
	app, prog := installed(t)
	v, err := OpenVerified(prog)
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
	code, err := v.Launch(t.Context(), []string{"-exit", "7"}, true, io.Discard)
	if !errors.Is(err, ErrSwapped) || code == 7 {
		t.Errorf("a swapped program was launched: %d, %v", code, err)
	}
}

// TestLaunchVerifiedCatchesASwapAtTheStart swaps the file in the last
// moment, after the path was checked: the started child's image gives it
// away and it is stopped.
func TestLaunchVerifiedCatchesASwapAtTheStart(t *testing.T) {
	for _, elevate := range []bool{true, false} {
		app, prog := installed(t)
		v, err := OpenVerified(prog)
		if err != nil {
			t.Fatal(err)
		}
		saved := beforeStart
		beforeStart = func(*VerifiedProgram) { swapFolder(t, app, prog) }
		code, err := v.Launch(t.Context(), []string{"-exit", "7"}, elevate, io.Discard)
		beforeStart = saved
		v.Close()
		if !errors.Is(err, ErrSwapped) || code == 7 {
			t.Errorf("elevate %v: a program swapped at the start ran to its end: %d, %v", elevate, code, err)
		}
	}
}

// TestSystemMsiexecTrusted: Wine has no catalog database, and Wine's
// msiexec has no signature: it is accepted by its identity, and only it.
func TestSystemMsiexecTrusted(t *testing.T) {
	s := VerifySignature(SystemMsiexec())
	if !s.Trusted || (s.Method != MethodCatalog && s.Method != MethodSystemFileIdentity) {
		t.Errorf("the system's msiexec: %+v", s)
	}
	t.Logf("msiexec trusted by %s", s.Method)
	// A copy elsewhere is not the system's msiexec.
	cp := filepath.Join(tempDir(t), "msiexec.exe")
	copyFile(t, SystemMsiexec(), cp)
	if s := VerifySignature(cp); s.Trusted && s.Method == MethodSystemFileIdentity {
		t.Errorf("a copy of msiexec trusted by identity: %+v", s)
	}
	// Another unsigned system program is not msiexec.
	sys, _ := windows.GetSystemDirectory()
	if s := VerifySignature(filepath.Join(sys, "notepad.exe")); s.Method == MethodSystemFileIdentity {
		t.Errorf("notepad trusted as msiexec: %+v", s)
	}
}
