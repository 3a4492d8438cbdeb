package report

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"transitionhelper/app/detect"
	"transitionhelper/app/progress"
	"transitionhelper/app/region"
	"transitionhelper/platform"
)

var update = flag.Bool("update", false, "rewrite the golden files")

var at = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

func fixtureState() progress.State {
	kts := detect.Finding{
		ProductID: "kaspersky-total-security", Name: "Kaspersky Total Security", Version: "21.3.10.391", Role: "remove",
		Component: "antivirus", State: detect.StateRunning, UserData: []string{"passwords"}, PasswordProtected: true,
		Evidence: []detect.Evidence{
			{Kind: "process", Matched: "avp.exe", Where: "pid 1204", Signature: `^avp\.exe$`, Source: "winpeas", Confidence: "confirmed", State: "running"},
			{Kind: "program", Matched: "Kaspersky Total Security", Where: `HKCU\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\KTS`, Signature: "^Kaspersky Total Security( .*)?$", Source: "kaspersky-uninstall", Confidence: "confirmed", State: "installed"},
		},
		Uninstall: []platform.Program{{Name: "Kaspersky Total Security", Source: "uninstall", Where: `HKCU\...\KTS`,
			UninstallString: `"C:\Users\ann.smith\AppData\Local\Kaspersky\setup.exe" /x`, InstallLocation: `C:\Users\ann.smith\AppData\Local\Kaspersky`}},
	}
	kpm := detect.Finding{ProductID: "kaspersky-password-manager", Name: "Kaspersky Password Manager", Role: "remove", Component: "password-manager",
		State: detect.StateInstalled, UserData: []string{"passwords"},
		Evidence: []detect.Evidence{{Kind: "leftover", Matched: "/home/ann/.config/kpm", Where: "folder", State: "leftover"}}}
	def := detect.Finding{ProductID: "microsoft-defender", Name: "Microsoft Defender", Role: "protection", Component: "antivirus", State: detect.StateRunning,
		Evidence: []detect.Evidence{{Kind: "process", Matched: "MsMpEng.exe", Where: "pid 3120", State: "running"}}}
	s := progress.New(region.US).WithScan(progress.ScanRecord{
		At: at, Complete: true, OS: platform.OSInfo{Family: "windows", Name: "Windows 11 Home", Version: "23H2", Arch: "amd64"},
		Findings: []detect.Finding{kts, kpm, def},
	})
	s = s.At(progress.StepSave).WithTick(progress.SavePasswords, true).At(progress.StepRemove)
	return s.WithRemoval("kaspersky-password-manager", progress.RestartNeeded)
}

func input(full bool) Input {
	return Input{App: "transition-helper", Version: "0.1.0", GOOS: "windows", At: at, State: fixtureState(), Full: full,
		Redactor: Redactor{Names: []string{"ann.smith"}}}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./app/report -update to write it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from the golden file:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestReportGoldens(t *testing.T) {
	for _, format := range Formats {
		data, err := Render(format, input(false))
		if err != nil {
			t.Fatal(err)
		}
		golden(t, "report."+map[string]string{"text": "txt", "json": "json", "html": "html"}[format], data)
	}
	if _, err := Render("pdf", input(false)); err == nil || !strings.Contains(err.Error(), "unknown report format") {
		t.Errorf("pdf: %v", err)
	}
}

func TestReportContent(t *testing.T) {
	text := Text(input(false))
	code := Code(fixtureState(), "0.1.0", "windows")
	for _, w := range []string{"Status code: " + code, "at step 4: Remove Kaspersky", "password protection is on",
		"A restart is needed", "Passwords exported from Kaspersky Password Manager: done", "Kaspersky Password Manager: Restart needed",
		"process avp.exe (pid 1204)", "are hidden (<user>"} {
		if !strings.Contains(text, w) {
			t.Errorf("text report lacks %q:\n%s", w, text)
		}
	}
	if strings.Contains(text, "ann") {
		t.Errorf("the redacted report names the user:\n%s", text)
	}
	full, _ := JSON(input(true))
	if !strings.Contains(string(full), `ann.smith`) {
		t.Error("the full report lost the user's folder")
	}
	red, _ := JSON(input(false))
	if strings.Contains(string(red), "ann") {
		t.Errorf("the redacted JSON names the user: %s", red)
	}
	var back JSONReport
	if err := json.Unmarshal(red, &back); err != nil || back.Schema != Schema || back.Code != code || !back.Redacted || back.State.Step != progress.StepRemove {
		t.Errorf("JSON report %+v, %v", back, err)
	}
	html, _ := HTML(input(false))
	for _, bad := range []string{"http://", "https://", "<script", "<link", "src="} {
		if strings.Contains(string(html), bad) {
			t.Errorf("the HTML report has %q: it must need nothing from outside", bad)
		}
	}
}

func TestStatusOfMatchesTheState(t *testing.T) {
	st := StatusOf(fixtureState(), "0.1.0", "linux")
	want := FlagKasperskyRunning | FlagKasperskyInstalled | FlagPasswordManager | FlagPasswordProtected | FlagRestartPending | FlagActiveProtection
	if st.Flags != want || st.OS != OSWindows || !st.US || st.Step != 4 || st.Minor != 1 {
		t.Errorf("status %+v, flags %011b want %011b", st, st.Flags, want)
	}
	fresh := StatusOf(progress.New(region.Other), "dev", "darwin")
	if fresh.Flags != 0 || fresh.OS != OSMac || fresh.US || fresh.Step != 1 {
		t.Errorf("fresh %+v", fresh)
	}
}

func TestExplainNextSteps(t *testing.T) {
	tests := []struct {
		st   Status
		want string
	}{
		{Status{Step: 1, US: true}, "Scan this computer"},
		{Status{Step: 4, US: true, Flags: FlagKasperskyInstalled | FlagRestartPending}, "restart the computer"},
		{Status{Step: 2, US: true, Flags: FlagKasperskyInstalled | FlagPasswordManager}, "export the passwords first"},
		{Status{Step: 4, US: true, Flags: FlagKasperskyInstalled | FlagPasswordProtected}, "Kaspersky password ready"},
		{Status{Step: 4, US: true, Flags: FlagKasperskyInstalled}, "remove Kaspersky"},
		{Status{Step: 6, US: true}, "install new protection"},
		{Status{Step: 6, US: true, Flags: FlagActiveProtection | FlagTwoScanners}, "Keep one security program"},
		{Status{Step: 7, US: true, Flags: FlagActiveProtection}, "Nothing else is needed"},
		{Status{Step: 2, US: false, Flags: FlagKasperskyInstalled | FlagActiveProtection}, "Check the region in step 1"},
		{Status{Step: 2, US: false, Flags: FlagKasperskyInstalled}, "Check the region in step 1"},
	}
	for _, tt := range tests {
		_, next := Explain(tt.st, English, time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC))
		if !strings.Contains(next, tt.want) {
			t.Errorf("%+v: next %q, want %q", tt.st, next, tt.want)
		}
	}
}

func TestRedact(t *testing.T) {
	r := Redactor{Names: []string{"ann.smith", "jo", "Ann"}, Homes: []string{`\\fs01\redirect\ann.smith`, `/srv/people/anns`}}
	tests := map[string]string{
		`C:\Users\ann.smith\AppData\Local\x.exe`:                     `C:\Users\<user>\AppData\Local\x.exe`,
		`"c:\users\Bob\Desktop\setup.exe" /x`:                        `"c:\users\<user>\Desktop\setup.exe" /x`,
		`C:\Users\Public\Documents`:                                  `C:\Users\Public\Documents`,
		`C:\Documents and Settings\carl\Start Menu`:                  `C:\Documents and Settings\<user>\Start Menu`,
		`/home/ann/.config/kpm`:                                      `/home/<user>/.config/kpm`,
		`/Users/ann/Library/Application Support/Kaspersky Lab`:       `/Users/<user>/Library/Application Support/Kaspersky Lab`,
		`/Users/Shared/Kaspersky`:                                    `/Users/Shared/Kaspersky`,
		`HKU\S-1-5-21-1004336348-1177238915-682003330-1001\Software`: `HKU\<user>\Software`,
		`pid 1204`:        `pid 1204`,
		`owner=ANN.SMITH`: `owner=<user>`,
		`job done`:        `job done`, // "jo" is too short to hide as a word…
		`C:\Users\jo\x`:   `C:\Users\<user>\x`,
		`\\nas\home\jo\x`: `\\nas\home\<user>\x`, // …but not as a folder
		`E:\data\jo\file`: `E:\data\<user>\file`,
		// Profiles elsewhere: another drive, redirected to a server.
		`D:\Profiles\bob\AppData\Roaming\Kaspersky`: `D:\Profiles\<user>\AppData\Roaming\Kaspersky`,
		`\\fileserver\profiles$\bob.jones\Desktop`:  `\\fileserver\profiles$\<user>\Desktop`,
		`\\FS01\Users\carl\Documents`:               `\\FS01\Users\<user>\Documents`,
		`\\fs01\redirect\ann.smith\Documents`:       `\\fs01\redirect\<user>\Documents`,
		`/srv/people/anns/.config`:                  `/srv/people/<user>/.config`,
		// Account SIDs, e-mail addresses, full names.
		`owner S-1-5-21-1004336348-1177238915-682003330-1001`: `owner <sid>`,
		`well-known S-1-5-32-545 and S-1-5-18`:                `well-known S-1-5-32-545 and S-1-5-18`,
		`My Kaspersky account: ann.smith+kpm@example.com`:     `My Kaspersky account: <email>`,
		// Forward slashes and lower case, as programs and logs write them.
		`c:/users/annsmith/AppData/Local/Temp/x.log`: `c:/users/<user>/AppData/Local/Temp/x.log`,
		`C:/Users/Bob/Desktop`:                       `C:/Users/<user>/Desktop`,
		`d:/profiles/bob//x`:                         `d:/profiles/<user>//x`,
		`c:\\users\\carl\\x`:                         `c:\\users\\<user>\\x`,
		`//fs01/profiles$/bob.jones/Desktop`:         `//fs01/profiles$/<user>/Desktop`,
		`\\FS01/redirect/ANN.SMITH/Documents`:        `\\FS01/redirect/<user>/Documents`,
		`c:/documents and settings/carl/x`:           `c:/documents and settings/<user>/x`,
		`/SRV/people/Anns/.config`:                   `/SRV/people/<user>/.config`,
		`c:/users/public/x`:                          `c:/users/public/x`,
		`signed in as "Ann"`:                         `signed in as "<user>"`,
		`Ann Smith's notes`:                          `Ann Smith's notes`, // among words, not standing as a name
		`Announcement`:                               `Announcement`,
	}
	for in, want := range tests {
		if got := r.String(in); got != want {
			t.Errorf("redact(%q) = %q, want %q", in, got, want)
		}
	}
	orig := fixtureState()
	_ = r.State(orig)
	if !strings.Contains(orig.Scan.Findings[0].Uninstall[0].InstallLocation, "ann.smith") {
		t.Error("redacting changed the original state")
	}
	sc := detect.Finding{SecurityCenter: []platform.SecurityCenter{{DisplayName: "Kaspersky", InstanceGUID: "{9A8E3B52-71C6-4B1B-A0E6-1F0D4C7E2A11}"}}}
	if got := r.Findings([]detect.Finding{sc})[0].SecurityCenter[0].InstanceGUID; got != RedactedID {
		t.Errorf("Security Center's instance id kept: %q", got)
	}
}

// TestRedactKeepsWhatIsNotAName: users named like words the system and the
// products use keep those words in reports; their folders and accounts are
// still hidden. The inputs are the shapes real findings have.
func TestRedactKeepsWhatIsNotAName(t *testing.T) {
	kept := []string{
		`Kaspersky Anti-Virus Personal Root Certificate`,
		`Trusted Root Certification Authorities (LocalMachine\Root)`,
		`Cert:\LocalMachine\Root\3B4C5D`,
		`C:\Windows\System32\msiexec.exe`,
		`C:\Program Files (x86)\Kaspersky Lab\Kaspersky Total Security 21.3\avp.exe`,
		`HKLM\SOFTWARE\WOW6432Node\KasperskyLab\AVP21.3\environment`,
		`HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\{6A2B1C3D}`,
		`Windows Security Center: on, up to date`,
		`User Account Control`,
		`Owner's manual PC Health Check`,
		`/Users/Shared/Kaspersky`,
		`pid 1204, 1230`,
		`Apple Passwords, a password manager`,
	}
	hidden := map[string]string{
		`C:\Users\%s\AppData\Local\Temp\x.msi`:                `C:\Users\<user>\AppData\Local\Temp\x.msi`,
		`/Users/%s/Library/Application Support/Kaspersky Lab`: `/Users/<user>/Library/Application Support/Kaspersky Lab`,
		`c:/users/%s/Downloads/startup.exe`:                   `c:/users/<user>/Downloads/startup.exe`,
	}
	for _, name := range []string{"Root", "Owner", "User", "PC", "Kaspersky", "Windows", "A", "C", "ann"} {
		r := Redactor{Names: []string{name}}
		for _, in := range kept {
			if got := r.String(in); got != in {
				t.Errorf("user %q: %q became %q", name, in, got)
			}
		}
		for pattern, want := range hidden {
			in := fmt.Sprintf(pattern, name)
			if got := r.String(in); got != want {
				t.Errorf("user %q: %q became %q, want %q", name, in, got, want)
			}
		}
	}
	// A name that is no system word is hidden where it stands as a name.
	r := Redactor{Names: []string{"Owner", "PC", "A", "ann"}}
	for in, want := range map[string]string{
		`\\nas\backup\Owner\x`: `\\nas\backup\<user>\x`,
		`E:\data\PC\file`:      `E:\data\<user>\file`,
		`D:\A\x`:               `D:\<user>\x`,
		`account "ann"`:        `account "<user>"`,
		`ann@HOMEPC`:           `<user>@HOMEPC`,
		`Announcement; Annex`:  `Announcement; Annex`,
	} {
		if got := r.String(in); got != want {
			t.Errorf("%q became %q, want %q", in, got, want)
		}
	}
}

// FuzzRedact: whatever the text and the account name, redacting does not
// fail, and a profile folder, an account SID and an e-mail address built
// from the fuzzer's pieces never come out as they went in.
func FuzzRedact(f *testing.F) {
	f.Add(`C:\Users\ann.smith\x`, "ann.smith", uint32(1004336348), "kpm")
	f.Add(`\\srv\profiles$\jo\x S-1-5-21-1-2-3-1001 a@b.co`, "jo", uint32(7), "a.b")
	f.Add(`c:/users/annsmith/x c:/USERS/AnnSmith`, "annsmith", uint32(1001), "ann")
	f.Add(`//srv/home$/jo/x \\srv/home$\jo`, "jo", uint32(3), "jo")
	f.Fuzz(func(t *testing.T, s, name string, rid uint32, local string) {
		r := Redactor{Names: []string{name}, Homes: []string{name}}
		_ = r.String(s)
		if !regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{2,19}$`).MatchString(name) || strings.Contains(strings.ToLower(Redacted+RedactedSID+RedactedEmail), strings.ToLower(name)) {
			return
		}
		for _, in := range []string{`C:\Users\` + name + `\x`, `D:\Profiles\` + name, `\\srv\home$\` + name + `\Desktop`, "/home/" + name + "/.config",
			`c:/users/` + strings.ToLower(name) + `/x`, `E:/HOME/` + strings.ToUpper(name), `//srv/users/` + name + `/x`, `c:\\users\\` + name} {
			if out := r.String(s + " " + in); strings.Contains(out, in) {
				t.Errorf("%q kept %q: %q", name, in, out)
			}
		}
		sid := fmt.Sprintf("S-1-5-21-%d-%d-%d-%d", rid, rid/3, rid/7, 1000+rid%5000)
		if out := r.String("owner " + sid); strings.Contains(out, sid) {
			t.Errorf("SID kept: %q", out)
		}
		if regexp.MustCompile(`^[A-Za-z0-9._%+-]{1,30}$`).MatchString(local) {
			addr := local + "@" + strings.ToLower(strings.Trim(name, "._-")) + ".example"
			if out := r.String("mail " + addr); strings.Contains(out, addr) && strings.Contains(addr, "@.") == false && !strings.HasPrefix(strings.Split(addr, "@")[1], "-") {
				t.Errorf("e-mail kept: %q", out)
			}
		}
	})
}

// TestReportsDropControlCharacters: a name from the computer with escape
// sequences or a right-to-left override reaches no report that people read
// as it is (the JSON report keeps the exact value, escaped, for machines).
func TestReportsDropControlCharacters(t *testing.T) {
	in := input(true)
	f := &in.State.Scan.Findings[0]
	f.Version = "21.3\x1b[2J"
	f.Evidence = append(f.Evidence, detect.Evidence{Kind: "program", Matched: "Kaspersky \u202eexe.lave", Where: "HKLM\\x\r\nfake line"})
	for _, format := range []string{FormatText, FormatHTML} {
		data, err := Render(format, in)
		if err != nil {
			t.Fatal(err)
		}
		if strings.ContainsAny(string(data), "\x1b\u202e\r") || format == FormatText && strings.Contains(string(data), "\nfake line") {
			t.Errorf("%s report kept a control character: %q", format, data)
		}
	}
}

// TestRefusalText: a start refused for a setting of this account says what
// it is and how to remove it, with the setting's name cleaned; other errors
// get no such sentence.
func TestRefusalText(t *testing.T) {
	override := fmt.Errorf("refused: %w", &platform.UnsafeSettingError{Err: platform.ErrClassOverride,
		Settings: []string{"HKCU\\Software\\Classes\\exefile\\shell\u202e"}})
	got := RefusalText(override, English)
	if !strings.Contains(got, "Registry Editor") || !strings.Contains(got, `HKCU\Software\Classes\exefile\shell`) || strings.ContainsRune(got, '\u202e') {
		t.Errorf("class override: %q", got)
	}
	env := &platform.UnsafeSettingError{Err: platform.ErrUnsafeEnvironment, Settings: []string{`COR_PROFILER (HKCU\Environment)`}}
	if got := RefusalText(env, English); !strings.Contains(got, "environment variables for your account") || !strings.Contains(got, "COR_PROFILER") {
		t.Errorf("environment: %q", got)
	}
	if got := RefusalText(platform.ErrSwapped, English); got != "" {
		t.Errorf("another refusal: %q", got)
	}
	if got := RefusalText(nil, English); got != "" {
		t.Errorf("no error: %q", got)
	}
}

// TestWindows10Words: a Windows 10 past its free support is told the truth
// on each side of October 12, 2027, in the decoder (the reports say the
// same: they call it), and never to plan a new computer.
func TestWindows10Words(t *testing.T) {
	st := Status{OS: OSWindows, US: true, Step: 6, Flags: FlagActiveProtection | FlagOSUnsupported}
	for _, tt := range []struct {
		at         time.Time
		fact, next string
	}{
		{time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC), "security updates until October 12, 2027 only if it is signed up for Extended Security Updates", "\"Enroll now\" (free with Windows Backup)"},
		{time.Date(2027, 10, 11, 12, 0, 0, 0, time.UTC), "until October 12, 2027", "Enroll now"},
		{time.Date(2027, 10, 13, 12, 0, 0, 0, time.UTC), "Extended Security Updates ended on October 12, 2027", "suggest Windows 11"},
		// The decoding computer's clock set back: still a sentence, never an empty one.
		{time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC), "past the end of its free security updates", "suggest Windows 11"},
	} {
		facts, next := Explain(st, English, tt.at)
		all := strings.Join(facts, " ") + " " + next
		if !strings.Contains(all, tt.fact) || !strings.Contains(next, tt.next) {
			t.Errorf("%s: facts %q next %q; want %q and %q", tt.at.Format("2006-01-02"), facts, next, tt.fact, tt.next)
		}
		if strings.Contains(all, "new computer") || strings.Contains(all, "one extra year") || slices.Contains(facts, "") {
			t.Errorf("%s: %q", tt.at.Format("2006-01-02"), all)
		}
	}
}
