package ui

// The computers the tests run on: snapshots of what a scan finds, and the
// fixed clock.

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"transitionhelper/platform"
)

// today is the fixed clock of these tests: 785 days after the cut-off.
var today = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

var (
	snapKaspersky = platform.Snapshot{
		OS:        platform.OSInfo{Family: "windows", Name: "Windows 11 Pro", Arch: "amd64"},
		Processes: []platform.Process{{PID: 10, Name: "avp.exe"}, {PID: 11, Name: "MsMpEng.exe"}},
		Programs: []platform.Program{
			{Name: "Kaspersky Total Security", Version: "21.3", Source: platform.SourceUninstall, Where: "k1"},
			{Name: "Kaspersky Password Manager", Source: platform.SourceUninstall, Where: "k2"},
		},
		VendorKeys: []platform.VendorKey{{Name: "AVP21.3", Where: "vk", PasswordProtected: true}},
	}
	snapNothing = platform.Snapshot{OS: platform.OSInfo{Family: "windows"}, Processes: []platform.Process{{PID: 11, Name: "MsMpEng.exe"}}}
	snapUltraAV = platform.Snapshot{
		OS:             platform.OSInfo{Family: "windows"},
		Programs:       []platform.Program{{Name: "UltraAV", Source: platform.SourceUninstall, Where: "k"}},
		SecurityCenter: []platform.SecurityCenter{{DisplayName: "UltraAV", ProductState: 397312, State: platform.DecodeProductState(397312)}},
	}
	snapTwo = platform.Snapshot{OS: platform.OSInfo{Family: "windows"}, Processes: []platform.Process{{PID: 11, Name: "MsMpEng.exe"}, {PID: 12, Name: "vsserv.exe"}}}
)

// The Windows 10 laptop of the journey: Kaspersky Total Security running
// and reporting itself on to Windows Security, its Password Manager and
// its VPN installed; Microsoft Defender's service runs but is switched off
// (passive) while Kaspersky is on, as Windows does.
const (
	tsUninstaller  = `C:\Program Files (x86)\Kaspersky Lab\Kaspersky Total Security 21.3\uninstall.exe`
	kpmUninstaller = `C:\Program Files (x86)\Kaspersky Lab\Kaspersky Password Manager 9.0\uninstall.exe`
	vpnUninstaller = `C:\Program Files (x86)\Kaspersky Lab\Kaspersky VPN 21.3\uninstall.exe`
)

func win10(ts, kpm, vpn, defenderOn bool) platform.Snapshot {
	sc := func(name string, state uint32) platform.SecurityCenter {
		return platform.SecurityCenter{DisplayName: name, ProductState: state, State: platform.DecodeProductState(state)}
	}
	s := platform.Snapshot{
		OS:        platform.OSInfo{Family: "windows", Name: "Windows 10 Home", Version: "10.0.19045", Arch: "amd64"},
		Processes: []platform.Process{{PID: 11, Name: "MsMpEng.exe"}},
	}
	def := sc("Windows Defender", 393472) // off, Microsoft
	if defenderOn {
		def = sc("Windows Defender", 397568)
	}
	s.SecurityCenter = append(s.SecurityCenter, def)
	prog := func(name, exe string) platform.Program {
		return platform.Program{Name: name, Version: "21.3", Source: platform.SourceUninstall, Where: `HKLM\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall\` + name,
			UninstallString: `"` + exe + `" /x`}
	}
	if ts {
		s.Processes = append(s.Processes, platform.Process{PID: 10, Name: "avp.exe"}, platform.Process{PID: 12, Name: "avpui.exe"})
		s.Programs = append(s.Programs, prog("Kaspersky Total Security", tsUninstaller))
		s.SecurityCenter = append(s.SecurityCenter, sc("Kaspersky Total Security", 397312))
	}
	if kpm {
		s.Programs = append(s.Programs, prog("Kaspersky Password Manager", kpmUninstaller))
	}
	if vpn {
		s.Programs = append(s.Programs, prog("Kaspersky VPN Secure Connection", vpnUninstaller))
	}
	return s
}

const fakeUninstaller = `C:\Program Files\Kaspersky Lab\Kaspersky Internet Security 21.3\uninstall.exe`

var snapRemovable = platform.Snapshot{
	OS:        platform.OSInfo{Family: "windows"},
	Processes: []platform.Process{{PID: 10, Name: "avp.exe"}, {PID: 11, Name: "MsMpEng.exe"}},
	Programs: []platform.Program{{Name: "Kaspersky Internet Security", Source: platform.SourceUninstall, Where: `HKLM\...\Uninstall\KIS`,
		UninstallString: `"` + fakeUninstaller + `" /x`}},
}

// The window each screen gets. On a 1024×600 screen the window is
// maximised below a 40 px taskbar and a 30 px title bar; on 1366×768 it
// opens at the app's own size (New).
var layoutSizes = []struct {
	name string
	size fyne.Size
}{
	{"1024x600", fyne.NewSize(1024, 530)},
	{"1366x768", fyne.NewSize(960, 580)},
}

// layoutFixtures are the computers the screens are drawn for: our Windows
// sample with Kaspersky, a Mac with Kaspersky (XProtect running), Linux
// with Kaspersky Endpoint Security, and a Windows PC with nothing found
// but Defender.
func layoutFixtures(t *testing.T) []struct {
	name string
	snap platform.Snapshot
} {
	data, err := os.ReadFile(filepath.Join("testdata", "windows-kaspersky.json"))
	if err != nil {
		t.Fatal(err)
	}
	var win platform.Snapshot
	if err := json.Unmarshal(data, &win); err != nil {
		t.Fatal(err)
	}
	mac := platform.Snapshot{
		OS:        platform.OSInfo{Family: "darwin", Name: "macOS 14.5", Arch: "arm64"},
		Processes: []platform.Process{{PID: 90, Name: "XProtect"}, {PID: 91, Name: "kav"}},
		Programs: []platform.Program{
			{Name: "Kaspersky Internet Security", Version: "21.0", Source: platform.SourceApp, Where: "/Applications/Kaspersky Internet Security.app"},
			{Name: "Kaspersky Password Manager", Version: "9.2", Source: platform.SourceApp, Where: "/Applications/Kaspersky Password Manager.app"},
		},
	}
	linux := platform.Snapshot{
		OS:        platform.OSInfo{Family: "linux", Name: "Ubuntu 24.04 LTS", Arch: "amd64"},
		Processes: []platform.Process{{PID: 700, Name: "kesl"}, {PID: 701, Name: "klnagent64"}},
		Programs:  []platform.Program{{Name: "kesl", Version: "12.1.0", Source: platform.SourceDpkg, Where: "dpkg"}},
	}
	return []struct {
		name string
		snap platform.Snapshot
	}{{"windows-kaspersky", win}, {"mac", mac}, {"linux", linux}, {"nothing", snapNothing}}
}
