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
	// KindRootCertificate matches the common name (CN) of a certificate's
	// subject or issuer in a system root store: Windows' Trusted Root
	// Certification Authorities (the user's and the computer's), macOS's
	// System keychain.
	KindRootCertificate = "root-certificate"
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
	// factsChecked is FactsChecked, worked out once at Load: every scan
	// asks for it.
	factsChecked string
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
	// ComponentRootCertificate: a root certificate the product added so it
	// could inspect encrypted (HTTPS) connections. It is never installed
	// software: its findings are leftovers.
	ComponentRootCertificate = "root-certificate"
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
	// FeaturePlans limits a feature to some of the paid plans, by the
	// plan's own name (ESET's VPN only in "Ultimate"): the card says so.
	FeaturePlans map[string][]string `json:"featurePlans,omitempty"`
	// Owner is the company that owns the brand (Gen Digital for Norton,
	// Avast and AVG), shown on the card.
	Owner   string `json:"owner"`
	Country string `json:"country"`
	Website string `json:"website"`
	Source  string `json:"source"`
	// Confidence says how much of the card was checked on the company's
	// own pages: "confirmed" when every card fact (see CardFacts) was,
	// "reported" when some were, "unverified" when none was. Checked is the
	// date of the latest check, empty when there is none.
	Confidence string `json:"confidence"`
	Checked    string `json:"checked"`
	// Checks record which facts were read on which of the company's own
	// pages, and when. A fact not listed here was not checked: the card
	// keeps its "check on the company's website" warning for it.
	Checks []Check `json:"checks,omitempty"`
	// FreeScanner: the free version scans and removes malware when the
	// user starts a scan, with no real-time protection (Malwarebytes Free).
	// It is a free version, but not one that protects all the time.
	FreeScanner bool `json:"freeScanner,omitempty"`
	// IOSOffers is what the iPhone/iPad app does instead of scanning: iOS
	// apps cannot scan other apps or files, so no alternative counts
	// "antivirus" on iOS (FeaturePlatforms["antivirus"] must leave iOS out).
	IOSOffers []string `json:"iosOffers,omitempty"`
	// Parts name the pieces of a built-in protection and who makes each.
	// Only parts of the operating system itself (In "system") count in
	// Includes; a browser's, an account's or a separate app's feature is
	// named but never lent to the built-in protection.
	Parts []Part `json:"parts,omitempty"`
}

// Check is one page of the company read on one day, and the card facts it
// supports.
type Check struct {
	// Facts are card facts (FactPlatforms, FactOwner, …), or one piece of
	// a list fact: "platforms:mac", "includes:vpn",
	// "feature-platforms:parental-controls". A list fact is checked when it
	// is listed whole or every piece of it is.
	Facts   []string `json:"facts"`
	Source  string   `json:"source"`
	Checked string   `json:"checked"`
	// Says is what the page says, briefly, in English, for support staff
	// and the report (not shown as a translated sentence).
	Says string `json:"says"`
}

// Card facts an alternative's card states, each checkable.
const (
	FactPlatforms        = "platforms"
	FactPrice            = "price" // free and paid tiers
	FactFreeIncludes     = "free-includes"
	FactFreePlatforms    = "free-platforms"
	FactIncludes         = "includes"
	FactFeaturePlatforms = "feature-platforms"
	FactIOS              = "ios" // what the iPhone/iPad app does (IOSOffers)
	FactOwner            = "owner"
	FactCountry          = "country"
)

// What an iPhone/iPad app may do instead of scanning (IOSOffers).
const (
	IOSWebProtection = "web-protection" // blocks dangerous websites
	IOSBreachAlerts  = "breach-alerts"  // warns of leaked accounts or data
	IOSScamCheck     = "scam-check"     // checks texts, calls or links for scams
	IOSPhotoVault    = "photo-vault"    // keeps photos behind a lock
	IOSVPN           = "vpn"
	IOSWiFiCheck     = "wifi-check" // checks the Wi-Fi network's safety
)

// Where a part of a built-in protection comes from.
const (
	PartSystem  = "system"  // part of the operating system; counts in Includes
	PartBrowser = "browser" // comes with a browser (Edge's password manager)
	PartAccount = "account" // comes with an online account (Microsoft Family Safety)
	PartApp     = "app"     // a separate app
)

// Part is one piece of a built-in protection: what it is called, what it
// does, who makes it and where it comes from.
type Part struct {
	Name       string `json:"name"` // proper name, not translated
	Feature    string `json:"feature"`
	Maker      string `json:"maker"`
	In         string `json:"in"`
	Source     string `json:"source"`
	Confidence string `json:"confidence"`
	Checked    string `json:"checked,omitempty"`
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
	// Checked is the day its source was last read (YYYY-MM-DD).
	Checked string `json:"checked"`
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
	// Window marks a process signature of a program a user starts, a
	// window or a tray icon (avpui.exe, bdagent.exe, egui.exe): running,
	// it says the product is there, never that it protects.
	Window bool `json:"window,omitempty"`

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
