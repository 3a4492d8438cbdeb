package wizard

import (
	"cmp"
	"hash/fnv"
	"slices"

	"transitionhelper/app/catalog"
	"transitionhelper/app/detect"
	"transitionhelper/platform"
)

// Prices the user can ask for.
const (
	PriceAny  = "any"
	PriceFree = "free"
	PricePaid = "paid"
)

// Needs are the answers of step 5: the devices to protect, free or paid,
// and what the user had from Kaspersky besides the antivirus.
type Needs struct {
	Devices  []string `json:"devices"`
	Price    string   `json:"price"`
	Features []string `json:"features"`
}

// DefaultNeeds pre-fills step 5 from the scan: this computer's kind, any
// price, and the Kaspersky extras found (Password Manager, VPN, Safe Kids).
func (s State) DefaultNeeds() Needs {
	n := Needs{Price: PriceAny, Features: []string{}}
	family := ""
	if s.Scan != nil {
		family = s.Scan.OS.Family
	}
	switch family {
	case catalog.OSDarwin:
		n.Devices = []string{catalog.DeviceMac}
	case catalog.OSLinux, "":
		n.Devices = []string{}
	default:
		n.Devices = []string{catalog.DeviceWindows}
	}
	if s.Scan == nil {
		return n
	}
	for _, f := range append(slices.Clone(s.Scan.Findings), s.Gone...) {
		if f.Role != catalog.RoleRemove {
			continue
		}
		// The components that are features of the same name.
		feat := f.Component
		if (feat == catalog.ComponentPasswordManager || feat == catalog.ComponentVPN || feat == catalog.ComponentParentalControls) &&
			!slices.Contains(n.Features, feat) {
			n.Features = append(n.Features, feat)
		}
	}
	return n
}

// WithNeeds records the answers of step 5.
func (s State) WithNeeds(n Needs) State {
	s.Needs = &n
	return s
}

// CurrentNeeds is what the user answered, or the pre-filled answers.
func (s State) CurrentNeeds() Needs {
	if s.Needs != nil {
		return *s.Needs
	}
	return s.DefaultNeeds()
}

// Ranked is one alternative in its place, with why it is there.
type Ranked struct {
	Alternative catalog.Alternative
	// CoversDevices: it runs on every device asked for.
	CoversDevices bool
	// Missing lists the devices it does not run on.
	Missing []string
	// Covers lists the needed features it includes, Lacks those it does not.
	Covers, Lacks []string
	// PriceFits: it has the tier asked for.
	PriceFits bool
}

// Rank orders the alternatives for step 5 by the rule shown on screen:
// 1. runs on all the devices asked for; 2. has the price asked for (free
// only: a free version with real-time protection); 3. includes more of what
// the user had from Kaspersky, on those devices; 4. built into the system;
// then ties in an order drawn once for this computer (seed), so no company
// always comes first by its name. No company pays for its place.
func Rank(alts []catalog.Alternative, n Needs, seed string) []Ranked {
	out := make([]Ranked, 0, len(alts))
	for _, a := range alts {
		free := n.Price == PriceFree
		platforms, includes := a.Platforms, a.Includes
		if free && len(a.FreePlatforms) > 0 {
			platforms = a.FreePlatforms
		}
		if free {
			includes = a.FreeIncludes
		}
		r := Ranked{Alternative: a, CoversDevices: true}
		for _, d := range n.Devices {
			if !slices.Contains(platforms, d) {
				r.CoversDevices = false
				r.Missing = append(r.Missing, d)
			}
		}
		for _, f := range n.Features {
			covered := slices.Contains(includes, f)
			if only, limited := a.FeaturePlatforms[f]; limited {
				for _, d := range n.Devices {
					covered = covered && slices.Contains(only, d)
				}
			}
			if covered {
				r.Covers = append(r.Covers, f)
			} else {
				r.Lacks = append(r.Lacks, f)
			}
		}
		// "Paid is fine" allows paid: everything fits. "Free only" needs a
		// free version that protects in real time, not a manual scanner.
		r.PriceFits = !free || a.Free && slices.Contains(a.FreeIncludes, catalog.FeatureAntivirus)
		// A built-in product runs only on its own system: with no device
		// asked for, it is not offered.
		if len(n.Devices) == 0 && a.Builtin {
			continue
		}
		out = append(out, r)
	}
	b := func(v bool) int {
		if v {
			return 1
		}
		return 0
	}
	slices.SortStableFunc(out, func(x, y Ranked) int {
		if c := cmp.Compare(b(y.CoversDevices), b(x.CoversDevices)); c != 0 {
			return c
		}
		if c := cmp.Compare(b(y.PriceFits), b(x.PriceFits)); c != 0 {
			return c
		}
		if c := cmp.Compare(len(y.Covers), len(x.Covers)); c != 0 {
			return c
		}
		if c := cmp.Compare(b(y.Alternative.Builtin), b(x.Alternative.Builtin)); c != 0 {
			return c
		}
		return cmp.Compare(tieOrder(seed, x.Alternative.ID), tieOrder(seed, y.Alternative.ID))
	})
	return out
}

// tieOrder places an alternative among its ties: a hash of this computer's
// seed and the alternative's id, the same every time on one computer and
// different from one computer to the next.
func tieOrder(seed, id string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(seed))
	h.Write([]byte{0})
	h.Write([]byte(id))
	return h.Sum64()
}

// ProtectionState is one product protecting (or meant to protect) the
// computer, as step 6 shows it.
type ProtectionState struct {
	Finding detect.Finding
	// Protection and SignaturesUpToDate come from Windows Security Center
	// when it knows the product; Known is false otherwise.
	Known              bool
	Protection         string
	SignaturesUpToDate bool
}

// Protections lists the antivirus products of rec other than Kaspersky, with
// what Windows Security Center says of each.
func Protections(rec *ScanRecord) []ProtectionState {
	if rec == nil {
		return nil
	}
	var out []ProtectionState
	for _, f := range rec.Findings {
		if f.Role == catalog.RoleRemove || f.Component != catalog.ComponentAntivirus {
			continue
		}
		p := ProtectionState{Finding: f}
		for _, sc := range f.SecurityCenter {
			p.Known = true
			if p.Protection == "" || sc.State.Protection == platform.ProtectionOn {
				p.Protection, p.SignaturesUpToDate = sc.State.Protection, sc.State.SignaturesUpToDate
			}
		}
		out = append(out, p)
	}
	return out
}
