package ui

// Step 5's words: the catalog's devices, features, facts, prices and
// countries, and the reasons for a place in the list, in the user's
// language.

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2/lang"

	"transitionhelper/app/catalog"
	"transitionhelper/app/choose"
)

func deviceName(d string) string {
	switch d {
	case catalog.DeviceWindows:
		return lang.X("choose.device-windows", "Windows PC")
	case catalog.DeviceMac:
		return lang.X("choose.device-mac", "Mac")
	case catalog.DeviceAndroid:
		return lang.X("choose.device-android", "Android phone or tablet")
	}
	return lang.X("choose.device-ios", "iPhone or iPad")
}

func featureName(f string) string {
	switch f {
	case catalog.FeatureAntivirus:
		return lang.X("choose.feature-antivirus", "Antivirus")
	case catalog.FeatureFirewall:
		return lang.X("choose.feature-firewall", "Firewall")
	case catalog.FeaturePasswordManager:
		return lang.X("choose.feature-passwords", "Password manager")
	case catalog.FeatureVPN:
		return lang.X("choose.feature-vpn", "VPN")
	case catalog.FeatureParentalControls:
		return lang.X("choose.feature-parental", "Parental controls")
	}
	return lang.X("choose.feature-identity", "Identity protection")
}

// reasonFor says, in plain words, why an alternative is in its place.
func reasonFor(r choose.Ranked) []string {
	var out []string
	if r.Alternative.Builtin {
		out = append(out, lang.X("choose.why-builtin", "built into the system, free"))
	}
	for _, f := range r.Covers {
		switch f {
		case catalog.FeaturePasswordManager:
			out = append(out, lang.X("choose.why-passwords", "includes a password manager, like the Kaspersky one you used"))
		case catalog.FeatureVPN:
			out = append(out, lang.X("choose.why-vpn", "includes a VPN, like Kaspersky's"))
		case catalog.FeatureParentalControls:
			out = append(out, lang.X("choose.why-parental", "includes parental controls, like Kaspersky Safe Kids"))
		}
	}
	for _, f := range r.Lacks {
		out = append(out, lang.X("choose.why-lacks", "no {{.Feature}}", map[string]any{"Feature": lowerFirst(featureName(f))}))
	}
	for _, d := range r.Missing {
		out = append(out, lang.X("choose.why-missing", "not for {{.Device}}", map[string]any{"Device": deviceName(d)}))
	}
	switch {
	case r.FreeScannerOnly:
		out = append(out, lang.X("choose.why-free-scanner", "its free version only scans when you start it: it does not protect all the time"))
	case !r.PriceFits:
		out = append(out, lang.X("choose.why-price", "no version at the price you asked for"))
	}
	return out
}

// iosOfferName says in plain words what an iPhone app does instead of scanning.
func iosOfferName(o string) string {
	switch o {
	case "web-protection":
		return lang.X("ios.web-protection", "warns of dangerous websites")
	case "breach-alerts":
		return lang.X("ios.breach-alerts", "alerts when your data shows up in a breach")
	case "scam-check":
		return lang.X("ios.scam-check", "checks messages and links for scams")
	case "photo-vault":
		return lang.X("ios.photo-vault", "a locked photo vault")
	case "vpn":
		return lang.X("ios.vpn", "a VPN")
	case "wifi-check":
		return lang.X("ios.wifi-check", "checks Wi-Fi networks")
	}
	return o
}

// factName says which of a card's facts could not be checked, in plain words.
func factName(fact string) string {
	base, piece, _ := strings.Cut(fact, ":")
	switch base {
	case catalog.FactPlatforms:
		if piece != "" {
			return lang.X("fact.platform", "that it runs on {{.Device}}", map[string]any{"Device": deviceName(piece)})
		}
		return lang.X("fact.platforms", "which devices it runs on")
	case catalog.FactPrice:
		return lang.X("fact.price", "its free and paid versions")
	case catalog.FactFreeIncludes:
		return lang.X("fact.free-includes", "what the free version includes")
	case catalog.FactFreePlatforms:
		return lang.X("fact.free-platforms", "where the free version runs")
	case catalog.FactIncludes, catalog.FactFeaturePlatforms:
		if piece != "" {
			return lowerFirst(featureName(piece))
		}
		return lang.X("fact.includes", "what it includes")
	case catalog.FactIOS:
		return lang.X("fact.ios", "what the iPhone app does")
	case catalog.FactOwner:
		return lang.X("fact.owner", "the company")
	case catalog.FactCountry:
		return lang.X("fact.country", "where the company is based")
	}
	return fact
}

func priceText(a catalog.Alternative) string {
	switch {
	case a.Builtin:
		return lang.X("choose.price-builtin", "Free, built in")
	case a.Free && a.Paid:
		return lang.X("choose.price-both", "Free and paid versions")
	case a.Free:
		return lang.X("choose.price-free", "Free")
	}
	return lang.X("choose.price-paid", "Paid")
}

// countryName is a catalog country in the user's language, from the
// translations' key countryKey(country); a country the translations do not
// know yet stays as the catalog writes it. A new country in the catalog
// needs only its key in en.json and es.json
// (TestEveryCatalogCountryIsTranslated).
func countryName(country string) string {
	return lang.X(countryKey(country), country)
}

// countryKey is the translations' key of a catalog country: "country."
// and its name in lower case, spaces as hyphens ("Czech Republic":
// "country.czech-republic").
func countryKey(country string) string {
	return "country." + strings.ReplaceAll(strings.ToLower(strings.TrimSpace(country)), " ", "-")
}

// lowerFirst lower-cases a feature's name for the middle of a sentence,
// but not an acronym: "no password manager", "no VPN".
func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) < 2 || unicode.IsUpper(r[1]) {
		return s
	}
	r[0] = unicode.ToLower(r[0])
	return string(r)
}

// builtinLine sums up the built-in protection in one sentence: free,
// already here, and what it lacks for the answers given.
func builtinLine(r choose.Ranked) string {
	var lacks []string
	for _, f := range r.Lacks {
		lacks = append(lacks, lowerFirst(featureName(f)))
	}
	if len(lacks) == 0 {
		return lang.X("builtin.line-enough", "Free and already on this computer: {{.Name}}. For your answers it is enough.", map[string]any{"Name": r.Alternative.Name})
	}
	return lang.X("builtin.line-lacks-2", "Free and already on this computer: {{.Name}}. Not part of it, for your answers: {{.Features}}.", map[string]any{"Name": r.Alternative.Name, "Features": strings.Join(lacks, ", ")})
}
