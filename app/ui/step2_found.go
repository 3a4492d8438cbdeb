package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/catalog"
	"transitionhelper/app/detect"
	"transitionhelper/app/progress"
	"transitionhelper/app/region"
	"transitionhelper/app/report"
	"transitionhelper/app/timeline"
)

// foundWidgets are step 2's widgets.
type foundWidgets struct {
	Headline *widget.Label
	Cards    []*widget.Card
	// CertificateHow are the removal steps of the root certificate cards.
	CertificateHow []*widget.Label
}

// foundView is step 2: one card per finding, in plain words, the evidence
// behind Details.
func (u *App) foundView() fyne.CanvasObject {
	rec := u.state.Scan
	sum := rec.Summary()
	box := container.NewVBox()
	switch {
	case sum.KasperskyActive:
		u.Found.Headline = heading(lang.X("found.kaspersky", "Kaspersky is on this computer."))
	case sum.KasperskyLeftovers && onlyCertificatesLeft(rec.Findings):
		u.Found.Headline = heading(lang.X("found.leftovers-certificate", "Kaspersky's root certificate is still on this computer."))
	case sum.KasperskyLeftovers:
		u.Found.Headline = heading(lang.X("found.leftovers", "Kaspersky was removed, but some of its files stayed behind."))
	default:
		u.Found.Headline = heading(lang.X("found.none", "No Kaspersky product was found on this computer. Press Next to check that this computer is protected."))
	}
	box.Add(u.Found.Headline)
	if sum.UltraAV {
		box.Add(paragraph(lang.X("found.ultraav", "UltraAV or UltraVPN is on this computer. They come from another company, Pango Group, to which Kaspersky moved its U.S. customers in September 2024. You can keep them or choose something else in step 5.")))
		how := paragraph(ultraAVRemoval(u.osFamily()))
		box.Add(newExpander(lang.X("found.ultraav-remove-title", "If you do not want UltraAV"), how).Box)
	}
	u.Found.CertificateHow = nil
	for _, f := range rec.Findings {
		var c *widget.Card
		if f.Component == catalog.ComponentRootCertificate {
			c = u.certificateCard(f, sum.KasperskyActive)
		} else {
			c = u.findingCard(f)
		}
		u.Found.Cards = append(u.Found.Cards, c)
		box.Add(c)
	}
	if !rec.Complete {
		w := paragraph(lang.X("found.incomplete", "Some checks could not finish, so this list may be incomplete. The details are in the support panel."))
		w.Importance = widget.WarningImportance
		box.Add(w)
	}
	return box
}

// definitionsOutOfDate: Windows Security Center says the product's own
// virus definitions are out of date on this computer.
func definitionsOutOfDate(f detect.Finding) bool {
	for _, sc := range f.SecurityCenter {
		if !sc.State.SignaturesUpToDate {
			return true
		}
	}
	return false
}

// findingCard shows one product: name and version, its state, what it means
// in one sentence, and the evidence behind a Details expander.
func (u *App) findingCard(f detect.Finding) *widget.Card {
	// The version goes in the subtitle: card titles do not wrap, and a long
	// name with its version would widen the window at larger text.
	subtitle := report.StateText(f.State, Translate)
	// Windows Security's word, as step 6 says it: a Defender that runs
	// but is switched off says so here too.
	if p := progress.ProtectionOf(f); p.Known {
		subtitle += " · " + protectionWord(p.Protection)
	}
	if f.Version != "" {
		subtitle += " · " + lang.X("found.version", "version {{.Version}}", map[string]any{"Version": report.Name(f.Version)})
	}
	var meaning string
	switch {
	case f.Role == catalog.RoleRemove && f.State == detect.StateLeftover:
		meaning = lang.X("found.meaning-leftover", "It was removed, but some of its files stayed behind. They can be cleaned up later.")
	case f.Role == catalog.RoleRemove && u.state.Region == region.US:
		days := 0
		if m := timeline.UpdatesEnd(u.cat); m != nil {
			days = timeline.At(m.At, u.svc.Now()).DaysSince
		}
		switch {
		case definitionsOutOfDate(f):
			meaning = lang.X("found.meaning-outdated", "Windows Security says its virus definitions are out of date. Without updates it misses new threats.")
		case f.Component == catalog.ComponentAntivirus:
			meaning = lang.XN("found.meaning-remove", "Kaspersky's updates in the U.S. ended {{.Count}} days ago. Without them it misses new threats.", days, map[string]any{"Count": days})
		default:
			meaning = lang.XN("found.meaning-remove-app", "Kaspersky's updates in the U.S. ended {{.Count}} days ago. It should be replaced.", days, map[string]any{"Count": days})
		}
	case f.Role == catalog.RoleRemove:
		meaning = lang.X("found.meaning-remove-other", "Outside the U.S. it may still get updates. Check in Kaspersky that they are recent.")
	case f.Role == catalog.RoleReplacement && u.osFamily() == catalog.OSWindows:
		meaning = lang.X("found.meaning-replacement", "In September 2024 Kaspersky's U.S. customers were moved to it. On many Windows computers an automatic update installed it.")
	case f.Role == catalog.RoleReplacement:
		meaning = lang.X("found.meaning-replacement-other", "In September 2024 Kaspersky offered it to its U.S. customers to replace Kaspersky.")
	default:
		meaning = lang.X("found.meaning-protection", "Security software from {{.Vendor}}.", map[string]any{"Vendor": vendorOr(f)})
	}
	var ev []string
	for _, e := range f.Evidence {
		ev = append(ev, "• "+report.LongText(e.String()))
	}
	acc := detailsExpander(ev)
	content := container.NewVBox(paragraph(meaning))
	if f.PasswordProtected {
		content.Add(paragraph(lang.X("found.password", "It is protected by a Kaspersky password. You will need that password to remove it.")))
	}
	content.Add(acc)
	return widget.NewCard(report.Name(f.Name), subtitle, content)
}

func vendorOr(f detect.Finding) string {
	if f.Vendor != "" {
		return report.Name(f.Vendor)
	}
	return report.Name(f.Name)
}

// ultraAVRemoval says how to remove UltraAV for good. The app does not
// start its uninstaller: UltraAV's code-signing certificate is not in the
// catalog with a source, so nothing could check that the program is its own.
func ultraAVRemoval(goos string) string {
	if goos == catalog.OSWindows {
		return lang.X("found.ultraav-remove-windows", "Keep your new protection ready first. Then open Start, Settings, Apps, find UltraAV, choose Uninstall and follow UltraAV's own uninstaller to the end. Users report that other removal tools may not remove it completely: use its own uninstaller. Your UltraAV account shows your subscription and renewal date.")
	}
	return lang.X("found.ultraav-remove-other", "Keep your new protection ready first. Then remove UltraAV with its own uninstaller (on a Mac, from UltraAV's menu or its website's instructions). Your UltraAV account shows your subscription and renewal date.")
}
