package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"transitionhelper/app/catalog"
	"transitionhelper/app/internal/testtmp"
	"transitionhelper/app/progress"
	"transitionhelper/app/region"
	"transitionhelper/app/report"
	"transitionhelper/app/service"
	"transitionhelper/app/service/servicetest"
	"transitionhelper/platform"
)

type bytesBuffer = bytes.Buffer

func fixedScan(snap platform.Snapshot) func(context.Context, platform.Options) *platform.Snapshot {
	return func(context.Context, platform.Options) *platform.Snapshot { s := snap; return &s }
}

// testService is the service over a given scanner, at a given time (nil: now).
func testService(t *testing.T, scan func(context.Context, platform.Options) *platform.Snapshot, now func() time.Time) *service.Service {
	t.Helper()
	cat, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return service.New(cat, &servicetest.Computer{ScanFn: scan, NowFn: now})
}

func TestUsageAndExitCodes(t *testing.T) {
	tests := []struct {
		args     []string
		code     int
		out, err string
	}{
		{[]string{"--help"}, ExitOK, "Usage:", ""},
		{[]string{"help"}, ExitOK, "scan --json", ""},
		{[]string{"--version"}, ExitOK, "transition-helper 1.2.3", ""},
		{[]string{"version"}, ExitOK, "1.2.3", ""},
		{[]string{"--bogus"}, ExitUsage, "", "unknown flag --bogus"},
		{[]string{"frobnicate"}, ExitUsage, "", `unknown command "frobnicate"`},
		{[]string{"scan", "--nope"}, ExitUsage, "", "flag provided but not defined: -nope"},
		{[]string{"scan", "extra"}, ExitUsage, "", `unexpected argument "extra"`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var out, errb bytes.Buffer
			code := Run(context.Background(), tt.args, Env{Stdout: &out, Stderr: &errb, AppName: "transition-helper", Version: "1.2.3",
				Service: testService(t, fixedScan(platform.Snapshot{OS: platform.OSInfo{Family: "linux"}}), nil)})
			if code != tt.code || !strings.Contains(out.String(), tt.out) || !strings.Contains(errb.String(), tt.err) {
				t.Fatalf("exit %d (want %d)\nstdout %q (want %q)\nstderr %q (want %q)", code, tt.code, out.String(), tt.out, errb.String(), tt.err)
			}
		})
	}
}

func TestScanTextAndExitCodes(t *testing.T) {
	kis := platform.Snapshot{
		OS:         platform.OSInfo{Family: "windows", Name: "Windows 11 Pro", Version: "23H2", Arch: "amd64"},
		Processes:  []platform.Process{{PID: 100, Name: "avp.exe"}, {PID: 200, Name: "MsMpEng.exe"}},
		Programs:   []platform.Program{{Name: "Kaspersky Internet Security", Version: "21.3.10.391", Source: platform.SourceUninstall, Where: `HKLM\X`}},
		VendorKeys: []platform.VendorKey{{Name: "AVP21.3", Where: `HKLM\K`, PasswordProtected: true}},
		Probes:     []platform.ProbeResult{{Name: "processes"}, {Name: "security-center", Error: "not there", Unavailable: true}},
	}
	incomplete := platform.Snapshot{OS: platform.OSInfo{Family: "linux"}, Probes: []platform.ProbeResult{{Name: "dpkg", Error: "permission denied"}}}
	leftovers := platform.Snapshot{OS: platform.OSInfo{Family: "windows"}, Paths: []platform.PathFact{{Template: `{ProgramData}\Kaspersky Lab`, Path: `C:\ProgramData\Kaspersky Lab`, Exists: true}}}
	tests := []struct {
		name    string
		snap    platform.Snapshot
		details bool
		code    int
		want    []string
		notWant []string
	}{
		{"kaspersky found", kis, false, ExitFound,
			[]string{"Kaspersky is on this computer.", "Kaspersky Internet Security 21.3.10.391: Running", "Microsoft Defender: Running", "will ask for that password"},
			[]string{"pid 100", "could not finish"}},
		{"details show evidence", kis, true, ExitFound, []string{"process avp.exe (pid 100)", `program Kaspersky Internet Security (HKLM\X)`, `registry AVP21.3 (HKLM\K)`}, nil},
		{"incomplete", incomplete, false, ExitIncomplete, []string{"No Kaspersky product was found.", "could not finish", "dpkg: permission denied"}, nil},
		{"leftovers only", leftovers, false, ExitOK, []string{"some of its files stayed behind"}, []string{"Kaspersky is on this computer"}},
		{"nothing", platform.Snapshot{OS: platform.OSInfo{Family: "darwin"}}, false, ExitOK, []string{"No Kaspersky product was found.", "No other security software was found."}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			args := []string{"scan"}
			if tt.details {
				args = append(args, "--details")
			}
			code := Run(context.Background(), args, Env{Stdout: &out, Stderr: &out, AppName: "th", Version: "1", Service: testService(t, fixedScan(tt.snap), nil)})
			if code != tt.code {
				t.Errorf("exit %d, want %d", code, tt.code)
			}
			for _, w := range tt.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(out.String(), w) {
					t.Errorf("output has %q:\n%s", w, out.String())
				}
			}
		})
	}
}

func TestScanJSONSchema(t *testing.T) {
	at := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	got, code := runJSON(t, Env{Service: testService(t, fixedScan(platform.Snapshot{
		OS:        platform.OSInfo{Family: "windows"},
		Processes: []platform.Process{{PID: 100, Name: "avp.exe"}},
		Programs:  []platform.Program{{Name: "UltraAV", Source: platform.SourceUninstall, Where: "k"}},
	}), func() time.Time { return at })})
	if code != ExitFound || got.Schema != ScanSchema || !got.KasperskyFound || !got.UltraAVFound || got.ExitCode != ExitFound {
		t.Errorf("json = %+v, exit %d", got, code)
	}
	if !got.ScannedAt.Equal(at) || got.Processes != 1 || len(got.Findings) != 2 || got.Findings[0].ProductID != "kaspersky" || got.Findings[1].ProductID != "ultraav" {
		t.Errorf("json = %+v", got)
	}
	if ev := got.Findings[0].Evidence; len(ev) != 1 || ev[0].Matched != "avp.exe" || ev[0].Source != "winpeas" {
		t.Errorf("evidence = %+v", ev)
	}
	empty, code := runJSON(t, Env{Service: testService(t, fixedScan(platform.Snapshot{OS: platform.OSInfo{Family: "linux"}}), nil)})
	if code != ExitOK || empty.Findings == nil || empty.Protection == nil {
		t.Errorf("empty arrays must be [] not null: %+v", empty)
	}
}

func TestDecodeCommand(t *testing.T) {
	code := report.Encode(report.Status{Minor: 1, OS: report.OSWindows, US: true, Step: 4,
		Flags: report.FlagKasperskyInstalled | report.FlagPasswordProtected})
	var out, errb bytes.Buffer
	env := Env{Service: thisComputer(t), Stdout: &out, Stderr: &errb, AppName: "th", Version: "0.1.0"}
	if c := Run(context.Background(), []string{"decode", strings.ToLower(code[4:8]), code[9:]}, env); c != ExitOK {
		t.Fatalf("exit %d: %s", c, errb.String())
	}
	for _, w := range []string{code, "at step 4: Remove Kaspersky", "password protection is on", "What to do next: Go to step 4. Have the Kaspersky password ready"} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("decode output lacks %q:\n%s", w, out.String())
		}
	}
	out.Reset()
	bad := code[:len(code)-1] + string(report.Alphabet[(strings.IndexByte(report.Alphabet, code[len(code)-1])+1)%32])
	if c := Run(context.Background(), []string{"decode", bad}, env); c != ExitUsage || !strings.Contains(errb.String(), "Please read the code again") || out.Len() != 0 {
		t.Errorf("a wrong code: exit %d, stderr %q, stdout %q", c, errb.String(), out.String())
	}
	if c := Run(context.Background(), []string{"decode"}, env); c != ExitUsage {
		t.Errorf("no code: exit %d", c)
	}
}

func TestReportCommand(t *testing.T) {
	snap := platform.Snapshot{
		OS:        platform.OSInfo{Family: "windows", Name: "Windows 11"},
		Processes: []platform.Process{{PID: 100, Name: "avp.exe"}},
		Programs:  []platform.Program{{Name: "Kaspersky Plus", Source: platform.SourceUninstall, Where: `HKCU\X`, InstallLocation: `C:\Users\zoe\Kaspersky`}},
	}
	dir := testtmp.Dir(t)
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"report"}, ExitFound, "Status code: KTH-"},
		{[]string{"report", "--format", "json"}, ExitFound, `"schema": "transitionhelper.report/1"`},
		{[]string{"report", "--format", "html", "--output", filepath.Join(dir, "r.html")}, ExitFound, ""},
		{[]string{"report", "--format", "json", "--full"}, ExitFound, `C:\\Users\\zoe\\Kaspersky`},
		{[]string{"report", "--format", "pdf"}, ExitUsage, ""},
		{[]string{"report", "extra"}, ExitUsage, ""},
	} {
		var out, errb bytes.Buffer
		c := Run(context.Background(), tt.args, Env{Stdout: &out, Stderr: &errb, AppName: "th", Version: "0.1.0", StateDir: dir, Service: testService(t, fixedScan(snap), nil)})
		if c != tt.code || !strings.Contains(out.String(), tt.want) {
			t.Errorf("%v: exit %d, output lacks %q:\n%s\n%s", tt.args, c, tt.want, out.String(), errb.String())
		}
		if slices.Contains(tt.args, "--full") || c != ExitFound {
			continue
		}
		if strings.Contains(out.String(), "zoe") {
			t.Errorf("%v: a redacted report names the user", tt.args)
		}
	}
	html, err := os.ReadFile(filepath.Join(dir, "r.html"))
	if err != nil || !strings.Contains(string(html), "<!DOCTYPE html>") || strings.Contains(string(html), "zoe") {
		t.Errorf("HTML file: %v\n%s", err, html)
	}
	// With the guided app's progress saved, the report carries its step.
	saved := progress.New(region.Other).WithScan(progress.ScanRecord{}).At(progress.StepVerify) // nothing found: on to step 6
	if err := (progress.Store{Path: filepath.Join(dir, progress.StateFile)}).Save(saved); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	Run(context.Background(), []string{"report"}, Env{Stdout: &out, Stderr: &out, AppName: "th", Version: "0.1.0", StateDir: dir, Service: testService(t, fixedScan(snap), nil)})
	if !strings.Contains(out.String(), "at step 6: Check you're protected") || !strings.Contains(out.String(), "outside the U.S.") {
		t.Errorf("the saved step is not in the report:\n%s", out.String())
	}
}

// TestScanTextDropsControlCharacters: a program's name from the registry
// cannot steer the terminal or hide text when printed.
func TestScanTextDropsControlCharacters(t *testing.T) {
	var out bytes.Buffer
	snap := platform.Snapshot{OS: platform.OSInfo{Family: "windows"},
		Programs: []platform.Program{{Name: "Kaspersky Internet Security \x1b]0;owned\x07\u202e", Version: "21\r3", Source: platform.SourceUninstall, Where: "k"}}}
	Run(context.Background(), []string{"scan", "--details"}, Env{Stdout: &out, Stderr: &out, AppName: "th", Version: "1", Service: testService(t, fixedScan(snap), nil)})
	if !strings.Contains(out.String(), "Kaspersky Internet Security 213") || !strings.Contains(out.String(), "Kaspersky Internet Security ]0;owned") {
		t.Fatalf("the program was not listed: %q", out.String())
	}
	if strings.ContainsAny(out.String(), "\x1b\x07\r\u202e") {
		t.Errorf("control characters reached the terminal: %q", out.String())
	}
}

func TestAgreed(t *testing.T) {
	for _, a := range []string{"yes\n", "Y", " sí ", "SI", "s"} {
		if !agreed(a) {
			t.Errorf("%q not taken as yes", a)
		}
	}
	for _, a := range []string{"", "no", "n", "yesno", "sip"} {
		if agreed(a) {
			t.Errorf("%q taken as yes", a)
		}
	}
}
