package detect

// Matching: each signature of the catalog against the snapshot's processes,
// services, programs, vendor keys, Security Center and leftover folders,
// one finding per product.

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"transitionhelper/app/catalog"
	"transitionhelper/platform"
)

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
