package wizard

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"transitionhelper/app/catalog"
	"transitionhelper/app/detect"
	"transitionhelper/app/internal/testtmp"
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

func TestNextStep(t *testing.T) {
	tests := []struct {
		name  string
		state State
		want  Step
	}{
		{"step 1 without a scan stays", New(RegionUS), StepCheck},
		{"a scan moves to step 2", New(RegionUS).WithScan(scanned(kis)), StepFound},
		{"found Kaspersky: save", New(RegionUS).WithScan(scanned(kis)).Next(), StepSave},
		{"save → remove", New(RegionUS).WithScan(scanned(kis)).Next().Next(), StepRemove},
		{"remove → choose", New(RegionUS).WithScan(scanned(kis)).Next().Next().Next(), StepChoose},
		{"choose → verify", New(RegionUS).WithScan(scanned(kis)).Next().Next().Next().Next(), StepVerify},
		{"verify → done", New(RegionUS).WithScan(scanned(kis)).Next().Next().Next().Next().Next(), StepDone},
		{"done stays", New(RegionUS).WithScan(scanned(kis)).Next().Next().Next().Next().Next().Next(), StepDone},
		{"nothing found: step 2 goes on to step 6", New(RegionUS).WithScan(scanned(def)).Next(), StepVerify},
		{"only leftovers: step 6", New(RegionUS).WithScan(scanned(lft, def)).Next(), StepVerify},
		{"UltraAV only: choose", New(RegionUS).WithScan(scanned(uav)).Next(), StepChoose},
		{"outside the U.S. the steps are the same", New(RegionOther).WithScan(scanned(kis)).Next(), StepSave},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.state.Step; got != tt.want {
				// the table gives the state after its moves: its Step is the answer
				t.Errorf("step %d, want %d", got, tt.want)
			}
			if tt.state.Reached < tt.state.Step {
				t.Errorf("reached %d behind step %d", tt.state.Reached, tt.state.Step)
			}
		})
	}
}

func TestBackGoAndApplies(t *testing.T) {
	s := New(RegionUS).WithScan(scanned(kis)).Next().Next() // at step 4
	if s.Step != StepRemove || s.Reached != StepRemove {
		t.Fatalf("at %d reached %d", s.Step, s.Reached)
	}
	if b := s.Back(); b.Step != StepSave || b.Reached != StepRemove {
		t.Errorf("back: %d reached %d", b.Step, b.Reached)
	}
	if g := s.Go(StepCheck); g.Step != StepCheck || !g.CanGo(StepRemove) {
		t.Errorf("go to 1: %+v", g)
	}
	// The list on the left opens any step; the step says in place what it needs.
	if g := s.Go(StepVerify); g.Step != StepVerify || g.Reached != StepVerify {
		t.Errorf("go to 6: %+v", g)
	}
	if g := New(RegionUS).Go(StepRemove); g.Step != StepRemove || g.Applies(StepRemove) != ReasonNotChecked || !g.Valid() {
		t.Errorf("go to 4 before a scan: %+v", g)
	}
	if g := s.Go(8); g.Step != StepRemove {
		t.Error("went to a step that does not exist")
	}
	if New(RegionUS).Back().Step != StepCheck {
		t.Error("back from step 1")
	}
	if r := New(RegionUS).Applies(StepFound); r != ReasonNotChecked {
		t.Errorf("step 2 before a scan: %q", r)
	}
	nothing := New(RegionUS).WithScan(scanned(def))
	for _, st := range []Step{StepSave, StepRemove} {
		if r := nothing.Applies(st); r != ReasonNoKaspersky {
			t.Errorf("step %d with no Kaspersky: %q", st, r)
		}
	}
	for _, st := range Steps {
		if r := s.Applies(st); r != ReasonNone {
			t.Errorf("step %d with Kaspersky: %q", st, r)
		}
	}
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
		got := strings.Join(New(RegionUS).WithScan(scanned(tt.fs...)).Checklist(), " ")
		if got != tt.want {
			t.Errorf("checklist %q, want %q", got, tt.want)
		}
	}
	s := New(RegionUS).WithScan(scanned(kis)).WithTick(SavePasswords, true)
	if !s.Ticks[SavePasswords] || s.WithTick(SavePasswords, false).Ticks[SavePasswords] || !s.Ticks[SavePasswords] {
		t.Error("ticks are not kept, or a tick changed an earlier state")
	}
}

func TestUnsaved(t *testing.T) {
	s := New(RegionUS).WithScan(scanned(kis, kpm, vpn))
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

func TestStanding(t *testing.T) {
	sc := func(state uint32) []platform.SecurityCenter {
		return []platform.SecurityCenter{{ProductState: state, State: platform.DecodeProductState(state)}}
	}
	kisOn := kis
	kisOn.SecurityCenter = sc(397312)
	defOff := def
	defOff.SecurityCenter = sc(393472)
	defOn := def
	defOn.SecurityCenter = sc(397568)
	tests := []struct {
		name          string
		s             State
		next          Step
		protected     bool
		onlyKaspersky bool
	}{
		{"no scan", New(RegionUS), StepCheck, false, false},
		{"Kaspersky on, Defender off, passwords not saved", New(RegionUS).WithScan(scanned(kisOn, kpm, defOff)), StepSave, false, true},
		{"Kaspersky on, passwords saved", New(RegionUS).WithScan(scanned(kisOn, kpm, defOff)).WithTick(SavePasswords, true), StepRemove, false, true},
		{"restart pending", New(RegionUS).WithScan(scanned(kisOn, defOff)).WithRemoval(kis.ProductID, RestartNeeded), StepRemove, false, true},
		{"Kaspersky gone, Defender still off", New(RegionUS).WithScan(scanned(kisOn, defOff)).WithVerify(scanned(defOff)), StepVerify, false, false},
		{"Kaspersky gone, Defender on", New(RegionUS).WithScan(scanned(kisOn, defOff)).WithVerify(scanned(defOn)), StepDone, true, false},
		{"outside the U.S. Kaspersky may still get updates", New(RegionOther).WithScan(scanned(kisOn, defOff)), StepDone, true, false},
	}
	for _, tt := range tests {
		st := tt.s.Standing()
		if st.Next != tt.next || st.Protected != tt.protected || st.OnlyKaspersky != tt.onlyKaspersky || st.Finished() != (tt.next == StepDone) {
			t.Errorf("%s: %+v", tt.name, st)
		}
	}
}

func TestRemovalRowsAcrossRescans(t *testing.T) {
	s := New(RegionUS).WithScan(scanned(kis, vpn, def))
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
	want := New(RegionOther).WithScan(scanned(kis, def)).Next().WithTick(SaveLicence, true)
	if err := st.Save(want); err != nil {
		t.Fatal(err)
	}
	got, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	if got.Step != want.Step || got.Region != RegionOther || !got.Ticks[SaveLicence] || len(got.Scan.Findings) != 2 {
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
		_ = s.Next().Back().Go(StepDone).Checklist()
		_ = s.RemovalRows()
		for _, st := range Steps {
			_ = s.Applies(st)
		}
	})
}

func TestGuessRegion(t *testing.T) {
	tests := []struct {
		tz, locale string
		want       Region
	}{
		{"America/Chicago", "de_DE.UTF-8", RegionUS},
		{"America/Indiana/Indianapolis", "", RegionUS},
		{"Pacific/Honolulu", "en_US", RegionUS},
		{"America/Toronto", "en_US.UTF-8", RegionOther},
		{"Europe/Berlin", "en_US.UTF-8", RegionOther},
		{"Eastern Standard Time", "en-US", RegionUS},
		{"Eastern Standard Time", "en-CA", RegionOther},
		{"Eastern Standard Time", "", RegionUS},
		{"Central Standard Time", "es-MX", RegionUS}, // a Spanish-speaking household in Texas
		{"Central Standard Time", "es-US", RegionUS},
		{"Central Standard Time", "fr-CA", RegionOther},
		{"Pacific Standard Time", "ko-KR", RegionUS},
		{"Hawaiian Standard Time", "en-CA", RegionUS}, // not shared with Canada
		{"Central Standard Time (Mexico)", "es-MX", RegionOther},
		{"SA Western Standard Time", "es-PR", RegionUS}, // Puerto Rico
		{"SA Western Standard Time", "en-VI", RegionUS},
		{"SA Western Standard Time", "es-VE", RegionOther},
		{"West Pacific Standard Time", "en-GU", RegionUS}, // Guam
		{"West Pacific Standard Time", "en-US", RegionUS},
		{"West Pacific Standard Time", "en-AU", RegionOther},
		{"UTC-11", "en-AS", RegionUS}, // American Samoa
		{"America/Indianapolis", "", RegionUS},
		{"America/Fort_Wayne", "es-MX", RegionUS},
		{"US/Eastern", "", RegionUS},
		{"America/Puerto_Rico", "es-PR", RegionUS},
		{"Navajo", "", RegionUS},
		{"GMT Standard Time", "en-US", RegionOther},
		{"", "es_PR.UTF-8", RegionUS},
		{"", "fr_FR.UTF-8", RegionOther},
		{"", "C", RegionUS},
		{"", "", RegionUS},
		{"", "sr_RS@latin", RegionOther},
		{"Etc/UTC", "C.UTF-8", RegionUS},
		{"Etc/UTC", "de_DE.UTF-8", RegionOther},
		{"UTC", "", RegionUS},
		{"Coordinated Universal Time", "en-US", RegionUS}, // a server or Wine default, not a place
	}
	for _, tt := range tests {
		if got := GuessRegion(tt.tz, tt.locale); got != tt.want {
			t.Errorf("GuessRegion(%q, %q) = %s, want %s", tt.tz, tt.locale, got, tt.want)
		}
	}
	if !slices.Contains(usTerritories, "PR") {
		t.Error("Puerto Rico is under U.S. rules")
	}
}

// TestGuessRegionEdges: places whose hints look alike, each with the rule
// that decides it (see region.go).
func TestGuessRegionEdges(t *testing.T) {
	tests := []struct {
		why, tz, locale string
		want            Region
	}{
		// Mexico's border cities: their IANA zones say Mexico, whatever the language.
		{"Matamoros by IANA name", "America/Matamoros", "es-MX", RegionOther},
		{"Matamoros with a U.S. locale", "America/Matamoros", "en_US.UTF-8", RegionOther},
		{"Ojinaga by IANA name", "America/Ojinaga", "es_MX.UTF-8", RegionOther},
		{"Ciudad Juárez by IANA name", "America/Ciudad_Juarez", "es-MX", RegionOther},
		{"Sonora by IANA name", "America/Hermosillo", "es-MX", RegionOther},
		{"Tijuana by IANA name", "America/Tijuana", "es-MX", RegionOther},
		// Their Windows zones are the U.S.'s: es-MX cannot tell Matamoros from Texas.
		{"Matamoros or Texas: Central, es-MX", "Central Standard Time", "es-MX", RegionUS},
		{"Ciudad Juárez or El Paso: Mountain, es-MX", "Mountain Standard Time", "es-MX", RegionUS},
		{"Hermosillo or Arizona: US Mountain, es-MX", "US Mountain Standard Time", "es-MX", RegionUS},
		{"Canada shares US Mountain (Creston, Dawson Creek)", "US Mountain Standard Time", "en-CA", RegionOther},
		{"Mexico's own Windows zone", "Central Standard Time (Mexico)", "es-US", RegionOther},
		{"Baja California's own Windows zone", "Pacific Standard Time (Mexico)", "es-MX", RegionOther},
		{"a Windows key name in other case", "central standard time", "es-MX", RegionUS},
		// No zone: the locale is the only evidence.
		{"no zone, es-MX", "", "es-MX", RegionOther},
		{"no zone, es_MX.UTF-8", "", "es_MX.UTF-8", RegionOther},
		{"UTC is no zone, es-MX", "Etc/UTC", "es-MX", RegionOther},
		{"tzdata's Factory is no zone", "Factory", "es-MX", RegionOther},
		{"no zone, es-US", "", "es-US", RegionUS},
		{"no zone, es-419 names no country", "", "es-419", RegionUS},
		// Rule names are U.S. rules, read like Windows zones.
		{"EST5EDT", "EST5EDT", "", RegionUS},
		{"PST8PDT", "PST8PDT", "en_US.UTF-8", RegionUS},
		{"CST6CDT", "CST6CDT", "es_MX.UTF-8", RegionUS},
		{"MST7MDT", "MST7MDT", "C.UTF-8", RegionUS},
		{"EST", "EST", "", RegionUS},
		{"MST", "MST", "", RegionUS},
		{"HST", "HST", "en-CA", RegionUS},
		{"EST5EDT, Canadian locale", "EST5EDT", "fr_CA.UTF-8", RegionOther},
		{"POSIX TZ string with its rule", "EST5EDT,M3.2.0,M11.1.0", "", RegionUS},
		{"POSIX TZ string with slashes in its rule", "PST8PDT,M3.2.0/2,M11.1.0/2", "", RegionUS},
		{"POSIX TZ string of Alaska", "AKST9AKDT,M3.2.0,M11.1.0", "", RegionUS},
		{"POSIX TZ string of Arizona", "MST7", "", RegionUS},
		{"POSIX TZ string of Hawaii", "HST10", "", RegionUS},
		{"not a U.S. rule", "CET", "", RegionOther},
		// U.S. Minor Outlying Islands.
		{"Midway", "Pacific/Midway", "", RegionUS},
		{"Wake", "Pacific/Wake", "en-US", RegionUS},
		{"Midway's Windows zone with a U.S. locale", "UTC-11", "en-US", RegionUS},
		{"Niue shares UTC-11", "UTC-11", "en-NU", RegionOther},
		{"Wake's Windows zone is Kiribati's and the Marshall Islands'", "UTC+12", "en-US", RegionOther},
		// Puerto Rico.
		{"Puerto Rico, es-419", "America/Puerto_Rico", "es-419", RegionUS},
		{"Puerto Rico, es", "America/Puerto_Rico", "es", RegionUS},
		{"Puerto Rico, es-PR", "America/Puerto_Rico", "es-PR", RegionUS},
		{"Puerto Rico, es_PR.UTF-8", "America/Puerto_Rico", "es_PR.UTF-8", RegionUS},
		{"Puerto Rico's Windows zone, es-419", "SA Western Standard Time", "es-419", RegionUS},
		{"Puerto Rico's Windows zone, es", "SA Western Standard Time", "es", RegionUS},
		{"Puerto Rico's Windows zone, es-PR", "SA Western Standard Time", "es-PR", RegionUS},
		{"the Dominican Republic shares it", "SA Western Standard Time", "es-DO", RegionOther},
		{"Bolivia shares it", "SA Western Standard Time", "es-BO", RegionOther},
		{"Manaus shares it", "SA Western Standard Time", "pt-BR", RegionOther},
		{"Guam's Windows zone, no country", "West Pacific Standard Time", "en", RegionUS},
		// The Bahamas.
		{"the Bahamas by IANA name", "America/Nassau", "en-BS", RegionOther},
		{"the Bahamas by IANA name, U.S. locale", "America/Nassau", "en-US", RegionOther},
		{"no zone, en-BS", "", "en-BS", RegionOther},
		// A locale alone never moves a U.S. zone abroad, except Canada's:
		// en-BS on "Eastern Standard Time" cannot be told from a U.S. home.
		{"Eastern, en-BS", "Eastern Standard Time", "en-BS", RegionUS},
		{"the U.S. in Spanish by IANA name", "America/Chicago", "es-MX", RegionUS},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			if got := GuessRegion(tt.tz, tt.locale); got != tt.want {
				t.Errorf("GuessRegion(%q, %q) = %s, want %s", tt.tz, tt.locale, got, tt.want)
			}
		})
	}
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
		for _, f := range ActiveScanners(&rec) {
			ids = append(ids, f.ProductID)
		}
		if got := strings.Join(ids, " "); got != tt.want {
			t.Errorf("active %q, want %q", got, tt.want)
		}
	}
}

func TestStepsStayAfterRemoval(t *testing.T) {
	s := New(RegionUS).WithScan(scanned(kpm, def)).Next() // step 3
	s = s.WithTick(SavePasswords, true).Next()            // step 4
	s = s.WithScan(scanned(def))                          // all removed
	if r := s.Applies(StepRemove); r != ReasonNone {
		t.Errorf("step 4 after removal: %q", r)
	}
	if got := strings.Join(s.Checklist(), " "); got != "passwords licence" {
		t.Errorf("checklist after removal %q", got)
	}
	if rows := s.RemovalRows(); len(rows) != 1 || rows[0].State != Removed {
		t.Errorf("rows %+v", rows)
	}
}

func TestSupportOf(t *testing.T) {
	cat, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	today := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	win := func(name, version string) platform.OSInfo {
		return platform.OSInfo{Family: "windows", Name: name, Version: version}
	}
	tests := []struct {
		name  string
		os    platform.OSInfo
		at    time.Time
		ended bool
		extra bool
	}{
		{"Windows 10 Home 22H2 today", win("Windows 10 Home", "22H2 (build 19045)"), today, true, true},
		{"Windows 10 Pro a year ago: ended, the extra year not yet", win("Windows 10 Pro", "22H2 (build 19045)"), time.Date(2025, 11, 26, 0, 0, 0, 0, time.UTC), true, false},
		{"Windows 10 Home before the end", win("Windows 10 Home", "22H2 (build 19045)"), time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC), false, false},
		{"Windows 11 Home", win("Windows 11 Home", "23H2 (build 22631)"), today, false, false},
		{"Windows 10 Enterprise LTSC 2021 has its own dates", win("Windows 10 Enterprise LTSC 2021", "21H2 (build 19044)"), today, false, false},
		{"Windows Server 2019 (reports Windows 10 build numbers)", win("Windows Server 2019 Standard", "1809 (build 17763)"), today, false, false},
		{"a Mac", platform.OSInfo{Family: "darwin", Name: "macOS", Version: "15.1"}, today, false, false},
	}
	for _, tt := range tests {
		s := SupportOf(tt.os, cat, tt.at)
		if (s != nil) != tt.ended || s != nil && (s.System != "Windows 10" || s.EndedOn.Format("2006-01-02") != "2025-10-14" || s.ExtraEndedOn.IsZero() == tt.extra) {
			t.Errorf("%s: %+v", tt.name, s)
		}
	}
}
