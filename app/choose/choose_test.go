package choose

import (
	"slices"
	"strings"
	"testing"

	"transitionhelper/app/catalog"
	"transitionhelper/app/progress"
)

func alternatives(t *testing.T) []catalog.Alternative {
	t.Helper()
	c, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return c.Alternatives
}

func ids(rs []Ranked) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Alternative.ID)
	}
	return out
}

func TestChoose(t *testing.T) {
	alts := alternatives(t)
	tests := []struct {
		name    string
		needs   progress.Needs
		builtin []string // the built-in line
		best    []string // the first place, listed by name
	}{
		{"Windows, nothing else: Defender apart, every product that runs on Windows equally good",
			progress.Needs{Devices: []string{"windows"}, Price: progress.PriceAny}, []string{"microsoft-defender"}, nil},
		{"Kaspersky with Password Manager and VPN: those covering both first",
			progress.Needs{Devices: []string{"windows"}, Price: progress.PriceAny, Features: []string{"password-manager", "vpn"}}, []string{"microsoft-defender"},
			[]string{"bitdefender", "eset", "mcafee", "norton", "trend-micro"}},
		{"all devices and parental controls (Norton's do not run on a Mac)",
			progress.Needs{Devices: []string{"windows", "mac", "android", "ios"}, Price: progress.PriceAny, Features: []string{"parental-controls"}},
			[]string{"microsoft-defender", "macos-builtin"}, []string{"bitdefender", "mcafee", "trend-micro"}},
		{"Mac only: the built-in protection apart",
			progress.Needs{Devices: []string{"mac"}, Price: progress.PriceAny}, []string{"macos-builtin"}, nil},
		{"no device asked for: no built-in line",
			progress.Needs{Devices: []string{}, Price: progress.PriceAny}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Choose(alts, tt.needs)
			if got := ids(c.Builtin); !slices.Equal(got, tt.builtin) {
				t.Errorf("built-in %q, want %q", got, tt.builtin)
			}
			if tt.best != nil {
				if got := ids(c.Best()); !slices.Equal(got, tt.best) {
					t.Errorf("best %q, want %q", got, tt.best)
				}
			}
			if len(c.Ranked)+len(c.Builtin) < len(alts)-2 {
				t.Errorf("only %d of %d alternatives listed", len(c.Ranked), len(alts))
			}
			for _, r := range c.Ranked {
				if r.Alternative.Builtin {
					t.Errorf("%s is built in and in the ranked list", r.Alternative.ID)
				}
			}
		})
	}
	// The places come with their reasons; free only means real-time
	// protection in the free version, on the devices asked for.
	c := Choose(alts, progress.Needs{Devices: []string{"windows", "ios"}, Price: progress.PriceFree, Features: []string{"password-manager"}})
	if d := c.Builtin[0]; d.CoversDevices || d.Missing[0] != "ios" || !slices.Equal(d.Lacks, []string{"password-manager"}) {
		t.Errorf("Defender: %+v (no password manager: Edge's belongs to the browser, not to Defender)", d)
	}
	for _, x := range c.Ranked {
		switch x.Alternative.ID {
		case "norton":
			if x.PriceFits {
				t.Error("Norton has no free tier")
			}
		case "malwarebytes":
			if x.PriceFits || !x.FreeScannerOnly {
				t.Error("Malwarebytes Free scans on demand only: not real-time protection for \"Free only\", and the card must say why")
			}
		case "bitdefender":
			if x.CoversDevices || len(x.Covers) != 0 {
				t.Errorf("Bitdefender's free antivirus is Windows-only and has no password manager: %+v", x)
			}
		}
	}
	// A feature counts only where it runs: Norton's parental controls are
	// not on a Mac, and no iPhone app scans for viruses.
	for _, x := range Choose(alts, progress.Needs{Devices: []string{"mac"}, Price: progress.PriceAny, Features: []string{"parental-controls"}}).Ranked {
		if x.Alternative.ID == "norton" && !slices.Contains(x.Lacks, "parental-controls") {
			t.Errorf("Norton on a Mac covers parental controls: %+v", x)
		}
	}
	for _, x := range Choose(alts, progress.Needs{Devices: []string{"ios"}, Price: progress.PriceFree}).Ranked {
		if x.PriceFits {
			t.Errorf("%s: a free version that protects an iPhone all the time (no iPhone app scans)", x.Alternative.ID)
		}
	}
	// Paid is fine means paid is allowed, not required: the free built-in one fits.
	if d := Choose(alts, progress.Needs{Devices: []string{"windows"}, Price: progress.PricePaid}).Builtin[0]; !d.PriceFits {
		t.Error("\"Paid is fine\" dropped the free Defender")
	}
}

// TestTiesShareAPlace: products equal on every rule share a place and are
// listed by name, the same on every computer; a place is never skipped.
func TestTiesShareAPlace(t *testing.T) {
	alts := alternatives(t)
	needs := progress.Needs{Devices: []string{"windows"}, Price: progress.PriceAny, Features: []string{"password-manager", "vpn"}}
	a, b := Choose(alts, needs), Choose(slices.Clone(alts), needs)
	if !slices.Equal(ids(a.Ranked), ids(b.Ranked)) {
		t.Fatal("the same answers gave two orders")
	}
	best := a.Best()
	if len(best) < 2 {
		t.Fatalf("best %q: want several equally good matches", ids(best))
	}
	for i := 1; i < len(a.Ranked); i++ {
		x, y := a.Ranked[i-1], a.Ranked[i]
		switch {
		case y.Place == x.Place:
			if strings.ToLower(x.Alternative.Name) > strings.ToLower(y.Alternative.Name) {
				t.Errorf("place %d: %s before %s, not by name", x.Place, x.Alternative.Name, y.Alternative.Name)
			}
			if x.CoversDevices != y.CoversDevices || x.PriceFits != y.PriceFits || len(x.Covers) != len(y.Covers) {
				t.Errorf("place %d shared by unequal products %s and %s", x.Place, x.Alternative.ID, y.Alternative.ID)
			}
		case y.Place != x.Place+1:
			t.Errorf("place %d follows %d", y.Place, x.Place)
		}
	}
}

// TestReasonsAgreeWithIncludes: on every system and price, a card's
// reasons ("includes a VPN", "no parental controls") and its "Includes on
// your devices" line are made of the same facts, so they never contradict.
func TestReasonsAgreeWithIncludes(t *testing.T) {
	alts := alternatives(t)
	deviceSets := [][]string{{"windows"}, {"mac"}, {"android"}, {"ios"}, {"windows", "mac"}, {"windows", "mac", "android", "ios"}}
	features := []string{"password-manager", "vpn", "parental-controls"}
	for _, ds := range deviceSets {
		for _, price := range []string{progress.PriceAny, progress.PriceFree, progress.PricePaid} {
			n := progress.Needs{Devices: ds, Price: price, Features: features}
			c := Choose(alts, n)
			for _, r := range append(c.Builtin, c.Ranked...) {
				has := r.Alternative.IncludesOnAll(ds, price == progress.PriceFree)
				for _, f := range r.Covers {
					if !slices.Contains(has, f) {
						t.Errorf("%v %s: %s says it includes %s, its Includes line does not", ds, price, r.Alternative.ID, f)
					}
				}
				for _, f := range r.Lacks {
					if slices.Contains(has, f) {
						t.Errorf("%v %s: %s says no %s, its Includes line has it", ds, price, r.Alternative.ID, f)
					}
				}
				if r.Alternative.ID == "microsoft-defender" && (slices.Contains(has, "password-manager") || slices.Contains(has, "parental-controls")) {
					t.Errorf("Defender lists %v as its own", has)
				}
			}
		}
	}
}
