package wizard

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"transitionhelper/app/catalog"
	"transitionhelper/app/detect"
	"transitionhelper/platform"
)

func alternatives(t *testing.T) []catalog.Alternative {
	t.Helper()
	c, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return c.Alternatives
}

func top(rs []Ranked, n int) string {
	var ids []string
	for _, r := range rs[:min(n, len(rs))] {
		ids = append(ids, r.Alternative.ID)
	}
	return strings.Join(ids, " ")
}

func TestRank(t *testing.T) {
	alts := alternatives(t)
	tests := []struct {
		name  string
		needs Needs
		first []string // the top places, in any order (ties are drawn per computer)
	}{
		{"Windows, nothing else: the built-in Defender first",
			Needs{Devices: []string{"windows"}, Price: PriceAny}, []string{"microsoft-defender"}},
		{"Windows, free only: Defender, then free tiers with real-time protection",
			Needs{Devices: []string{"windows"}, Price: PriceFree}, []string{"microsoft-defender"}},
		{"Kaspersky with Password Manager and VPN: those covering both first",
			Needs{Devices: []string{"windows"}, Price: PriceAny, Features: []string{"password-manager", "vpn"}}, []string{"bitdefender", "eset", "mcafee", "norton", "trend-micro"}},
		{"all devices and parental controls (Norton's do not run on a Mac)",
			Needs{Devices: []string{"windows", "mac", "android", "ios"}, Price: PriceAny, Features: []string{"parental-controls"}}, []string{"bitdefender", "mcafee", "trend-micro"}},
		{"Mac only: the built-in protection first",
			Needs{Devices: []string{"mac"}, Price: PriceAny}, []string{"macos-builtin"}},
		{"Windows, a password manager, paid is fine: Defender's (Edge) counts too",
			Needs{Devices: []string{"windows"}, Price: PricePaid, Features: []string{"password-manager"}}, []string{"microsoft-defender"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, seed := range []string{"", "a", "b", "c"} {
				got := Rank(alts, tt.needs, seed)
				top := strings.Fields(top(got, len(tt.first)))
				slices.Sort(top)
				want := slices.Sorted(slices.Values(tt.first))
				if !slices.Equal(top, want) {
					t.Errorf("seed %q: top %q, want %q", seed, top, want)
				}
				if len(got) < len(alts)-1 {
					t.Errorf("only %d of %d alternatives listed", len(got), len(alts))
				}
			}
		})
	}
	// The places come with their reasons; free only means real-time
	// protection in the free version, on the devices asked for.
	r := Rank(alts, Needs{Devices: []string{"windows", "ios"}, Price: PriceFree, Features: []string{"password-manager"}}, "x")
	for _, x := range r {
		switch x.Alternative.ID {
		case "microsoft-defender":
			if x.CoversDevices || x.Missing[0] != "ios" || len(x.Lacks) != 0 {
				t.Errorf("Defender: %+v", x)
			}
		case "norton":
			if x.PriceFits {
				t.Error("Norton has no free tier")
			}
		case "malwarebytes":
			if x.PriceFits {
				t.Error("Malwarebytes Free scans on demand only: not real-time protection for \"Free only\"")
			}
		case "bitdefender":
			if x.CoversDevices || len(x.Covers) != 0 {
				t.Errorf("Bitdefender's free antivirus is Windows-only and has no password manager: %+v", x)
			}
		}
	}
	// Paid is fine means paid is allowed, not required: the free built-in one fits.
	for _, x := range Rank(alts, Needs{Devices: []string{"windows"}, Price: PricePaid}, "x") {
		if x.Alternative.ID == "microsoft-defender" && !x.PriceFits {
			t.Error("\"Paid is fine\" dropped the free Defender")
		}
	}
}

// TestTiesAreNotAlphabetical: with nothing to tell them apart, two
// computers can see tied products in different orders, and Avast and AVG
// (one owner, names near the top of the alphabet) are not always second.
func TestTiesAreNotAlphabetical(t *testing.T) {
	alts := alternatives(t)
	needs := Needs{Devices: []string{"windows"}, Price: PriceAny}
	orders := map[string]bool{}
	second := map[string]bool{}
	for i := range 40 {
		got := Rank(alts, needs, fmt.Sprint("seed-", i))
		orders[top(got, 6)] = true
		second[got[1].Alternative.ID] = true
		if again := Rank(alts, needs, fmt.Sprint("seed-", i)); top(again, 12) != top(got, 12) {
			t.Fatal("one computer's order changed")
		}
	}
	if len(orders) < 5 || len(second) < 4 {
		t.Errorf("%d orders, %d different second places over 40 computers", len(orders), len(second))
	}
	if New(RegionUS).Seed == New(RegionUS).Seed {
		t.Error("two installs drew the same seed")
	}
}

func TestDefaultNeeds(t *testing.T) {
	s := New(RegionUS).WithScan(ScanRecord{OS: platform.OSInfo{Family: "windows"}, Findings: []detect.Finding{kis, kpm, vpn, uav}})
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
		for _, f := range ActiveScanners(&rec) {
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
