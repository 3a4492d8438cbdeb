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
// does the system's own always-on protection while present.
func Protects(f Finding) bool {
	if f.Component != catalog.ComponentAntivirus {
		return false
	}
	if len(f.SecurityCenter) > 0 {
		return slices.ContainsFunc(f.SecurityCenter, func(sc platform.SecurityCenter) bool {
			return sc.State.Protection == platform.ProtectionOn
		})
	}
	return f.State == StateRunning || f.AlwaysOn && f.State != StateLeftover
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
