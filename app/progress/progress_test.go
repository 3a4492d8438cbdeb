package progress

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"transitionhelper/app/detect"
	"transitionhelper/app/internal/testtmp"
	"transitionhelper/app/region"
	"transitionhelper/platform"
)

var (
	kis = detect.Finding{ProductID: "kaspersky-total-security", Name: "Kaspersky Total Security", Role: "remove", Component: "antivirus", State: detect.StateRunning, UserData: []string{"passwords", "parental-controls"}}
	kpm = detect.Finding{ProductID: "kaspersky-password-manager", Name: "Kaspersky Password Manager", Role: "remove", Component: "password-manager", State: detect.StateInstalled, UserData: []string{"passwords"}}
	vpn = detect.Finding{ProductID: "kaspersky-vpn", Name: "Kaspersky VPN Secure Connection", Role: "remove", Component: "vpn", State: detect.StateInstalled, UserData: []string{"vpn"}}
	lft = detect.Finding{ProductID: "kaspersky", Name: "Kaspersky security app", Role: "remove", Component: "antivirus", State: detect.StateLeftover}
	uav = detect.Finding{ProductID: "ultraav", Name: "UltraAV", Role: "replacement", Component: "antivirus", State: detect.StateRunning}
	def = detect.Finding{ProductID: "microsoft-defender", Name: "Microsoft Defender", Role: "protection", Component: "antivirus", State: detect.StateRunning}
)

func scanned(fs ...detect.Finding) ScanRecord {
	return ScanRecord{At: time.Unix(0, 0), Findings: fs, Complete: true}
}

func TestChecklist(t *testing.T) {
	tests := []struct {
		fs   []detect.Finding
		want string
	}{
		// Safe Kids' rules and the passwords live in their own apps: a suite
		// alone (whose licence includes them) has neither to lose.
		{[]detect.Finding{kis}, "licence quarantine"},
		{[]detect.Finding{kis, kpm}, "passwords licence quarantine"},
		{[]detect.Finding{vpn}, "licence vpn"},
		{[]detect.Finding{kpm, vpn}, "passwords licence vpn"},
		{[]detect.Finding{lft, def}, ""},
		{[]detect.Finding{uav}, ""},
	}
	for _, tt := range tests {
		got := strings.Join(New(region.US).WithScan(scanned(tt.fs...)).Checklist(), " ")
		if got != tt.want {
			t.Errorf("checklist %q, want %q", got, tt.want)
		}
	}
	s := New(region.US).WithScan(scanned(kis)).WithTick(SavePasswords, true)
	if !s.Ticks[SavePasswords] || s.WithTick(SavePasswords, false).Ticks[SavePasswords] || !s.Ticks[SavePasswords] {
		t.Error("ticks are not kept, or a tick changed an earlier state")
	}
}

func TestUnsaved(t *testing.T) {
	s := New(region.US).WithScan(scanned(kis, kpm, vpn))
	if got := strings.Join(s.Unsaved(kpm.ProductID), " "); got != "passwords" {
		t.Errorf("Password Manager: %q", got)
	}
	if got := strings.Join(s.Unsaved(kis.ProductID), " "); got != "quarantine" {
		t.Errorf("Total Security: %q", got)
	}
	if got := s.Unsaved(vpn.ProductID); len(got) != 0 {
		t.Errorf("VPN: %q (a subscription note holds nothing up)", got)
	}
	s = s.WithTick(SavePasswords, true)
	if got := s.Unsaved(kpm.ProductID); len(got) != 0 {
		t.Errorf("after the ticks: %q", got)
	}
	if got := s.Unsaved("microsoft-defender"); len(got) != 0 {
		t.Errorf("not Kaspersky: %q", got)
	}
}

func TestRemovalRowsAcrossRescans(t *testing.T) {
	s := New(region.US).WithScan(scanned(kis, vpn, def))
	rows := s.RemovalRows()
	if len(rows) != 2 || rows[0].State != ToRemove || rows[1].Finding.ProductID != "kaspersky-vpn" {
		t.Fatalf("rows %+v", rows)
	}
	s = s.WithRemoval(kis.ProductID, RestartNeeded)
	// After the restart the VPN is gone, Total Security still there.
	s = s.WithScan(scanned(kis, def))
	got := map[string]RemovalState{}
	for _, r := range s.RemovalRows() {
		got[r.Finding.ProductID] = r.State
	}
	if got[kis.ProductID] != RestartNeeded || got[vpn.ProductID] != Removed || len(got) != 2 {
		t.Errorf("after re-scan: %v", got)
	}
	s = s.WithScan(scanned(def))
	for _, r := range s.RemovalRows() {
		if r.State != Removed {
			t.Errorf("%s: %s after it was gone", r.Finding.ProductID, r.State)
		}
	}
	if n := len(s.RemovalRows()); n != 2 {
		t.Errorf("%d rows, want both products listed as removed", n)
	}
}

func TestStore(t *testing.T) {
	dir := testtmp.Dir(t)
	st := Store{Path: filepath.Join(dir, "sub", StateFile)}
	if _, err := st.Load(); !errors.Is(err, ErrNoState) {
		t.Fatalf("first load: %v", err)
	}
	want := New(region.Other).WithScan(scanned(kis, def)).At(StepSave).WithTick(SaveLicence, true)
	if err := st.Save(want); err != nil {
		t.Fatal(err)
	}
	got, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	if got.Step != want.Step || got.Region != region.Other || !got.Ticks[SaveLicence] || len(got.Scan.Findings) != 2 {
		t.Errorf("loaded %+v", got)
	}
	entries, _ := os.ReadDir(filepath.Dir(st.Path))
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	for name, data := range map[string]string{
		"not json":      "{",
		"empty":         "",
		"bad step":      `{"version":1,"step":9,"reached":9,"region":"US"}`,
		"wrong version": `{"version":99,"step":1,"reached":1,"region":"US"}`,
		"no region":     `{"version":1,"step":1,"reached":1}`,
	} {
		if err := os.WriteFile(st.Path, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := st.Load(); !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: %v, want ErrCorrupt", name, err)
		}
	}
	if err := st.Clear(); err != nil {
		t.Fatal(err)
	}
	if err := st.Clear(); err != nil {
		t.Errorf("clearing twice: %v", err)
	}
}

func FuzzStoreLoad(f *testing.F) {
	f.Add([]byte(`{"version":1,"step":2,"reached":3,"region":"US","ticks":{"licence":true}}`))
	f.Add([]byte(`{"version":1,"step":1,"reached":1,"region":"other","scan":{"findings":null}}`))
	dir := testtmp.Dir(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		st := Store{Path: filepath.Join(dir, StateFile)}
		if err := os.WriteFile(st.Path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		s, err := st.Load()
		if err != nil {
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("error %v is not ErrCorrupt", err)
			}
			return
		}
		// Whatever loads must be safe to drive.
		_ = s.At(StepDone).Checklist()
		_ = s.RemovalRows()
		_ = s.Latest().Summary()
		for _, id := range []string{"", "kaspersky-total-security"} {
			_ = s.Unsaved(id)
		}
	})
}

func TestActiveScanners(t *testing.T) {
	passiveDefender := def
	passiveDefender.SecurityCenter = []platform.SecurityCenter{{DisplayName: "Windows Defender", State: platform.DecodeProductState(393472)}}
	bit := detect.Finding{ProductID: "bitdefender", Name: "Bitdefender", Role: "protection", Component: "antivirus", State: detect.StateRunning}
	installed := bit
	installed.State = detect.StateInstalled
	tests := []struct {
		fs   []detect.Finding
		want string
	}{
		{[]detect.Finding{def}, "microsoft-defender"},
		{[]detect.Finding{passiveDefender, bit}, "bitdefender"},
		{[]detect.Finding{def, bit}, "microsoft-defender bitdefender"},
		{[]detect.Finding{kis, uav}, "ultraav"},
		{[]detect.Finding{installed, vpn}, ""},
	}
	for _, tt := range tests {
		rec := scanned(tt.fs...)
		var ids []string
		for _, f := range detect.ProtectionOf(rec.Findings, false).Active {
			ids = append(ids, f.ProductID)
		}
		if got := strings.Join(ids, " "); got != tt.want {
			t.Errorf("active %q, want %q", got, tt.want)
		}
	}
}

func TestDefaultNeeds(t *testing.T) {
	s := New(region.US).WithScan(ScanRecord{OS: platform.OSInfo{Family: "windows"}, Findings: []detect.Finding{kis, kpm, vpn, uav}})
	n := s.DefaultNeeds()
	if strings.Join(n.Devices, ",") != "windows" || n.Price != PriceAny || strings.Join(n.Features, ",") != "password-manager,vpn" {
		t.Errorf("needs %+v", n)
	}
	changed := s.WithNeeds(Needs{Devices: []string{"mac"}, Price: PriceFree})
	if changed.CurrentNeeds().Price != PriceFree || s.CurrentNeeds().Price != PriceAny {
		t.Error("answers not kept, or kept in the wrong state")
	}
}

func TestProtections(t *testing.T) {
	sc := func(name string, state uint32) platform.SecurityCenter {
		return platform.SecurityCenter{DisplayName: name, ProductState: state, State: platform.DecodeProductState(state)}
	}
	defOn := def
	defOn.SecurityCenter = []platform.SecurityCenter{sc("Windows Defender", 397568)}
	defOff := def
	defOff.State = detect.StateInstalled
	defOff.SecurityCenter = []platform.SecurityCenter{sc("Windows Defender", 393472)}
	bitOn := detect.Finding{ProductID: "bitdefender", Name: "Bitdefender", Role: "protection", Component: "antivirus", State: detect.StateRunning,
		SecurityCenter: []platform.SecurityCenter{sc("Bitdefender Antivirus", 397312)}}
	uavOn := uav
	uavOn.SecurityCenter = []platform.SecurityCenter{sc("UltraAV", 397312)}
	tests := []struct {
		name   string
		fs     []detect.Finding
		active string
		states string
	}{
		{"Defender on", []detect.Finding{defOn}, "microsoft-defender", "microsoft-defender:on"},
		{"Defender off and nothing else", []detect.Finding{defOff}, "", "microsoft-defender:off"},
		{"Defender and Bitdefender both on", []detect.Finding{defOn, bitOn}, "microsoft-defender bitdefender", "microsoft-defender:on bitdefender:on"},
		{"UltraAV on", []detect.Finding{uavOn, defOff}, "ultraav", "ultraav:on microsoft-defender:off"},
	}
	for _, tt := range tests {
		rec := scanned(tt.fs...)
		var active, states []string
		for _, f := range detect.ProtectionOf(rec.Findings, false).Active {
			active = append(active, f.ProductID)
		}
		for _, p := range Protections(&rec) {
			states = append(states, p.Finding.ProductID+":"+p.Protection)
		}
		if strings.Join(active, " ") != tt.active || strings.Join(states, " ") != tt.states {
			t.Errorf("%s: active %q states %q", tt.name, active, states)
		}
	}
}
