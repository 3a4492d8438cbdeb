package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/catalog"
	"transitionhelper/app/detect"
	"transitionhelper/app/progress"
	"transitionhelper/app/region"
	"transitionhelper/app/report"
	"transitionhelper/app/service"
)

// removeWidgets are step 4's widgets.
type removeWidgets struct {
	scanControl
	Rows          map[string]*widget.Label
	RemoveButtons map[string]*button
	Restart       *button
	// RemoveAll starts every uninstaller, one after another, after one question.
	RemoveAll *button
	// Guard is the warning about unsaved data while it is shown; GuardNow
	// and GuardAnyway are its choices besides "Not now" (Guard.Buttons[0]).
	Guard                 *question
	GuardNow, GuardAnyway *dialogButton
	// Intro is the step's first sentence (removeIntro).
	Intro *widget.Label
	// OpenApps opens Windows' Apps settings beside a product whose
	// uninstaller cannot be started from here.
	OpenApps map[string]*button
	// Confirm is the last question before uninstallers start, and
	// LossWarning its repeated warning when the user chose "Remove anyway".
	Confirm     *question
	LossWarning *widget.Label
	// CertificateLeft says a Kaspersky root certificate is still here,
	// only when the scan found one.
	CertificateLeft *widget.Label
}

func removalImportance(st progress.RemovalState) widget.Importance {
	switch st {
	case progress.Removed:
		return widget.SuccessImportance
	case progress.RestartNeeded, progress.Removing:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

// removeView is step 4: one row per product with its state and a Remove
// button that starts the product's own uninstaller; a re-check; the
// fallbacks; what stayed behind.
func (u *App) removeView() fyne.CanvasObject {
	todo := u.removeAllOrder()
	u.Remove.Intro = paragraph(removeIntro(u.state.RemovalRows(), u.removing))
	box := container.NewVBox(u.Remove.Intro)
	if u.state.Region != region.US {
		box.Add(paragraph(lang.X("remove.other-region", "Outside the U.S. Kaspersky may still get updates. Remove it only if you want to change.")))
	}
	u.Remove.Rows = map[string]*widget.Label{}
	u.Remove.RemoveButtons = map[string]*button{}
	u.Remove.OpenApps = map[string]*button{}
	rows := u.state.RemovalRows()
	// The Kaspersky password first: without it the uninstaller stops.
	u.passwordNote(box, slices.ContainsFunc(rows, func(r progress.RemovalRow) bool { return r.Finding.PasswordProtected && r.State == progress.ToRemove }))
	// The main action, in the footer: remove them all (or the one), or
	// restart when an uninstaller asked for it, else scan again.
	switch n := len(todo); {
	case n > 1:
		u.Remove.RemoveAll = newButtonWithIcon(lang.X("remove.all", "Remove all {{.Count}}, one after another", map[string]any{"Count": n}), theme.DeleteIcon(), func() { u.prepareRemoval(u.removeAllOrder()...) })
	case n == 1:
		f := todo[0]
		u.Remove.RemoveAll = newButtonWithIcon(lang.X("remove.one", "Remove Kaspersky"), theme.DeleteIcon(), func() { u.prepareRemoval(f) })
	}
	if u.Remove.RemoveAll != nil {
		u.Remove.RemoveAll.Importance = widget.HighImportance
		if u.scanning || u.removing {
			u.Remove.RemoveAll.Disable()
		}
	}
	restart := false
	for _, row := range rows {
		f := row.Finding
		state := widget.NewLabelWithStyle(report.RemovalText(row.State, Translate), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		state.Importance = removalImportance(row.State)
		u.Remove.Rows[f.ProductID] = state
		right := container.NewHBox(state)
		if row.State == progress.ToRemove {
			b := newButtonWithIcon(lang.X("remove.button", "Remove"), theme.DeleteIcon(), func() { u.prepareRemoval(f) })
			if u.scanning || u.removing {
				b.Disable()
			}
			u.Remove.RemoveButtons[f.ProductID] = b
			right.Add(b)
		}
		content := container.NewVBox(container.NewBorder(nil, nil, nil, right, paragraph(report.Name(f.NameVersion()))))
		if row.State == progress.ByHand {
			content.Add(u.byHandLine(f))
		}
		if note, ok := u.removalNotes[f.ProductID]; ok {
			n := paragraph(note.msg)
			n.Importance = widget.WarningImportance
			content.Add(n)
			if note.reason != "" {
				content.Add(detailsExpander([]string{note.reason}))
			}
		}
		box.Add(widget.NewCard("", "", content))
		restart = restart || row.State == progress.RestartNeeded
	}
	if restart {
		note := lang.X("remove.restart-note-other", "Restart the computer to finish. Then open this app again: it comes back to this step.")
		if u.osFamily() == "windows" {
			note = lang.X("remove.restart-note", "Restart the computer to finish. This app opens again by itself after the restart and comes back to this step.")
		}
		box.Add(paragraph(note))
		u.Remove.Restart = newButtonWithIcon(lang.X("remove.restart-now", "Restart now"), theme.ViewRefreshIcon(), u.confirmRestart)
		u.Remove.Restart.Importance = widget.HighImportance
	}
	u.Remove.scanControl = u.newScanControl(lang.X("scan.again", "Scan again"), theme.ViewRefreshIcon(), u.rescanRemoval)
	switch {
	case u.Remove.Restart != nil:
		u.setAction(u.Remove.Restart)
		box.Add(container.NewHBox(u.Remove.ScanButton))
	case u.Remove.RemoveAll != nil:
		u.setAction(u.Remove.RemoveAll)
		box.Add(container.NewHBox(u.Remove.ScanButton))
	default:
		u.setAction(u.Remove.ScanButton)
	}
	u.setProgress(u.Remove.Progress)

	// Fallbacks, for when the uninstaller cannot be started or fails.
	box.Add(newExpander(lang.X("remove.how", "How to remove it"), u.removeHow()).Box)
	if left := u.leftovers(); left != nil {
		box.Add(left)
	}
	return box
}

// removeIntro is step 4's first sentence, computed from the rows' states
// (and whether an uninstaller runs now): what to press, or that nothing is
// left, so it never names a button that is not there.
func removeIntro(rows []progress.RemovalRow, removing bool) string {
	count := map[progress.RemovalState]int{}
	for _, r := range rows {
		count[r.State]++
	}
	switch {
	case removing || count[progress.Removing] > 0:
		return lang.X("remove.intro-removing", "An uninstaller is running. Follow its window to the end; its row here says when it is done.")
	case count[progress.RestartNeeded] > 0:
		return lang.X("remove.intro-restart", "Restart the computer to finish removing Kaspersky: press \"Restart now\" at the bottom right.")
	case count[progress.ToRemove] > 1:
		return lang.X("remove.intro-all", "Press \"Remove all\" at the bottom right: it starts each product's own uninstaller, one after another. Or press \"Remove\" beside one product. When one is done, its row says so.")
	case count[progress.ToRemove] == 1:
		return lang.X("remove.intro-one", "Press \"Remove Kaspersky\" at the bottom right: it starts the product's own uninstaller. When it is done, its row says so.")
	case count[progress.ByHand] > 0:
		return lang.X("remove.intro-by-hand", "What is left cannot be started from here: its row says where to remove it. Then press \"Scan again\".")
	case len(rows) > 0:
		return lang.X("remove.intro-done", "Kaspersky is removed. Press Next.")
	}
	return lang.X("remove.intro-nothing", "No Kaspersky product to remove was found. Press Next.")
}

// byHandLine is the plain line, and the action, of a product whose
// uninstaller the app will not start: where the user removes it instead.
func (u *App) byHandLine(f detect.Finding) fyne.CanvasObject {
	name := report.Name(f.Name)
	if u.osFamily() != catalog.OSWindows {
		l := paragraph(lang.X("remove.by-hand-other", "This one cannot be started from here. Remove {{.Product}} with its own uninstaller: \"How to remove it\" below says how.", map[string]any{"Product": name}))
		l.Importance = widget.WarningImportance
		return l
	}
	l := paragraph(lang.X("remove.by-hand-windows", "This one cannot be started from here. Remove {{.Product}} in Windows Settings > Apps: find it in the list, then Uninstall.", map[string]any{"Product": name}))
	l.Importance = widget.WarningImportance
	box := container.NewVBox(l)
	if u.cfg.OpenAppsSettings != nil {
		b := newButton(lang.X("remove.open-apps", "Open Apps & features"), func() {
			if err := u.cfg.OpenAppsSettings(); err != nil {
				fyne.LogError("opening Apps & features", err)
				dialog.ShowError(err, u.win)
			}
		})
		u.Remove.OpenApps[f.ProductID] = b
		box.Add(container.NewHBox(b))
	}
	if why := u.state.Scan.ByHand[f.ProductID]; why != "" {
		box.Add(detailsExpander([]string{report.LongText(why)}))
	}
	return box
}

// removeHow lists the ways to remove Kaspersky by hand.
func (u *App) removeHow() fyne.CanvasObject {
	box := container.NewVBox(paragraph(removeHowText(u.osFamily())))
	if u.osFamily() == "windows" && u.cfg.OpenAppsSettings != nil {
		box.Add(container.NewHBox(newButton(lang.X("remove.open-apps", "Open Apps & features"), func() {
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
	u.Remove.CertificateLeft = nil
	certs := u.certificatesLeft()
	if len(u.state.Gone) == 0 && len(folders) == 0 && certs == nil {
		return nil
	}
	box := container.NewVBox(heading(lang.X("remove.left-title", "What may stay behind")))
	for _, f := range folders {
		box.Add(paragraph(lang.X("remove.left-folder", "The folder {{.Path}}. You can delete it once Kaspersky is removed.", map[string]any{"Path": report.LongText(f)})))
	}
	if u.osFamily() == "windows" {
		box.Add(paragraph(lang.X("remove.left-extension", "Kaspersky's browser extension can stay installed: remove \"Kaspersky Protection\" from your browser's list of extensions.")))
	}
	if certs != nil {
		box.Add(certs)
	}
	return box
}

func (u *App) catalogLink(sourceID string) fyne.CanvasObject {
	src := u.cat.Source(sourceID)
	if src == nil {
		return widget.NewLabel("")
	}
	if h := httpsLink(sourceTitle(sourceID, src.Title), src.URL); h != nil {
		return h
	}
	return widget.NewLabel("")
}

func removeHowText(goos string) string {
	switch goos {
	case "windows":
		return lang.X("remove.how-windows", "1. Open Start, then Settings, then Apps (on Windows 10: Apps & features).\n2. Find the product in the list, choose it, then Uninstall.\n3. Follow the uninstaller. If it asks what to keep, you may keep the license information.\n4. Restart the computer when it asks, then open this app again: it comes back to this step.")
	case "darwin":
		return lang.X("remove.how-mac", "1. Open the Kaspersky app and choose Uninstall from its Help menu, or open Kaspersky's uninstaller from the Applications folder.\n2. Follow it and enter your Mac password when asked.\n3. If that does not work, use Kaspersky's removal tool for Mac (kavremover).")
	}
	return lang.X("remove.how-linux", "Kaspersky for Linux is a business product: ask your IT department, or remove its packages (kesl, klnagent64) with your package manager as an administrator.")
}

// passwordNote adds, when Kaspersky's password protection is on, the same
// words as the command line and the way to reset a forgotten password.
func (u *App) passwordNote(box *fyne.Container, protected bool) {
	if !protected {
		return
	}
	w := paragraph(lang.X("remove.password", "Kaspersky is protected by a password. The uninstaller will ask for it. If you forgot it, Kaspersky explains how to reset it:"))
	w.Importance = widget.WarningImportance
	box.Add(w)
	box.Add(u.catalogLink(service.PasswordResetSource))
}

// removeAllOrder lists the products still to remove, the antivirus last:
// it protects the computer until the end, and its restart comes last.
func (u *App) removeAllOrder() []detect.Finding {
	var out []detect.Finding
	for _, r := range u.state.RemovalRows() {
		if r.State == progress.ToRemove {
			out = append(out, r.Finding)
		}
	}
	slices.SortStableFunc(out, func(a, b detect.Finding) int {
		return boolInt(a.Component == catalog.ComponentAntivirus) - boolInt(b.Component == catalog.ComponentAntivirus)
	})
	return out
}

func boolInt(v bool) int {
	if v {
		return 1
	}
	return 0
}
