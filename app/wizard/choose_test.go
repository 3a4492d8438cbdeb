package wizard

import (
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
		want  string
	}{
		{"Windows, nothing else: the built-in Defender first",
			Needs{Devices: []string{"windows"}, Price: PriceAny}, "microsoft-defender avast avg"},
		{"Windows, free: Defender, then free tiers",
			Needs{Devices: []string{"windows"}, Price: PriceFree}, "microsoft-defender avast avg bitdefender"},
		{"Kaspersky with Password Manager and VPN: those covering both first",
			Needs{Devices: []string{"windows"}, Price: PriceAny, Features: []string{"password-manager", "vpn"}}, "bitdefender mcafee norton"},
		{"all devices and parental controls",
			Needs{Devices: []string{"windows", "mac", "android", "ios"}, Price: PriceAny, Features: []string{"parental-controls"}}, "bitdefender mcafee norton trend-micro"},
		{"Mac only: the built-in protection first",
			Needs{Devices: []string{"mac"}, Price: PriceAny}, "macos-builtin avast avg"},
		{"iPhone and Mac, paid, VPN",
			Needs{Devices: []string{"mac", "ios"}, Price: PricePaid, Features: []string{"vpn"}}, "avast avg bitdefender"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Rank(alts, tt.needs)
			if top(got, len(strings.Fields(tt.want))) != tt.want {
				t.Errorf("top %q, want %q", top(got, 6), tt.want)
			}
			if len(got) < len(alts)-1 {
				t.Errorf("only %d of %d alternatives listed", len(got), len(alts))
			}
		})
	}
	// The places come with their reasons.
	r := Rank(alts, Needs{Devices: []string{"windows", "ios"}, Price: PriceFree, Features: []string{"password-manager"}})
	for _, x := range r {
		if x.Alternative.ID == "microsoft-defender" && (x.CoversDevices || x.Missing[0] != "ios" || len(x.Lacks) != 1) {
			t.Errorf("Defender: %+v", x)
		}
		if x.Alternative.ID == "norton" && x.PriceFits {
			t.Error("Norton has no free tier")
		}
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
