package removal

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"transitionhelper/app/catalog"
	"transitionhelper/app/detect"
	"transitionhelper/platform"
)

const guid = "{8F4F3A1B-2C3D-4E5F-9A0B-1C2D3E4F5A6B}"

var (
	files = []string{
		`C:\Windows\System32\msiexec.exe`,
		`C:\Program Files (x86)\Kaspersky Lab\Kaspersky Password Manager 9.0\setup.exe`,
		`C:\Program Files\Kaspersky Lab\Kaspersky Total Security 21.3\avp.exe`,
		`C:\Program Files\Kaspersky Lab\setup.exe`,
		`C:\Program Files\Tools\writable\setup.exe`,
		`D:\Apps\Kaspersky\uninstall.exe`,
		`C:\Temp\evil.exe`,
		`C:\Users\ann\AppData\Local\Temp\kis\setup.exe`,
		`C:\Program Files\Kaspersky Lab\readme.txt`,
	}
	// installed is what Windows Installer knows, by product code.
	installed = map[string]platform.MSIProduct{
		guid:                                     {ProductCode: guid, PerMachine: true, Publisher: "AO Kaspersky Lab", Name: "Kaspersky Total Security"},
		"{11111111-2222-3333-4444-555555555555}": {ProductCode: "{11111111-2222-3333-4444-555555555555}", PerMachine: true, Publisher: "Bitdefender", Name: "Bitdefender Total Security"},
		"{99999999-2222-3333-4444-555555555555}": {ProductCode: "{99999999-2222-3333-4444-555555555555}", PerUser: true}, // per user only
		// The same code per machine and for this user: msiexec /x might pick the user's.
		"{88888888-2222-3333-4444-555555555555}": {ProductCode: "{88888888-2222-3333-4444-555555555555}", PerMachine: true, PerUser: true,
			Publisher: "AO Kaspersky Lab", Name: "Kaspersky Total Security"},
	}
	winEnv = Env{GOOS: "windows", ProgramFiles: `C:\Program Files`, ProgramFilesX86: `C:\Program Files (x86)`, SystemRoot: `C:\Windows`,
		SystemMsiexec: `C:\Windows\System32\msiexec.exe`,
		Exists: func(p string) bool {
			return slices.ContainsFunc(files, func(f string) bool { return strings.EqualFold(f, p) })
		},
		// Real Program Files and System32 grant users read and execute
		// only; a folder someone opened up to Users is not.
		AdminOnlyFn: func(p string) (bool, string, error) {
			if strings.Contains(p, `\writable\`) {
				return false, `BUILTIN\Users may write C:\Program Files\Tools\writable`, nil
			}
			return true, "", nil
		},
		MSIProductFn: func(code string) (platform.MSIProduct, error) { return installed[code], nil },
	}
)

func mustCatalog(t testing.TB) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func kaspersky(entries ...platform.Program) detect.Finding {
	for i := range entries {
		entries[i].Source = platform.SourceUninstall
	}
	return detect.Finding{ProductID: "kaspersky-total-security", Name: "Kaspersky Total Security", Vendor: "Kaspersky", Role: "remove", Uninstall: entries}
}

func TestPlanWindows(t *testing.T) {
	cat := mustCatalog(t)
	const hklm, hkcu = `HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\`, `HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\`
	tests := []struct {
		name    string
		entry   platform.Program
		want    string // the command line, or the refusal
		signers string
		elevate bool
	}{
		{"Windows Installer entry by its GUID key", platform.Program{Where: hklm + strings.ToLower(guid), WindowsInstaller: true, UninstallString: `MsiExec.exe /I` + guid},
			`C:\Windows\System32\msiexec.exe /x ` + guid, "Microsoft", true},
		{"MsiExec /X in the string", platform.Program{Where: hklm + `KTS`, UninstallString: `MsiExec.exe /X` + guid},
			`C:\Windows\System32\msiexec.exe /x ` + guid, "Microsoft", true},
		{"MsiExec /I becomes /x, never /i", platform.Program{Where: hklm + `KTS`, UninstallString: `MsiExec.exe /I ` + strings.ToLower(guid)},
			`C:\Windows\System32\msiexec.exe /x ` + guid, "Microsoft", true},
		{"the entry's own msiexec path is never used", platform.Program{Where: hklm + `KTS`, UninstallString: `C:\Temp\msiexec.exe /x ` + guid},
			`C:\Windows\System32\msiexec.exe /x ` + guid, "Microsoft", true},
		{"msiexec without a product code", platform.Program{Where: hklm + `KTS`, UninstallString: `MsiExec.exe /qn`}, "without a product code", "", false},
		{"quoted path with spaces", platform.Program{Where: hklm + `KPM`, UninstallString: `"C:\Program Files (x86)\Kaspersky Lab\Kaspersky Password Manager 9.0\setup.exe" /x`},
			`"C:\Program Files (x86)\Kaspersky Lab\Kaspersky Password Manager 9.0\setup.exe" /x`, "AO Kaspersky Lab", true},
		{"unquoted path with spaces", platform.Program{Where: hklm + `KTS`, UninstallString: `C:\Program Files\Kaspersky Lab\setup.exe /x /s`},
			`"C:\Program Files\Kaspersky Lab\setup.exe" /x /s`, "AO Kaspersky Lab", true},
		{"%ProgramFiles% is expanded", platform.Program{Where: hklm + `KTS`, UninstallString: `"%ProgramFiles%\Kaspersky Lab\Kaspersky Total Security 21.3\avp.exe" -uninstall`},
			`"C:\Program Files\Kaspersky Lab\Kaspersky Total Security 21.3\avp.exe" -uninstall`, "AO Kaspersky Lab", true},
		{"%TEMP% is refused", platform.Program{Where: hklm + `KTS`, UninstallString: `"%TEMP%\setup.exe" /x`}, "%TEMP%, which is not a known folder", "", false},
		{"outside Program Files", platform.Program{Where: hklm + `KTS`, UninstallString: `C:\Temp\evil.exe /x`}, "outside Program Files", "", false},
		{"climbing out with ..", platform.Program{Where: hklm + `KTS`, UninstallString: `"C:\Program Files\..\Temp\evil.exe"`}, "outside Program Files", "", false},
		{"the install folder never widens what is allowed", platform.Program{Where: hklm + `KTS`, InstallLocation: `D:\Apps\Kaspersky`, UninstallString: `D:\Apps\Kaspersky\uninstall.exe`},
			"outside Program Files", "", false},
		{"a folder in Program Files users may write", platform.Program{Where: hklm + `KTS`, UninstallString: `"C:\Program Files\Tools\writable\setup.exe"`},
			"can be changed without administrator rights", "", false},
		{"missing program", platform.Program{Where: hklm + `KTS`, UninstallString: `"C:\Program Files\Kaspersky Lab\gone.exe"`}, "does not exist", "", false},
		{"relative program", platform.Program{Where: hklm + `KTS`, UninstallString: `setup.exe /x`}, "not a full path", "", false},
		{"not a program", platform.Program{Where: hklm + `KTS`, UninstallString: `"C:\Program Files\Kaspersky Lab\readme.txt"`}, "not a program", "", false},
		{"cmd.exe is no uninstaller", platform.Program{Where: hklm + `KTS`, UninstallString: `cmd.exe /c del C:\`}, "not a full path", "", false},
		{"empty", platform.Program{Where: hklm + `KTS`}, "has no UninstallString", "", false},
		// Attacks from a standard user, who can write HKCU but not HKLM.
		{"HKCU entry: a signed Kaspersky program copied to TEMP is never started",
			platform.Program{Where: hkcu + `Kaspersky Total Security`, UninstallString: `"C:\Users\ann\AppData\Local\Temp\kis\setup.exe" /x`},
			"per-user entry, which any program of this account can write", "", false},
		{"HKCU entry naming a real program in Program Files is not started either",
			platform.Program{Where: hkcu + `Kaspersky Total Security`, UninstallString: `"C:\Program Files\Kaspersky Lab\setup.exe" /x`},
			"nothing is started from it", "", false},
		{"HKCU key named after another product's code", platform.Program{Where: hkcu + `{11111111-2222-3333-4444-555555555555}`, WindowsInstaller: true},
			"per-user entry", "", false},
		{"HKCU msiexec line", platform.Program{Where: hkcu + `KTS`, UninstallString: `MsiExec.exe /X` + guid}, "per-user entry", "", false},
		{"HKLM code of another vendor's product", platform.Program{Where: hklm + `X`, UninstallString: `MsiExec.exe /X{11111111-2222-3333-4444-555555555555}`},
			`not a Kaspersky product`, "", false},
		{"a code Windows Installer knows only per user", platform.Program{Where: hklm + `X`, UninstallString: `MsiExec.exe /X{99999999-2222-3333-4444-555555555555}`},
			"does not know", "", false},
		{"a code Windows Installer does not know", platform.Program{Where: hklm + `X`, UninstallString: `MsiExec.exe /X{ABCDEF00-2222-3333-4444-555555555555}`},
			"does not know", "", false},
		{"a code Windows Installer knows per machine and for this user", platform.Program{Where: hklm + `X`, UninstallString: `MsiExec.exe /X{88888888-2222-3333-4444-555555555555}`},
			"also knows {88888888-2222-3333-4444-555555555555} for this user", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := PlanFor(cat, kaspersky(tt.entry), winEnv)
			if tt.signers == "" {
				if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("err = %v, want a refusal saying %q (plan %q)", err, tt.want, p.CommandLine())
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := p.CommandLine(); got != tt.want {
				t.Errorf("command %s\nwant    %s", got, tt.want)
			}
			if p.Elevate != tt.elevate || !slices.ContainsFunc(p.Signers, func(s string) bool { return strings.Contains(s, tt.signers) }) || len(p.Why) < 2 {
				t.Errorf("plan %+v", p)
			}
		})
	}
}

func TestPlanOtherSystems(t *testing.T) {
	cat := mustCatalog(t)
	linux := detect.Finding{Name: "KESL", Role: "remove", Uninstall: []platform.Program{{Name: "kesl", Source: platform.SourceDpkg}, {Name: "kesl-gui", Source: platform.SourceDpkg}}}
	// apt says what else goes (here a package that depends on kesl); dpkg
	// then removes exactly that list and nothing more.
	sim := func(pkgs []string) ([]string, error) { return append([]string{"kesl-reports"}, pkgs...), nil }
	p, err := PlanFor(cat, linux, Env{GOOS: "linux", SimulateRemoveFn: sim})
	if err != nil || p.CommandLine() != "/usr/bin/pkexec /usr/bin/dpkg --remove kesl-reports kesl kesl-gui" ||
		!slices.Equal(p.AlsoRemoves, []string{"kesl-reports"}) {
		t.Errorf("linux: %q, also %q, %v", p.CommandLine(), p.AlsoRemoves, err)
	}
	for name, env := range map[string]Env{
		"apt cannot be asked": {GOOS: "linux"},
		"apt fails":           {GOOS: "linux", SimulateRemoveFn: func([]string) ([]string, error) { return nil, errors.New("locked") }},
		"apt names an option": {GOOS: "linux", SimulateRemoveFn: func([]string) ([]string, error) { return []string{"--force-all"}, nil }},
	} {
		if _, err := PlanFor(cat, linux, env); !errors.Is(err, ErrRefused) {
			t.Errorf("%s: %v", name, err)
		}
	}
	bad := detect.Finding{Name: "x", Role: "remove", Uninstall: []platform.Program{{Name: "kesl; rm -rf /", Source: platform.SourceDpkg}}}
	if _, err := PlanFor(cat, bad, Env{GOOS: "linux"}); !errors.Is(err, ErrRefused) {
		t.Errorf("a bad package name was accepted: %v", err)
	}
	rpm := detect.Finding{Name: "x", Role: "remove", Uninstall: []platform.Program{{Name: "klnagent64", Source: platform.SourceRPM}}}
	if p, err := PlanFor(cat, rpm, Env{GOOS: "linux"}); err != nil || p.CommandLine() != "/usr/bin/pkexec /usr/bin/rpm --erase klnagent64" {
		t.Errorf("rpm: %q, %v", p.CommandLine(), err)
	}
	mac := detect.Finding{Name: "Kaspersky", Vendor: "Kaspersky", Role: "remove", Uninstall: []platform.Program{{Name: "Kaspersky", Source: platform.SourceApp, InstallLocation: "/Applications/Kaspersky.app"}}}
	glob := func(pat string) []string {
		if pat == "/Applications/Kaspersky.app/Contents/Resources/*ninstall*.app" {
			return []string{"/Applications/Kaspersky.app/Contents/Resources/Kaspersky Uninstaller.app"}
		}
		return nil
	}
	kaspersky := func(app, team string) error {
		if app == "/Applications/Kaspersky.app/Contents/Resources/Kaspersky Uninstaller.app" && team == "2Y8XE5CQ94" {
			return nil
		}
		return errors.New("not signed by that team")
	}
	// open -n: a new instance of the verified bundle, never an app already
	// running under the same bundle id brought forward.
	if p, err := PlanFor(cat, mac, Env{GOOS: "darwin", GlobFn: glob, VerifyMacAppFn: kaspersky}); err != nil ||
		!slices.Equal(p.Args, []string{"-n", "/Applications/Kaspersky.app/Contents/Resources/Kaspersky Uninstaller.app"}) {
		t.Errorf("mac: %+v, %v", p, err)
	}
	// A look-alike that sorts first (a space before the dot) is skipped;
	// one in the user's own Applications folder is never even looked at.
	lookalike := func(pat string) []string {
		switch pat {
		case "/Applications/Kaspersky*ninstall*.app":
			return []string{"/Applications/Kaspersky Uninstaller.app"}
		case "/Users/ann/Applications/Kaspersky.app/Contents/Resources/*ninstall*.app":
			t.Error("looked for an uninstaller in the user's Applications folder")
		}
		return glob(pat)
	}
	home := mac
	home.Uninstall = append(home.Uninstall, platform.Program{Source: platform.SourceApp, InstallLocation: "/Users/ann/Applications/Kaspersky.app"})
	if p, err := PlanFor(cat, home, Env{GOOS: "darwin", GlobFn: lookalike, VerifyMacAppFn: kaspersky}); err != nil || p.Args[len(p.Args)-1] != "/Applications/Kaspersky.app/Contents/Resources/Kaspersky Uninstaller.app" {
		t.Errorf("mac with a look-alike: %+v, %v", p, err)
	}
	if _, err := PlanFor(cat, mac, Env{GOOS: "darwin", GlobFn: lookalike, VerifyMacAppFn: func(string, string) error { return errors.New("unsigned") }}); !errors.Is(err, ErrRefused) {
		t.Errorf("mac with no trusted uninstaller: %v", err)
	}
	if _, err := PlanFor(cat, mac, Env{GOOS: "darwin", GlobFn: func(string) []string { return nil }}); err == nil || !strings.Contains(err.Error(), "removal tool") {
		t.Errorf("mac without an uninstaller: %v", err)
	}
	if _, err := PlanFor(cat, detect.Finding{Role: "protection"}, winEnv); !errors.Is(err, ErrRefused) {
		t.Error("planned the removal of a protection product")
	}
}

func TestJudgeSignature(t *testing.T) {
	p := Plan{Kind: KindExe, Program: `C:\Program Files\Kaspersky Lab\setup.exe`, Signers: []string{"AO Kaspersky Lab", "Kaspersky Lab JSC"}}
	tests := []struct {
		sig  platform.SignatureInfo
		want string // "" = launch
	}{
		{platform.SignatureInfo{Present: true, Trusted: true, Signer: "AO Kaspersky Lab"}, ""},
		{platform.SignatureInfo{Present: true, Trusted: true, Signer: "ao kaspersky lab"}, "not by"}, // the exact CN, to the letter
		{platform.SignatureInfo{Present: true, Trusted: true, Signer: "AO Kaspersky Lab", Method: platform.MethodCatalog}, ""},
		{platform.SignatureInfo{Trusted: true, Method: platform.MethodSystemFileIdentity}, "only Windows' own msiexec"},
		{platform.SignatureInfo{}, "is not signed"},
		{platform.SignatureInfo{Present: true, Trusted: true, Signer: "Evil Corp"}, `signed by "Evil Corp", not by AO Kaspersky Lab or Kaspersky Lab JSC`},
		{platform.SignatureInfo{Present: true, Trusted: true, Signer: "AO Kaspersky Lab Fake"}, "not by"},
		{platform.SignatureInfo{Present: true, Trusted: false, Signer: "AO Kaspersky Lab", TrustError: "the file was changed after it was signed"}, "does not verify: the file was changed"},
	}
	for _, tt := range tests {
		err := JudgeSignature(p, tt.sig)
		if (tt.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("%+v: %v, want %q", tt.sig, err, tt.want)
		}
	}
	msi := Plan{Kind: KindMSI, Program: `C:\Windows\System32\msiexec.exe`, Signers: []string{"Microsoft Windows"}}
	if err := JudgeSignature(msi, platform.SignatureInfo{Trusted: true, Method: platform.MethodSystemFileIdentity}); err != nil {
		t.Errorf("the system's msiexec by its identity: %v", err)
	}
	if err := JudgeSignature(msi, platform.SignatureInfo{Method: platform.MethodSystemFileIdentity}); err == nil {
		t.Error("an msiexec whose identity did not check out was accepted")
	}
	// The system's msiexec through a catalog: the catalog pins O and C of
	// "Microsoft Windows" (a cited source shows them); Kaspersky's signers
	// are pinned on their CN only, as no source shows more.
	cat := mustCatalog(t)
	if len(cat.SignerSubjects("Kaspersky")) != 0 {
		t.Errorf("Kaspersky's O or C pinned without a source: %+v", cat.SignerSubjects("Kaspersky"))
	}
	msi.Signers, msi.Subjects = cat.Signers("Microsoft"), cat.SignerSubjects("Microsoft")
	windowsSig := platform.SignatureInfo{Present: true, Trusted: true, Method: platform.MethodCatalog, Signer: "Microsoft Windows",
		Organization: "Microsoft Corporation", Country: "US"}
	if err := JudgeSignature(msi, windowsSig); err != nil {
		t.Errorf("msiexec signed through a catalog by Microsoft Windows: %v", err)
	}
	for _, tt := range []struct {
		change func(*platform.SignatureInfo)
		want   string
	}{
		{func(s *platform.SignatureInfo) { s.Organization = "Microsoft Corporation Ltd" }, `with organization "Microsoft Corporation Ltd", not "Microsoft Corporation"`},
		{func(s *platform.SignatureInfo) { s.Organization = "" }, "with organization"},
		{func(s *platform.SignatureInfo) { s.Country = "RU" }, `with country "RU", not "US"`},
		{func(s *platform.SignatureInfo) { s.Country = "" }, "with country"},
	} {
		sig := windowsSig
		tt.change(&sig)
		if err := JudgeSignature(msi, sig); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%+v: %v, want %q", sig, err, tt.want)
		}
	}
	if err := JudgeSignature(Plan{Kind: KindPackages}, platform.SignatureInfo{}); err != nil {
		t.Errorf("packages are not signature-checked here: %v", err)
	}
}

func TestOutcomeOf(t *testing.T) {
	for code, want := range map[int]string{0: Done, 3010: RestartNeeded, 1641: RestartNeeded, 1602: Cancelled, 1223: Cancelled, 1603: Failed, -1: Failed} {
		if got := OutcomeOf(code); got != want {
			t.Errorf("OutcomeOf(%d) = %s, want %s", code, got, want)
		}
	}
}

func FuzzPlanWindows(f *testing.F) {
	f.Add(`"C:\Program Files (x86)\Kaspersky Lab\Kaspersky Password Manager 9.0\setup.exe" /x`, "")
	f.Add(`MsiExec.exe /X{8F4F3A1B-2C3D-4E5F-9A0B-1C2D3E4F5A6B}`, "")
	f.Add(`C:\Program Files\Kaspersky Lab\setup.exe /x`, `C:\Program Files\Kaspersky Lab`)
	f.Add(`"%ProgramFiles%\x.exe"`, "")
	cat := mustCatalog(f)
	f.Fuzz(func(t *testing.T, uninstall, location string) {
		p, err := PlanFor(cat, kaspersky(platform.Program{Where: `HKLM\X\k`, UninstallString: uninstall, InstallLocation: location}), winEnv)
		if err != nil {
			if !errors.Is(err, ErrRefused) {
				t.Fatalf("%q: error %v is not a refusal", uninstall, err)
			}
			return
		}
		// Whatever is accepted is an existing .exe in an allowed place.
		if !winEnv.Exists(p.Program) || !strings.HasSuffix(strings.ToLower(p.Program), ".exe") {
			t.Fatalf("%q: accepted %q", uninstall, p.Program)
		}
		if !under(p.Program, winEnv.ProgramFiles) && !under(p.Program, winEnv.ProgramFilesX86) && p.Program != winEnv.SystemMsiexec {
			t.Fatalf("%q: an elevated start outside Program Files: %q", uninstall, p.Program)
		}
		if p.Kind == KindMSI && (len(p.Args) != 2 || p.Args[0] != "/x") {
			t.Fatalf("%q: msiexec with %q", uninstall, p.Args)
		}
	})
}

// TestAChecksItCannotMakeRefuses: a computer that cannot make one of the
// checks a plan rests on (ErrCannotCheck: who may change a file, what
// Windows Installer knows, a Mac app's signature, what apt would remove)
// gets no plan; the start is never offered on a check that did not run.
func TestAChecksItCannotMakeRefuses(t *testing.T) {
	cat := mustCatalog(t)
	const hklm = `HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\`
	noAdmin := winEnv
	noAdmin.AdminOnlyFn = nil
	noMSI := winEnv
	noMSI.MSIProductFn = nil
	mac := detect.Finding{Name: "Kaspersky", Vendor: "Kaspersky", Role: "remove", Uninstall: []platform.Program{{Name: "Kaspersky", Source: platform.SourceApp, InstallLocation: "/Applications/Kaspersky.app"}}}
	macGlob := func(string) []string {
		return []string{"/Applications/Kaspersky.app/Contents/Resources/Kaspersky Uninstaller.app"}
	}
	for _, tc := range []struct {
		name string
		f    detect.Finding
		env  Env
		want string
	}{
		{"who may change the program", kaspersky(platform.Program{Where: hklm + `KTS`, UninstallString: `"C:\Program Files\Kaspersky Lab\setup.exe" /x`}), noAdmin, "cannot be checked here"},
		{"what Windows Installer knows", kaspersky(platform.Program{Where: hklm + `KTS`, UninstallString: `MsiExec.exe /X` + guid}), noMSI, "cannot be asked about"},
		{"a Mac app's signature", mac, Env{GOOS: "darwin", GlobFn: macGlob}, "cannot be checked here"},
		{"what apt would remove", detect.Finding{Name: "x", Role: "remove", Uninstall: []platform.Program{{Name: "kesl", Source: platform.SourceDpkg}}}, Env{GOOS: "linux"}, "cannot be checked here"},
	} {
		if _, err := PlanFor(cat, tc.f, tc.env); !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want a refusal saying %q", tc.name, err, tc.want)
		}
	}
}
