// Package doctortest holds the computer in memory that the tests of the
// doctor and of both doors check: a doctor.Computer whose answers the test
// sets, and one good computer of each system to start from. Only tests
// import it; the import-rules test (app/internal/deptest) keeps it out of
// every build of the app.
package doctortest

import (
	"context"
	"errors"
	"io/fs"
	"time"

	"transitionhelper/app/doctor"
	"transitionhelper/platform"
)

// Computer is a doctor.Computer whose answers are the test's. A field left
// nil answers as a computer that has nothing: no scan, no tool, no folder,
// nothing readable (ErrNothing), no XProtect bundle; the system is Linux.
type Computer struct {
	OS               string // "" is linux
	ScanFn           func(context.Context) *platform.Snapshot
	GraphicsFn       func() (platform.Graphics, error)
	WineFn           func() bool
	MsiexecFn        func() string
	VerifyFn         func(path string) platform.SignatureInfo
	KnownFolderFn    func(name string) string
	WindowsDirFn     func() string
	AdminOnlyFn      func(path string) (bool, string, error)
	ClassOverridesFn func() ([]platform.ClassOverride, error)
	UIAutomationFn   func() error
	ExecutableFn     func() (string, error)
	UserWritableFn   func(dir string) (bool, error)
	// XProtectFn reads the bundle at Live or Old.
	XProtectFn func(bundle string) platform.XProtectInfo
	Live, Old  string
	ToolFn     func(ctx context.Context, name string, args ...string) (string, error)
	ToolPathFn func(name string) (string, error)
	OwnerFn    func(path string) (platform.OwnedPath, error)
	// Files are the paths FileExists finds.
	Files []string
}

var _ doctor.Computer = (*Computer)(nil)

// ErrNothing is what a fake computer answers for what its test did not set.
var ErrNothing = errors.New("doctortest: not set by the test")

func (c *Computer) GOOS() string {
	if c.OS == "" {
		return "linux"
	}
	return c.OS
}

func (c *Computer) Scan(ctx context.Context) *platform.Snapshot {
	if c.ScanFn == nil {
		return nil
	}
	return c.ScanFn(ctx)
}

func (c *Computer) Graphics() (platform.Graphics, error) {
	if c.GraphicsFn == nil {
		return platform.Graphics{}, ErrNothing
	}
	return c.GraphicsFn()
}

func (c *Computer) Wine() bool { return c.WineFn != nil && c.WineFn() }

func (c *Computer) Msiexec() string {
	if c.MsiexecFn == nil {
		return ""
	}
	return c.MsiexecFn()
}

func (c *Computer) VerifySignature(path string) platform.SignatureInfo {
	if c.VerifyFn == nil {
		return platform.SignatureInfo{TrustError: ErrNothing.Error()}
	}
	return c.VerifyFn(path)
}

func (c *Computer) KnownFolder(name string) string {
	if c.KnownFolderFn == nil {
		return ""
	}
	return c.KnownFolderFn(name)
}

func (c *Computer) WindowsDir() string {
	if c.WindowsDirFn == nil {
		return ""
	}
	return c.WindowsDirFn()
}

func (c *Computer) AdminOnly(path string) (bool, string, error) {
	if c.AdminOnlyFn == nil {
		return false, "", ErrNothing
	}
	return c.AdminOnlyFn(path)
}

func (c *Computer) ClassOverrides() ([]platform.ClassOverride, error) {
	if c.ClassOverridesFn == nil {
		return nil, ErrNothing
	}
	return c.ClassOverridesFn()
}

func (c *Computer) UIAutomation() error {
	if c.UIAutomationFn == nil {
		return ErrNothing
	}
	return c.UIAutomationFn()
}

func (c *Computer) Executable() (string, error) {
	if c.ExecutableFn == nil {
		return "", ErrNothing
	}
	return c.ExecutableFn()
}

func (c *Computer) UserWritable(dir string) (bool, error) {
	if c.UserWritableFn == nil {
		return false, ErrNothing
	}
	return c.UserWritableFn(dir)
}

func (c *Computer) XProtect(bundle string) platform.XProtectInfo {
	if c.XProtectFn == nil {
		return platform.XProtectInfo{Path: bundle}
	}
	return c.XProtectFn(bundle)
}

func (c *Computer) XProtectBundles() (live, old string) { return c.Live, c.Old }

func (c *Computer) Tool(ctx context.Context, name string, args ...string) (string, error) {
	if c.ToolFn == nil {
		return "", ErrNothing
	}
	return c.ToolFn(ctx, name, args...)
}

func (c *Computer) ToolPath(name string) (string, error) {
	if c.ToolPathFn == nil {
		return "", ErrNothing
	}
	return c.ToolPathFn(name)
}

func (c *Computer) Owner(path string) (platform.OwnedPath, error) {
	if c.OwnerFn == nil {
		return platform.OwnedPath{}, ErrNothing
	}
	return c.OwnerFn(path)
}

func (c *Computer) FileExists(path string) bool {
	for _, f := range c.Files {
		if f == path {
			return true
		}
	}
	return false
}

// Snapshot is a scan of a computer of os whose probes each read three
// items in 2 ms; on Windows, Security Center lists Microsoft Defender, on.
func Snapshot(os platform.OSInfo, probes ...string) func(context.Context) *platform.Snapshot {
	return func(context.Context) *platform.Snapshot {
		s := &platform.Snapshot{OS: os}
		for _, p := range probes {
			s.Probes = append(s.Probes, platform.ProbeResult{Name: p, Items: 3, Took: 2 * time.Millisecond})
		}
		if os.Family == "windows" {
			s.SecurityCenter = []platform.SecurityCenter{{DisplayName: "Windows Defender", ProductState: 397568, State: platform.DecodeProductState(397568)}}
		}
		return s
	}
}

// Tools is a ToolPathFn that finds the tools named, in /usr/bin, and no other.
func Tools(found ...string) func(string) (string, error) {
	return func(name string) (string, error) {
		for _, f := range found {
			if f == name {
				return "/usr/bin/" + name, nil
			}
		}
		return "", platform.ErrUnavailable
	}
}

// Windows is a Windows 11 PC as the app expects it: every check passes.
func Windows() *Computer {
	return &Computer{
		OS: "windows",
		ScanFn: Snapshot(platform.OSInfo{Family: "windows", Name: "Windows 11 Pro", Version: "24H2 (build 26100)", Arch: "amd64"},
			"system", "processes", "services", "programs", "kaspersky-registry", "security-center", "leftovers"),
		GraphicsFn: func() (platform.Graphics, error) {
			return platform.Graphics{API: "WGL", Checked: true, Version: "4.6.0 NVIDIA 550.54"}, nil
		},
		WineFn:    func() bool { return false },
		MsiexecFn: func() string { return `C:\Windows\System32\msiexec.exe` },
		VerifyFn: func(string) platform.SignatureInfo {
			return platform.SignatureInfo{Present: true, Trusted: true, Method: platform.MethodCatalog, Signer: "Microsoft Windows"}
		},
		KnownFolderFn:    func(string) string { return `C:\Program Files` },
		WindowsDirFn:     func() string { return `C:\Windows` },
		AdminOnlyFn:      func(string) (bool, string, error) { return true, "", nil },
		ClassOverridesFn: func() ([]platform.ClassOverride, error) { return nil, nil },
		UIAutomationFn:   func() error { return nil },
		ExecutableFn: func() (string, error) {
			return `C:\Program Files\Kaspersky Transition Helper\KasperskyTransitionHelper.exe`, nil
		},
		UserWritableFn: func(string) (bool, error) { return false, nil },
	}
}

// Mac is a Mac on macOS 15 with both XProtect bundles, the live one newer:
// every check passes.
func Mac() *Computer {
	bundles := map[string]platform.XProtectInfo{
		"live": {Path: "live", Exists: true, Version: "5322", Updated: "2026-11-20"},
		"old":  {Path: "old", Exists: true, Version: "5285", Updated: "2025-02-01"},
	}
	return &Computer{
		OS: "darwin",
		ScanFn: Snapshot(platform.OSInfo{Family: "darwin", Name: "macOS", Version: "15.6", Arch: "arm64"},
			"system", "processes", "applications", "launchd", "xprotect", "leftovers"),
		GraphicsFn: func() (platform.Graphics, error) { return platform.Graphics{API: "CGL", Checked: true}, nil },
		XProtectFn: func(b string) platform.XProtectInfo { return bundles[b] },
		Live:       "live", Old: "old",
		ToolFn: func(_ context.Context, name string, _ ...string) (string, error) {
			switch name {
			case "xprotect":
				return "5322", nil
			case "spctl":
				return "assessments enabled", nil
			}
			return "", platform.ErrUnavailable
		},
		ToolPathFn: Tools("codesign"),
		OwnerFn: func(p string) (platform.OwnedPath, error) {
			return platform.OwnedPath{Path: p, UID: 0, Mode: fs.ModeDir | 0o775}, nil
		},
		ExecutableFn:   func() (string, error) { return "/Applications/Kaspersky Transition Helper.app/Contents/MacOS/th", nil },
		UserWritableFn: func(string) (bool, error) { return false, nil },
	}
}

// Linux is a Debian desktop with dpkg, apt-get and pkexec: every check passes.
func Linux() *Computer {
	return &Computer{
		OS: "linux",
		ScanFn: Snapshot(platform.OSInfo{Family: "linux", Name: "Debian GNU/Linux", Version: "12", Arch: "amd64"},
			"system", "processes", "dpkg", "systemd", "leftovers"),
		GraphicsFn: func() (platform.Graphics, error) {
			return platform.Graphics{API: "GLX", Checked: true, Version: "1.4"}, nil
		},
		ToolPathFn:     Tools("dpkg", "apt-get", "pkexec"),
		Files:          []string{"/var/lib/dpkg/status"},
		ExecutableFn:   func() (string, error) { return "/usr/bin/kaspersky-transition-helper", nil },
		UserWritableFn: func(string) (bool, error) { return false, nil },
	}
}
