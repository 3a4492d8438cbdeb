package detect

import (
	"strings"
	"testing"

	"transitionhelper/platform"
)

// TestProtectionCountsOnlyAdminOnlyPrograms: on Windows a running process
// counts as protection only when the scan judged its program to be where
// only administrators can change it. Security Center, where it lists the
// product, still decides first.
func TestProtectionCountsOnlyAdminOnlyPrograms(t *testing.T) {
	cat := mustCatalog(t)
	defender := func(procs ...platform.Process) platform.Snapshot {
		return platform.Snapshot{OS: platform.OSInfo{Family: "windows"}, Processes: procs, ProcessImagesJudged: true}
	}
	const (
		system32 = `C:\Windows\System32\MsMpEng.exe`
		platf    = `C:\ProgramData\Microsoft\Windows Defender\Platform\4.18.24090.11-0\MsMpEng.exe`
		progFile = `C:\Program Files\Windows Defender\MsMpEng.exe`
		userDir  = `C:\Users\maria\Downloads\MsMpEng.exe`
		userWhy  = `its program C:\Users\maria\Downloads\MsMpEng.exe is where a standard user can change it (C:\Users\maria\Downloads: owned by S-1-5-21-1-2-3-1001)`
	)
	on := platform.DecodeProductState(397568)
	tests := []struct {
		name      string
		snap      platform.Snapshot
		protected bool
		why       string // in the evidence when it does not count
	}{
		{"from System32", defender(platform.Process{PID: 4, Name: "MsMpEng.exe", Image: system32, ImageAdminOnly: true}), true, ""},
		{"from Program Files", defender(platform.Process{PID: 4, Name: "MsMpEng.exe", Image: progFile, ImageAdminOnly: true}), true, ""},
		{"from Defender's platform folder", defender(platform.Process{PID: 4, Name: "MsMpEng.exe", Image: platf, ImageAdminOnly: true}), true, ""},
		{"from a user's folder", defender(platform.Process{PID: 4, Name: "MsMpEng.exe", Image: userDir, ImageWhy: userWhy}), false, userWhy},
		{"program not readable", defender(platform.Process{PID: 4, Name: "MsMpEng.exe", ImageWhy: "its program could not be read (opening process 4: Access is denied.)"}), false, "could not be read"},
		{"not judged though the scan judged programs", defender(platform.Process{PID: 4, Name: "MsMpEng.exe"}), false, "not judged"},
		{"a user's copy beside the real one", defender(
			platform.Process{PID: 4, Name: "MsMpEng.exe", Image: userDir, ImageWhy: userWhy},
			platform.Process{PID: 5, Name: "MsMpEng.exe", Image: system32, ImageAdminOnly: true}), true, userWhy},
		{"Security Center says on, the process is a user's", func() platform.Snapshot {
			s := defender(platform.Process{PID: 4, Name: "MsMpEng.exe", Image: userDir, ImageWhy: userWhy})
			s.SecurityCenter = []platform.SecurityCenter{{DisplayName: "Windows Defender", ProductState: 397568, State: on}}
			return s
		}(), true, userWhy},
		{"a snapshot that judged nothing (made by hand, or before)", platform.Snapshot{OS: platform.OSInfo{Family: "windows"},
			Processes: []platform.Process{{PID: 4, Name: "MsMpEng.exe"}}}, true, ""},
		{"a Bitdefender process from a user's folder", defender(platform.Process{PID: 6, Name: "vsserv.exe", Image: `C:\Users\maria\AppData\Local\Temp\vsserv.exe`, ImageWhy: "its program … is where a standard user can change it"}), false, "standard user"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := Match(cat, &tt.snap)
			if len(fs) != 1 {
				t.Fatalf("findings %s", brief(fs))
			}
			f := fs[0]
			if f.State != StateRunning {
				t.Errorf("state %s: a process that runs still runs, counted or not", f.State)
			}
			if got := ProtectionOf(fs, false).Protected; got != tt.protected || Protects(f) != tt.protected {
				t.Errorf("protected %v, want %v; evidence %v", got, tt.protected, f.Evidence)
			}
			var said []string
			for _, e := range f.Evidence {
				said = append(said, e.String())
				if e.NotProtection != "" && !strings.Contains(e.String(), "not counted as protection: "+e.NotProtection) {
					t.Errorf("the evidence line does not say why: %s", e)
				}
			}
			all := strings.Join(said, "\n")
			if tt.why != "" && !strings.Contains(all, tt.why) {
				t.Errorf("the evidence does not say %q:\n%s", tt.why, all)
			}
			if tt.why == "" && strings.Contains(all, "not counted") {
				t.Errorf("counted, but the evidence says otherwise:\n%s", all)
			}
			for _, p := range tt.snap.Processes {
				if p.Image != "" && !strings.Contains(all, p.Image) {
					t.Errorf("the evidence does not name the program %s:\n%s", p.Image, all)
				}
			}
		})
	}
}

// TestProtectionImagesNamesTheSignatures: the scan judges the programs of
// the processes a Windows antivirus signature names, and of no other.
func TestProtectionImagesNamesTheSignatures(t *testing.T) {
	judge := ProtectionImages(mustCatalog(t))
	for _, n := range []string{"MsMpEng.exe", "msmpeng.EXE", "avp.exe", "vsserv.exe"} {
		if !judge(n) {
			t.Errorf("%s is not judged", n)
		}
	}
	for _, n := range []string{"explorer.exe", "svchost.exe", "notepad.exe", "kavremover.exe", "MsMpEng.exe.bak", ""} {
		if judge(n) {
			t.Errorf("%s is judged: the scan would open every process", n)
		}
	}
}
