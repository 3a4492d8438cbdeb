package catalog

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// altCatalog is a valid catalog with one alternative, ALT.
var altCatalog = strings.Replace(strings.Replace(good, "SIG", okSig, 1), `"products":[`, `"alternatives":[ALT],"products":[`, 1)

const okAlt = `{"id":"a","name":"A","platforms":["windows"],"free":false,"paid":true,"includes":["antivirus","vpn"],` +
	`"owner":"O","country":"C","website":"https://example.org/","source":"s","confidence":"unverified","checked":""}`

func withAlt(alt string) string { return strings.Replace(altCatalog, "ALT", alt, 1) }

func TestLoadRejectsAlternatives(t *testing.T) {
	check := func(facts string) string {
		return `"checks":[{"facts":[` + facts + `],"source":"s","checked":"2026-11-26","says":"what the page says"}]`
	}
	set := func(old, new string) string { return strings.Replace(okAlt, old, new, 1) }
	reported := func(rest string) string {
		return set(`"confidence":"unverified","checked":""`, `"confidence":"reported","checked":"2026-11-26",`+rest)
	}
	confirmed := `"confidence":"confirmed","checked":"2026-11-26",` + check(`"platforms","price","includes","owner","country"`)
	builtin := `{"id":"b","name":"B","builtin":true,"platforms":["windows"],"free":true,"paid":false,"includes":["antivirus"],"freeIncludes":["antivirus"],` +
		`"owner":"O","country":"C","website":"https://example.org/","source":"s","confidence":"unverified","checked":"","parts":[PARTS]}`
	part := func(name, feature, in string) string {
		return `{"name":"` + name + `","feature":"` + feature + `","maker":"M","in":"` + in + `","source":"s","confidence":"unverified"}`
	}
	sysAV := part("Antivirus", "antivirus", "system")
	tests := []struct{ name, alt, wantInError string }{
		{"ok", okAlt, ""},
		{"some facts checked", reported(check(`"platforms","owner"`)), ""},
		{"a piece checked", reported(check(`"includes:vpn"`)), ""},
		{"every fact checked", set(`"confidence":"unverified","checked":""`, confirmed), ""},
		{"all pieces make the fact", set(`"confidence":"unverified","checked":""`, strings.Replace(confirmed, `"includes"`, `"includes:antivirus","includes:vpn"`, 1)), ""},
		{"checked without a check", set(`"checked":""`, `"checked":"2026-11-26"`), "no check records which page"},
		{"date differs from the check", strings.Replace(reported(check(`"owner"`)), `"checked":"2026-11-26",`, `"checked":"2026-11-25",`, 1), "the latest check is of 2026-11-26"},
		{"confirmed with facts left", set(`"confidence":"unverified","checked":""`, `"confidence":"confirmed","checked":"2026-11-26",`+check(`"owner"`)), `the checks make it "reported"`},
		{"reported with nothing checked", set(`"confidence":"unverified"`, `"confidence":"reported"`), `the checks make it "unverified"`},
		{"unverified with checks", set(`"checked":""`, `"checked":"2026-11-26",`+check(`"owner"`)), `the checks make it "reported"`},
		{"unknown fact", reported(check(`"colour"`)), `unknown fact "colour"`},
		{"fact the card does not state", reported(check(`"ios"`)), `not one the card states`},
		{"piece not on the card", reported(check(`"includes:firewall"`)), `"firewall" is not a piece`},
		{"check without words", reported(strings.Replace(check(`"owner"`), "what the page says", " ", 1)), "needs facts and what the page says"},
		{"check of an unknown page", reported(strings.Replace(check(`"owner"`), `"source":"s"`, `"source":"x"`, 1)), `unknown source "x"`},
		{"iOS antivirus", set(`["windows"]`, `["windows","ios"]`), "no app can scan"},
		{"plans checked", reported(`"featurePlans":{"vpn":["Ultimate"]},` + check(`"includes:vpn"`)), ""},
		{"plans not checked", reported(`"featurePlans":{"vpn":["Ultimate"]},` + check(`"owner"`)), `which plans include "vpn" is not checked`},
		{"plans of a feature it lacks", reported(`"featurePlans":{"firewall":["Ultimate"]},` + check(`"includes:vpn"`)), `"firewall" is not a feature it includes`},
		{"iOS antivirus limited wrongly", set(`["windows"]`, `["windows","ios"],"featurePlatforms":{"antivirus":["windows","ios"]}`), "no app can scan"},
		{"iOS antivirus limited", set(`["windows"]`, `["windows","ios"],"featurePlatforms":{"antivirus":["windows"]},"iosOffers":["web-protection"]`), ""},
		{"iOS offer unknown", set(`["windows"]`, `["windows","ios"],"featurePlatforms":{"antivirus":["windows"]},"iosOffers":["scanning"]`), `unknown iOS offer "scanning"`},
		{"iOS offer without an iPhone app", set(`"platforms":["windows"]`, `"platforms":["windows"],"iosOffers":["vpn"]`), "no iPhone app"},
		{"free scanner", set(`"free":false`, `"free":true,"freeScanner":true`), ""},
		{"free scanner with real-time antivirus", set(`"free":false`, `"free":true,"freeScanner":true,"freeIncludes":["antivirus"]`), "free scanner"},
		{"parts on a product", set(`"checked":""`, `"checked":"","parts":[`+sysAV+`]`), "only a built-in protection"},
		{"built-in parts", strings.Replace(builtin, "PARTS", sysAV+","+part("Family Safety", "parental-controls", "account"), 1), ""},
		{"account feature lent to the system", strings.Replace(strings.Replace(builtin, "PARTS", sysAV+","+part("Family Safety", "parental-controls", "account"), 1), `"includes":["antivirus"]`, `"includes":["antivirus","parental-controls"]`, 1), `comes from the account, not the system`},
		{"browser feature lent to the system", strings.Replace(strings.Replace(builtin, "PARTS", sysAV+","+part("Edge passwords", "password-manager", "browser"), 1), `"includes":["antivirus"]`, `"includes":["antivirus","password-manager"]`, 1), `"password-manager" is counted in includes`},
		{"system part not included", strings.Replace(builtin, "PARTS", sysAV+","+part("Firewall", "firewall", "system"), 1), `"firewall" is not in includes`},
		{"included, no part gives it", strings.Replace(strings.Replace(builtin, "PARTS", sysAV, 1), `"includes":["antivirus"]`, `"includes":["antivirus","firewall"]`, 1), `no part of the system provides it`},
		{"part from nowhere", strings.Replace(builtin, "PARTS", part("X", "antivirus", "cloud"), 1), `in "cloud"`},
		{"checked part must say so", strings.Replace(builtin, "PARTS", strings.Replace(sysAV, `"confidence":"unverified"`, `"confidence":"confirmed"`, 1), 1), "a checked part has a date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load([]byte(withAlt(tt.alt)))
			if tt.wantInError == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("accepted, want an error with %q", tt.wantInError)
			}
			if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.wantInError) {
				t.Fatalf("error %q, want one that says %q", err, tt.wantInError)
			}
		})
	}
}

func alt(t *testing.T, c *Catalog, id string) Alternative {
	t.Helper()
	for _, a := range c.Alternatives {
		if a.ID == id {
			return a
		}
	}
	t.Fatalf("no alternative %q", id)
	return Alternative{}
}

// TestCardsPerSystem: what a card may say is per system, and agrees with
// the examples.
func TestCardsPerSystem(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	norton := alt(t, c, "norton")
	if slices.Contains(norton.IncludesOn(DeviceMac, false), FeatureParentalControls) {
		t.Error("Norton's card says parental controls on a Mac; Norton Family is not for Mac")
	}
	if !slices.Contains(norton.IncludesOn(DeviceWindows, false), FeatureParentalControls) {
		t.Error("Norton's card lost parental controls on Windows")
	}
	if got := norton.IncludesOnAll([]string{DeviceWindows, DeviceMac}, false); slices.Contains(got, FeatureParentalControls) {
		t.Errorf("Norton on Windows and Mac: %v, want no parental controls (not on every device asked)", got)
	}
	for _, a := range c.Alternatives {
		if a.ProtectsOn(DeviceIOS, false) || a.ProtectsOn(DeviceIOS, true) {
			t.Errorf("%s protects an iPhone in real time, yet no iOS app can scan", a.ID)
		}
	}
	for _, id := range []string{"avast", "avg"} {
		a := alt(t, c, id)
		if !a.ProtectsOn(DeviceWindows, true) {
			t.Errorf("%s: the free version no longer protects Windows", id)
		}
		if a.ProtectsOn(DeviceIOS, true) {
			t.Errorf("%s: a free version 'protects all the time' on an iPhone", id)
		}
	}
	if got := alt(t, c, "avast").IOSOffers; !slices.Contains(got, IOSWebProtection) {
		t.Errorf("Avast's iPhone app: %v, want what it does (web protection, …)", got)
	}
	mb := alt(t, c, "malwarebytes")
	if !mb.Free || !mb.FreeScanner || mb.ProtectsOn(DeviceWindows, true) {
		t.Errorf("Malwarebytes Free: free %v, scanner %v: it is free, scans on demand, has no real-time protection", mb.Free, mb.FreeScanner)
	}
	bd := alt(t, c, "bitdefender")
	if !bd.ProtectsOn(DeviceWindows, true) || bd.ProtectsOn(DeviceMac, true) || slices.Contains(bd.FreeIncludes, FeatureVPN) {
		t.Error("Bitdefender's free version is Windows-only antivirus")
	}
	def := alt(t, c, "microsoft-defender")
	if slices.Contains(def.Includes, FeaturePasswordManager) || slices.Contains(def.Includes, FeatureParentalControls) {
		t.Errorf("Defender includes %v: Edge's passwords and Family Safety are not Defender's", def.Includes)
	}
	named := map[string]string{}
	for _, p := range def.Parts {
		named[p.Name] = p.In
	}
	if named["Microsoft Family Safety"] != PartAccount || named["Microsoft Defender Antivirus"] != PartSystem {
		t.Errorf("Defender's parts: %v", named)
	}
	mac := alt(t, c, "macos-builtin")
	for _, f := range []string{FeatureAntivirus, FeaturePasswordManager, FeatureParentalControls} {
		if !slices.Contains(mac.Includes, f) {
			t.Errorf("macOS built-in protection lacks %s", f)
		}
	}
	owners := map[string]string{"webroot": "Canada", "norton": "United States", "avast": "Czech Republic", "avg": "Czech Republic"}
	for id, country := range owners {
		if a := alt(t, c, id); a.Country != country {
			t.Errorf("%s: based in %q, want %q", id, a.Country, country)
		}
	}
}

// TestAlternativesChecked: at least ten alternatives offered for purchase
// or download (not the built-in ones) were checked on their company's own
// pages; every check's page is a page, not a list of process names.
func TestAlternativesChecked(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, a := range c.Alternatives {
		if len(a.Checks) > 0 && !a.Builtin {
			checked++
		}
		if len(a.Checks) == 0 && a.Checked != "" {
			t.Errorf("%s: checked %s with no page recorded", a.ID, a.Checked)
		}
		for _, f := range a.Unchecked() {
			if a.IsChecked(f) {
				t.Errorf("%s: %s is both checked and unchecked", a.ID, f)
			}
		}
	}
	if checked < 10 {
		t.Errorf("%d alternatives checked on their company's pages, want at least 10", checked)
	}
}

func TestUnchecked(t *testing.T) {
	a := Alternative{Platforms: []string{DeviceWindows, DeviceMac}, Paid: true, Includes: []string{FeatureAntivirus, FeatureVPN},
		Checks: []Check{{Facts: []string{"platforms:mac", "includes", "owner"}}}}
	got := strings.Join(a.Unchecked(), " ")
	if want := "platforms:windows price country"; got != want {
		t.Errorf("Unchecked() = %q, want %q", got, want)
	}
	if !a.IsChecked("includes:vpn") || a.IsChecked("platforms") || !a.IsChecked("platforms:mac") {
		t.Error("IsChecked disagrees with the checks")
	}
	if got := a.CheckedBy("platforms"); len(got) != 1 {
		t.Errorf("CheckedBy(platforms) = %v, want the one check that read a piece of it", got)
	}
}
