package detect

import (
	"slices"
	"strings"
	"testing"

	"transitionhelper/app/catalog"
	"transitionhelper/platform"
)

func mustCatalog(t testing.TB) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// brief renders findings as "id:state" for compact comparisons.
func brief(fs []Finding) string {
	var parts []string
	for _, f := range fs {
		parts = append(parts, f.ProductID+":"+f.State)
	}
	return strings.Join(parts, " ")
}

func TestMatch(t *testing.T) {
	cat := mustCatalog(t)
	tests := []struct {
		name string
		snap platform.Snapshot
		want string
	}{
		{
			name: "nothing",
			snap: platform.Snapshot{OS: platform.OSInfo{Family: "windows"}, Processes: []platform.Process{{PID: 4, Name: "System"}, {PID: 9, Name: "explorer.exe"}}},
			want: "",
		},
		{
			name: "windows edition running: one finding with process, service, program and registry evidence",
			snap: platform.Snapshot{
				OS:         platform.OSInfo{Family: "windows"},
				Processes:  []platform.Process{{PID: 100, Name: "AVP.EXE"}, {PID: 101, Name: "avpui.exe"}, {PID: 102, Name: "avpui.exe"}},
				Services:   []platform.Service{{Name: "AVP21.3", Kind: platform.ServiceWindows, State: platform.StateRunning}, {Name: "klif", Kind: platform.ServiceDriver, State: platform.StateRunning}},
				Programs:   []platform.Program{{Name: "Kaspersky Internet Security", Version: "21.3.10.391", Source: platform.SourceUninstall, Where: `HKLM\...\Uninstall\{GUID}`, UninstallString: `MsiExec.exe /X{GUID}`}},
				VendorKeys: []platform.VendorKey{{Name: "AVP21.3", Where: `HKLM\SOFTWARE\WOW6432Node\KasperskyLab\AVP21.3`, ProductName: "Kaspersky Internet Security", PasswordProtected: true}},
			},
			want: "kaspersky-internet-security:running",
		},
		{
			name: "core alone when no edition is named",
			snap: platform.Snapshot{OS: platform.OSInfo{Family: "windows"}, Services: []platform.Service{{Name: "AVP21.3", Kind: platform.ServiceWindows, State: platform.StateStopped}}},
			want: "kaspersky:installed",
		},
		{
			name: "anchored: kavremover is not kav, xavp is not avp",
			snap: platform.Snapshot{OS: platform.OSInfo{Family: "windows"}, Processes: []platform.Process{{PID: 1, Name: "kavremover.exe"}, {PID: 2, Name: "xavp.exe"}, {PID: 3, Name: "avp.exe.bak"}}},
			want: "",
		},
		{
			name: "leftover only",
			snap: platform.Snapshot{OS: platform.OSInfo{Family: "windows"}, Paths: []platform.PathFact{{Template: `{ProgramData}\Kaspersky Lab`, Path: `C:\ProgramData\Kaspersky Lab`, Exists: true}, {Template: `{ProgramFiles}\Kaspersky Lab`, Path: `C:\Program Files\Kaspersky Lab`}}},
			want: "kaspersky:leftover",
		},
		{
			name: "UltraAV, Defender passive, Kaspersky VPN, unknown AV in Security Center; order is remove, replacement, protection",
			snap: platform.Snapshot{
				OS:        platform.OSInfo{Family: "windows"},
				Processes: []platform.Process{{PID: 5, Name: "MsMpEng.exe"}},
				Programs: []platform.Program{
					{Name: "UltraAV", Source: platform.SourceUninstall, Where: "k1"},
					{Name: "Kaspersky VPN Secure Connection", Source: platform.SourceUninstall, Where: "k2"},
				},
				SecurityCenter: []platform.SecurityCenter{
					{DisplayName: "UltraAV", ProductState: 397312, State: platform.DecodeProductState(397312)},
					{DisplayName: "Windows Defender", ProductState: 393472, State: platform.DecodeProductState(393472)},
					{DisplayName: "Contoso AV", ProductState: 397312, State: platform.DecodeProductState(397312)},
				},
			},
			want: "kaspersky-vpn:installed ultraav:running microsoft-defender:running security-center-2:running",
		},
		{
			name: "linux: kesl running, klnagent64 installed by dpkg, unit stopped",
			snap: platform.Snapshot{
				OS:        platform.OSInfo{Family: "linux"},
				Processes: []platform.Process{{PID: 7, Name: "kesl"}, {PID: 8, Name: "KESL"}},
				Programs:  []platform.Program{{Name: "klnagent64", Version: "14.2", Source: platform.SourceDpkg}, {Name: "kesl", Version: "12.1.0", Source: platform.SourceDpkg}, {Name: "kavremover", Source: platform.SourceDpkg}},
				Services:  []platform.Service{{Name: "klnagent64", Kind: platform.ServiceSystemd, State: platform.StateStopped}},
			},
			want: "kaspersky-network-agent:installed kaspersky-endpoint-linux:running",
		},
		{
			name: "linux is case-sensitive, and a program name is not a package",
			snap: platform.Snapshot{OS: platform.OSInfo{Family: "linux"}, Processes: []platform.Process{{PID: 8, Name: "KESL"}}, Programs: []platform.Program{{Name: "kesl", Source: platform.SourceApp}}},
			want: "",
		},
		{
			name: "macOS app by bundle id and launchd label",
			snap: platform.Snapshot{
				OS:       platform.OSInfo{Family: "darwin"},
				Programs: []platform.Program{{Name: "Kaspersky Internet Security", BundleID: "com.kaspersky.kav", Version: "21.0", Source: platform.SourceApp, Where: "/Applications/Kaspersky Internet Security.app"}},
				Services: []platform.Service{{Name: "com.kaspersky.kav", Kind: platform.ServiceLaunchd, State: platform.StateUnknown}},
			},
			want: "kaspersky-internet-security:installed",
		},
		{
			name: "a denied process is never matched by name",
			snap: platform.Snapshot{OS: platform.OSInfo{Family: "linux"}, Processes: []platform.Process{{PID: 9, Denied: true}}},
			want: "",
		},
		{
			name: "signatures of another OS do not apply",
			snap: platform.Snapshot{OS: platform.OSInfo{Family: "linux"}, Processes: []platform.Process{{PID: 1, Name: "avp.exe"}}},
			want: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Match(cat, &tt.snap)
			if b := brief(got); b != tt.want {
				t.Fatalf("got  %q\nwant %q", b, tt.want)
			}
		})
	}
}

func TestMatchEvidenceAndDetails(t *testing.T) {
	cat := mustCatalog(t)
	snap := platform.Snapshot{
		OS:         platform.OSInfo{Family: "windows"},
		Processes:  []platform.Process{{PID: 100, Name: "avp.exe"}, {PID: 101, Name: "avpui.exe"}, {PID: 102, Name: "avpui.exe"}},
		Services:   []platform.Service{{Name: "AVP21.3", Kind: platform.ServiceWindows, State: platform.StateRunning}},
		Programs:   []platform.Program{{Name: "Kaspersky Total Security", Source: platform.SourceUninstall, Where: "key1", UninstallString: `"C:\Program Files (x86)\Kaspersky Lab\setup.exe" /x`}},
		VendorKeys: []platform.VendorKey{{Name: "AVP21.3", Where: "vk", PasswordProtected: true, Version: "21.3.10.391"}},
	}
	fs := Match(cat, &snap)
	if len(fs) != 1 {
		t.Fatalf("want one finding, got %s", brief(fs))
	}
	f := fs[0]
	if f.Name != "Kaspersky Total Security" || f.Role != catalog.RoleRemove || !f.PasswordProtected {
		t.Errorf("finding = %+v", f)
	}
	if f.Version != "21.3" && f.Version != "21.3.10.391" {
		t.Errorf("version = %q", f.Version)
	}
	kinds := map[string]int{}
	for _, e := range f.Evidence {
		kinds[e.Kind]++
		if e.Source == "" || e.Confidence == "" || e.Signature == "" {
			t.Errorf("evidence without its signature, source or confidence: %+v", e)
		}
	}
	// avp.exe, avpui.exe (two pids, one evidence), service, program, registry.
	if kinds["process"] != 2 || kinds["service"] != 1 || kinds["program"] != 1 || kinds["registry"] != 1 {
		t.Errorf("evidence kinds = %v", kinds)
	}
	if len(f.Uninstall) != 1 || f.Uninstall[0].Where != "key1" {
		t.Errorf("uninstall entries = %+v", f.Uninstall)
	}
	for _, e := range f.Evidence {
		if e.Matched == "avpui.exe" && e.Where != "pid 101, 102" {
			t.Errorf("avpui evidence where = %q", e.Where)
		}
	}
	s := Summarize(fs)
	if !s.KasperskyActive || s.KasperskyLeftovers || !s.PasswordProtected || len(s.UserData) != 2 {
		t.Errorf("summary = %+v", s)
	}
}

func TestSummarize(t *testing.T) {
	s := Summarize([]Finding{{Role: catalog.RoleRemove, State: StateLeftover}, {Role: catalog.RoleProtection, Component: catalog.ComponentAntivirus, State: StateRunning, Name: "Microsoft Defender"}, {Role: catalog.RoleProtection, Component: catalog.ComponentAntivirus, State: StateInstalled, Name: "Norton"}})
	if s.KasperskyActive || !s.KasperskyLeftovers || len(s.Protection) != 1 || s.Protection[0] != "Microsoft Defender" {
		t.Errorf("summary = %+v", s)
	}
}

func TestKasperskyInSecurityCenterIsKaspersky(t *testing.T) {
	snap := platform.Snapshot{
		OS:             platform.OSInfo{Family: "windows"},
		Programs:       []platform.Program{{Name: "Kaspersky Total Security", Source: platform.SourceUninstall, Where: "k"}},
		SecurityCenter: []platform.SecurityCenter{{DisplayName: "Kaspersky Total Security", ProductState: 266240, State: platform.DecodeProductState(266240)}},
	}
	if got := brief(Match(mustCatalog(t), &snap)); got != "kaspersky-total-security:running" {
		t.Errorf("got %q: Kaspersky's own Security Center entry must not count as other protection", got)
	}
}

// TestProtectionOf: the one verdict. Security Center decides for what it
// lists; processes decide for what it does not; Kaspersky counts only where
// it may still get updates.
func TestProtectionOf(t *testing.T) {
	sc := func(state uint32) []platform.SecurityCenter {
		return []platform.SecurityCenter{{DisplayName: "x", ProductState: state, State: platform.DecodeProductState(state)}}
	}
	av := func(id, role, state string, s []platform.SecurityCenter) Finding {
		return Finding{ProductID: id, Name: id, Role: role, Component: catalog.ComponentAntivirus, State: state, SecurityCenter: s}
	}
	defRunningOff := av("defender", catalog.RoleProtection, StateRunning, sc(393472))
	defOn := av("defender", catalog.RoleProtection, StateRunning, sc(397568))
	bitRunning := av("bitdefender", catalog.RoleProtection, StateRunning, nil)
	bitInstalled := av("bitdefender", catalog.RoleProtection, StateInstalled, nil)
	kavOn := av("kaspersky", catalog.RoleRemove, StateRunning, sc(397312))
	kavOff := av("kaspersky", catalog.RoleRemove, StateRunning, sc(393216))
	xprotect := Finding{ProductID: "xprotect", Name: "xprotect", Role: catalog.RoleProtection, Component: catalog.ComponentAntivirus, State: StateInstalled, AlwaysOn: true}
	vpn := Finding{ProductID: "vpn", Role: catalog.RoleProtection, Component: catalog.ComponentVPN, State: StateRunning}
	tests := []struct {
		name              string
		fs                []Finding
		updates           bool
		active, kaspersky string
		protected, only   bool
	}{
		{"engine runs, Security Center says off", []Finding{defRunningOff}, false, "", "", false, false},
		{"Security Center says on", []Finding{defOn}, false, "defender", "", true, false},
		{"not listed, running", []Finding{bitRunning}, false, "bitdefender", "", true, false},
		{"not listed, installed only", []Finding{bitInstalled}, false, "", "", false, false},
		{"always on", []Finding{xprotect}, false, "xprotect", "", true, false},
		{"a VPN protects nothing", []Finding{vpn}, false, "", "", false, false},
		{"only Kaspersky, U.S.", []Finding{kavOn, defRunningOff}, false, "", "kaspersky", false, true},
		{"only Kaspersky, elsewhere", []Finding{kavOn, defRunningOff}, true, "", "kaspersky", true, false},
		{"Kaspersky switched off", []Finding{kavOff}, true, "", "", false, false},
		{"Kaspersky and Defender on", []Finding{kavOn, defOn}, false, "defender", "kaspersky", true, false},
	}
	ids := func(fs []Finding) string {
		var out []string
		for _, f := range fs {
			out = append(out, f.ProductID)
		}
		return strings.Join(out, " ")
	}
	for _, tt := range tests {
		p := ProtectionOf(tt.fs, tt.updates)
		if ids(p.Active) != tt.active || ids(p.Kaspersky) != tt.kaspersky || p.Protected != tt.protected || p.OnlyKaspersky != tt.only {
			t.Errorf("%s: active %q kaspersky %q protected %v only %v", tt.name, ids(p.Active), ids(p.Kaspersky), p.Protected, p.OnlyKaspersky)
		}
		if s := Summarize(tt.fs); strings.Join(s.Protection, " ") != tt.active {
			t.Errorf("%s: Summarize's Protection %q, the verdict's %q", tt.name, s.Protection, tt.active)
		}
	}
}

// TestWindowProgramsDoNotProtect: a product's window or tray program
// (bdagent.exe, egui.exe, AvastUI.exe) runs whenever any user starts it:
// alone it shows the product is there, never that it protects; its engine
// (vsserv.exe, ekrn.exe, AvastSvc.exe) does, where Security Center says
// nothing.
func TestWindowProgramsDoNotProtect(t *testing.T) {
	cat, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	win := platform.OSInfo{Family: "windows", Name: "Windows Server 2022"}
	for _, tt := range []struct {
		procs     []string
		product   string
		protected bool
	}{
		{[]string{"bdagent.exe"}, "bitdefender", false},
		{[]string{"bdagent.exe", "vsserv.exe"}, "bitdefender", true},
		{[]string{"egui.exe"}, "eset", false},
		{[]string{"ekrn.exe", "egui.exe"}, "eset", true},
		{[]string{"AvastUI.exe"}, "avast", false},
		{[]string{"AvastSvc.exe"}, "avast", true},
		{[]string{"mbam.exe", "mbamtray.exe"}, "malwarebytes", false},
	} {
		snap := platform.Snapshot{OS: win}
		for i, n := range tt.procs {
			snap.Processes = append(snap.Processes, platform.Process{PID: int32(100 + i), Name: n})
		}
		fs := Match(cat, &snap)
		i := slices.IndexFunc(fs, func(f Finding) bool { return f.ProductID == tt.product })
		if i < 0 || fs[i].State != StateRunning {
			t.Errorf("%v: %s not found running: %s", tt.procs, tt.product, brief(fs))
			continue
		}
		if got := ProtectionOf(fs, false).Protected; got != tt.protected {
			t.Errorf("%v: protected %v, want %v", tt.procs, got, tt.protected)
		}
	}
}
