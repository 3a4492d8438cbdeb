package report

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"transitionhelper/app/detect"
	"transitionhelper/app/wizard"
	"transitionhelper/platform"
)

var update = flag.Bool("update", false, "rewrite the golden files")

var at = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

func fixtureState() wizard.State {
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
	s := wizard.New(wizard.RegionUS).WithScan(wizard.ScanRecord{
		At: at, Complete: true, OS: platform.OSInfo{Family: "windows", Name: "Windows 11 Home", Version: "23H2", Arch: "amd64"},
		Findings: []detect.Finding{kts, kpm, def},
	})
	s = s.Next().WithTick(wizard.SavePasswords, true).Next()
	return s.WithRemoval("kaspersky-password-manager", wizard.RestartNeeded)
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
		"process avp.exe (pid 1204)", "hidden as <user>"} {
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
	if err := json.Unmarshal(red, &back); err != nil || back.Schema != Schema || back.Code != code || !back.Redacted || back.State.Step != wizard.StepRemove {
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
	fresh := StatusOf(wizard.New(wizard.RegionOther), "dev", "darwin")
	if fresh.Flags != 0 || fresh.OS != OSMac || fresh.US || fresh.Step != 1 {
		t.Errorf("fresh %+v", fresh)
	}
}

func TestExplainNextSteps(t *testing.T) {
	tests := []struct {
		st   Status
		want string
	}{
		{Status{Step: 1, US: true}, "Check this computer"},
		{Status{Step: 4, US: true, Flags: FlagKasperskyInstalled | FlagRestartPending}, "restart the computer"},
		{Status{Step: 2, US: true, Flags: FlagKasperskyInstalled | FlagPasswordManager}, "export the passwords first"},
		{Status{Step: 4, US: true, Flags: FlagKasperskyInstalled | FlagPasswordProtected}, "Kaspersky password ready"},
		{Status{Step: 4, US: true, Flags: FlagKasperskyInstalled}, "remove Kaspersky"},
		{Status{Step: 6, US: true}, "install new protection"},
		{Status{Step: 6, US: true, Flags: FlagActiveProtection | FlagTwoScanners}, "Keep one security program"},
		{Status{Step: 7, US: true, Flags: FlagActiveProtection}, "Nothing else is needed"},
		{Status{Step: 2, US: false, Flags: FlagKasperskyInstalled | FlagActiveProtection}, "Nothing else is needed"},
	}
	for _, tt := range tests {
		_, next := Explain(tt.st, English)
		if !strings.Contains(next, tt.want) {
			t.Errorf("%+v: next %q, want %q", tt.st, next, tt.want)
		}
	}
}

func TestRedact(t *testing.T) {
	r := Redactor{Names: []string{"ann.smith", "jo"}}
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
		`owner ANN.SMITH`: `owner <user>`,
		`job done`:        `job done`, // "jo" is too short to hide
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
}
