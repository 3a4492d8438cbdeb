package act

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/windows/registry"

	"transitionhelper/platform"
	"transitionhelper/platform/platformtest"
	"transitionhelper/platform/trust"
)

// setUserValue sets a string value in an HKCU key (made if missing) as any
// program of the user could, and takes it away after the test.
func setUserValue(t *testing.T, path, name, value string) {
	t.Helper()
	_, err := registry.OpenKey(registry.CURRENT_USER, path, registry.QUERY_VALUE)
	made := errors.Is(err, registry.ErrNotExist)
	k, _, err := registry.CreateKey(registry.CURRENT_USER, path, registry.SET_VALUE)
	if err != nil {
		t.Fatal(err)
	}
	defer k.Close()
	if err := k.SetStringValue(name, value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if made {
			_ = registry.DeleteKey(registry.CURRENT_USER, path)
			return
		}
		k, err := registry.OpenKey(registry.CURRENT_USER, path, registry.SET_VALUE)
		if err == nil {
			err = k.DeleteValue(name)
			k.Close()
		}
		if err != nil {
			t.Errorf(`removing HKCU\%s %s: %v`, path, name, err)
		}
	})
}

// TestElevatedStartRefusesPlantedSettings: each setting the attacker's
// read planted in the user's own registry (and which let the signed
// stand-in start before) makes the elevated start refuse, naming it, and
// the stand-in never runs; a clean prefix starts it.
func TestElevatedStartRefusesPlantedSettings(t *testing.T) {
	_, prog := platformtest.Installed(t)
	dir := platformtest.TempDir(t)
	launch := func(marker string) error {
		v, err := trust.OpenVerified(prog)
		if err != nil {
			t.Fatal(err)
		}
		defer v.Close()
		_, err = LaunchVerified(t.Context(), v, []string{"-env", marker}, true, io.Discard)
		return err
	}
	if err := CheckElevatedStart(); err != nil {
		t.Fatalf("a clean prefix is refused: %v", err)
	}
	clean := filepath.Join(dir, "clean.txt")
	if err := launch(clean); err != nil {
		t.Fatalf("a clean start failed: %v", err)
	}
	if _, err := os.Stat(clean); err != nil {
		t.Fatal("the stand-in did not run on a clean prefix")
	}
	for i, tt := range []struct{ key, name, value, named string }{
		{`Environment`, "ProgramFiles", `C:\users\Public\pf`, `ProgramFiles (HKCU\Environment`},
		{`Environment`, "CommonProgramFiles", `C:\users\Public\cf`, `CommonProgramFiles (HKCU\Environment`},
		{`Environment`, "__COMPAT_LAYER", "RunAsInvoker", `__COMPAT_LAYER (HKCU\Environment`},
		{`Environment`, "APPDOMAIN_MANAGER_ASM", "Evil, Version=1.0.0.0", `APPDOMAIN_MANAGER_ASM (HKCU\Environment`},
		{`Environment`, "GOPATH", `C:\users\Public\go`, `GOPATH (HKCU\Environment`},
		{`Volatile Environment`, "SystemRoot", `C:\users\Public\win`, `SystemRoot (HKCU\Volatile Environment`},
		{`Volatile Environment\1`, "COR_PROFILER", "{32E2F4DA-1BEA-47EA-88F9-C5DAF691C94A}", `COR_PROFILER (HKCU\Volatile Environment\1`},
		{dotNetFrameworkKey, "COR_PROFILER", "{32E2F4DA-1BEA-47EA-88F9-C5DAF691C94A}", `COR_PROFILER (HKCU\Software\Microsoft\.NETFramework`},
		{dotNetFrameworkKey, "COR_ENABLE_PROFILING", "1", `COR_ENABLE_PROFILING (HKCU\Software\Microsoft\.NETFramework`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			setUserValue(t, tt.key, tt.name, tt.value)
			marker := filepath.Join(dir, "planted-"+string(rune('a'+i))+".txt")
			err := launch(marker)
			var u *platform.UnsafeSettingError
			if !errors.Is(err, platform.ErrUnsafeEnvironment) || !errors.As(err, &u) || !strings.Contains(err.Error(), tt.named) {
				t.Errorf("not refused with %q: %v", tt.named, err)
			}
			if _, err := os.Stat(marker); err == nil {
				t.Error("the stand-in ran")
			}
		})
	}
	// In this app's own environment, which Wine hands on.
	t.Setenv("ProgramFiles", `C:\users\Public\pf`)
	err := CheckElevatedStart()
	if !errors.Is(err, platform.ErrUnsafeEnvironment) || !strings.Contains(err.Error(), "ProgramFiles (this app's environment") {
		t.Errorf("a ProgramFiles of this process's own: %v", err)
	}
}
