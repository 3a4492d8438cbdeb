package ui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/detect"
	"transitionhelper/app/removal"
	"transitionhelper/app/report"
	"transitionhelper/app/service"
	"transitionhelper/app/wizard"
)

// removeWidgets are step 4's widgets.
type removeWidgets struct {
	scanControl
	Rows          map[string]*widget.Label
	RemoveButtons map[string]*widget.Button
	Restart       *widget.Button
}

func removalImportance(st wizard.RemovalState) widget.Importance {
	switch st {
	case wizard.Removed:
		return widget.SuccessImportance
	case wizard.RestartNeeded, wizard.Removing:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

// removeView is step 4: one row per product with its state and a Remove
// button that starts the product's own uninstaller; a re-check; the
// fallbacks; what stayed behind.
func (u *App) removeView() fyne.CanvasObject {
	box := container.NewVBox(paragraph(lang.X("remove.intro", "Remove each product below with its own uninstaller. Then press \"Check again\" to see that it is gone.")))
	if u.state.Region != wizard.RegionUS {
		box.Add(paragraph(lang.X("remove.other-region", "Outside the U.S. Kaspersky may still get updates. Remove it only if you want to change.")))
	}
	u.Remove.Rows = map[string]*widget.Label{}
	u.Remove.RemoveButtons = map[string]*widget.Button{}
	protected, restart := false, false
	for _, row := range u.state.RemovalRows() {
		f := row.Finding
		state := widget.NewLabelWithStyle(report.RemovalText(row.State, Translate), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		state.Importance = removalImportance(row.State)
		u.Remove.Rows[f.ProductID] = state
		right := container.NewHBox(state)
		if row.State == wizard.ToRemove {
			b := widget.NewButtonWithIcon(lang.X("remove.button", "Remove"), theme.DeleteIcon(), func() { u.prepareRemoval(f) })
			if u.scanning || u.removing {
				b.Disable()
			}
			u.Remove.RemoveButtons[f.ProductID] = b
			right.Add(b)
		}
		content := container.NewVBox(container.NewBorder(nil, nil, nil, right, paragraph(report.Clean(f.NameVersion()))))
		if note, ok := u.removalNotes[f.ProductID]; ok {
			n := paragraph(note.msg)
			n.Importance = widget.WarningImportance
			content.Add(n)
			if note.reason != "" {
				why := widget.NewLabel(note.reason)
				why.Wrapping = fyne.TextWrapWord
				why.TextStyle = fyne.TextStyle{Monospace: true}
				content.Add(widget.NewAccordion(widget.NewAccordionItem(lang.X("ui.details", "Details"), why)))
			}
		}
		box.Add(widget.NewCard("", "", content))
		protected = protected || f.PasswordProtected
		restart = restart || row.State == wizard.RestartNeeded
	}
	if protected {
		w := paragraph(lang.X("remove.password", "Kaspersky is protected by a password. The uninstaller will ask for it. If you forgot it, Kaspersky explains how to reset it:"))
		w.Importance = widget.WarningImportance
		box.Add(w)
		box.Add(u.catalogLink(service.PasswordResetSource))
	}
	if restart {
		box.Add(paragraph(lang.X("remove.restart-note", "Restart the computer to finish. This app opens again by itself after the restart and comes back to this step.")))
		u.Remove.Restart = widget.NewButtonWithIcon(lang.X("remove.restart-now", "Restart now"), theme.ViewRefreshIcon(), u.confirmRestart)
		u.Remove.Restart.Importance = widget.HighImportance
		box.Add(container.NewHBox(u.Remove.Restart))
	}
	u.Remove.scanControl = u.newScanControl(lang.X("remove.check-again", "Check again"), theme.ViewRefreshIcon(), u.recheckRemoval)
	box.Add(u.Remove.view())

	// Fallbacks, for when the uninstaller cannot be started or fails.
	how := widget.NewAccordion(widget.NewAccordionItem(lang.X("remove.how", "How to remove it"), u.removeHow()))
	box.Add(how)
	if left := u.leftovers(); left != nil {
		box.Add(left)
	}
	return box
}

// removeHow lists the ways to remove Kaspersky by hand.
func (u *App) removeHow() fyne.CanvasObject {
	box := container.NewVBox(paragraph(removeHowText(u.osFamily())))
	if u.osFamily() == "windows" && u.cfg.OpenAppsSettings != nil {
		box.Add(container.NewHBox(widget.NewButton(lang.X("remove.open-apps", "Open Apps & features"), func() {
			if err := u.cfg.OpenAppsSettings(); err != nil {
				fyne.LogError("opening Apps & features", err)
				dialog.ShowError(err, u.win)
			}
		})))
	}
	box.Add(paragraph(lang.X("remove.tool", "If the uninstaller does not work, Kaspersky's removal tool (kavremover) removes its products:")))
	box.Add(u.catalogLink("kaspersky-uninstall"))
	return box
}

// leftovers says what stays behind once the products are removed, and how
// to remove it; the app deletes nothing itself.
func (u *App) leftovers() fyne.CanvasObject {
	folders := service.Leftovers(u.state)
	if len(u.state.Gone) == 0 && len(folders) == 0 {
		return nil
	}
	box := container.NewVBox(heading(lang.X("remove.left-title", "What may stay behind")))
	for _, f := range folders {
		box.Add(paragraph(lang.X("remove.left-folder", "The folder {{.Path}}. You can delete it once Kaspersky is removed.", map[string]any{"Path": report.Clean(f)})))
	}
	if u.osFamily() == "windows" {
		box.Add(paragraph(lang.X("remove.left-extension", "Kaspersky's browser extension can stay installed: remove \"Kaspersky Protection\" from your browser's list of extensions.")))
		box.Add(paragraph(lang.X("remove.left-certificate", "A \"Kaspersky Anti-Virus personal root certificate\" can stay in Windows' certificate store. Support staff can remove it; it is harmless once Kaspersky is gone.")))
	}
	return box
}

func (u *App) catalogLink(sourceID string) fyne.CanvasObject {
	src := u.cat.Source(sourceID)
	if src == nil {
		return widget.NewLabel("")
	}
	if h := httpsLink(src.Title, src.URL); h != nil {
		return h
	}
	return widget.NewLabel("")
}

func removeHowText(goos string) string {
	switch goos {
	case "windows":
		return lang.X("remove.how-windows", "1. Open Start, then Settings, then Apps (on Windows 10: Apps & features).\n2. Find the product in the list, choose it, then Uninstall.\n3. Follow the uninstaller. If it asks what to keep, you may keep the licence information.\n4. Restart the computer when it asks, then open this app again: it comes back to this step.")
	case "darwin":
		return lang.X("remove.how-mac", "1. Open the Kaspersky app and choose Uninstall from its Help menu, or open Kaspersky's uninstaller from the Applications folder.\n2. Follow it and enter your Mac password when asked.\n3. If that does not work, use Kaspersky's removal tool for Mac (kavremover).")
	}
	return lang.X("remove.how-linux", "Kaspersky for Linux is a business product: ask your IT department, or remove its packages (kesl, klnagent64) with your package manager as an administrator.")
}

// prepareRemoval scans afresh and plans the product's removal (never from
// saved progress), then asks; the plan and why it is trusted are behind
// Details.
func (u *App) prepareRemoval(f detect.Finding) {
	if u.caller != nil {
		return
	}
	if u.scanning || u.removing {
		return
	}
	delete(u.removalNotes, f.ProductID)
	u.removing = true
	u.showNavState()
	u.Remove.CheckButton.Disable()
	progress := u.Remove.Progress
	progress.Show()
	progress.Start()
	u.cfg.Async(func() {
		p, _, err := u.svc.Prepare(context.Background(), f.ProductID)
		fyne.Do(func() {
			u.removing = false
			progress.Stop()
			progress.Hide()
			if err != nil {
				u.cannotStart(f.ProductID, p, err)
				return
			}
			u.confirmRemoval(p)
		})
	})
}

// cannotStart says why an uninstaller will not be started.
func (u *App) cannotStart(productID string, p *service.Prepared, err error) {
	msg := lang.X("remove.cannot-start", "This product's uninstaller cannot be started from here. Use \"How to remove it\" below.")
	switch {
	case errors.Is(err, service.ErrNotFound):
		msg = lang.X("remove.gone", "This product was not found any more. Press \"Check again\".")
	case report.RefusalText(err, Translate) != "":
		msg = report.RefusalText(err, Translate)
	case errors.Is(err, removal.ErrRefused) && p != nil && p.Signature != nil:
		msg = report.OutcomeText(removal.Refused, -1, Translate) + " " + lang.X("remove.use-how", "Use \"How to remove it\" below.")
	}
	u.removalNote(productID, msg, err)
}

// confirmRemoval says what will happen and asks.
func (u *App) confirmRemoval(p *service.Prepared) {
	f := p.Finding
	msg := lang.X("remove.confirm", "This starts {{.Product}}'s own uninstaller. Windows will ask for permission: choose Yes if the publisher is Kaspersky. Follow the uninstaller to the end.", map[string]any{"Product": f.Name})
	switch {
	case p.Plan.Kind == removal.KindMSI:
		msg = lang.X("remove.confirm-msi", "This removes {{.Product}} with Windows Installer. Windows will ask for permission and name the program \"Windows Installer\" from Microsoft Windows: choose Yes. Follow it to the end.", map[string]any{"Product": f.Name})
	case p.Plan.Kind == removal.KindPackages:
		msg = lang.X("remove.confirm-linux", "This removes the packages of {{.Product}}. You will be asked for an administrator's password.", map[string]any{"Product": f.Name})
		if len(p.Plan.AlsoRemoves) > 0 {
			msg += "\n\n" + lang.X("remove.confirm-also", "Other programs need these packages and will be removed too: {{.Packages}}", map[string]any{"Packages": strings.Join(p.Plan.AlsoRemoves, ", ")})
		}
	case p.Plan.Kind == removal.KindMacApp:
		msg = lang.X("remove.confirm-mac", "This opens {{.Product}}'s own uninstaller. Follow it to the end; it asks for your Mac password.", map[string]any{"Product": f.Name})
	}
	text := []string{msg}
	if f.PasswordProtected {
		text = append(text, lang.X("remove.confirm-password", "Have your Kaspersky password ready: the uninstaller will ask for it."))
	}
	if u.svc.DryRun() {
		text = append(text, lang.X("remove.confirm-dry-run", "This window shows sample data: nothing will be started."))
	}
	body := container.NewVBox(paragraph(strings.Join(text, "\n\n")))
	lines := []string{report.Clean(p.Plan.CommandLine())}
	for _, w := range p.Trust {
		lines = append(lines, "• "+report.Clean(w))
	}
	details := widget.NewLabel(strings.Join(lines, "\n"))
	details.TextStyle = fyne.TextStyle{Monospace: true}
	details.Wrapping = fyne.TextWrapWord
	body.Add(widget.NewAccordion(widget.NewAccordionItem(lang.X("ui.details", "Details"), details)))
	d := dialog.NewCustomConfirm(lang.X("remove.confirm-title", "Remove {{.Product}}?", map[string]any{"Product": f.Name}),
		lang.X("remove.start", "Start the uninstaller"), lang.X("remove.not-now", "Not now"), body,
		func(ok bool) {
			if ok {
				u.startRemoval(p)
			}
		}, u.win)
	d.Resize(fyne.NewSize(560, 320))
	d.Show()
}

// startRemoval runs the uninstaller off the UI goroutine; the row says
// "Removing…" until it ends, then a re-check updates it.
func (u *App) startRemoval(p *service.Prepared) {
	id := p.Finding.ProductID
	u.removing = true
	u.setState(u.svc.Begin(u.state, id))
	var out bytes.Buffer
	var mu sync.Mutex
	u.cfg.Async(func() {
		o := u.svc.Start(context.Background(), p, lockedWriter{&mu, &out})
		fyne.Do(func() {
			u.removing = false
			mu.Lock()
			output := strings.TrimSpace(out.String())
			mu.Unlock()
			u.removalDone(id, o, output)
		})
	})
}

// removalDone records an uninstaller's outcome and checks the computer again.
func (u *App) removalDone(productID string, o service.Outcome, output string) {
	delete(u.removalNotes, productID)
	msg := report.OutcomeText(o.Result, o.Code, Translate)
	var reason error
	switch o.Result {
	case removal.Done, removal.RestartNeeded:
		msg = ""
	case removal.Refused, removal.Failed:
		msg += " " + lang.X("remove.use-how", "Use \"How to remove it\" below.")
		if why := report.RefusalText(o.Err, Translate); why != "" {
			msg = why
		}
		reason = o.Err
		if reason == nil && output != "" {
			reason = errors.New(output)
		}
	}
	if msg != "" {
		u.removalNotes[productID] = removalNote{msg: msg}
		if reason != nil {
			fyne.LogError("removal of "+productID, reason)
			u.removalNotes[productID] = removalNote{msg: msg, reason: report.Clean(reason.Error())}
		}
	}
	u.setState(u.svc.Apply(u.state, productID, o))
	u.recheckRemoval()
}

// removalNote is a plain message under a row, its technical reason behind Details.
type removalNote struct{ msg, reason string }

// removalNote shows a plain message under the row; the reason goes behind
// Details and to the log.
func (u *App) removalNote(productID, msg string, reason error) {
	note := removalNote{msg: msg}
	if reason != nil && reason.Error() != "" {
		fyne.LogError("removal of "+productID, reason)
		note.reason = report.Clean(reason.Error())
	}
	u.removalNotes[productID] = note
	u.showStep()
}

// recheckRemoval re-scans and updates the rows: a product no longer found
// is removed.
func (u *App) recheckRemoval() {
	u.runCheck(u.Remove.scanControl, func(ctx context.Context, st wizard.State) (wizard.State, error) {
		next, _, err := u.svc.Recheck(ctx, st)
		return next, err
	})
}

func (u *App) confirmRestart() {
	if u.caller != nil {
		return
	}
	dialog.ShowConfirm(lang.X("remove.restart-now", "Restart now"),
		lang.X("remove.restart-confirm", "Save your work in other programs first. Restart the computer now?"),
		func(ok bool) {
			if !ok || u.cfg.Restart == nil {
				return
			}
			if err := u.cfg.Restart(); err != nil {
				fyne.LogError("restarting", err)
				dialog.ShowError(fmt.Errorf("%s: %v", lang.X("remove.restart-failed", "The computer could not be restarted. Restart it from the Start menu"), err), u.win)
			}
		}, u.win)
}

// lockedWriter serialises the uninstaller's writes; the output is read
// once it ends.
type lockedWriter struct {
	mu *sync.Mutex
	b  *bytes.Buffer
}

// Write appends to the buffer under the lock.
func (w lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}
