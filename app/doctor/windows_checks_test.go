package doctor_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"transitionhelper/app/doctor"
	"transitionhelper/app/doctor/doctortest"
	"transitionhelper/platform"
)

// TestWindowsChecksFail: each of Windows' own checks says when it fails.
func TestWindowsChecksFail(t *testing.T) { runFailCases(t, windowsFails) }

var windowsFails = []failCase{
	{"no Security Center", doctortest.Windows, func(c *doctortest.Computer) {
		c.ScanFn = func(context.Context) *platform.Snapshot {
			return &platform.Snapshot{OS: platform.OSInfo{Family: "windows", Name: "Windows Server 2022", Version: "(build 20348)"},
				Probes: []platform.ProbeResult{{Name: "security-center", Error: "not available on this computer", Unavailable: true}}}
		}
	}, "security-center", doctor.Warn, "not available"},
	{"Security Center empty", doctortest.Windows, func(c *doctortest.Computer) {
		c.ScanFn = doctortest.Snapshot(platform.OSInfo{Family: "linux"}, "security-center") // no products
	}, "security-center", doctor.Warn, "no antivirus product"},
	{"msiexec missing", doctortest.Windows, func(c *doctortest.Computer) {
		c.MsiexecFn = func() string { return "" }
	}, "msiexec-trust", doctor.Fail, "not found"},
	{"msiexec by identity", doctortest.Windows, func(c *doctortest.Computer) {
		c.VerifyFn = func(string) platform.SignatureInfo {
			return platform.SignatureInfo{Trusted: true, Method: platform.MethodSystemFileIdentity}
		}
	}, "msiexec-trust", doctor.Warn, "system-file-identity"},
	{"msiexec untrusted", doctortest.Windows, func(c *doctortest.Computer) {
		c.VerifyFn = func(string) platform.SignatureInfo {
			return platform.SignatureInfo{Present: true, TrustError: "the certificate chain is not trusted"}
		}
	}, "msiexec-trust", doctor.Fail, "not trusted"},
	{"Program Files writable", doctortest.Windows, func(c *doctortest.Computer) {
		c.AdminOnlyFn = func(p string) (bool, string, error) {
			if strings.Contains(p, "Program Files") {
				return false, `BUILTIN\Users may write`, nil
			}
			return true, "", nil
		}
	}, "admin-only.program-files", doctor.Fail, "Users may write"},
	{"System32 unreadable", doctortest.Windows, func(c *doctortest.Computer) {
		c.AdminOnlyFn = func(p string) (bool, string, error) {
			if strings.Contains(p, "System32") {
				return false, "", boom
			}
			return true, "", nil
		}
	}, "admin-only.system32", doctor.Fail, "boom"},
	{"no Windows folder", doctortest.Windows, func(c *doctortest.Computer) {
		c.WindowsDirFn = func() string { return "" }
	}, "admin-only.system32", doctor.Fail, "not found"},
	{"runas overridden", doctortest.Windows, func(c *doctortest.Computer) {
		c.ClassOverridesFn = func() ([]platform.ClassOverride, error) {
			return []platform.ClassOverride{{Key: `HKCU\Software\Classes\exefile\shell`, Value: "subkeys: [runas]"}}, nil
		}
	}, "class-overrides", doctor.Fail, `exefile\shell`},
	{"class keys unreadable", doctortest.Windows, func(c *doctortest.Computer) {
		c.ClassOverridesFn = func() ([]platform.ClassOverride, error) { return nil, boom }
	}, "class-overrides", doctor.Warn, "boom"},
	{"no UI Automation", doctortest.Windows, func(c *doctortest.Computer) {
		c.UIAutomationFn = func() error { return errors.New("uiautomationcore.dll lacks UiaRaiseStructureChangedEvent") }
	}, "ui-automation", doctor.Fail, "UiaRaiseStructureChangedEvent"},
}

// TestProgramsInBothRegistryViews: the programs probe says how many
// Uninstall entries each registry view gave.
func TestProgramsInBothRegistryViews(t *testing.T) {
	c := doctortest.Windows()
	c.ScanFn = func(context.Context) *platform.Snapshot {
		return &platform.Snapshot{OS: platform.OSInfo{Family: "windows", Name: "Windows 11 Pro", Version: "24H2 (build 26100)"},
			Probes: []platform.ProbeResult{{Name: "programs", Items: 4}},
			Programs: []platform.Program{
				{Source: platform.SourceUninstall, Where: `HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\A`},
				{Source: platform.SourceUninstall, Where: `HKLM\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall\B`},
				{Source: platform.SourceUninstall, Where: `HKLM\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall\C`},
				{Source: platform.SourceUninstall, Where: `HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\D`},
			}}
	}
	got, _ := status(doctor.Run(context.Background(), c, at, nil), "probe.programs")
	if !strings.Contains(got.Seen, "HKLM 64-bit: 1, HKLM 32-bit (WOW6432Node): 2, HKCU: 1") {
		t.Errorf("%q", got.Seen)
	}
}
