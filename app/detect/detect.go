// Package detect matches a platform.Snapshot against the catalog and says
// which security products are on this computer, in which state, and why.
package detect

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

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

// Match returns the products of cat found in snap: one finding per product
// however many signatures matched, Kaspersky first, then UltraAV, then other
// protection, each group in catalog order.
func Match(cat *catalog.Catalog, snap *platform.Snapshot) []Finding {
	m := matcher{cat: cat, snap: snap, found: map[string]*Finding{}}
	for i := range cat.Products {
		p := &cat.Products[i]
		for j := range p.Signatures {
			if sig := &p.Signatures[j]; sig.OS == snap.OS.Family {
				m.matchSignature(p, sig)
			}
		}
	}
	m.foldEditions()
	m.otherKaspersky()
	m.unknownSecurityCenter()

	out := make([]Finding, 0, len(m.order))
	for _, id := range m.order {
		if f := m.found[id]; f != nil {
			f.State = strongest(f.Evidence)
			out = append(out, *f)
		}
	}
	rank := map[string]int{catalog.RoleRemove: 0, catalog.RoleReplacement: 1, catalog.RoleProtection: 2}
	slices.SortStableFunc(out, func(a, b Finding) int { return cmp.Compare(rank[a.Role], rank[b.Role]) })
	return out
}

type matcher struct {
	cat   *catalog.Catalog
	snap  *platform.Snapshot
	found map[string]*Finding
	order []string
	// securityCenterUsed marks Security Center entries a product claimed.
	securityCenterUsed map[int]bool
}

func (m *matcher) finding(p *catalog.Product) *Finding {
	if f := m.found[p.ID]; f != nil {
		return f
	}
	f := &Finding{
		ProductID: p.ID, Name: p.Name, Vendor: p.Vendor, Role: p.Role, Component: p.Component,
		UserData: p.UserData, Business: p.Business, AlwaysOn: p.AlwaysOn,
	}
	m.found[p.ID] = f
	m.order = append(m.order, p.ID)
	return f
}

func (m *matcher) add(p *catalog.Product, sig *catalog.Signature, matched, where, state string) *Finding {
	f := m.finding(p)
	pattern := sig.Match
	if sig.Kind == catalog.KindLeftover {
		pattern = sig.Path
	}
	f.Evidence = append(f.Evidence, Evidence{
		Kind: sig.Kind, Matched: matched, Where: where, Signature: pattern,
		Source: sig.Source, Confidence: sig.Confidence, State: state,
	})
	return f
}

func (m *matcher) matchSignature(p *catalog.Product, sig *catalog.Signature) {
	s := m.snap
	switch sig.Kind {
	case catalog.KindProcess:
		// One piece of evidence per process name and program, however many
		// copies run; a program judged (Windows) is named, and why it does
		// not count as protection is said.
		type key struct{ name, image, not string }
		pids := map[key][]string{}
		var keys []key
		for _, proc := range s.Processes {
			if !proc.Denied && sig.Matches(proc.Name) {
				k := key{proc.Name, proc.Image, notProtection(s, proc)}
				if pids[k] == nil {
					keys = append(keys, k)
				}
				pids[k] = append(pids[k], fmt.Sprint(proc.PID))
			}
		}
		for _, k := range keys {
			where := "pid " + strings.Join(pids[k], ", ")
			if k.image != "" {
				where += ", " + k.image
			}
			f := m.add(p, sig, k.name, where, StateRunning)
			if k.not == "" && sig.Window {
				// Any user can start a window or tray program: running,
				// it shows the product is there, not that it protects.
				k.not = "a window or tray program, which any user can start"
			}
			f.Evidence[len(f.Evidence)-1].NotProtection = k.not
		}
	case catalog.KindService, catalog.KindLaunchd:
		for _, svc := range s.Services {
			if (svc.Kind == platform.ServiceLaunchd) != (sig.Kind == catalog.KindLaunchd) || !sig.Matches(svc.Name) {
				continue
			}
			state := StateInstalled
			if svc.State == platform.StateRunning {
				state = StateRunning
			}
			where := svc.Kind + ", " + svc.State
			if svc.Where != "" {
				where += ", " + svc.Where
			}
			f := m.add(p, sig, svc.Name, where, state)
			if v := serviceVersion(svc.Name); v != "" && f.Version == "" && sig.OS == catalog.OSWindows {
				f.Version = v
			}
		}
	case catalog.KindProgram, catalog.KindPackage:
		for _, prog := range s.Programs {
			isPackage := prog.Source == platform.SourceDpkg || prog.Source == platform.SourceRPM
			if isPackage != (sig.Kind == catalog.KindPackage) || !sig.Matches(prog.Name) || p.Excluded(prog.Name) {
				continue
			}
			m.addProgram(p, sig, prog, prog.Name)
		}
		if sig.Kind == catalog.KindProgram {
			// The KasperskyLab key names the product too.
			for _, vk := range s.VendorKeys {
				if vk.ProductName != "" && sig.Matches(vk.ProductName) && !p.Excluded(vk.ProductName) {
					f := m.add(p, sig, vk.ProductName, vk.Where, StateInstalled)
					m.noteVendorKey(f, vk)
				}
			}
		}
	case catalog.KindBundleID:
		for _, prog := range s.Programs {
			if prog.BundleID != "" && sig.Matches(prog.BundleID) && !p.Excluded(prog.Name) {
				m.addProgram(p, sig, prog, prog.BundleID)
			}
		}
	case catalog.KindRegistry:
		for _, vk := range s.VendorKeys {
			if sig.Matches(vk.Name) {
				m.noteVendorKey(m.add(p, sig, vk.Name, vk.Where, StateInstalled), vk)
			}
		}
	case catalog.KindSecurityCenter:
		for i, sc := range s.SecurityCenter {
			if !sig.Matches(sc.DisplayName) || p.Excluded(sc.DisplayName) {
				continue
			}
			state := StateInstalled
			if sc.State.Protection == platform.ProtectionOn {
				state = StateRunning
			}
			f := m.add(p, sig, sc.DisplayName, "Windows Security Center: "+sc.State.String(), state)
			f.SecurityCenter = append(f.SecurityCenter, sc)
			if m.securityCenterUsed == nil {
				m.securityCenterUsed = map[int]bool{}
			}
			m.securityCenterUsed[i] = true
		}
	case catalog.KindRootCertificate:
		m.matchCertificates(p, sig)
	case catalog.KindLeftover:
		for _, pf := range s.Paths {
			if pf.Template == sig.Path && pf.Exists {
				m.add(p, sig, pf.Path, "folder", StateLeftover)
			}
		}
	}
}

// matchCertificates reports the root certificates whose subject or issuer
// common name the signature matches. A certificate is never installed
// software: it is a leftover, whether or not its product is still here.
func (m *matcher) matchCertificates(p *catalog.Product, sig *catalog.Signature) {
	for _, c := range m.snap.Certificates {
		if !sig.Matches(c.SubjectCN) && !sig.Matches(c.IssuerCN) {
			continue
		}
		f := m.finding(p)
		if slices.ContainsFunc(f.Certificates, func(o platform.Certificate) bool { return o.SHA1 == c.SHA1 && o.Store == c.Store }) {
			continue // two signatures, one certificate
		}
		matched := c.SubjectCN
		if matched == "" {
			matched = c.Subject
		}
		where := StoreName(c.Store) + ", SHA-1 " + c.SHA1
		if !c.NotAfter.IsZero() {
			where += ", valid until " + c.NotAfter.Format("2006-01-02")
		}
		if !sig.Matches(c.SubjectCN) {
			where += ", issued by " + c.IssuerCN
		}
		m.add(p, sig, matched, where, StateLeftover)
		f.Certificates = append(f.Certificates, c)
		// The card is named as the certificate is in the store, so the
		// user finds it there.
		if len(f.Certificates) == 1 && c.SubjectCN != "" {
			f.Name = c.SubjectCN
		}
	}
}

// StoreName names a certificate store for support staff, in English.
func StoreName(store string) string {
	switch store {
	case platform.StoreMachineRoot:
		return "Windows, computer's Trusted Root Certification Authorities (certlm.msc)"
	case platform.StoreUserRoot:
		return "Windows, current user's Trusted Root Certification Authorities (certmgr.msc)"
	case platform.StoreSystemKeychain:
		return "macOS System keychain (" + platform.SystemKeychain + ")"
	}
	return store
}

func (m *matcher) addProgram(p *catalog.Product, sig *catalog.Signature, prog platform.Program, matched string) {
	f := m.add(p, sig, matched, prog.Where, StateInstalled)
	// A macOS app whose own program runs is running: installed is not
	// running, and a name alone says nothing about what protects now.
	if prog.Source == platform.SourceApp && prog.Executable != "" {
		var pids []string
		for _, proc := range m.snap.Processes {
			if proc.Name == prog.Executable {
				pids = append(pids, fmt.Sprint(proc.PID))
			}
		}
		if len(pids) > 0 && !slices.ContainsFunc(f.Evidence, func(e Evidence) bool { return e.Kind == catalog.KindProcess && e.Matched == prog.Executable }) {
			f.Evidence = append(f.Evidence, Evidence{Kind: catalog.KindProcess, Matched: prog.Executable,
				Where: "pid " + strings.Join(pids, ", ") + ", the program of " + prog.Where, Signature: "CFBundleExecutable",
				Source: sig.Source, Confidence: sig.Confidence, State: StateRunning})
		}
	}
	if !slices.ContainsFunc(f.Uninstall, func(q platform.Program) bool { return q.Where == prog.Where }) {
		f.Uninstall = append(f.Uninstall, prog)
	}
	if prog.Version != "" && f.Version == "" {
		f.Version = prog.Version
	}
}

func (m *matcher) noteVendorKey(f *Finding, vk platform.VendorKey) {
	f.PasswordProtected = f.PasswordProtected || vk.PasswordProtected
	if f.Version == "" && vk.Version != "" {
		f.Version = vk.Version
	}
}

// foldEditions merges a general product (kaspersky: avp.exe, AVP21.3) into
// the edition found by name (Kaspersky Internet Security), so the user sees
// one product with all its evidence. With no edition found, the general
// product stays as it is.
func (m *matcher) foldEditions() {
	for _, id := range m.order {
		edition := m.found[id]
		p := m.cat.Product(id)
		if edition == nil || p == nil || p.Refines == "" {
			continue
		}
		base := m.found[p.Refines]
		if base == nil {
			continue
		}
		edition.Evidence = append(edition.Evidence, base.Evidence...)
		edition.Uninstall = append(edition.Uninstall, base.Uninstall...)
		edition.SecurityCenter = append(edition.SecurityCenter, base.SecurityCenter...)
		edition.PasswordProtected = edition.PasswordProtected || base.PasswordProtected
		if edition.Version == "" {
			edition.Version = base.Version
		}
		delete(m.found, p.Refines)
	}
}

// Kaspersky is the catalog's vendor name for Kaspersky's products and signers.
const Kaspersky = "Kaspersky"

// otherKaspersky reports every installed program that is Kaspersky's but
// that no product of the catalog claimed: a Windows Uninstall entry or a
// macOS app whose publisher is one of Kaspersky's signer names, whose name
// starts with "Kaspersky", or (macOS) whose bundle id is Kaspersky's. It is
// shown by its own name and removed like the others (role remove, its
// Uninstall entries kept). The catalog's Kaspersky exclusions (the
// "Kaspersky Protection" browser extension) are no product.
func (m *matcher) otherKaspersky() {
	base := m.cat.Product("kaspersky")
	claimed := map[string]bool{}
	for _, f := range m.found {
		for _, u := range f.Uninstall {
			claimed[u.Where] = true
		}
	}
	signers := m.cat.Signers(Kaspersky)
	for _, prog := range m.snap.Programs {
		if prog.Source != platform.SourceUninstall && prog.Source != platform.SourceApp || claimed[prog.Where] {
			continue
		}
		name := strings.TrimSpace(prog.Name)
		var why string
		switch {
		case name == "" || base != nil && base.Excluded(name):
			continue
		case prog.Publisher != "" && slices.ContainsFunc(signers, func(s string) bool { return strings.EqualFold(s, strings.TrimSpace(prog.Publisher)) }):
			why = "publisher " + prog.Publisher
		case kasperskyNamed(name):
			why = "name starts with Kaspersky"
		case prog.Source == platform.SourceApp && strings.HasPrefix(strings.ToLower(prog.BundleID), "com.kaspersky."):
			why = "bundle id " + prog.BundleID
		default:
			continue
		}
		id := "kaspersky-other-" + slug(name)
		f := m.found[id]
		if f == nil {
			f = &Finding{ProductID: id, Name: name, Vendor: Kaspersky, Role: catalog.RoleRemove, Component: guessComponent(name)}
			m.found[id] = f
			m.order = append(m.order, id)
		}
		f.Evidence = append(f.Evidence, Evidence{
			Kind: catalog.KindProgram, Matched: name, Where: prog.Where, Signature: why,
			Source: "kaspersky-uninstall", Confidence: catalog.Reported, State: StateInstalled,
		})
		f.Uninstall = append(f.Uninstall, prog)
		if f.Version == "" {
			f.Version = prog.Version
		}
		claimed[prog.Where] = true
	}
	// Kaspersky's core seen running (avp.exe, AVP21.3) with no edition
	// named belongs to the first such antivirus, as with an edition.
	core := m.found["kaspersky"]
	if core == nil {
		return
	}
	for _, id := range m.order {
		if f := m.found[id]; f != nil && strings.HasPrefix(id, "kaspersky-other-") && f.Component == catalog.ComponentAntivirus {
			f.Evidence = append(f.Evidence, core.Evidence...)
			f.Uninstall = append(f.Uninstall, core.Uninstall...)
			f.SecurityCenter = append(f.SecurityCenter, core.SecurityCenter...)
			f.PasswordProtected = f.PasswordProtected || core.PasswordProtected
			delete(m.found, "kaspersky")
			return
		}
	}
}

// kasperskyNamed: "Kaspersky" as the name's first word.
func kasperskyNamed(name string) bool {
	const k = "kaspersky"
	l := strings.ToLower(name)
	return strings.HasPrefix(l, k) && (len(l) == len(k) || !isAlnum(l[len(k)]))
}

func isAlnum(b byte) bool { return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' }

// slug makes "Kaspersky Foo 2027" into "kaspersky-foo-2027".
func slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if r < 128 && isAlnum(byte(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return "unnamed"
	}
	return b.String()
}

// guessComponent reads a product's main job from its name; antivirus when
// the name does not say.
func guessComponent(name string) string {
	l := strings.ToLower(name)
	switch {
	case strings.Contains(l, "password"):
		return catalog.ComponentPasswordManager
	case strings.Contains(l, "vpn") || strings.Contains(l, "secure connection"):
		return catalog.ComponentVPN
	case strings.Contains(l, "safe kids"):
		return catalog.ComponentParentalControls
	case strings.Contains(l, "network agent"):
		return catalog.ComponentManagementAgent
	}
	return catalog.ComponentAntivirus
}

// unknownSecurityCenter reports antivirus products Windows knows that the
// catalog does not: they protect the computer too.
func (m *matcher) unknownSecurityCenter() {
	for i, sc := range m.snap.SecurityCenter {
		if m.securityCenterUsed[i] || strings.TrimSpace(sc.DisplayName) == "" {
			continue
		}
		id := "security-center-" + fmt.Sprint(i)
		state := StateInstalled
		if sc.State.Protection == platform.ProtectionOn {
			state = StateRunning
		}
		m.found[id] = &Finding{
			ProductID: id, Name: sc.DisplayName, Vendor: "", Role: catalog.RoleProtection, Component: catalog.ComponentAntivirus,
			SecurityCenter: []platform.SecurityCenter{sc},
			Evidence: []Evidence{{
				Kind: catalog.KindSecurityCenter, Matched: sc.DisplayName, Where: "Windows Security Center: " + sc.State.String(),
				Source: "windows-security-center", Confidence: catalog.Confirmed, State: state,
			}},
		}
		m.order = append(m.order, id)
	}
}

func strongest(ev []Evidence) string {
	state := StateLeftover
	for _, e := range ev {
		switch {
		case e.State == StateRunning:
			return StateRunning
		case e.State == StateInstalled:
			state = StateInstalled
		}
	}
	return state
}

// serviceVersion reads the version out of Kaspersky's versioned service name (AVP21.3).
func serviceVersion(name string) string {
	if len(name) > 3 && strings.EqualFold(name[:3], "AVP") && name[3] >= '0' && name[3] <= '9' {
		return name[3:]
	}
	return ""
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
