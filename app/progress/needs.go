package progress

import (
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
		out = append(out, ProtectionOf(f))
	}
	return out
}

// ProtectionOf is what Windows Security Center says of one product: Known
// is false where it says nothing (other systems, products it does not list).
func ProtectionOf(f detect.Finding) ProtectionState {
	p := ProtectionState{Finding: f}
	for _, sc := range f.SecurityCenter {
		p.Known = true
		if p.Protection == "" || sc.State.Protection == platform.ProtectionOn {
			p.Protection, p.SignaturesUpToDate = sc.State.Protection, sc.State.SignaturesUpToDate
		}
	}
	return p
}
