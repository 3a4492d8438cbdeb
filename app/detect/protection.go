package detect

import (
	"slices"

	"transitionhelper/app/catalog"
	"transitionhelper/platform"
)

// Protection is the one verdict on what protects a computer: steps 6 and 7,
// the status code and its decoder, the reports, scan --json's
// activeProtection and the doctor all read it, so none of them can say
// "protected" where another says "not".
type Protection struct {
	// Active lists the antivirus products other than Kaspersky that
	// protect the computer now (UltraAV included: it is not Kaspersky).
	Active []Finding
	// Kaspersky lists Kaspersky's own antivirus products that protect it
	// now, by the same rule; in the U.S. they get no updates.
	Kaspersky []Finding
	// Protected: something protects the computer: Active is not empty, or
	// Kaspersky is not and it may still get updates where the computer is.
	Protected bool
	// OnlyKaspersky: nothing protects the computer but a Kaspersky that gets
	// no updates where the computer is.
	OnlyKaspersky bool
}

// Protects reports whether f protects the computer now. Windows Security
// Center is the first authority: a product it lists protects only when it
// says so, whatever runs. Where it lists nothing (macOS, Linux, Windows
// Server, a product it does not know) a running antivirus protects, and so
// does the system's own always-on protection while present. On Windows a
// running process counts only when its program lies where only
// administrators can change it: a process whose evidence says otherwise
// (Evidence.NotProtection: a user's folder, or a program that could not be
// read or judged) never makes f protect, though f still runs.
func Protects(f Finding) bool {
	if f.Component != catalog.ComponentAntivirus {
		return false
	}
	if len(f.SecurityCenter) > 0 {
		return slices.ContainsFunc(f.SecurityCenter, func(sc platform.SecurityCenter) bool {
			return sc.State.Protection == platform.ProtectionOn
		})
	}
	return f.State == StateRunning && runsCounted(f) || f.AlwaysOn && f.State != StateLeftover
}

// runsCounted: some running evidence of f counts as protection (none says
// NotProtection). A finding with no evidence at all (made by hand) is
// taken at its State.
func runsCounted(f Finding) bool {
	return len(f.Evidence) == 0 || slices.ContainsFunc(f.Evidence, func(e Evidence) bool {
		return e.State == StateRunning && e.NotProtection == ""
	})
}

// ProtectionImages names the processes whose program a scan must read and
// judge (platform.Options.JudgeImage): those a Windows process signature
// of an antivirus product matches, the only processes Protects could count.
// They are few, so the scan stays fast.
func ProtectionImages(cat *catalog.Catalog) func(name string) bool {
	var sigs []*catalog.Signature
	for i := range cat.Products {
		p := &cat.Products[i]
		if p.Component != catalog.ComponentAntivirus {
			continue
		}
		for j := range p.Signatures {
			if s := &p.Signatures[j]; s.OS == catalog.OSWindows && s.Kind == catalog.KindProcess {
				sigs = append(sigs, s)
			}
		}
	}
	return func(name string) bool {
		return slices.ContainsFunc(sigs, func(s *catalog.Signature) bool { return s.Matches(name) })
	}
}

// notProtection says why proc, in snap, does not count as protection;
// "" when it may. Only a Windows snapshot whose scan judged the programs
// (ProcessImagesJudged) says anything: there a process counts only when
// its program was judged administrators-only, and one not judged at all
// does not count either.
func notProtection(snap *platform.Snapshot, proc platform.Process) string {
	if snap.OS.Family != catalog.OSWindows || !snap.ProcessImagesJudged || proc.ImageAdminOnly {
		return ""
	}
	if proc.ImageWhy != "" {
		return proc.ImageWhy
	}
	return "its program was not judged"
}

// ProtectionOf decides what protects a computer with findings fs.
// kasperskyUpdates says whether Kaspersky may still get updates where the
// computer is (outside the U.S.): then a Kaspersky that protects counts.
func ProtectionOf(fs []Finding, kasperskyUpdates bool) Protection {
	var p Protection
	for _, f := range fs {
		if !Protects(f) {
			continue
		}
		if f.Role == catalog.RoleRemove {
			p.Kaspersky = append(p.Kaspersky, f)
		} else {
			p.Active = append(p.Active, f)
		}
	}
	p.Protected = len(p.Active) > 0 || kasperskyUpdates && len(p.Kaspersky) > 0
	p.OnlyKaspersky = len(p.Active) == 0 && len(p.Kaspersky) > 0 && !kasperskyUpdates
	return p
}

// Names are the names of the products in Active, in order.
func (p Protection) Names() []string {
	var out []string
	for _, f := range p.Active {
		out = append(out, f.Name)
	}
	return out
}

// Clashing lists the products of Active that get in each other's way when
// two or more run: all but the system's own always-on protection, which is
// meant to run beside another product.
func (p Protection) Clashing() []Finding {
	var out []Finding
	for _, f := range p.Active {
		if !f.AlwaysOn {
			out = append(out, f)
		}
	}
	return out
}
