package ui

// Step 6 on the computers it must tell apart: what protects them now, and
// the warning when two scanners run at once.

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/progress"
	"transitionhelper/app/region"
	"transitionhelper/app/report"
	"transitionhelper/platform"
)

func TestTwoScannersWarn(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, "", region.US, snapTwo)
	h.check()
	h.next(progress.StepVerify)
	if h.u.Verify.Warning == nil || !strings.HasPrefix(h.u.Verify.Warning.Text, "Two or more security programs") {
		t.Errorf("no two-scanner warning: %v", h.u.Verify.Warning)
	}
}

func TestVerifyStepOnFixtures(t *testing.T) {
	sc := func(name string, state uint32) platform.SecurityCenter {
		return platform.SecurityCenter{DisplayName: name, ProductState: state, State: platform.DecodeProductState(state)}
	}
	tests := []struct {
		name    string
		snap    platform.Snapshot
		verdict string
		lines   []string
		warn    bool
	}{
		{"Defender on", platform.Snapshot{OS: platform.OSInfo{Family: "windows"}, Processes: []platform.Process{{PID: 1, Name: "MsMpEng.exe"}},
			SecurityCenter: []platform.SecurityCenter{sc("Windows Defender", 397568)}},
			"Protecting this computer now: Microsoft Defender", []string{"Microsoft Defender: switched on, virus definitions up to date (Windows Security)"}, false},
		{"Defender off and nothing else", platform.Snapshot{OS: platform.OSInfo{Family: "windows"}, Services: []platform.Service{{Name: "WinDefend", Kind: "service", State: "stopped"}},
			SecurityCenter: []platform.SecurityCenter{sc("Windows Defender", 393472)}},
			"No security software is protecting this computer.", []string{"Microsoft Defender: switched off", "open Windows Security"}, false},
		{"Defender and Bitdefender both on", platform.Snapshot{OS: platform.OSInfo{Family: "windows"}, Processes: []platform.Process{{PID: 1, Name: "MsMpEng.exe"}, {PID: 2, Name: "vsserv.exe"}},
			SecurityCenter: []platform.SecurityCenter{sc("Windows Defender", 397568), sc("Bitdefender Antivirus", 397312)}},
			"Protecting this computer now: Microsoft Defender, Bitdefender", []string{"Bitdefender: switched on"}, true},
		{"UltraAV on", platform.Snapshot{OS: platform.OSInfo{Family: "windows"}, Programs: []platform.Program{{Name: "UltraAV", Source: "uninstall", Where: "k"}},
			SecurityCenter: []platform.SecurityCenter{sc("UltraAV", 397312), sc("Windows Defender", 393472)}},
			"Protecting this computer now: UltraAV", []string{"UltraAV: switched on", "Microsoft Defender: switched off"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			test.NewTempApp(t)
			h := newHarness(t, "", region.US, tt.snap)
			h.u.OpenStep(progress.StepVerify, h.u.svc.Analyze(&tt.snap), region.US)
			if h.u.Verify.Verdict == nil || h.u.Verify.Verdict.Text != tt.verdict {
				t.Errorf("verdict %v, want %q", h.u.Verify.Verdict, tt.verdict)
			}
			all := labelsText(h.u.body.Content)
			for _, l := range tt.lines {
				if !strings.Contains(all, l) {
					t.Errorf("step 6 lacks %q:\n%s", l, all)
				}
			}
			if (h.u.Verify.Warning != nil) != tt.warn {
				t.Errorf("two-scanner warning %v, want %v", h.u.Verify.Warning != nil, tt.warn)
			}
		})
	}
}

// TestMacProtection: a Mac with nothing but its own protection is not told
// that nothing protects it; a Mac whose third-party product runs shows it
// as running, next to macOS's own protection, with no two-at-once warning.
func TestMacProtection(t *testing.T) {
	xprotect := platform.Program{Name: "XProtect", Version: "5285", Source: platform.SourceSystem, Where: platform.XProtectBundle}
	macOnly := platform.Snapshot{OS: platform.OSInfo{Family: "darwin", Name: "macOS", Version: "15.1"}, Programs: []platform.Program{xprotect},
		Processes: []platform.Process{{PID: 1, Name: "launchd"}, {PID: 90, Name: "XprotectService"}}}
	withMB := macOnly
	withMB.Programs = append([]platform.Program{{Name: "Malwarebytes", Source: platform.SourceApp, Where: "/Applications/Malwarebytes.app",
		BundleID: "com.malwarebytes.mbam.frontend.application", Executable: "Malwarebytes"}}, xprotect)
	withMB.Processes = append(slices.Clone(macOnly.Processes), platform.Process{PID: 400, Name: "Malwarebytes"})
	for _, tt := range []struct {
		name    string
		snap    platform.Snapshot
		verdict string
		line    string
	}{
		{"macOS's own protection only", macOnly, "Protecting this computer now: macOS built-in protection (XProtect)",
			"macOS built-in protection (XProtect): part of the system and always on (signatures version 5285)"},
		{"Malwarebytes running", withMB, "Protecting this computer now: macOS built-in protection (XProtect), Malwarebytes", "Malwarebytes: running"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			test.NewTempApp(t)
			h := newHarness(t, "", region.US, tt.snap)
			h.u.OpenStep(progress.StepVerify, h.u.svc.Analyze(&tt.snap), region.US)
			if h.u.Verify.Verdict == nil || h.u.Verify.Verdict.Text != tt.verdict || h.u.Verify.Verdict.Importance == widget.DangerImportance {
				t.Errorf("verdict %v, want %q", h.u.Verify.Verdict, tt.verdict)
			}
			if h.u.Verify.Warning != nil {
				t.Errorf("a two-at-once warning beside macOS's own protection: %q", h.u.Verify.Warning.Text)
			}
			if !strings.Contains(labelsText(h.u.win.Content()), tt.line) {
				t.Errorf("no line %q", tt.line)
			}
			if code, _ := report.Decode(h.u.statusCode()); !code.Has(report.FlagActiveProtection) {
				t.Error("the status code says nothing protects this Mac")
			}
		})
	}
}
