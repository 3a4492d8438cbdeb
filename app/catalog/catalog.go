// Package catalog loads and validates the embedded data the app relies on:
// the security products it recognises (with per-OS signatures and their
// sources), and the milestones of the U.S. ban on Kaspersky.
package catalog

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"time"
)

// SchemaVersion is the catalog format this package understands.
const SchemaVersion = 1

// Roles a product can have.
const (
	RoleRemove      = "remove"      // Kaspersky: no longer updated in the U.S., to be replaced
	RoleReplacement = "replacement" // UltraAV/UltraVPN: pushed to Kaspersky users
	RoleProtection  = "protection"  // other security products
)

// Operating systems, as runtime.GOOS spells them.
const (
	OSWindows = "windows"
	OSDarwin  = "darwin"
	OSLinux   = "linux"
)

// Signature kinds: what part of a platform.Snapshot a signature is matched against.
const (
	KindProcess        = "process"         // running process image name
	KindService        = "service"         // Windows service or driver, systemd unit (without .service)
	KindProgram        = "program"         // installed program display name (Uninstall entry, app bundle name)
	KindPackage        = "package"         // Linux package name (dpkg, rpm)
	KindBundleID       = "bundle-id"       // macOS CFBundleIdentifier
	KindLaunchd        = "launchd"         // macOS launchd label
	KindRegistry       = "registry"        // subkey of HKLM\SOFTWARE\KasperskyLab
	KindSecurityCenter = "security-center" // Windows Security Center displayName
	KindLeftover       = "leftover"        // a folder that stays behind
)

// Confidence levels. Unverified facts are never stated as fact by the app.
const (
	Confirmed  = "confirmed"
	Reported   = "reported"
	Unverified = "unverified"
)

// User data a product holds, that removal would lose.
const (
	DataPasswords        = "passwords"
	DataVPN              = "vpn"
	DataParentalControls = "parental-controls"
)

// ErrInvalid is wrapped by every validation error of Load.
var ErrInvalid = errors.New("invalid catalog")

// Catalog is the validated, ready-to-use catalog.
type Catalog struct {
	Schema     int         `json:"schema"`
	Checked    string      `json:"checked"`
	Sources    []Source    `json:"sources"`
	Publishers []Publisher `json:"publishers"`
	Milestones []Milestone `json:"milestones"`
	// Alternatives are the protection products step 5 offers.
	Alternatives []Alternative `json:"alternatives"`
	Products     []Product     `json:"products"`

	sources  map[string]*Source
	products map[string]*Product
}

// Source is where a fact comes from.
//
// A source that is a public list of process or service names (winPEAS's
// DefensiveProcesses.cs, PingCastle's AntivirusScanner.cs, …) keeps in
// Lists the names that file holds for the vendors of this catalog, spelled
// as there (surrounding spaces trimmed: PingCastle writes "WdNisSvc "), and
// in ListKind what they name (process or service). Its URL points at the
// file at one commit, so anyone can check the list. A signature of that kind
// citing it as confirmed or reported must match a listed name; in a pattern
// of alternatives, "^(a|b)\.exe$", every alternative must.
type Source struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	URL      string   `json:"url"`
	Date     string   `json:"date,omitempty"`
	ListKind string   `json:"listKind,omitempty"`
	Lists    []string `json:"lists,omitempty"`
}

// Devices an alternative runs on.
const (
	DeviceWindows = "windows"
	DeviceMac     = "mac"
	DeviceAndroid = "android"
	DeviceIOS     = "ios"
)

// Components: a product's main job. The first four are also features of
// the alternatives, under the same names.
const (
	ComponentAntivirus        = FeatureAntivirus
	ComponentPasswordManager  = FeaturePasswordManager
	ComponentVPN              = FeatureVPN
	ComponentParentalControls = FeatureParentalControls
	ComponentManagementAgent  = "management-agent"
)

// Features an alternative may include.
const (
	FeatureAntivirus        = "antivirus"
	FeatureFirewall         = "firewall"
	FeaturePasswordManager  = "password-manager"
	FeatureVPN              = "vpn"
	FeatureParentalControls = "parental-controls"
	FeatureIdentity         = "identity-protection"
)

// Alternative is a protection product offered in step 5. It carries no
// prices and no test scores: those change and would need their own sources.
type Alternative struct {
	ID        string   `json:"id"`
	Product   string   `json:"product,omitempty"` // the catalog product that detects it
	Name      string   `json:"name"`
	Builtin   bool     `json:"builtin,omitempty"`
	Platforms []string `json:"platforms"`
	Free      bool     `json:"free"`
	Paid      bool     `json:"paid"`
	Includes  []string `json:"includes"`
	// FreeIncludes is what the free version has, when there is one; an
	// "antivirus" there means real-time protection, not a manual scanner.
	FreeIncludes []string `json:"freeIncludes,omitempty"`
	// FreePlatforms is where the free version runs, when fewer than
	// Platforms.
	FreePlatforms []string `json:"freePlatforms,omitempty"`
	// FeaturePlatforms limits a feature to some devices (a parental
	// control that does not run on a Mac).
	FeaturePlatforms map[string][]string `json:"featurePlatforms,omitempty"`
	// Owner is the company that owns the brand (Gen Digital for Norton,
	// Avast and AVG), shown on the card.
	Owner   string `json:"owner"`
	Country string `json:"country"`
	Website string `json:"website"`
	Source  string `json:"source"`
	// Confidence is "unverified" until someone checks the entry against the
	// vendor's site; Checked is then the date of that check.
	Confidence string `json:"confidence"`
	Checked    string `json:"checked"`
}

// Publisher names how a vendor signs its uninstallers: the subject names
// of its Windows code-signing certificates (Signers), or its Apple
// Developer ID team (TeamIDs, macOS). An uninstaller signed by anyone else
// is never started.
type Publisher struct {
	Vendor  string   `json:"vendor"`
	Signers []string `json:"signers,omitempty"`
	// Subjects pin more of a signer's certificate subject than its CN, each
	// only as far as its own source shows it.
	Subjects   []Subject `json:"subjects,omitempty"`
	TeamIDs    []string  `json:"teamIds,omitempty"`
	Source     string    `json:"source"`
	Confidence string    `json:"confidence"`
}

// Subject is what a cited source shows of one signer's certificate
// subject beyond its CN: the exact organization (O) and country (C). An
// uninstaller signed with that CN must carry them to the letter; an empty O
// or C pins nothing (no source shows it).
type Subject struct {
	CN         string `json:"cn"`
	O          string `json:"o,omitempty"`
	C          string `json:"c,omitempty"`
	Source     string `json:"source"`
	Confidence string `json:"confidence"`
}

// SignerSubjects returns the pinned subjects of vendor's signers.
func (c *Catalog) SignerSubjects(vendor string) []Subject {
	var out []Subject
	for _, p := range c.Publishers {
		if strings.EqualFold(p.Vendor, vendor) {
			out = append(out, p.Subjects...)
		}
	}
	return out
}

// Signers returns the certificate subject names vendor signs with on
// Windows.
func (c *Catalog) Signers(vendor string) []string {
	var out []string
	for _, p := range c.Publishers {
		if strings.EqualFold(p.Vendor, vendor) {
			out = append(out, p.Signers...)
		}
	}
	return out
}

// TeamIDs returns the Apple Developer ID teams vendor signs with on macOS.
func (c *Catalog) TeamIDs(vendor string) []string {
	var out []string
	for _, p := range c.Publishers {
		if strings.EqualFold(p.Vendor, vendor) {
			out = append(out, p.TeamIDs...)
		}
	}
	return out
}

// Milestone is one dated event of the ban.
type Milestone struct {
	ID           string    `json:"id"`
	Kind         string    `json:"kind"`
	At           time.Time `json:"at"`
	TimeZone     string    `json:"timezone"`
	Jurisdiction string    `json:"jurisdiction"`
	Title        string    `json:"title"`
	Source       string    `json:"source"`
	Confidence   string    `json:"confidence"`
}

// Product is one security product the app recognises.
type Product struct {
	ID        string   `json:"id"`
	Refines   string   `json:"refines,omitempty"` // an edition of this more general product
	Name      string   `json:"name"`
	Vendor    string   `json:"vendor"`
	Role      string   `json:"role"`
	Component string   `json:"component"`
	UserData  []string `json:"userData,omitempty"`
	Business  bool     `json:"business,omitempty"`
	Builtin   bool     `json:"builtin,omitempty"`
	// AlwaysOn: part of the system and not something a normal user can
	// switch off (macOS's XProtect): present means protecting.
	AlwaysOn bool   `json:"alwaysOn,omitempty"`
	Website  string `json:"website"`

	Signatures []Signature `json:"signatures"`
	// Excludes are anchored patterns of program and Security Center names
	// that are not this product although its signatures match them: browser
	// add-ons, browsers and stand-alone password managers of the same brand
	// (McAfee WebAdvisor, Avast Secure Browser, Norton Password Manager) are
	// not security software; for Kaspersky, the "Kaspersky Protection"
	// browser extension is not a product to remove.
	Excludes []string `json:"excludes,omitempty"`

	excludes []*regexp.Regexp
}

// Excluded reports whether name is one of the product's exclusions.
func (p *Product) Excluded(name string) bool {
	for _, re := range p.excludes {
		if re.MatchString(name) {
			return true
		}
	}
	return false
}

// Signature is one way to recognise a product on one OS.
type Signature struct {
	OS         string `json:"os"`
	Kind       string `json:"kind"`
	Match      string `json:"match,omitempty"` // anchored regular expression (all kinds but leftover)
	Path       string `json:"path,omitempty"`  // leftover path, with {KnownFolder} placeholders
	Source     string `json:"source"`
	Confidence string `json:"confidence"`

	re *regexp.Regexp
}

// Matches reports whether v matches the signature's pattern. Matching is
// case-insensitive on Windows and macOS, as their file systems are.
func (s *Signature) Matches(v string) bool {
	return s.re != nil && s.re.MatchString(v)
}

// Source returns the source with the given id, or nil.
func (c *Catalog) Source(id string) *Source { return c.sources[id] }

// Product returns the product with the given id, or nil.
func (c *Catalog) Product(id string) *Product { return c.products[id] }

// Milestone returns the first milestone of the given kind, or nil.
func (c *Catalog) Milestone(kind string) *Milestone {
	for i := range c.Milestones {
		if c.Milestones[i].Kind == kind {
			return &c.Milestones[i]
		}
	}
	return nil
}

// LeftoverPaths returns every leftover path template for the given OS, in
// catalog order and without repeats; platform.Scan checks them.
func (c *Catalog) LeftoverPaths(goos string) []string {
	var out []string
	for _, p := range c.Products {
		for _, s := range p.Signatures {
			if s.OS == goos && s.Kind == KindLeftover && !slices.Contains(out, s.Path) {
				out = append(out, s.Path)
			}
		}
	}
	return out
}
