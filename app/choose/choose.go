// Package choose ranks the alternatives of step 5 for the user's answers
// (progress.Needs): which fit the devices, the price and what Kaspersky
// did for them, with ties sharing a place.
package choose

import (
	"cmp"
	"slices"
	"strings"

	"transitionhelper/app/catalog"
	"transitionhelper/app/progress"
)

// Ranked is one alternative in its place, with why it is there.
type Ranked struct {
	Alternative catalog.Alternative
	// Place is its place in the list, from 1; equally good matches share one.
	Place int
	// CoversDevices: it runs on every device asked for.
	CoversDevices bool
	// Missing lists the devices it does not run on.
	Missing []string
	// Covers lists the needed features it includes, Lacks those it does not.
	Covers, Lacks []string
	// PriceFits: it has the tier asked for.
	PriceFits bool
	// FreeScannerOnly: free only was asked, and the free version only
	// scans when the user starts it (no real-time protection).
	FreeScannerOnly bool
}

// Choices is step 5's answer: the protection built into the system, free
// and already there, on a line of its own; then the other products ranked.
type Choices struct {
	Builtin []Ranked
	Ranked  []Ranked
}

// Best lists the products in the first place: the equally good best matches.
func (c Choices) Best() []Ranked {
	var out []Ranked
	for _, r := range c.Ranked {
		if r.Place == 1 {
			out = append(out, r)
		}
	}
	return out
}

// Choose orders the alternatives for step 5 by the rule shown on screen:
// 1. runs on all the devices asked for; 2. has the price asked for (free
// only: a free version with real-time protection); 3. includes more of what
// the user had from Kaspersky, on those devices. Products equal on all three
// share a place and are listed by name; no order is drawn by lot, so two
// computers with the same answers see the same list. No company pays for
// its place. The built-in protection is apart (Builtin), shown only when
// one of the devices asked for is its system.
func Choose(alts []catalog.Alternative, n progress.Needs) Choices {
	var c Choices
	for _, a := range alts {
		r := judge(a, n)
		if a.Builtin {
			if len(r.Missing) < len(n.Devices) {
				c.Builtin = append(c.Builtin, r)
			}
			continue
		}
		c.Ranked = append(c.Ranked, r)
	}
	key := func(r Ranked) [3]int { return [3]int{b2i(r.CoversDevices), b2i(r.PriceFits), len(r.Covers)} }
	slices.SortStableFunc(c.Ranked, func(x, y Ranked) int {
		kx, ky := key(x), key(y)
		for i := range kx {
			if c := cmp.Compare(ky[i], kx[i]); c != 0 {
				return c
			}
		}
		return cmp.Compare(strings.ToLower(x.Alternative.Name), strings.ToLower(y.Alternative.Name))
	})
	for i := range c.Ranked {
		switch {
		case i == 0:
			c.Ranked[i].Place = 1
		case key(c.Ranked[i]) == key(c.Ranked[i-1]):
			c.Ranked[i].Place = c.Ranked[i-1].Place
		default:
			c.Ranked[i].Place = c.Ranked[i-1].Place + 1
		}
	}
	return c
}

func b2i(v bool) int {
	if v {
		return 1
	}
	return 0
}

// judge says how well one alternative meets the answers: features count
// only where they run on every device asked for (catalog.IncludesOnAll: no
// iPhone app scans for viruses, Norton's parental controls are not on a
// Mac), for the free version when the user asked for free only.
func judge(a catalog.Alternative, n progress.Needs) Ranked {
	free := n.Price == progress.PriceFree
	platforms := a.Platforms
	if free && len(a.FreePlatforms) > 0 {
		platforms = a.FreePlatforms
	}
	r := Ranked{Alternative: a, CoversDevices: true}
	for _, d := range n.Devices {
		if !slices.Contains(platforms, d) {
			r.CoversDevices = false
			r.Missing = append(r.Missing, d)
		}
	}
	has := a.IncludesOnAll(n.Devices, free)
	for _, f := range n.Features {
		if slices.Contains(has, f) {
			r.Covers = append(r.Covers, f)
		} else {
			r.Lacks = append(r.Lacks, f)
		}
	}
	// "Paid is fine" allows paid: everything fits. "Free only" needs a
	// free version that protects in real time on a device asked for, not a
	// scanner the user starts (Malwarebytes Free).
	r.FreeScannerOnly = free && a.Free && a.FreeScanner
	switch {
	case !free:
		r.PriceFits = true
	case !a.Free || a.FreeScanner:
	case len(n.Devices) == 0:
		r.PriceFits = slices.Contains(a.FreeIncludes, catalog.FeatureAntivirus)
	default:
		r.PriceFits = slices.ContainsFunc(n.Devices, func(d string) bool { return a.ProtectsOn(d, true) })
	}
	return r
}
