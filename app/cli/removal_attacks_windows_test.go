package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"transitionhelper/app/service/servicetest"
)

// The removal flow for real under Wine, against the attacks a standard user
// could try (docs/security.md) and with a real Windows Installer product.
// Wine runs everything as an administrator, so "elevated or not" is read
// from the plan the command prints, and the rest from the registry.

func wineFixtures(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("TH_WINE_FIXTURES")
	if os.Getenv("TH_WINE") != "1" || dir == "" {
		t.Skip("changes the registry and installs packages: runs under Wine with TH_WINE=1 and TH_WINE_FIXTURES (make test-windows)")
	}
	return dir
}

func uninstallRun(t *testing.T, answer string, args ...string) (string, int) {
	t.Helper()
	var out bytes.Buffer
	code := Run(t.Context(), append([]string{"uninstall"}, args...), Env{Service: thisComputer(t), Stdout: &out, Stderr: &out, AppName: "th", Version: "test",
		Stdin: strings.NewReader(answer + "\n")})
	return out.String(), code
}

// A per-machine Windows Installer product, built with wixl as "Kaspersky
// Password Manager" by "AO Kaspersky Lab" and installed by Wine's msiexec,
// is removed with the system's own msiexec /x {its code}: accepted by its
// identity although Wine's msiexec carries no signature, started, and gone
// after the re-check.
func TestUninstallRealMSIUnderWine(t *testing.T) {
	fixtures := wineFixtures(t)
	const code = "{6F1A3C55-2B7E-4C1D-9E0A-5B3D2C1A0F11}" // .ci/wine-fixtures: kpm-machine.msi
	winTool(t, "msiexec", "/i", filepath.Join(fixtures, "kpm-machine.msi"), "/qn")
	t.Cleanup(func() { _ = exec.Command("msiexec", "/x", code, "/qn").Run() })

	out, exit := uninstallRun(t, "yes", "kaspersky-password-manager")
	for _, want := range []string{
		`msiexec.exe /x ` + code,
		`Windows Installer knows ` + code + ` as "Kaspersky Password Manager" by "AO Kaspersky Lab", installed for all users`,
		"trusted by its identity",
		"The uninstaller finished.",
		"Kaspersky Password Manager 9.0.2.1186: Removed",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(strings.ToLower(out), `c:\windows\system32\msiexec.exe /x`) {
		t.Errorf("not the system's own msiexec:\n%s", out)
	}
	if exit != ExitOK {
		t.Errorf("exit %d", exit)
	}
}

// An HKCU entry named like Kaspersky whose program is a genuine
// Kaspersky-signed file copied into the user's TEMP is never started (the
// reason is said); an HKCU key named after a per-machine product's code
// never becomes msiexec /x.
func TestUninstallPerUserAttacksUnderWine(t *testing.T) {
	fixtures := wineFixtures(t)
	const hkcu = `HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\`

	// 1. The signed program in TEMP.
	dir := filepath.Join(os.TempDir(), "kis-planted")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	prog := filepath.Join(dir, "setup.exe")
	servicetest.CopyFile(t, filepath.Join(fixtures, "signed.exe"), prog)
	t.Cleanup(func() {
		_ = exec.Command("reg", "delete", hkcu+"Kaspersky Total Security", "/f").Run()
		_ = os.RemoveAll(dir)
	})
	winTool(t, "reg", "add", hkcu+"Kaspersky Total Security", "/v", "DisplayName", "/d", "Kaspersky Total Security", "/f")
	winTool(t, "reg", "add", hkcu+"Kaspersky Total Security", "/v", "UninstallString", "/d", `"`+prog+`" /x`, "/f")
	out, _ := uninstallRun(t, "yes", "kaspersky-total-security")
	if !strings.Contains(out, "is a per-user entry, which any program of this account can write: nothing is started from it") {
		t.Errorf("the per-user entry was not refused with its reason:\n%s", out)
	}
	if strings.Contains(out, "Would start:") || strings.Contains(out, "The uninstaller finished.") {
		t.Errorf("something was planned or started from a per-user entry:\n%s", out)
	}

	// 2. The code of a per-machine product under an HKCU key.
	const code = "{6F1A3C55-2B7E-4C1D-9E0A-5B3D2C1A0F11}"
	winTool(t, "msiexec", "/i", filepath.Join(fixtures, "kpm-machine.msi"), "/qn")
	t.Cleanup(func() {
		_ = exec.Command("reg", "delete", hkcu+code, "/f").Run()
		_ = exec.Command("msiexec", "/x", code, "/qn").Run()
	})
	winTool(t, "reg", "add", hkcu+code, "/v", "DisplayName", "/d", "Kaspersky Total Security", "/f")
	winTool(t, "reg", "add", hkcu+code, "/v", "WindowsInstaller", "/t", "REG_DWORD", "/d", "1", "/f")
	winTool(t, "reg", "add", hkcu+code, "/v", "UninstallString", "/d", "MsiExec.exe /X"+code, "/f")
	_ = exec.Command("reg", "delete", hkcu+"Kaspersky Total Security", "/f").Run()
	out, _ = uninstallRun(t, "yes", "kaspersky-total-security")
	if !strings.Contains(out, "is a per-user entry: msiexec /x "+code+" is not started from it") {
		t.Errorf("the HKCU product code was not refused:\n%s", out)
	}
	if exec.Command("reg", "query", `HKLM\SOFTWARE\Wow6432Node\Microsoft\Windows\CurrentVersion\Uninstall\`+code).Run() != nil &&
		exec.Command("reg", "query", `HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\`+code).Run() != nil {
		t.Error("the per-machine product was removed through a per-user entry")
	}
}

// TestUninstallRefusesUserSettingsUnderWine: a genuine, signed, per-machine
// Kaspersky uninstaller is not started while this account's registry
// overrides how programs start (HKCU exefile\shell\runas\command, set with
// reg.exe as any program of the user could) or sets a .NET profiler for
// the user; the command says why and how to remove it, and nothing starts
// (the uninstaller would delete its own Uninstall entry). Wine itself
// ignores the override and hands variables on: before this check, the
// uninstaller ran.
func TestUninstallRefusesUserSettingsUnderWine(t *testing.T) {
	fixtures := wineFixtures(t)
	const keyPath = `SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\THFakeKIS`
	dir := filepath.Join(os.Getenv("ProgramFiles"), "Kaspersky Lab", "Fake KIS")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	prog := filepath.Join(dir, "uninstall.exe")
	servicetest.CopyFile(t, filepath.Join(fixtures, "signed.exe"), prog)
	t.Cleanup(func() {
		_ = exec.Command("reg", "delete", `HKLM\`+keyPath, "/f", "/reg:64").Run()
		_ = os.Remove(prog)
	})
	register := func() {
		winTool(t, "reg", "add", `HKLM\`+keyPath, "/v", "DisplayName", "/d", "Kaspersky Internet Security", "/f", "/reg:64")
		winTool(t, "reg", "add", `HKLM\`+keyPath, "/v", "UninstallString", "/d", `"`+prog+`" -key `+keyPath, "/f", "/reg:64")
	}
	started := func() bool { return exec.Command("reg", "query", `HKLM\`+keyPath, "/reg:64").Run() != nil }

	for _, tt := range []struct {
		name       string
		set, unset []string
		want       []string
	}{
		{"class override",
			[]string{"reg", "add", `HKCU\Software\Classes\exefile\shell\runas\command`, "/ve", "/d", `C:\windows\system32\msiexec.exe /y C:\users\Public\x.dll`, "/f"},
			[]string{"reg", "delete", `HKCU\Software\Classes\exefile`, "/f"},
			[]string{"a setting of your Windows account changes how programs start", "Registry Editor", `HKCU\Software\Classes\exefile\shell`}},
		{"profiler variable",
			[]string{"reg", "add", `HKCU\Environment`, "/v", "COR_PROFILER", "/d", "{32E2F4DA-1BEA-47EA-88F9-C5DAF691C94A}", "/f"},
			[]string{"reg", "delete", `HKCU\Environment`, "/v", "COR_PROFILER", "/f"},
			[]string{"an environment variable of your Windows account", "Edit environment variables for your account", `COR_PROFILER (HKCU\Environment`}},
		// The settings an attacker's read planted and that let the
		// uninstaller start before the allow-list (issue 29).
		{"ProgramFiles",
			[]string{"reg", "add", `HKCU\Environment`, "/v", "ProgramFiles", "/d", `C:\users\Public\pf`, "/f"},
			[]string{"reg", "delete", `HKCU\Environment`, "/v", "ProgramFiles", "/f"},
			[]string{"an environment variable of your Windows account", `ProgramFiles (HKCU\Environment`}},
		{"CommonProgramFiles",
			[]string{"reg", "add", `HKCU\Environment`, "/v", "CommonProgramFiles", "/d", `C:\users\Public\cf`, "/f"},
			[]string{"reg", "delete", `HKCU\Environment`, "/v", "CommonProgramFiles", "/f"},
			[]string{`CommonProgramFiles (HKCU\Environment`}},
		{"__COMPAT_LAYER",
			[]string{"reg", "add", `HKCU\Environment`, "/v", "__COMPAT_LAYER", "/d", "RunAsInvoker", "/f"},
			[]string{"reg", "delete", `HKCU\Environment`, "/v", "__COMPAT_LAYER", "/f"},
			[]string{`__COMPAT_LAYER (HKCU\Environment`}},
		{"APPDOMAIN_MANAGER_ASM",
			[]string{"reg", "add", `HKCU\Environment`, "/v", "APPDOMAIN_MANAGER_ASM", "/d", "Evil, Version=1.0.0.0", "/f"},
			[]string{"reg", "delete", `HKCU\Environment`, "/v", "APPDOMAIN_MANAGER_ASM", "/f"},
			[]string{`APPDOMAIN_MANAGER_ASM (HKCU\Environment`}},
		{".NET profiler",
			[]string{"reg", "add", `HKCU\Software\Microsoft\.NETFramework`, "/v", "COR_PROFILER", "/d", "{32E2F4DA-1BEA-47EA-88F9-C5DAF691C94A}", "/f"},
			[]string{"reg", "delete", `HKCU\Software\Microsoft\.NETFramework`, "/f"},
			[]string{`COR_PROFILER (HKCU\Software\Microsoft\.NETFramework`}},
		{".NET profiler on",
			[]string{"reg", "add", `HKCU\Software\Microsoft\.NETFramework`, "/v", "COR_ENABLE_PROFILING", "/t", "REG_DWORD", "/d", "1", "/f"},
			[]string{"reg", "delete", `HKCU\Software\Microsoft\.NETFramework`, "/f"},
			[]string{`COR_ENABLE_PROFILING (HKCU\Software\Microsoft\.NETFramework`}},
		{"exefile CurVer",
			[]string{"reg", "add", `HKCU\Software\Classes\exefile\CurVer`, "/ve", "/d", "thfakefile", "/f"},
			[]string{"reg", "delete", `HKCU\Software\Classes\exefile`, "/f"},
			[]string{"a setting of your Windows account changes how programs start", `HKCU\Software\Classes\exefile\CurVer`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			register()
			winTool(t, tt.set[0], tt.set[1:]...)
			t.Cleanup(func() { _ = exec.Command(tt.unset[0], tt.unset[1:]...).Run() })
			out, exit := uninstallRun(t, "yes", "kaspersky-internet-security")
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			if started() || strings.Contains(out, "The uninstaller finished.") {
				t.Errorf("the uninstaller started:\n%s", out)
			}
			if exit != ExitFound {
				t.Errorf("exit %d", exit)
			}
		})
	}
	// Without them, the same uninstaller starts.
	register()
	if out, _ := uninstallRun(t, "yes", "kaspersky-internet-security"); !started() {
		t.Errorf("the uninstaller did not start once the settings were gone:\n%s", out)
	}
}
