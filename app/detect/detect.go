// Package detect matches a platform.Snapshot against the catalog and says
// which security products are on this computer, in which state, and why.
package detect

// Findings: what was found, in which state, on what evidence, and the
// summary the app and the command line decide on.

import (
	"fmt"
	"slices"

	"transitionhelper/app/catalog"
	"transitionhelper/platform"
)

// States of a finding, from strongest to weakest.
const (
	StateRunning   = "running"   // a process or service of it runs now
	StateInstalled = "installed" // installed, not seen running
	StateLeftover  = "leftover"  // only folders or keys stayed behind
)

// Finding is one product found on this computer.
type Finding struct {
	ProductID string   `json:"id"`
	Name      string   `json:"name"`
	Vendor    string   `json:"vendor"`
	Role      string   `json:"role"`
	Component string   `json:"component"`
	State     string   `json:"state"`
	Version   string   `json:"version,omitempty"`
	UserData  []string `json:"userData,omitempty"`
	Business  bool     `json:"business,omitempty"`
	// AlwaysOn: part of the system, protecting whenever present (macOS's
	// XProtect); the catalog says which.
	AlwaysOn          bool `json:"alwaysOn,omitempty"`
	PasswordProtected bool `json:"passwordProtected,omitempty"`
	// Uninstall lists the installed-program entries seen for it: where its
	// own uninstaller is recorded.
	Uninstall []platform.Program `json:"uninstall,omitempty"`
	// SecurityCenter lists its Windows Security Center registrations.
	SecurityCenter []platform.SecurityCenter `json:"securityCenter,omitempty"`
	// Certificates lists the root certificates found for it, with the
	// store each is in (component root-certificate).
	Certificates []platform.Certificate `json:"certificates,omitempty"`
	Evidence     []Evidence             `json:"evidence"`
}

// NameVersion is "Kaspersky Total Security 21.3", or the name alone.
func (f Finding) NameVersion() string {
	if f.Version == "" {
		return f.Name
	}
	return f.Name + " " + f.Version
}

// Evidence is one signature that matched one fact.
type Evidence struct {
	Kind       string `json:"kind"`      // catalog signature kind
	Matched    string `json:"matched"`   // the name that matched
	Where      string `json:"where"`     // pid, registry key, file, database
	Signature  string `json:"signature"` // the pattern or path template
	Source     string `json:"source"`
	Confidence string `json:"confidence"`
	State      string `json:"state"` // what this piece alone shows
	// NotProtection says why this running process does not count as
	// protection (Windows: its program is in a folder a standard user can
	// change, or could not be read or judged); "" when it may count.
	NotProtection string `json:"notProtection,omitempty"`
}

// String renders evidence on one line for support staff.
func (e Evidence) String() string {
	s := fmt.Sprintf("%s %s", e.Kind, e.Matched)
	if e.Where != "" {
		s += " (" + e.Where + ")"
	}
	if e.Confidence == catalog.Unverified {
		s += " [unverified signature]"
	}
	if e.NotProtection != "" {
		s += " [not counted as protection: " + e.NotProtection + "]"
	}
	return s
}

// Summary condenses findings into what the app and the CLI decide on.
type Summary struct {
	// KasperskyActive: a Kaspersky product is running or installed.
	KasperskyActive bool
	// KasperskyLeftovers: only leftovers of Kaspersky remain.
	KasperskyLeftovers bool
	UltraAV            bool
	PasswordProtected  bool
	UserData           []string
	// Protection names the products other than Kaspersky that protect this
	// computer now: ProtectionOf's Active, the one verdict.
	Protection []string
}

// Summarize condenses findings.
func Summarize(fs []Finding) Summary {
	var s Summary
	for _, f := range fs {
		switch f.Role {
		case catalog.RoleRemove:
			if f.State == StateLeftover {
				s.KasperskyLeftovers = true
			} else {
				s.KasperskyActive = true
			}
			s.PasswordProtected = s.PasswordProtected || f.PasswordProtected
			if f.State != StateLeftover {
				for _, d := range f.UserData {
					if !slices.Contains(s.UserData, d) {
						s.UserData = append(s.UserData, d)
					}
				}
			}
		case catalog.RoleReplacement:
			s.UltraAV = true
		}
	}
	s.Protection = ProtectionOf(fs, false).Names()
	if s.KasperskyActive {
		s.KasperskyLeftovers = false
	}
	return s
}
