package act

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"golang.org/x/sys/windows/registry"

	"transitionhelper/platform"
	"transitionhelper/platform/platformtest"
)

// TestPlantedDLLsAreNotLoaded runs a program that loads dinput8.dll and
// dwmapi.dll by bare name, with a planted copy of each next to it that
// leaves a marker when loaded, and Wine told to prefer such native copies
// (DllOverrides dinput8,dwmapi=native,builtin). Without act's hardening (the
// plain build) the planted DLLs are loaded: the trap works. With it they
// are not.
func TestPlantedDLLsAreNotLoaded(t *testing.T) {
	fixtures := platformtest.WineFixtures(t)
	if !platform.IsWine() {
		t.Skip("Wine only: it is told to prefer the planted copies")
	}
	for _, tt := range []struct {
		probe     string
		wantPlant bool
	}{{"dllprobe-plain.exe", true}, {"dllprobe.exe", false}} {
		preferNative(t, tt.probe, "dinput8", "dwmapi")
		dir := platformtest.TempDir(t)
		for _, f := range []string{tt.probe, "dinput8.dll", "dwmapi.dll"} {
			if _, err := os.Stat(filepath.Join(fixtures, f)); err != nil {
				t.Skipf("no %s: rebuild the Wine fixtures", f)
			}
			platformtest.CopyFile(t, filepath.Join(fixtures, f), filepath.Join(dir, f))
		}
		cmd := exec.Command(filepath.Join(dir, tt.probe))
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v %s", tt.probe, err, out)
		}
		for _, dll := range []string{"dinput8.dll", "dwmapi.dll"} {
			_, err := os.Stat(filepath.Join(dir, dll+".loaded"))
			if loaded := err == nil; loaded != tt.wantPlant {
				t.Errorf("%s: planted %s loaded %v, want %v (%s)", tt.probe, dll, loaded, tt.wantPlant, out)
			}
		}
	}
}

// preferNative tells Wine to load the native copy of dlls first for exe
// (HKCU\Software\Wine\AppDefaults\exe\DllOverrides = "native,builtin"),
// as WINEDLLOVERRIDES=dinput8,dwmapi=n,b would; a child started by a Wine
// process does not take that variable from its environment block.
func preferNative(t *testing.T, exe string, dlls ...string) {
	t.Helper()
	path := `Software\Wine\AppDefaults\` + exe
	k, _, err := registry.CreateKey(registry.CURRENT_USER, path+`\DllOverrides`, registry.SET_VALUE)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dlls {
		if err := k.SetStringValue(d, "native,builtin"); err != nil {
			t.Fatal(err)
		}
	}
	k.Close()
	t.Cleanup(func() {
		_ = registry.DeleteKey(registry.CURRENT_USER, path+`\DllOverrides`)
		_ = registry.DeleteKey(registry.CURRENT_USER, path)
	})
}

func TestHardenDLLSearchAgain(t *testing.T) {
	if err := HardenDLLSearch(); err != nil {
		t.Error(err)
	}
}
