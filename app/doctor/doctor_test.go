package doctor

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"time"

	"transitionhelper/platform"
)

var at = time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)

func snapshot(os platform.OSInfo, probes ...string) func(context.Context) *platform.Snapshot {
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

func tool(found ...string) func(string) (string, error) {
	return func(name string) (string, error) {
		for _, f := range found {
			if f == name {
				return "/usr/bin/" + name, nil
			}
		}
		return "", platform.ErrUnavailable
	}
}

// goodWindows is a Windows 11 PC as the app expects it: every check passes.
func goodWindows() Computer {
	return Computer{
		GOOS: "windows",
		Scan: snapshot(platform.OSInfo{Family: "windows", Name: "Windows 11 Pro", Version: "24H2 (build 26100)", Arch: "amd64"},
			"system", "processes", "services", "programs", "kaspersky-registry", "security-center", "leftovers"),
		Graphics: func() (platform.Graphics, error) {
			return platform.Graphics{API: "WGL", Checked: true, Version: "4.6.0 NVIDIA 550.54"}, nil
		},
		Wine:    func() bool { return false },
		Msiexec: func() string { return `C:\Windows\System32\msiexec.exe` },
		VerifySignature: func(string) platform.SignatureInfo {
			return platform.SignatureInfo{Present: true, Trusted: true, Method: platform.MethodCatalog, Signer: "Microsoft Windows"}
		},
		KnownFolder:    func(string) string { return `C:\Program Files` },
		WindowsDir:     func() string { return `C:\Windows` },
		AdminOnly:      func(string) (bool, string, error) { return true, "", nil },
		ClassOverrides: func() ([]platform.ClassOverride, error) { return nil, nil },
		UIAutomation:   func() error { return nil },
		Executable: func() (string, error) {
			return `C:\Program Files\Kaspersky Transition Helper\KasperskyTransitionHelper.exe`, nil
		},
		UserWritable: func(string) (bool, error) { return false, nil },
	}
}

// goodMac is a Mac on macOS 15 with both XProtect bundles, the live one newer.
func goodMac() Computer {
	bundles := map[string]platform.XProtectInfo{
		"live": {Path: "live", Exists: true, Version: "5322", Updated: "2026-11-20"},
		"old":  {Path: "old", Exists: true, Version: "5285", Updated: "2025-02-01"},
	}
	return Computer{
		GOOS:         "darwin",
		Scan:         snapshot(platform.OSInfo{Family: "darwin", Name: "macOS", Version: "15.6", Arch: "arm64"}, "system", "processes", "applications", "launchd", "xprotect", "leftovers"),
		Graphics:     func() (platform.Graphics, error) { return platform.Graphics{API: "CGL", Checked: true}, nil },
		XProtect:     func(b string) platform.XProtectInfo { return bundles[b] },
		XProtectLive: "live", XProtectOld: "old",
		Tool: func(_ context.Context, name string, _ ...string) (string, error) {
			switch name {
			case "xprotect":
				return "5322", nil
			case "spctl":
				return "assessments enabled", nil
			}
			return "", platform.ErrUnavailable
		},
		ToolPath: tool("codesign"),
		Owner: func(p string) (platform.OwnedPath, error) {
			return platform.OwnedPath{Path: p, UID: 0, Mode: fs.ModeDir | 0o775}, nil
		},
		Executable:   func() (string, error) { return "/Applications/Kaspersky Transition Helper.app/Contents/MacOS/th", nil },
		UserWritable: func(string) (bool, error) { return false, nil },
	}
}

// goodLinux is a Debian desktop with pkexec.
func goodLinux() Computer {
	return Computer{
		GOOS: "linux",
		Scan: snapshot(platform.OSInfo{Family: "linux", Name: "Debian GNU/Linux", Version: "12", Arch: "amd64"}, "system", "processes", "dpkg", "systemd", "leftovers"),
		Graphics: func() (platform.Graphics, error) {
			return platform.Graphics{API: "GLX", Checked: true, Version: "1.4"}, nil
		},
		ToolPath:     tool("dpkg", "apt-get", "pkexec"),
		Executable:   func() (string, error) { return "/usr/bin/kaspersky-transition-helper", nil },
		UserWritable: func(string) (bool, error) { return false, nil },
	}
}

func status(r Result, id string) (Check, bool) {
	for _, c := range r.Checks {
		if c.ID == id {
			return c, true
		}
	}
	return Check{}, false
}

// TestGoodComputersPass: on a computer as the app expects it, every check
// passes, and each system gets its own checks.
func TestGoodComputersPass(t *testing.T) {
	for name, tc := range map[string]struct {
		c    Computer
		want []string
	}{
		"windows": {goodWindows(), []string{"system", "probe.security-center", "security-center", "msiexec-trust", "admin-only.program-files", "admin-only.system32", "class-overrides", "app-location", "opengl", "ui-automation"}},
		"darwin":  {goodMac(), []string{"system", "probe.launchd", "xprotect", "xprotect-command", "gatekeeper", "codesign", "applications-owner", "app-location", "opengl"}},
		"linux":   {goodLinux(), []string{"system", "probe.dpkg", "package-tools", "pkexec", "app-location", "opengl"}},
	} {
		t.Run(name, func(t *testing.T) {
			r := Run(context.Background(), tc.c, at, nil)
			for _, c := range r.Checks {
				if c.Status != Pass {
					t.Errorf("%s: %s (%s; %s)", c.ID, c.Status, c.Seen, c.Means)
				}
				if c.Title == "" || c.Seen == "" || c.Means == "" {
					t.Errorf("%s: empty title, seen or means: %+v", c.ID, c)
				}
			}
			for _, id := range tc.want {
				if _, ok := status(r, id); !ok {
					t.Errorf("no check %s", id)
				}
			}
			if r.Worst() != Pass {
				t.Errorf("worst %s", r.Worst())
			}
		})
	}
}

// TestEachCheckFails: every check, made to fail on purpose by changing one
// answer of the fake computer, says so with its own id and status.
func TestEachCheckFails(t *testing.T) {
	boom := errors.New("boom")
	for _, tc := range []struct {
		name   string
		base   func() Computer
		change func(c *Computer)
		id     string
		want   Status
		seen   string
	}{
		{"no scan", goodLinux, func(c *Computer) {
			c.Scan = func(context.Context) *platform.Snapshot { return nil }
		}, "system", Fail, "no scan"},
		{"Windows 7", goodWindows, func(c *Computer) {
			c.Scan = snapshot(platform.OSInfo{Family: "windows", Name: "Windows 7 Professional", Version: "(build 7601)"}, "system")
		}, "system", Fail, "build 7601"},
		{"Wine", goodWindows, func(c *Computer) { c.Wine = func() bool { return true } }, "system", Warn, "Wine"},
		{"unreadable Windows version", goodWindows, func(c *Computer) {
			c.Scan = snapshot(platform.OSInfo{Family: "windows"}, "system")
		}, "system", Warn, ""},
		{"another system", goodLinux, func(c *Computer) {
			c.Scan = snapshot(platform.OSInfo{Family: "freebsd"}, "processes")
		}, "system", Fail, "freebsd"},
		{"a probe fails", goodLinux, func(c *Computer) {
			c.Scan = func(context.Context) *platform.Snapshot {
				return &platform.Snapshot{OS: platform.OSInfo{Family: "linux", Name: "Debian"}, Probes: []platform.ProbeResult{{Name: "dpkg", Error: "reading /var/lib/dpkg/status: permission denied"}}}
			}
		}, "probe.dpkg", Fail, "permission denied"},
		{"a probe times out", goodLinux, func(c *Computer) {
			c.Scan = func(context.Context) *platform.Snapshot {
				return &platform.Snapshot{OS: platform.OSInfo{Family: "linux", Name: "Debian"}, Probes: []platform.ProbeResult{{Name: "systemd", Error: "systemd: gave no answer within 10s", TimedOut: true}}}
			}
		}, "probe.systemd", Fail, "no answer"},
		{"a probe has nothing to read", goodLinux, func(c *Computer) {
			c.Scan = func(context.Context) *platform.Snapshot {
				return &platform.Snapshot{OS: platform.OSInfo{Family: "linux", Name: "Debian"}, Probes: []platform.ProbeResult{{Name: "rpm", Error: "rpm is not installed", Unavailable: true}}}
			}
		}, "probe.rpm", Warn, "not available"},
		{"hidden processes", goodLinux, func(c *Computer) {
			c.Scan = func(context.Context) *platform.Snapshot {
				return &platform.Snapshot{OS: platform.OSInfo{Family: "linux", Name: "Debian"}, Processes: []platform.Process{{PID: 1, Denied: true}},
					Probes: []platform.ProbeResult{{Name: "processes", Items: 1}}}
			}
		}, "probe.processes", Warn, "without a readable name"},
		{"no Security Center", goodWindows, func(c *Computer) {
			c.Scan = func(context.Context) *platform.Snapshot {
				return &platform.Snapshot{OS: platform.OSInfo{Family: "windows", Name: "Windows Server 2022", Version: "(build 20348)"},
					Probes: []platform.ProbeResult{{Name: "security-center", Error: "not available on this computer", Unavailable: true}}}
			}
		}, "security-center", Warn, "not available"},
		{"Security Center empty", goodWindows, func(c *Computer) {
			c.Scan = snapshot(platform.OSInfo{Family: "linux"}, "security-center") // no products
		}, "security-center", Warn, "no antivirus product"},
		{"msiexec missing", goodWindows, func(c *Computer) { c.Msiexec = func() string { return "" } }, "msiexec-trust", Fail, "not found"},
		{"msiexec by identity", goodWindows, func(c *Computer) {
			c.VerifySignature = func(string) platform.SignatureInfo {
				return platform.SignatureInfo{Trusted: true, Method: platform.MethodSystemFileIdentity}
			}
		}, "msiexec-trust", Warn, "system-file-identity"},
		{"msiexec untrusted", goodWindows, func(c *Computer) {
			c.VerifySignature = func(string) platform.SignatureInfo {
				return platform.SignatureInfo{Present: true, TrustError: "the certificate chain is not trusted"}
			}
		}, "msiexec-trust", Fail, "not trusted"},
		{"Program Files writable", goodWindows, func(c *Computer) {
			c.AdminOnly = func(p string) (bool, string, error) {
				if strings.Contains(p, "Program Files") {
					return false, `BUILTIN\Users may write`, nil
				}
				return true, "", nil
			}
		}, "admin-only.program-files", Fail, "Users may write"},
		{"System32 unreadable", goodWindows, func(c *Computer) {
			c.AdminOnly = func(p string) (bool, string, error) {
				if strings.Contains(p, "System32") {
					return false, "", boom
				}
				return true, "", nil
			}
		}, "admin-only.system32", Fail, "boom"},
		{"no Windows folder", goodWindows, func(c *Computer) { c.WindowsDir = func() string { return "" } }, "admin-only.system32", Fail, "not found"},
		{"runas overridden", goodWindows, func(c *Computer) {
			c.ClassOverrides = func() ([]platform.ClassOverride, error) {
				return []platform.ClassOverride{{Key: `HKCU\Software\Classes\exefile\shell`, Value: "subkeys: [runas]"}}, nil
			}
		}, "class-overrides", Fail, `exefile\shell`},
		{"class keys unreadable", goodWindows, func(c *Computer) {
			c.ClassOverrides = func() ([]platform.ClassOverride, error) { return nil, boom }
		}, "class-overrides", Warn, "boom"},
		{"app in Downloads", goodWindows, func(c *Computer) {
			c.Executable = func() (string, error) { return `C:\Users\ann\Downloads\KasperskyTransitionHelper.exe`, nil }
			c.UserWritable = func(string) (bool, error) { return true, nil }
		}, "app-location", Warn, "Downloads"},
		{"app folder unknown", goodLinux, func(c *Computer) { c.Executable = func() (string, error) { return "", boom } }, "app-location", Warn, "boom"},
		{"app in home", goodLinux, func(c *Computer) { c.UserWritable = func(string) (bool, error) { return true, nil } }, "app-location", Warn, "can write"},
		{"OpenGL 1.1", goodWindows, func(c *Computer) {
			c.Graphics = func() (platform.Graphics, error) {
				return platform.Graphics{API: "WGL", Checked: true, Version: "1.1.0"}, platform.ErrNoGraphics
			}
		}, "opengl", Fail, "1.1.0"},
		{"no display", goodLinux, func(c *Computer) {
			c.Graphics = func() (platform.Graphics, error) { return platform.Graphics{}, platform.ErrNoDisplay }
		}, "opengl", Warn, "no display"},
		{"a display that does not answer", goodLinux, func(c *Computer) {
			c.Graphics = func() (platform.Graphics, error) {
				return platform.Graphics{API: "GLX"}, fmt.Errorf("connecting to the X display \":9\": refused: %w", platform.ErrNoDisplay)
			}
		}, "opengl", Fail, "refused"},
		{"OpenGL unknown (Wayland)", goodLinux, func(c *Computer) {
			c.Graphics = func() (platform.Graphics, error) { return platform.Graphics{}, nil }
		}, "opengl", Warn, "not checked"},
		{"no UI Automation", goodWindows, func(c *Computer) {
			c.UIAutomation = func() error { return errors.New("uiautomationcore.dll lacks UiaRaiseStructureChangedEvent") }
		}, "ui-automation", Fail, "UiaRaiseStructureChangedEvent"},
		{"no XProtect at all", goodMac, func(c *Computer) {
			c.XProtect = func(b string) platform.XProtectInfo { return platform.XProtectInfo{Path: b} }
		}, "xprotect", Fail, "not there"},
		{"macOS 15 without the live bundle", goodMac, func(c *Computer) {
			c.XProtect = func(b string) platform.XProtectInfo {
				if b == "live" {
					return platform.XProtectInfo{Path: b}
				}
				return platform.XProtectInfo{Path: b, Exists: true, Version: "5285"}
			}
		}, "xprotect", Warn, "live: not there"},
		{"macOS 15 without the xprotect command", goodMac, func(c *Computer) {
			c.Tool = func(_ context.Context, name string, _ ...string) (string, error) {
				if name == "spctl" {
					return "assessments enabled", nil
				}
				return "", platform.ErrUnavailable
			}
		}, "xprotect-command", Warn, "not available"},
		{"Gatekeeper off", goodMac, func(c *Computer) {
			c.Tool = func(_ context.Context, name string, _ ...string) (string, error) {
				if name == "spctl" {
					return "assessments disabled", nil
				}
				return "5322", nil
			}
		}, "gatekeeper", Warn, "disabled"},
		{"Gatekeeper unreadable", goodMac, func(c *Computer) {
			c.Tool = func(_ context.Context, name string, _ ...string) (string, error) {
				if name == "spctl" {
					return "", boom
				}
				return "5322", nil
			}
		}, "gatekeeper", Warn, "boom"},
		{"no codesign", goodMac, func(c *Computer) { c.ToolPath = tool() }, "codesign", Fail, "not available"},
		{"/Applications not root's", goodMac, func(c *Computer) {
			c.Owner = func(p string) (platform.OwnedPath, error) {
				return platform.OwnedPath{Path: p, UID: 501, Mode: fs.ModeDir | 0o755}, nil
			}
		}, "applications-owner", Fail, "uid 501"},
		{"/Applications writable by all", goodMac, func(c *Computer) {
			c.Owner = func(p string) (platform.OwnedPath, error) {
				return platform.OwnedPath{Path: p, Mode: fs.ModeDir | 0o777}, nil
			}
		}, "applications-owner", Fail, "rwxrwxrwx"},
		{"no package tools", goodLinux, func(c *Computer) { c.ToolPath = tool("pkexec") }, "package-tools", Pass, "not installed: dpkg"}, // /var/lib/dpkg/status may still be read
		{"no pkexec", goodLinux, func(c *Computer) { c.ToolPath = tool("dpkg") }, "pkexec", Warn, "not available"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.base()
			tc.change(&c)
			r := Run(context.Background(), c, at, nil)
			got, ok := status(r, tc.id)
			if !ok {
				t.Fatalf("no check %s in %+v", tc.id, r.Checks)
			}
			if got.Status != tc.want || !strings.Contains(got.Seen, tc.seen) {
				t.Errorf("%s: %s, seen %q; want %s, seen containing %q", tc.id, got.Status, got.Seen, tc.want, tc.seen)
			}
			if tc.want != Pass && r.Worst() == Pass {
				t.Errorf("worst is pass with %s %s", tc.id, got.Status)
			}
		})
	}
}

// TestProgramsInBothRegistryViews: the programs probe says how many
// Uninstall entries each registry view gave.
func TestProgramsInBothRegistryViews(t *testing.T) {
	c := goodWindows()
	c.Scan = func(context.Context) *platform.Snapshot {
		return &platform.Snapshot{OS: platform.OSInfo{Family: "windows", Name: "Windows 11 Pro", Version: "24H2 (build 26100)"},
			Probes: []platform.ProbeResult{{Name: "programs", Items: 4}},
			Programs: []platform.Program{
				{Source: platform.SourceUninstall, Where: `HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\A`},
				{Source: platform.SourceUninstall, Where: `HKLM\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall\B`},
				{Source: platform.SourceUninstall, Where: `HKLM\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall\C`},
				{Source: platform.SourceUninstall, Where: `HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\D`},
			}}
	}
	got, _ := status(Run(context.Background(), c, at, nil), "probe.programs")
	if !strings.Contains(got.Seen, "HKLM 64-bit: 1, HKLM 32-bit (WOW6432Node): 2, HKCU: 1") {
		t.Errorf("%q", got.Seen)
	}
}

// TestMacShowsTheLiveXProtect: the doctor names the version macOS uses,
// the newer live bundle's.
func TestMacShowsTheLiveXProtect(t *testing.T) {
	r := Run(context.Background(), goodMac(), at, nil)
	c, _ := status(r, "xprotect")
	if !strings.Contains(c.Means, "5322") || !strings.Contains(c.Seen, "live: version 5322") || !strings.Contains(c.Seen, "old: version 5285") {
		t.Errorf("%+v", c)
	}
}

// TestJSONIsStableAndRedacted: the document has the schema's fields, the
// worst verdict as its result, and passes every text through redact.
func TestJSONIsStableAndRedacted(t *testing.T) {
	c := goodWindows()
	c.Executable = func() (string, error) { return `C:\Users\ann\Downloads\th.exe`, nil }
	c.UserWritable = func(string) (bool, error) { return true, nil }
	r := Run(context.Background(), c, at, nil)
	data, err := JSON(r, "transition-helper", "1.2.3", func(s string) string { return strings.ReplaceAll(s, "ann", "<user>") })
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"schema", "app", "version", "generatedAt", "system", "result", "counts", "redacted", "checks"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("no %q in %s", k, data)
		}
	}
	if doc["schema"] != Schema || doc["result"] != "warn" || doc["generatedAt"] != "2026-11-26T09:00:00Z" {
		t.Errorf("schema %v, result %v, generatedAt %v", doc["schema"], doc["result"], doc["generatedAt"])
	}
	if strings.Contains(string(data), `\\ann\\`) || !strings.Contains(string(data), `\\<user>\\Downloads`) {
		t.Errorf("not redacted:\n%s", data)
	}
	check := doc["checks"].([]any)[0].(map[string]any)
	for _, k := range []string{"id", "status", "title", "seen", "means"} {
		if _, ok := check[k]; !ok {
			t.Errorf("a check has no %q: %v", k, check)
		}
	}
}

// TestTextSaysEachVerdict: the text form names each check's verdict and
// counts them.
func TestTextSaysEachVerdict(t *testing.T) {
	c := goodLinux()
	c.ToolPath = tool("dpkg")
	text := Text(Run(context.Background(), c, at, nil), english, nil)
	if !strings.Contains(text, "[WARN] pkexec") || !strings.Contains(text, "[PASS] OpenGL 2.1 for the window") || !strings.Contains(text, "1 with a warning, 0 failed.") {
		t.Errorf("%s", text)
	}
}

func english(_ string, fallback string, data map[string]any) string {
	if data == nil {
		return fallback
	}
	for k, v := range data {
		fallback = strings.ReplaceAll(fallback, "{{."+k+"}}", strings.TrimSpace(strings.ReplaceAll(strings.Trim(strings.ReplaceAll(jsonString(v), `"`, ""), " "), "\n", " ")))
	}
	return fallback
}

func jsonString(v any) string { b, _ := json.Marshal(v); return string(b) }
