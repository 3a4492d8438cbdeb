package platform

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseDpkgStatus(t *testing.T) {
	f, err := os.Open("testdata/dpkg/status")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := ParseDpkgStatus(f, "testdata/dpkg/status")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range got {
		names = append(names, p.Name+"="+p.Version)
		if p.Source != SourceDpkg || p.Where != "testdata/dpkg/status" {
			t.Errorf("program %+v", p)
		}
	}
	// kesl-gui has only config files left: not installed.
	if want := "kesl=12.1.0-1234 klnagent64=15.1.0-20748 coreutils=9.1-1"; strings.Join(names, " ") != want {
		t.Errorf("got %q, want %q", strings.Join(names, " "), want)
	}
}

func TestParseDpkgStatusErrors(t *testing.T) {
	tests := []struct{ name, in, wantErr string }{
		{"not a field", "Package: a\nnonsense line\n", "is not a field"},
		{"continuation first", " leading continuation\n", "continuation line"},
		{"empty", "", ""},
		{"no trailing newline", "Package: a\nStatus: install ok installed", ""},
		{"crlf", "Package: a\r\nStatus: install ok installed\r\n\r\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseDpkgStatus(strings.NewReader(tt.in), "x")
			if (err != nil) != (tt.wantErr != "") || (err != nil && !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
		})
	}
	got, _ := ParseDpkgStatus(strings.NewReader("Package: a\r\nStatus: install ok installed\r\n"), "x")
	if len(got) != 1 || got[0].Name != "a" {
		t.Errorf("CRLF file: %+v", got)
	}
}

func FuzzParseDpkgStatus(f *testing.F) {
	seed, _ := os.ReadFile("testdata/dpkg/status")
	f.Add(seed)
	f.Add([]byte("Package: a\nStatus: install ok installed\n\n"))
	f.Add([]byte(":\n \n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		progs, _ := ParseDpkgStatus(bytes.NewReader(data), "fuzz")
		for _, p := range progs {
			if p.Name == "" || p.Source != SourceDpkg {
				t.Fatalf("bad program %+v", p)
			}
		}
	})
}

func TestParseRPMList(t *testing.T) {
	got := ParseRPMList([]byte("kesl\t12.1.0-1234\tAO Kaspersky Lab\nbash\t5.2-1\t(none)\n\nbroken\n\t1-1\tx\n"))
	if len(got) != 2 || got[0].Name != "kesl" || got[0].Publisher != "AO Kaspersky Lab" || got[1].Publisher != "" {
		t.Errorf("got %+v", got)
	}
}

func TestSystemd(t *testing.T) {
	units, err := readUnitDirs([]string{"testdata/units/a", "testdata/units/missing", "testdata/units/b"})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, u := range units {
		names = append(names, u.Name+"@"+filepath.Base(filepath.Dir(u.Where)))
	}
	// First directory wins; templates and sockets are skipped.
	if want := "kesl@a ssh@a klnagent64@b"; strings.Join(names, " ") != want {
		t.Errorf("units %q, want %q", strings.Join(names, " "), want)
	}
	states := ParseSystemctlUnits(strings.NewReader(
		"kesl.service loaded active running Kaspersky Endpoint Security\n" +
			"● klnagent64.service loaded failed failed Kaspersky Network Agent\n" +
			"ssh.service loaded inactive dead OpenBSD Secure Shell server\n" +
			"garbage\n" +
			"foo.socket loaded active listening x\n"))
	if states["kesl"] != StateRunning || states["klnagent64"] != StateStopped || states["ssh"] != StateStopped || len(states) != 3 {
		t.Errorf("states = %v", states)
	}
}

func FuzzParseSystemctlUnits(f *testing.F) {
	f.Add("kesl.service loaded active running K\n● a.service loaded failed failed A\n")
	f.Fuzz(func(t *testing.T, in string) {
		for name, st := range ParseSystemctlUnits(strings.NewReader(in)) {
			if name == "" || (st != StateRunning && st != StateStopped) {
				t.Fatalf("%q → %q", name, st)
			}
		}
	})
}

func TestMacBundlesAndLaunchd(t *testing.T) {
	apps, err := readApps([]string{"testdata/mac/Applications", "testdata/mac/missing"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Program{}
	for _, a := range apps {
		got[a.Name] = a
	}
	if k := got["Kaspersky"]; k.BundleID != "com.kaspersky.kav" || k.Version != "21.1.44" || k.Source != SourceApp {
		t.Errorf("binary plist bundle: %+v", k)
	}
	if k := got["Kaspersky Password Manager"]; k.BundleID != "com.kaspersky.passwordmanager" || k.Version != "9.2" {
		t.Errorf("XML plist bundle: %+v", k)
	}
	if b, ok := got["Broken"]; !ok || b.BundleID != "" {
		t.Errorf("a bundle with a broken Info.plist must still be listed by name: %+v", b)
	}
	jobs, err := readLaunchd([]string{"testdata/mac/LaunchDaemons"})
	if err != nil {
		t.Fatal(err)
	}
	if len(jobs) != 2 || jobs[0].Name != "com.kaspersky.kav" || jobs[1].Name != "com.example.other" || jobs[0].Kind != ServiceLaunchd {
		t.Errorf("jobs = %+v", jobs)
	}
}

func FuzzParseBundleInfo(f *testing.F) {
	for _, p := range []string{"testdata/mac/Applications/Kaspersky.app/Contents/Info.plist", "testdata/mac/Applications/Kaspersky Password Manager.app/Contents/Info.plist", "testdata/mac/LaunchDaemons/com.kaspersky.kav.plist"} {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("bplist00"))
	f.Add([]byte("{ CFBundleIdentifier = x; }"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// Must never panic or hang, whatever the bytes.
		_, _ = ParseBundleInfo(data)
		_, _ = ParseLaunchdLabel(data)
	})
}

// TestXProtect reads macOS's own protection as a real Mac has it: the
// XProtect bundle with the version of its signatures.
func TestXProtect(t *testing.T) {
	got, err := readXProtect("testdata/mac/none.bundle", "testdata/mac/XProtect.bundle")
	if err != nil || len(got) != 1 {
		t.Fatalf("%+v, %v", got, err)
	}
	if p := got[0]; p.Name != "XProtect" || p.Version != "5285" || p.Source != SourceSystem || p.Updated == "" {
		t.Errorf("%+v", p)
	}
	if _, err := readXProtect("testdata/mac/none.bundle", "testdata/mac/none.bundle"); !os.IsNotExist(err) {
		t.Errorf("a Mac without the bundle: %v", err)
	}
}

// TestXProtectLiveIsNewer: on macOS 15 and later the live bundle in
// /var/protected/xprotect is the one macOS uses, and the old one in
// CoreServices may be stale (testdata/mac15: 5322 live, 5285 old). The
// version shown is the live one; with the live one older or missing, the
// old one's; of equal versions, the live one.
func TestXProtectLiveIsNewer(t *testing.T) {
	const (
		live = "testdata/mac15/var/protected/xprotect/XProtect.bundle"
		old  = "testdata/mac15/Library/Apple/System/Library/CoreServices/XProtect.bundle"
	)
	for _, tc := range []struct {
		name, live, old, version, where string
	}{
		{"macOS 15: live newer", live, old, "5322", live},
		{"live older than old", old, live, "5322", live},
		{"macOS 14: no live bundle", "testdata/mac15/none", old, "5285", old},
		{"only the live bundle", live, "testdata/mac15/none", "5322", live},
		{"equal versions", old, "testdata/mac/XProtect.bundle", "5285", old},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := readXProtect(tc.live, tc.old)
			if err != nil || len(got) != 1 {
				t.Fatalf("%+v, %v", got, err)
			}
			if got[0].Version != tc.version || got[0].Where != tc.where {
				t.Errorf("version %s from %s, want %s from %s", got[0].Version, got[0].Where, tc.version, tc.where)
			}
		})
	}
	if c := compareVersions("5322", "5285"); c <= 0 {
		t.Errorf("compareVersions(5322, 5285) = %d", c)
	}
	if c := compareVersions("x", "5285"); c != 0 {
		t.Errorf("an unparsable version compares %d, want 0", c)
	}
}
