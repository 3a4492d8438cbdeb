package act

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/windows/registry"

	"transitionhelper/platform"
	"transitionhelper/platform/platformtest"
	"transitionhelper/platform/trust"
)

// setUserKey creates an HKCU key with a default value, as an attacker
// running as the user could, and removes it (and its parents it made)
// after the test.
func setUserKey(t *testing.T, path, value string) {
	t.Helper()
	var made []string
	for p := path; ; {
		if k, err := registry.OpenKey(registry.CURRENT_USER, p, registry.QUERY_VALUE); err == nil {
			k.Close()
			break
		}
		made = append(made, p)
		i := strings.LastIndexByte(p, '\\')
		if i < 0 {
			break
		}
		p = p[:i]
	}
	k, _, err := registry.CreateKey(registry.CURRENT_USER, path, registry.SET_VALUE)
	if err != nil {
		t.Fatal(err)
	}
	defer k.Close()
	if err := k.SetStringValue("", value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for _, p := range made { // deepest first
			if err := registry.DeleteKey(registry.CURRENT_USER, p); err != nil {
				t.Errorf("removing HKCU\\%s: %v", p, err)
			}
		}
	})
}

// TestElevatedStartRefusesClassOverrides: while this account's classes
// change how programs start, the verified uninstaller is not started
// elevated, and the error names the key. Wine ignores these keys (the old
// code started the uninstaller, whose environment file then appeared); on
// Windows they would decide what the prompt runs.
func TestElevatedStartRefusesClassOverrides(t *testing.T) {
	const userClasses = `Software\Classes\`
	_, prog := platformtest.Installed(t)
	evil := `C:\windows\system32\msiexec.exe /y C:\users\Public\x.dll`
	for _, tt := range []struct{ key, value, named string }{
		{userClasses + `exefile\shell\runas\command`, evil, `exefile\shell`},
		{userClasses + `.exe`, "thfakefile", `.exe (default value "thfakefile")`},
		{userClasses + `.exe\shell\runas\command`, evil, `.exe\shell`},
		{userClasses + `Msi.Package\shell\runas\command`, evil, `Msi.Package\shell`},
		{userClasses + `msi.package\shell\open\command`, evil, `Msi.Package\shell`},
		{userClasses + `*\shell\runas\command`, evil, `*\shell\runas`},
		{userClasses + `AllFilesystemObjects\shell\runas\command`, evil, `AllFilesystemObjects\shell\runas`},
		{userClasses + `exefile\CurVer`, "thfakefile", `exefile\CurVer`},
		{userClasses + `Msi.Package\CurVer`, "thfakefile", `Msi.Package\CurVer`},
		{userClasses + `.msi`, "thfakefile", `.msi (default value "thfakefile")`},
		{userClasses + `.msi\shell\runas\command`, evil, `.msi\shell`},
		{userClasses + `SystemFileAssociations\.exe\shell\runas\command`, evil, `SystemFileAssociations\.exe\shell`},
		{userClasses + `SystemFileAssociations\application\shell\runas\command`, evil, `SystemFileAssociations\application\shell\runas`},
		{`Software\Microsoft\Windows\CurrentVersion\Explorer\FileExts\.exe\UserChoice`, "thfakefile", `FileExts\.exe\UserChoice`},
	} {
		t.Run(tt.key, func(t *testing.T) {
			setUserKey(t, tt.key, tt.value)
			marker := filepath.Join(platformtest.TempDir(t), "ran.txt")
			v, err := trust.OpenVerified(prog)
			if err != nil {
				t.Fatal(err)
			}
			defer v.Close()
			code, err := LaunchVerified(t.Context(), v, []string{"-env", marker}, true, io.Discard)
			var u *platform.UnsafeSettingError
			if !errors.Is(err, platform.ErrClassOverride) || !errors.As(err, &u) || code != -1 {
				t.Fatalf("started despite %s: %d, %v", tt.key, code, err)
			}
			if !strings.Contains(strings.ToLower(err.Error()), strings.ToLower(tt.named)) {
				t.Errorf("the error does not name the key %s: %v", tt.named, err)
			}
			if _, err := os.Stat(marker); err == nil {
				t.Error("the uninstaller ran")
			}
		})
	}
	// A per-user verb on every file that is not runas (an editor's "Open
	// with" entry, common on real PCs) does not stop the start.
	setUserKey(t, userClasses+`*\shell\THEditor\command`, `C:\editor.exe "%1"`)
	if err := CheckElevatedStart(); err != nil {
		t.Errorf("an unrelated per-user verb refused the start: %v", err)
	}
}

// TestElevatedChildEnvironment: a COR_PROFILER-style variable, set for this
// app or in HKCU\Environment, never reaches the elevated uninstaller: the
// start is refused. Under Wine ShellExecuteEx hands the caller's
// environment on, as the unguarded start as the user shows.
func TestElevatedChildEnvironment(t *testing.T) {
	_, prog := platformtest.Installed(t)
	dir := platformtest.TempDir(t)
	seen := func(file string) string {
		data, err := os.ReadFile(file)
		if err != nil {
			return ""
		}
		return string(data)
	}
	launch := func(file string, elevate bool) error {
		v, err := trust.OpenVerified(prog)
		if err != nil {
			t.Fatal(err)
		}
		defer v.Close()
		_, err = LaunchVerified(t.Context(), v, []string{"-env", file}, elevate, io.Discard)
		return err
	}
	// Clean: it starts, and sees no profiler.
	clean := filepath.Join(dir, "clean.txt")
	if err := launch(clean, true); err != nil {
		t.Fatalf("a clean start failed: %v", err)
	}
	if env := seen(clean); env == "" || strings.Contains(env, "COR_") {
		t.Fatalf("clean start: environment %q", env)
	}

	t.Setenv("COR_ENABLE_PROFILING", "1")
	t.Setenv("COR_PROFILER", "{32E2F4DA-1BEA-47EA-88F9-C5DAF691C94A}")
	t.Setenv("COR_PROFILER_PATH", `C:\users\Public\profiler.dll`)
	// What the guard is for: a child is handed the variables.
	asUser := filepath.Join(dir, "as-user.txt")
	if err := launch(asUser, false); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(seen(asUser), "COR_PROFILER={32E2F4DA") {
		t.Logf("a start as the user did not inherit COR_PROFILER here: %q", seen(asUser))
	}
	elevated := filepath.Join(dir, "elevated.txt")
	err := launch(elevated, true)
	if !errors.Is(err, platform.ErrUnsafeEnvironment) || !strings.Contains(err.Error(), "COR_PROFILER") {
		t.Errorf("started with COR_PROFILER set: %v", err)
	}
	if env := seen(elevated); env != "" {
		t.Errorf("the elevated uninstaller ran and saw: %q", env)
	}
	os.Unsetenv("COR_ENABLE_PROFILING")
	os.Unsetenv("COR_PROFILER")
	os.Unsetenv("COR_PROFILER_PATH")

	// In HKCU\Environment, from which Windows builds a new environment.
	k, err := registry.OpenKey(registry.CURRENT_USER, `Environment`, registry.SET_VALUE)
	if err != nil {
		t.Fatal(err)
	}
	err = k.SetStringValue("DOTNET_STARTUP_HOOKS", `C:\users\Public\hook.dll`)
	t.Cleanup(func() {
		if err := k.DeleteValue("DOTNET_STARTUP_HOOKS"); err != nil {
			t.Errorf("removing DOTNET_STARTUP_HOOKS: %v", err)
		}
		k.Close()
	})
	if err != nil {
		t.Fatal(err)
	}
	fromRegistry := filepath.Join(dir, "registry.txt")
	err = launch(fromRegistry, true)
	if !errors.Is(err, platform.ErrUnsafeEnvironment) || !strings.Contains(err.Error(), `DOTNET_STARTUP_HOOKS (HKCU\Environment`) {
		t.Errorf("started with DOTNET_STARTUP_HOOKS in HKCU\\Environment: %v", err)
	}
	if seen(fromRegistry) != "" {
		t.Error("the elevated uninstaller ran")
	}
}

// TestLaunchVerifiedComparesTheCommandLine: the verified program started
// with other arguments than the plan's (as a class override keeping the
// program would do) is ended before it does its work, and the start is
// refused like a swapped file.
func TestLaunchVerifiedComparesTheCommandLine(t *testing.T) {
	_, prog := platformtest.Installed(t)
	marker := filepath.Join(platformtest.TempDir(t), "ran.txt")
	saved := shellParameters
	shellParameters = func(s string) string { return s + " -exit 9" }
	t.Cleanup(func() { shellParameters = saved })
	v, err := trust.OpenVerified(prog)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	code, err := LaunchVerified(t.Context(), v, []string{"-wait", "3s", "-env", marker}, true, io.Discard)
	if !errors.Is(err, platform.ErrSwapped) || code == 9 || !strings.Contains(err.Error(), "not the planned") {
		t.Errorf("a changed command ran: %d, %v", code, err)
	}
	time.Sleep(4 * time.Second)
	if _, err := os.Stat(marker); err == nil {
		t.Error("the child was not ended: it finished its work")
	}
	// Read for real: the command line of a child is what was asked.
	shellParameters = saved
	if code, err := LaunchVerified(t.Context(), v, []string{"-exit", "4"}, true, io.Discard); err != nil || code != 4 {
		t.Errorf("the planned command: %d, %v", code, err)
	}
}
