package ui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/catalog"
	"transitionhelper/app/cli"
	"transitionhelper/app/detect"
	"transitionhelper/app/removal"
	"transitionhelper/app/report"
	"transitionhelper/app/wizard"
)

// runOnceName is the RunOnce entry that reopens the app after a restart.
const runOnceName = "KasperskyTransitionHelper"

func removalStateText(st wizard.RemovalState) string { return report.RemovalText(st, Translate) }

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
		box.Add(paragraph(lang.X("remove.other-region", "Outside the U.S. Kaspersky still gets updates: you only need to do this if you want to change.")))
	}
	u.Step.Rows = map[string]*widget.Label{}
	u.Step.RemoveButtons = map[string]*widget.Button{}
	protected, restart := false, false
	for _, row := range u.state.RemovalRows() {
		f := row.Finding
		state := widget.NewLabelWithStyle(removalStateText(row.State), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		state.Importance = removalImportance(row.State)
		u.Step.Rows[f.ProductID] = state
		right := container.NewHBox(state)
		if row.State == wizard.ToRemove {
			b := widget.NewButtonWithIcon(lang.X("remove.button", "Remove"), theme.DeleteIcon(), func() { u.confirmRemoval(f) })
			if u.scanning || u.removing {
				b.Disable()
			}
			u.Step.RemoveButtons[f.ProductID] = b
			right.Add(b)
		}
		content := container.NewVBox(container.NewBorder(nil, nil, nil, right, paragraph(nameVersion(f))))
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
		box.Add(u.catalogLink("kaspersky-password-reset"))
	}
	if restart {
		box.Add(paragraph(lang.X("remove.restart-note", "Restart the computer to finish. This app opens again by itself after the restart and comes back to this step.")))
		u.Step.Restart = widget.NewButtonWithIcon(lang.X("remove.restart-now", "Restart now"), theme.ViewRefreshIcon(), u.confirmRestart)
		u.Step.Restart.Importance = widget.HighImportance
		box.Add(container.NewHBox(u.Step.Restart))
	}
	u.scanButton(lang.X("remove.check-again", "Check again"), theme.ViewRefreshIcon(), u.recheckRemoval)
	box.Add(container.NewHBox(u.Step.CheckButton))
	box.Add(u.Step.Progress)

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
	var folders []string
	for _, f := range u.state.Scan.Findings {
		if f.Role != catalog.RoleRemove {
			continue
		}
		for _, e := range f.Evidence {
			if e.Kind == catalog.KindLeftover {
				folders = append(folders, e.Matched)
			}
		}
	}
	if len(u.state.Gone) == 0 && len(folders) == 0 {
		return nil
	}
	box := container.NewVBox(heading(lang.X("remove.left-title", "What may stay behind")))
	for _, f := range folders {
		box.Add(paragraph(lang.X("remove.left-folder", "The folder {{.Path}}. You can delete it once Kaspersky is removed.", map[string]any{"Path": f})))
	}
	if u.osFamily() == "windows" {
		box.Add(paragraph(lang.X("remove.left-extension", "Kaspersky's browser extension can stay installed: remove \"Kaspersky Protection\" from your browser's list of extensions.")))
		box.Add(paragraph(lang.X("remove.left-certificate", "A \"Kaspersky Anti-Virus personal root certificate\" can stay in Windows' certificate store. Support staff can remove it; it is harmless once Kaspersky is gone.")))
	}
	return box
}

func (u *App) catalogLink(sourceID string) fyne.CanvasObject {
	src := u.cfg.Catalog.Source(sourceID)
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

// confirmRemoval plans the removal, says what will happen and asks.
func (u *App) confirmRemoval(f detect.Finding) {
	plan, err := removal.For(u.cfg.Catalog, f, u.cfg.RemovalEnv)
	if err != nil {
		u.removalNote(f.ProductID, lang.X("remove.cannot-start", "This product's uninstaller cannot be started from here. Use \"How to remove it\" below."), err)
		return
	}
	msg := lang.X("remove.confirm", "This starts {{.Product}}'s own uninstaller. Windows will ask for permission: choose Yes if the publisher is Kaspersky. Follow the uninstaller to the end.", map[string]any{"Product": f.Name})
	if plan.Kind == removal.KindPackages {
		msg = lang.X("remove.confirm-linux", "This removes the packages of {{.Product}}. You will be asked for an administrator's password.", map[string]any{"Product": f.Name})
	}
	text := []string{msg}
	if plan.PasswordProtected {
		text = append(text, lang.X("remove.confirm-password", "Have your Kaspersky password ready: the uninstaller will ask for it."))
	}
	body := container.NewVBox(paragraph(strings.Join(text, "\n\n")))
	details := widget.NewLabel(plan.CommandLine() + "\n• " + strings.Join(plan.Why, "\n• "))
	details.TextStyle = fyne.TextStyle{Monospace: true}
	details.Wrapping = fyne.TextWrapWord
	body.Add(widget.NewAccordion(widget.NewAccordionItem(lang.X("ui.details", "Details"), details)))
	d := dialog.NewCustomConfirm(lang.X("remove.confirm-title", "Remove {{.Product}}?", map[string]any{"Product": f.Name}),
		lang.X("remove.start", "Start the uninstaller"), lang.X("remove.not-now", "Not now"), body,
		func(ok bool) {
			if ok {
				u.startRemoval(f, plan)
			}
		}, u.win)
	d.Resize(fyne.NewSize(560, 320))
	d.Show()
}

// startRemoval runs the uninstaller off the UI goroutine; the row says
// "Removing…" until it ends, then a re-check updates it.
func (u *App) startRemoval(f detect.Finding, plan removal.Plan) {
	u.removing = true
	u.setState(u.state.WithRemoval(f.ProductID, wizard.Removing))
	var out bytes.Buffer
	var mu sync.Mutex
	u.cfg.async(func() {
		outcome, code, err := u.cfg.Removal.Run(context.Background(), plan, lockedWriter{&mu, &out})
		fyne.Do(func() {
			u.removing = false
			mu.Lock()
			output := out.String()
			mu.Unlock()
			u.removalDone(f, outcome, code, err, output)
		})
	})
}

// removalDone records an uninstaller's outcome and checks the computer again.
func (u *App) removalDone(f detect.Finding, outcome string, code int, err error, output string) {
	delete(u.removalNotes, f.ProductID)
	next := wizard.ToRemove
	switch {
	case err != nil && errors.Is(err, removal.ErrRefused):
		u.removalNote(f.ProductID, lang.X("remove.refused", "This uninstaller was not started because it could not be trusted. Use \"How to remove it\" below."), err)
	case err != nil:
		u.removalNote(f.ProductID, lang.X("remove.failed", "The uninstaller could not be started. Use \"How to remove it\" below."), err)
	case outcome == removal.RestartNeeded:
		next = wizard.RestartNeeded
	case outcome == removal.Cancelled:
		u.removalNotes[f.ProductID] = removalNote{msg: lang.X("remove.cancelled", "The uninstaller was cancelled. Press Remove to try again.")}
	case outcome == removal.Failed:
		u.removalNote(f.ProductID, lang.X("remove.exit-code", "The uninstaller stopped with code {{.Code}}. Try again, or use \"How to remove it\" below.", map[string]any{"Code": code}), errors.New(strings.TrimSpace(output)))
	}
	s := u.state.WithRemoval(f.ProductID, next)
	if next == wizard.RestartNeeded && u.cfg.SetRunOnce != nil {
		if exe, err := os.Executable(); err == nil {
			if err := u.cfg.SetRunOnce(runOnceName, exe); err != nil {
				fyne.LogError("registering the reopen after restart", err)
			}
		}
	}
	u.setState(s)
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
		note.reason = reason.Error()
	}
	u.removalNotes[productID] = note
	u.showStep()
}

// recheckRemoval re-scans and updates the rows: a product no longer found
// is removed. Once all are gone, the reopen-after-restart entry is removed.
func (u *App) recheckRemoval() {
	if u.Step.CheckButton != nil {
		u.Step.CheckButton.Disable()
	}
	progress := u.Step.Progress
	if progress == nil {
		progress = widget.NewProgressBarInfinite()
	}
	u.runScan(progress, func(res *cli.Result, err error) {
		if err != nil {
			u.scanFailed(err)
			return
		}
		s := u.state.WithScan(res.Record())
		if !res.Summary.KasperskyActive && u.cfg.ClearRunOnce != nil {
			if err := u.cfg.ClearRunOnce(runOnceName); err != nil {
				fyne.LogError("removing the reopen after restart", err)
			}
		}
		u.setState(s)
	})
}

func (u *App) confirmRestart() {
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

// lockedWriter lets the uninstaller's output be read while it runs.
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
