package catalog

// What an alternative's card may state, and what of it was checked on the
// company's own pages.

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

var (
	devices     = []string{DeviceWindows, DeviceMac, DeviceAndroid, DeviceIOS}
	features    = []string{FeatureAntivirus, FeatureFirewall, FeaturePasswordManager, FeatureVPN, FeatureParentalControls, FeatureIdentity}
	cardFacts   = []string{FactPlatforms, FactPrice, FactFreeIncludes, FactFreePlatforms, FactIncludes, FactFeaturePlatforms, FactIOS, FactOwner, FactCountry}
	iosOffers   = []string{IOSWebProtection, IOSBreachAlerts, IOSScamCheck, IOSPhotoVault, IOSVPN, IOSWiFiCheck}
	partOrigins = []string{PartSystem, PartBrowser, PartAccount, PartApp}
)

// pieces lists the parts of a list fact the card states ("platforms:mac",
// …), or nil for a fact that is not a list.
func (a Alternative) pieces(fact string) []string {
	var list []string
	switch fact {
	case FactPlatforms:
		list = a.Platforms
	case FactIncludes:
		list = a.Includes
	case FactFreePlatforms:
		list = a.FreePlatforms
	case FactFeaturePlatforms:
		for f := range a.FeaturePlatforms {
			// That no iOS app scans is the catalog's rule for every
			// alternative (the source "ios-no-antivirus"), not a fact
			// of one company.
			if f != FeatureAntivirus {
				list = append(list, f)
			}
		}
		slices.Sort(list)
	default:
		return nil
	}
	out := make([]string, len(list))
	for i, v := range list {
		out[i] = fact + ":" + v
	}
	return out
}

// CardFacts lists the facts the alternative's card states, in a fixed
// order: each must be checked on the company's own pages before the card
// may drop its warning for it.
func (a Alternative) CardFacts() []string {
	out := []string{FactPlatforms, FactPrice}
	if a.Free && !a.Builtin {
		out = append(out, FactFreeIncludes)
	}
	if len(a.FreePlatforms) > 0 {
		out = append(out, FactFreePlatforms)
	}
	if len(a.Includes) > 0 {
		out = append(out, FactIncludes)
	}
	if len(a.pieces(FactFeaturePlatforms)) > 0 {
		out = append(out, FactFeaturePlatforms)
	}
	if slices.Contains(a.Platforms, DeviceIOS) {
		out = append(out, FactIOS)
	}
	return append(out, FactOwner, FactCountry)
}

// IsChecked reports whether fact ("includes", or one piece of it,
// "includes:vpn") was checked on one of the company's pages.
func (a Alternative) IsChecked(fact string) bool {
	listed := func(f string) bool {
		for _, c := range a.Checks {
			if slices.Contains(c.Facts, f) {
				return true
			}
		}
		return false
	}
	if listed(fact) {
		return true
	}
	if base, _, ok := strings.Cut(fact, ":"); ok {
		return listed(base)
	}
	ps := a.pieces(fact)
	if len(ps) == 0 {
		return false
	}
	for _, p := range ps {
		if !listed(p) {
			return false
		}
	}
	return true
}

// Unchecked lists what the card states that no page of the company was
// found to support: whole facts ("owner"), or the pieces of a list fact
// that were not checked when others were ("includes:firewall"). The card
// keeps its warning for exactly these.
func (a Alternative) Unchecked() []string {
	var out []string
	for _, f := range a.CardFacts() {
		if a.IsChecked(f) {
			continue
		}
		ps := a.pieces(f)
		some := slices.ContainsFunc(ps, a.IsChecked)
		if !some {
			out = append(out, f)
			continue
		}
		for _, p := range ps {
			if !a.IsChecked(p) {
				out = append(out, p)
			}
		}
	}
	return out
}

// CheckedBy returns the checks that support fact (or the list fact it is a
// piece of), for the card's details: "checked on DATE on PAGE".
func (a Alternative) CheckedBy(fact string) []Check {
	base, _, _ := strings.Cut(fact, ":")
	var out []Check
	for _, c := range a.Checks {
		if slices.ContainsFunc(c.Facts, func(f string) bool {
			return f == fact || f == base || strings.HasPrefix(f, fact+":")
		}) {
			out = append(out, c)
		}
	}
	return out
}

// IncludesOn lists the features the alternative has on device, for the
// free version if free: what the card's "Includes" line may say for that
// device. It is empty when the product (or its free version) does not run
// there, and never holds "antivirus" on iOS.
func (a Alternative) IncludesOn(device string, free bool) []string {
	platforms, list := a.Platforms, a.Includes
	if free {
		if !a.Free {
			return nil
		}
		list = a.FreeIncludes
		if len(a.FreePlatforms) > 0 {
			platforms = a.FreePlatforms
		}
	}
	if !slices.Contains(platforms, device) {
		return nil
	}
	var out []string
	for _, f := range list {
		if only, limited := a.FeaturePlatforms[f]; limited && !slices.Contains(only, device) {
			continue
		}
		if f == FeatureAntivirus && device == DeviceIOS {
			continue
		}
		out = append(out, f)
	}
	return out
}

// IncludesOnAll lists the features the alternative has on every one of
// devices (for the free version if free), in Includes order.
func (a Alternative) IncludesOnAll(devices []string, free bool) []string {
	if len(devices) == 0 {
		if free {
			return slices.Clone(a.FreeIncludes)
		}
		return slices.Clone(a.Includes)
	}
	var out []string
	for _, f := range a.Includes {
		all := true
		for _, d := range devices {
			all = all && slices.Contains(a.IncludesOn(d, free), f)
		}
		if all {
			out = append(out, f)
		}
	}
	return out
}

// ProtectsOn reports whether the alternative (its free version if free)
// protects device in real time: an antivirus that runs there. A free
// scanner (FreeScanner) does not; no iOS app does.
func (a Alternative) ProtectsOn(device string, free bool) bool {
	return slices.Contains(a.IncludesOn(device, free), FeatureAntivirus)
}

func isDate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

func (c *Catalog) validateAlternative(a Alternative) error {
	if strings.TrimSpace(a.Owner) == "" {
		return fmt.Errorf("no owner")
	}
	if len(a.FreeIncludes)+len(a.FreePlatforms) > 0 && !a.Free {
		return fmt.Errorf("a free tier is described but free is false")
	}
	for _, f := range a.FreeIncludes {
		if !slices.Contains(a.Includes, f) {
			return fmt.Errorf("free tier includes %q, which the product does not", f)
		}
	}
	for _, p := range a.FreePlatforms {
		if !slices.Contains(a.Platforms, p) {
			return fmt.Errorf("free tier runs on %q, which the product does not", p)
		}
	}
	for f, ps := range a.FeaturePlatforms {
		if !slices.Contains(a.Includes, f) {
			return fmt.Errorf("feature %q is limited but not included", f)
		}
		for _, p := range ps {
			if !slices.Contains(a.Platforms, p) {
				return fmt.Errorf("feature %q on %q, which the product does not run on", f, p)
			}
		}
	}
	if strings.TrimSpace(a.Name) == "" || strings.TrimSpace(a.Country) == "" {
		return errors.New("needs a name and a country")
	}
	if len(a.Platforms) == 0 || !a.Free && !a.Paid {
		return errors.New("needs platforms and a free or paid tier")
	}
	for _, p := range a.Platforms {
		if !slices.Contains(devices, p) {
			return fmt.Errorf("unknown platform %q", p)
		}
	}
	for _, f := range a.Includes {
		if !slices.Contains(features, f) {
			return fmt.Errorf("unknown feature %q", f)
		}
	}
	if a.Checked != "" {
		if _, err := time.Parse("2006-01-02", a.Checked); err != nil {
			return fmt.Errorf("checked %q is not a date", a.Checked)
		}
	}
	if err := checkHTTPS(a.Website); err != nil {
		return fmt.Errorf("website: %w", err)
	}
	if err := c.checkSourced(a.Source, a.Confidence); err != nil {
		return err
	}
	if err := c.validatePhoneAndParts(a); err != nil {
		return err
	}
	return c.validateChecks(a)
}

// validateChecks checks the alternative's record of what was checked, and
// that its confidence and date follow from it.
func (c *Catalog) validateChecks(a Alternative) error {
	latest := ""
	for i, ch := range a.Checks {
		if len(ch.Facts) == 0 || strings.TrimSpace(ch.Says) == "" {
			return fmt.Errorf("check %d: needs facts and what the page says", i)
		}
		if !isDate(ch.Checked) {
			return fmt.Errorf("check %d: checked %q is not a date", i, ch.Checked)
		}
		if ch.Source == "" || c.sources[ch.Source] == nil {
			return fmt.Errorf("check %d: unknown source %q", i, ch.Source)
		}
		if len(c.sources[ch.Source].Lists) > 0 {
			return fmt.Errorf("check %d: source %q is a list of names, not a page of the company", i, ch.Source)
		}
		for _, f := range ch.Facts {
			base, piece, isPiece := strings.Cut(f, ":")
			switch {
			case !slices.Contains(cardFacts, base):
				return fmt.Errorf("check %d: unknown fact %q", i, f)
			case !slices.Contains(a.CardFacts(), base):
				return fmt.Errorf("check %d: fact %q is not one the card states", i, f)
			case isPiece && !slices.Contains(a.pieces(base), f):
				return fmt.Errorf("check %d: %q is not a piece of the card's %s (%s)", i, piece, base, strings.Join(a.pieces(base), " "))
			}
		}
		latest = max(latest, ch.Checked)
	}
	if a.Checked != latest {
		if latest == "" {
			return fmt.Errorf("checked %q, but no check records which page was read", a.Checked)
		}
		return fmt.Errorf("checked %q, but the latest check is of %s", a.Checked, latest)
	}
	want := Unverified
	switch un := a.Unchecked(); {
	case len(a.Checks) == 0:
	case len(un) == 0:
		want = Confirmed
	default:
		want = Reported
	}
	if a.Confidence != want {
		return fmt.Errorf("confidence %q, but the checks make it %q (unchecked: %s)", a.Confidence, want, strings.Join(a.Unchecked(), ", "))
	}
	return nil
}

// validatePhoneAndParts checks what the card may say of phones and of the
// parts of a built-in protection.
func (c *Catalog) validatePhoneAndParts(a Alternative) error {
	if a.FreeScanner && (!a.Free || slices.Contains(a.FreeIncludes, FeatureAntivirus)) {
		return errors.New("a free scanner is a free version without real-time antivirus")
	}
	ios := slices.Contains(a.Platforms, DeviceIOS)
	for _, o := range a.IOSOffers {
		if !slices.Contains(iosOffers, o) {
			return fmt.Errorf("unknown iOS offer %q", o)
		}
	}
	if len(a.IOSOffers) > 0 && !ios {
		return errors.New("says what its iPhone app does, but has no iPhone app")
	}
	if ios && slices.Contains(a.Includes, FeatureAntivirus) {
		only, limited := a.FeaturePlatforms[FeatureAntivirus]
		if !limited || slices.Contains(only, DeviceIOS) {
			return errors.New(`runs on iOS, where no app can scan other apps or files: featurePlatforms["antivirus"] must leave iOS out`)
		}
	}
	for f, plans := range a.FeaturePlans {
		if !slices.Contains(a.Includes, f) || len(plans) == 0 {
			return fmt.Errorf("featurePlans: %q is not a feature it includes, or names no plan", f)
		}
		if !a.IsChecked(FactIncludes + ":" + f) {
			return fmt.Errorf("featurePlans: which plans include %q is not checked on a page", f)
		}
	}
	if len(a.Parts) > 0 && !a.Builtin {
		return errors.New("only a built-in protection is described by parts")
	}
	fromSystem := map[string]bool{}
	for i, p := range a.Parts {
		if strings.TrimSpace(p.Name) == "" || strings.TrimSpace(p.Maker) == "" {
			return fmt.Errorf("part %d: needs a name and a maker", i)
		}
		if !slices.Contains(features, p.Feature) {
			return fmt.Errorf("part %q: unknown feature %q", p.Name, p.Feature)
		}
		if !slices.Contains(partOrigins, p.In) {
			return fmt.Errorf("part %q: in %q is not system, browser, account or app", p.Name, p.In)
		}
		if p.Checked != "" && !isDate(p.Checked) {
			return fmt.Errorf("part %q: checked %q is not a date", p.Name, p.Checked)
		}
		if (p.Checked != "") != (p.Confidence != Unverified) {
			return fmt.Errorf("part %q: a checked part has a date and is not unverified, and only it", p.Name)
		}
		if err := c.checkSourced(p.Source, p.Confidence); err != nil {
			return fmt.Errorf("part %q: %w", p.Name, err)
		}
		if p.In == PartSystem {
			fromSystem[p.Feature] = true
			if !slices.Contains(a.Includes, p.Feature) {
				return fmt.Errorf("part %q is part of the system, but %q is not in includes", p.Name, p.Feature)
			}
		}
	}
	for _, p := range a.Parts {
		if p.In != PartSystem && !fromSystem[p.Feature] && slices.Contains(a.Includes, p.Feature) {
			return fmt.Errorf("part %q comes from the %s, not the system, yet %q is counted in includes as the system's own", p.Name, p.In, p.Feature)
		}
	}
	if a.Builtin && len(a.Parts) > 0 {
		for _, f := range a.Includes {
			if !fromSystem[f] {
				return fmt.Errorf("includes %q, but no part of the system provides it", f)
			}
		}
	}
	return nil
}
