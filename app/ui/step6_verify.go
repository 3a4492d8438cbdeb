package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/detect"
	"transitionhelper/app/wizard"
	"transitionhelper/platform"
)

// verifyWidgets are step 6's widgets.
type verifyWidgets struct {
	scanControl
	Verdict *widget.Label
	Warning *widget.Label
}

// verifyView is step 6: check again, then say what protects this computer.
func (u *App) verifyView() fyne.CanvasObject {
	box := container.NewVBox(paragraph(lang.X("verify.intro", "Press \"Check again\" after installing your new protection. We look for Kaspersky and for security software that is switched on.")))
	u.Verify.scanControl = u.newScanControl(lang.X("verify.check", "Check again"), theme.ViewRefreshIcon(), u.verify)
	u.Verify.CheckButton.Importance = widget.HighImportance
	box.Add(u.Verify.view())

	rec := u.state.Latest()
	if u.state.Verify == nil {
		box.Add(paragraph(lang.X("verify.from-first", "Until you check again, this is the result of the first check:")))
	}
	sum := rec.Summary()
	if sum.KasperskyActive {
		w := paragraph(lang.X("verify.kaspersky-still", "Kaspersky is still on this computer. Go back to step 4 to remove it."))
		w.Importance = widget.WarningImportance
		box.Add(w)
	}
	active := wizard.ActiveScanners(rec)
	switch {
	case len(active) == 0:
		u.Verify.Verdict = heading(lang.X("verify.none", "No security software is protecting this computer."))
		u.Verify.Verdict.Importance = widget.DangerImportance
		box.Add(u.Verify.Verdict)
		box.Add(paragraph(noProtectionNext(u.osFamily())))
	default:
		var names []string
		for _, f := range active {
			names = append(names, f.Name)
		}
		u.Verify.Verdict = heading(lang.X("verify.protected", "Protecting this computer now: {{.Names}}", map[string]any{"Names": strings.Join(names, ", ")}))
		u.Verify.Verdict.Importance = widget.SuccessImportance
		box.Add(u.Verify.Verdict)
	}
	for _, p := range wizard.Protections(rec) {
		box.Add(paragraph("• " + protectionLine(p)))
	}
	if len(wizard.Clashing(active)) > 1 {
		u.Verify.Warning = paragraph(lang.X("verify.two", "Two or more security programs are switched on at once. They can slow the computer down and get in each other's way. Keep one and remove or turn off the others."))
		u.Verify.Warning.Importance = widget.WarningImportance
		box.Add(u.Verify.Warning)
	}
	if u.osFamily() != "windows" {
		box.Add(paragraph(lang.X("verify.limits", "On this system we can only see which security programs are installed and running, not whether their protection is switched on and up to date.")))
	}
	return box
}

func noProtectionNext(goos string) string {
	if goos == "windows" {
		return lang.X("verify.none-next-windows", "Next: open Windows Security from the Start menu and turn on Virus & threat protection, or install the program you chose in step 5. Then check again.")
	}
	return lang.X("verify.none-next", "Next: install the program you chose in step 5, then check again.")
}

func (u *App) verify() {
	u.runCheck(u.Verify.scanControl, u.scanned(wizard.State.WithVerify))
}

// protectionLine says what one product's protection is doing.
func protectionLine(p wizard.ProtectionState) string {
	name := p.Finding.Name
	if p.Finding.AlwaysOn && p.Finding.State != detect.StateLeftover {
		if p.Finding.Version != "" {
			return lang.X("verify.line-always-on-version", "{{.Name}}: part of the system and always on (signatures version {{.Version}})", map[string]any{"Name": name, "Version": p.Finding.Version})
		}
		return lang.X("verify.line-always-on", "{{.Name}}: part of the system and always on", map[string]any{"Name": name})
	}
	if !p.Known {
		if p.Finding.State == detect.StateRunning {
			return lang.X("verify.line-running", "{{.Name}}: running", map[string]any{"Name": name})
		}
		return lang.X("verify.line-installed", "{{.Name}}: installed, not running", map[string]any{"Name": name})
	}
	var state string
	switch p.Protection {
	case platform.ProtectionOn:
		state = lang.X("verify.state-on", "switched on")
	case platform.ProtectionOff:
		state = lang.X("verify.state-off", "switched off")
	case platform.ProtectionSnoozed:
		state = lang.X("verify.state-snoozed", "paused for now")
	case platform.ProtectionExpired:
		state = lang.X("verify.state-expired", "subscription expired")
	default:
		state = lang.X("verify.state-unknown", "state unknown")
	}
	sig := lang.X("verify.sig-ok", "up to date")
	if !p.SignaturesUpToDate {
		sig = lang.X("verify.sig-old", "out of date")
	}
	return lang.X("verify.line-known", "{{.Name}}: {{.State}}, virus definitions {{.Signatures}} (Windows Security)", map[string]any{"Name": name, "State": state, "Signatures": sig})
}
