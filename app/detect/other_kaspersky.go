package detect

// Other Kaspersky: Kaspersky's installed programs that no product of the
// catalog names, found by publisher, name or bundle id.

import (
	"slices"
	"strings"

	"transitionhelper/app/catalog"
	"transitionhelper/platform"
)

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
