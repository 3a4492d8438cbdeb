package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/catalog"
	"transitionhelper/app/detect"
	"transitionhelper/app/progress"
	"transitionhelper/app/report"
	"transitionhelper/app/wizard"
	"transitionhelper/platform"
)

// verifyWidgets are step 6's widgets.
type verifyWidgets struct {
	scanControl
	Verdict *widget.Label
	Warning *widget.Label
	// NextText says the one thing to do next; NextAction does it, where the
	// app can (open Windows Security, go to a step).
	NextText   *widget.Label
	NextAction *button
	// OSSupport says the system itself gets no more security updates.
	OSSupport *widget.Label
}

// verifyView is step 6: what protects this computer now, on the latest
// scan, and the one thing to do next; "Scan again" in the footer.
func (u *App) verifyView() fyne.CanvasObject {
	box := container.NewVBox()
	u.Verify.scanControl = u.newScanControl(lang.X("scan.again", "Scan again"), theme.ViewRefreshIcon(), u.verify)
	u.setProgress(u.Verify.Progress)
	rec := u.state.Latest()
	if u.state.Verify == nil {
		box.Add(paragraph(lang.X("verify.from-first-2", "This is the result of the first scan. After you change something, press \"Scan again\" at the bottom right.")))
	}
	st := wizard.StandingOf(u.state)
	prot := u.state.Protection()
	switch {
	case len(prot.Active) > 0:
		var names []string
		for _, n := range prot.Names() {
			names = append(names, report.Name(n))
		}
		u.Verify.Verdict = heading(lang.X("verify.protected", "Protecting this computer now: {{.Names}}", map[string]any{"Names": strings.Join(names, ", ")}))
		u.Verify.Verdict.Importance = widget.SuccessImportance
	case st.OnlyKaspersky:
		u.Verify.Verdict = heading(lang.X("verify.only-kaspersky", "Only Kaspersky protects this computer, and it has had no updates since September 29, 2024."))
		u.Verify.Verdict.Importance = widget.WarningImportance
	case st.Protected:
		u.Verify.Verdict = heading(lang.X("verify.kaspersky-other-region", "Kaspersky protects this computer. Outside the U.S. it may still get updates: check in Kaspersky that they are recent."))
	default:
		u.Verify.Verdict = heading(lang.X("verify.none", "No security software is protecting this computer."))
		u.Verify.Verdict.Importance = widget.DangerImportance
	}
	box.Add(u.Verify.Verdict)
	// The one thing to do next comes right under the verdict; its button
	// is the footer's main action, "Scan again" then sits here.
	box.Add(u.nextActionCard(st))
	if u.Verify.NextAction != nil {
		u.setAction(u.Verify.NextAction)
		box.Add(container.NewHBox(u.Verify.ScanButton))
	} else {
		u.setAction(u.Verify.ScanButton)
	}
	for _, p := range progress.Protections(rec) {
		box.Add(paragraph("• " + protectionLine(p)))
	}
	if len(prot.Clashing()) > 1 {
		u.Verify.Warning = paragraph(lang.X("verify.two", "Two or more security programs are switched on at once. They can slow the computer down and get in each other's way. Keep one and remove or turn off the others."))
		u.Verify.Warning.Importance = widget.WarningImportance
		box.Add(u.Verify.Warning)
	}
	if w := u.osSupportNote(); w != nil {
		box.Add(w)
	}
	if u.osFamily() != "windows" {
		box.Add(paragraph(lang.X("verify.limits", "On this system we can only see which security programs are installed and running, not whether their protection is switched on and up to date.")))
	}
	return box
}

// nextActionCard says the one thing to do next, and makes the button that
// does it or goes where it is done (NextAction, nil when Next is it).
func (u *App) nextActionCard(st wizard.Standing) fyne.CanvasObject {
	var text, label string
	var act func()
	goStep := func(s progress.Step) func() { return func() { u.goTo(s) } }
	switch st.Next {
	case progress.StepSave:
		text = lang.X("next.save", "Next: export your passwords in step 3. Then remove Kaspersky in step 4.")
		label, act = lang.X("step.go-3", "Go to step 3"), goStep(progress.StepSave)
	case progress.StepRemove:
		text = lang.X("next.remove", "Next: remove Kaspersky in step 4. Windows Security's own protection comes back on once it is gone.")
		if u.osFamily() != catalog.OSWindows {
			text = lang.X("next.remove-other", "Next: remove Kaspersky in step 4.")
		}
		if st.RestartPending {
			text = lang.X("next.restart", "Next: restart the computer to finish removing Kaspersky (step 4).")
		}
		label, act = lang.X("step.go-4", "Go to step 4"), goStep(progress.StepRemove)
	case progress.StepVerify:
		if u.osFamily() == catalog.OSWindows && u.hasDefender() {
			text = lang.X("next.turn-on-defender", "Next: open Windows Security, choose \"Virus & threat protection\" and turn it on, or install the program you chose in step 5. Then press \"Scan again\".")
			if u.cfg.OpenWindowsSecurity != nil { // on this Windows, not a caller's report or sample data
				label, act = lang.X("choose.open-security", "Open Windows Security"), u.openWindowsSecurity
			}
		} else {
			text = lang.X("next.install", "Next: install the program you chose in step 5. Then press \"Scan again\".")
			label, act = lang.X("step.go-5", "Go to step 5"), goStep(progress.StepChoose)
		}
	default:
		text = lang.X("next.done", "Nothing else to do here. Press Next for the summary and the report.")
	}
	u.Verify.NextText = heading(text)
	if act != nil {
		u.Verify.NextAction = newButtonWithIcon(label, theme.NavigateNextIcon(), act)
		u.Verify.NextAction.Importance = widget.HighImportance
		if u.scanning || u.removing {
			u.Verify.NextAction.Disable()
		}
	}
	return u.Verify.NextText
}

// hasDefender: the latest scan found Microsoft Defender (installed, even if off).
func (u *App) hasDefender() bool {
	rec := u.state.Latest()
	if rec == nil {
		return false
	}
	return slices.ContainsFunc(rec.Findings, func(f detect.Finding) bool {
		return f.ProductID == "microsoft-defender" && f.State != detect.StateLeftover
	})
}

func (u *App) verify() {
	u.runScan(u.Verify.scanControl, u.scanned(progress.State.WithVerify))
}

// protectionLine says what one product's protection is doing.
func protectionLine(p progress.ProtectionState) string {
	name := report.Name(p.Finding.Name)
	if p.Finding.AlwaysOn && p.Finding.State != detect.StateLeftover {
		if p.Finding.Version != "" {
			return lang.X("verify.line-always-on-version", "{{.Name}}: part of the system and always on (signatures version {{.Version}})", map[string]any{"Name": name, "Version": report.Name(p.Finding.Version)})
		}
		return lang.X("verify.line-always-on", "{{.Name}}: part of the system and always on", map[string]any{"Name": name})
	}
	if !p.Known {
		if p.Finding.State == detect.StateRunning {
			return lang.X("verify.line-running", "{{.Name}}: running", map[string]any{"Name": name})
		}
		return lang.X("verify.line-installed", "{{.Name}}: installed, not running", map[string]any{"Name": name})
	}
	state := protectionWord(p.Protection)
	sig := lang.X("verify.sig-ok", "up to date")
	if !p.SignaturesUpToDate {
		sig = lang.X("verify.sig-old", "out of date")
	}
	return lang.X("verify.line-known", "{{.Name}}: {{.State}}, virus definitions {{.Signatures}} (Windows Security)", map[string]any{"Name": name, "State": state, "Signatures": sig})
}

// protectionWord is Windows Security's word for a product's protection,
// the same in steps 2 and 6.
func protectionWord(protection string) string {
	switch protection {
	case platform.ProtectionOn:
		return lang.X("verify.state-on", "switched on")
	case platform.ProtectionOff:
		return lang.X("verify.state-off", "switched off")
	case platform.ProtectionSnoozed:
		return lang.X("verify.state-snoozed", "paused for now")
	case platform.ProtectionExpired:
		return lang.X("verify.state-expired", "subscription expired")
	}
	return lang.X("verify.state-unknown", "state unknown")
}

// osSupportNote says, when the computer's own system is past its free
// security updates (Windows 10), that no antivirus replaces them, what is
// left (Extended Security Updates until their end) and how to check and
// sign up, with the sources and the day they were read; nil otherwise.
func (u *App) osSupportNote() fyne.CanvasObject {
	rec := u.state.Latest()
	if rec == nil || rec.OSSupport == nil {
		return nil
	}
	w := report.OSSupportWords(rec.OSSupport, Translate)
	u.Verify.OSSupport = paragraph(w.Said)
	u.Verify.OSSupport.Importance = widget.WarningImportance
	box := container.NewVBox(u.Verify.OSSupport, paragraph(w.How))
	if w.Hint != "" {
		box.Add(paragraph(w.Hint))
	}
	for _, kind := range []string{"os-esu-end", "os-support-end"} {
		m := u.cat.Milestone(kind)
		if m == nil {
			continue
		}
		if src := u.cat.Source(m.Source); src != nil {
			if h := httpsLink(sourceTitle(m.Source, src.Title), src.URL); h != nil {
				box.Add(h)
			}
		}
		if kind == "os-esu-end" {
			if src := u.cat.Source("ms-esu-consumer"); src != nil {
				if h := httpsLink(sourceTitle("ms-esu-consumer", src.Title), src.URL); h != nil {
					box.Add(h)
				}
			}
		}
		box.Add(checkedOn(m.Checked))
	}
	return box
}
