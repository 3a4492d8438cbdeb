package ui

// The window's side of the removal, step 4's door to the service: a fresh
// plan from one scan, the questions before anything starts (the guard for
// unsaved data, the confirmation), the running state while the service
// starts the uninstallers one after another, and each outcome under its
// row. The screen itself (rows, fallbacks, leftovers) is step4_remove.go.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/catalog"
	"transitionhelper/app/detect"
	"transitionhelper/app/progress"
	"transitionhelper/app/removal"
	"transitionhelper/app/report"
	"transitionhelper/app/service"
)

// prepareRemoval is Remove on one product, or "Remove all": every plan from
// one fresh scan (never from saved progress); a product that cannot be
// started says so under its row, as the command line does; then, when step 3
// lists data of the others unticked (passwords first), a plain warning with
// "Export them now" and "Remove anyway"; then one question. Nothing starts
// until the user chooses and confirms.
func (u *App) prepareRemoval(fs ...detect.Finding) {
	if u.caller != nil || u.scanning || u.removing {
		return
	}
	for _, f := range fs {
		delete(u.removalNotes, f.ProductID)
	}
	u.removing = true
	u.showNavState()
	u.Remove.ScanButton.Disable()
	progress := u.Remove.Progress
	progress.Show()
	progress.Start()
	u.cfg.Async(func() {
		res, err := u.svc.Scan(u.ctx)
		var preps []*service.Prepared
		type failed struct {
			id  string
			p   *service.Prepared
			err error
		}
		var fails []failed
		for _, f := range fs {
			if err != nil {
				fails = append(fails, failed{f.ProductID, nil, err})
				continue
			}
			p, perr := u.svc.PrepareFrom(res, f.ProductID)
			if perr != nil {
				fails = append(fails, failed{f.ProductID, p, perr})
				continue
			}
			preps = append(preps, p)
		}
		fyne.Do(func() {
			u.removing = false
			progress.Stop()
			progress.Hide()
			for _, x := range fails {
				u.cannotStart(x.id, x.p, x.err)
			}
			switch len(preps) {
			case 0:
			case 1:
				p := preps[0]
				u.askUnsaved(report.Name(p.Finding.Name), []string{p.Finding.ProductID}, func() { u.confirmRemoval(p) })
			default:
				var ids []string
				for _, p := range preps {
					ids = append(ids, p.Finding.ProductID)
				}
				u.askUnsaved(lang.X("guard.all", "these products"), ids, func() { u.confirmAll(preps) })
			}
		})
	})
}

// askUnsaved shows the guard when removing productIDs deletes data step 3
// has unticked, and calls then when there is none or the user chooses
// "Remove anyway".
func (u *App) askUnsaved(product string, productIDs []string, then func()) {
	var unsaved []string
	for _, id := range productIDs {
		for _, item := range u.state.Unsaved(id) {
			if !slices.Contains(unsaved, item) {
				unsaved = append(unsaved, item)
			}
		}
	}
	if len(unsaved) == 0 {
		then()
		return
	}
	order := u.state.Checklist()
	slices.SortFunc(unsaved, func(a, b string) int { return slices.Index(order, a) - slices.Index(order, b) })
	u.showGuard(product, unsaved, then)
}

// showGuard warns that removing product deletes the unsaved data, with
// "Do it now" (step 3, the first item opened), "Remove anyway" (anyway)
// and "Not now".
func (u *App) showGuard(product string, unsaved []string, anyway func()) {
	title := lang.X("guard.title", "Have you saved what you need?")
	msg := lang.X("guard.text", "Removing {{.Product}} deletes what it keeps. Step 3 lists these as not done yet:", map[string]any{"Product": product})
	doNow := lang.X("guard.do-now", "Do it now")
	if unsaved[0] == progress.SavePasswords {
		title = lang.X("guard.passwords-title", "Have you exported your passwords?")
		msg = lang.X("guard.passwords-text-2", "After removal, the passwords in Kaspersky Password Manager are gone. Export them to a file first: it takes a few minutes.")
		doNow = lang.X("guard.passwords-now", "Export them now")
	}
	lines := []string{msg}
	if len(unsaved) > 1 || unsaved[0] != progress.SavePasswords {
		for _, id := range unsaved {
			lines = append(lines, "• "+saveItemText(id, u.osFamily()).title)
		}
	}
	body := paragraph(strings.Join(lines, "\n"))
	// Going to step 3 is safe, so Return may press it; "Not now" has the
	// focus and is what Escape means; "Remove anyway" takes a click.
	q := u.ask(title, body, fyne.NewSize(520, 280),
		answer{text: lang.X("remove.not-now", "Not now")},
		answer{text: doNow, icon: theme.NavigateBackIcon(), importance: widget.HighImportance, do: func() {
			u.openSave = unsaved[0]
			u.goTo(progress.StepSave)
		}}, true,
		answer{text: lang.X("guard.anyway", "Remove anyway"), do: func() {
			u.removeAnyway = unsaved
			anyway()
		}})
	u.Remove.Guard = q
	u.Remove.GuardNow, u.Remove.GuardAnyway = q.main, q.Buttons[1]
}

// cannotStart says why an uninstaller will not be started.
func (u *App) cannotStart(productID string, p *service.Prepared, err error) {
	msg := lang.X("remove.cannot-start", "This product's uninstaller cannot be started from here. Use \"How to remove it\" below.")
	switch {
	case errors.Is(err, service.ErrNotFound):
		msg = lang.X("remove.gone-scan", "This product was not found any more. Press \"Scan again\".")
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
	msg := lang.X("remove.confirm", "This starts {{.Product}}'s own uninstaller. Windows will ask for permission: choose Yes if the publisher is Kaspersky. Follow the uninstaller to the end.", map[string]any{"Product": report.Name(f.Name)})
	switch {
	case p.Plan.Kind == removal.KindMSI:
		msg = lang.X("remove.confirm-msi", "This removes {{.Product}} with Windows Installer. Windows will ask for permission and name the program \"Windows Installer\" from Microsoft Windows: choose Yes. Follow it to the end.", map[string]any{"Product": report.Name(f.Name)})
	case p.Plan.Kind == removal.KindPackages:
		msg = lang.X("remove.confirm-linux", "This removes the packages of {{.Product}}. You will be asked for an administrator's password.", map[string]any{"Product": report.Name(f.Name)})
		if len(p.Plan.AlsoRemoves) > 0 {
			msg += "\n\n" + lang.X("remove.confirm-also", "Other programs need these packages and will be removed too: {{.Packages}}", map[string]any{"Packages": strings.Join(p.Plan.AlsoRemoves, ", ")})
		}
	case p.Plan.Kind == removal.KindMacApp:
		msg = lang.X("remove.confirm-mac", "This opens {{.Product}}'s own uninstaller. Follow it to the end; it asks for your Mac password.", map[string]any{"Product": report.Name(f.Name)})
	}
	text := []string{msg}
	if u.svc.DryRun() {
		text = append(text, lang.X("remove.confirm-dry-run", "This window shows sample data: nothing will be started."))
	}
	body := container.NewVBox(paragraph(strings.Join(text, "\n\n")))
	u.passwordNote(body, f.PasswordProtected)
	lines := []string{report.Sanitize(p.Plan.CommandLine())}
	for _, w := range p.Trust {
		lines = append(lines, "• "+report.LongText(w))
	}
	body.Add(detailsExpander(lines))
	u.lossWarning(body)
	u.Remove.Confirm = u.ask(lang.X("remove.confirm-title", "Remove {{.Product}}?", map[string]any{"Product": report.Name(f.Name)}), body, fyne.NewSize(560, 320),
		answer{text: lang.X("remove.not-now", "Not now"), icon: theme.CancelIcon()},
		answer{text: lang.X("remove.start", "Start the uninstaller"), icon: theme.ConfirmIcon(), importance: widget.HighImportance, do: func() {
			u.startAll([]*service.Prepared{p})
		}}, false)
}

// confirmAll says what will start, one after another, and asks once.
func (u *App) confirmAll(preps []*service.Prepared) {
	var names, lines []string
	for _, p := range preps {
		names = append(names, "• "+report.Name(p.Finding.Name))
		lines = append(lines, report.Sanitize(p.Plan.CommandLine()))
		for _, w := range p.Trust {
			lines = append(lines, "  • "+report.LongText(w))
		}
	}
	text := lang.X("remove.confirm-all", "This starts each product's own uninstaller, one after another:") + "\n" + strings.Join(names, "\n")
	msi := slices.ContainsFunc(preps, func(p *service.Prepared) bool { return p.Plan.Kind == removal.KindMSI })
	switch {
	case u.osFamily() != catalog.OSWindows:
	case msi:
		text += "\n\n" + lang.X("remove.confirm-all-prompts", "Windows asks for permission for each one. For Kaspersky's own uninstallers it names Kaspersky as the publisher; for some it names \"Windows Installer\" from Microsoft Windows. Both are right: choose Yes. Follow each uninstaller to the end.")
	default:
		text += "\n\n" + lang.X("remove.confirm-all-kaspersky", "Windows asks for permission for each one and names Kaspersky as the publisher: choose Yes. Follow each uninstaller to the end.")
	}

	if u.svc.DryRun() {
		text += "\n\n" + lang.X("remove.confirm-dry-run", "This window shows sample data: nothing will be started.")
	}
	body := container.NewVBox(paragraph(text))
	u.passwordNote(body, slices.ContainsFunc(preps, func(p *service.Prepared) bool { return p.Finding.PasswordProtected }))
	body.Add(detailsExpander(lines))
	u.lossWarning(body)
	u.Remove.Confirm = u.ask(lang.X("remove.confirm-all-title", "Remove {{.Count}} products?", map[string]any{"Count": len(preps)}), body, fyne.NewSize(580, 360),
		answer{text: lang.X("remove.not-now", "Not now"), icon: theme.CancelIcon()},
		answer{text: lang.X("remove.start-all", "Start the uninstallers"), icon: theme.ConfirmIcon(), importance: widget.HighImportance, do: func() {
			u.startAll(preps)
		}}, false)
}

// lossWarning repeats, on the last question before an uninstaller starts,
// what the user chose to lose by pressing "Remove anyway": the passwords
// not exported first of all.
func (u *App) lossWarning(body *fyne.Container) {
	lost := u.removeAnyway
	u.removeAnyway = nil
	if len(lost) == 0 {
		return
	}
	text := lang.X("remove.loss-passwords", "Your passwords are not exported. After removal, the passwords in Kaspersky Password Manager are gone for good.")
	if lost[0] != progress.SavePasswords {
		var items []string
		for _, id := range lost {
			items = append(items, saveItemText(id, u.osFamily()).title)
		}
		text = lang.X("remove.loss-other", "Not done yet, and lost after removal: {{.Items}}.", map[string]any{"Items": strings.Join(items, "; ")})
	}
	w := paragraph(text)
	w.Importance = widget.DangerImportance
	body.Objects = append([]fyne.CanvasObject{w}, body.Objects...)
	u.Remove.LossWarning = w
}

// startAll hands the confirmed uninstallers (one, or all of "Remove all")
// to the service, which starts them one after another and saves each
// change, off the UI goroutine; each row says "Removing…" while its
// uninstaller runs, and its outcome when it ends. A cancelled one stops the
// rest (the user said no); then one scan updates every row.
//
// Remove runs on the worker (Async) and reaches the window through
// fyne.DoAndWait: it must never be called on the UI goroutine, where that
// would wait for itself.
func (u *App) startAll(preps []*service.Prepared) {
	u.removing = true
	u.showNavState()
	d := &windowDoor{u: u, outputs: map[string]*lockedBuffer{}}
	u.cfg.Async(func() {
		_, err := u.svc.Remove(u.ctx, windowProgress{u}, preps, d)
		fyne.Do(func() {
			u.removing = false
			if err != nil && u.ctx.Err() == nil {
				u.scanFailed(err)
				return
			}
			u.showStep()
		})
	})
}

// windowProgress is the window's side of the service's Progress: each
// change is made to the window's latest progress on the UI goroutine
// (the user may tick a box in step 3 while an uninstaller runs), saved and
// shown.
type windowProgress struct{ u *App }

func (w windowProgress) Update(change func(progress.State) progress.State) progress.State {
	var st progress.State
	fyne.DoAndWait(func() {
		w.u.setState(change(w.u.state))
		st = w.u.state
	})
	return st
}

// windowDoor is the window's side of service.Remove: it asked once for all
// (confirmAll, confirmRemoval), keeps each uninstaller's output for
// Details, and shows each outcome under its row.
type windowDoor struct {
	u       *App
	outputs map[string]*lockedBuffer
}

func (d *windowDoor) Confirm(*service.Prepared) bool { return true }

func (d *windowDoor) Starting(p *service.Prepared) io.Writer {
	b := &lockedBuffer{}
	d.outputs[p.Finding.ProductID] = b
	return b
}

func (d *windowDoor) Finished(p *service.Prepared, o service.Outcome) {
	output := strings.TrimSpace(d.outputs[p.Finding.ProductID].String())
	fyne.DoAndWait(func() {
		d.u.recordOutcome(p.Finding.ProductID, o, output)
		d.u.showStep() // the note shows now, not when the next uninstaller ends
	})
}

// lockedBuffer keeps an uninstaller's output: written as it runs, read
// once it ends.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

// Write appends under the lock.
func (w *lockedBuffer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

// String is what was written so far.
func (w *lockedBuffer) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}

// recordOutcome records an uninstaller's outcome: its note under the row,
// and the row's state.
func (u *App) recordOutcome(productID string, o service.Outcome, output string) {
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
			u.removalNotes[productID] = removalNote{msg: msg, reason: report.LongText(reason.Error())}
		}
	}
}

// removalNote is a plain message under a row, its technical reason behind Details.
type removalNote struct{ msg, reason string }

// removalNote shows a plain message under the row; the reason goes behind
// Details and to the log.
func (u *App) removalNote(productID, msg string, reason error) {
	note := removalNote{msg: msg}
	if reason != nil && reason.Error() != "" {
		fyne.LogError("removal of "+productID, reason)
		note.reason = report.LongText(reason.Error())
	}
	u.removalNotes[productID] = note
	u.showStep()
}

// rescanRemoval re-scans and updates the rows: a product no longer found
// is removed.
func (u *App) rescanRemoval() {
	u.runScan(u.Remove.scanControl, func(ctx context.Context, st progress.State) (progress.State, error) {
		res, err := u.svc.Scan(ctx)
		if err != nil {
			return st, err
		}
		u.svc.CheckStarts(res)
		return st.WithScan(res.Record()), nil
	})
}

func (u *App) confirmRestart() {
	if u.caller != nil {
		return
	}
	u.ask(lang.X("remove.restart-now", "Restart now"),
		paragraph(lang.X("remove.restart-confirm", "Save your work in other programs first. Restart the computer now?")), fyne.NewSize(420, 160),
		answer{text: lang.X("remove.not-now", "Not now"), icon: theme.CancelIcon()},
		answer{text: lang.X("remove.restart-now", "Restart now"), icon: theme.ViewRefreshIcon(), importance: widget.HighImportance, do: func() {
			if u.cfg.Restart == nil {
				return
			}
			if err := u.cfg.Restart(); err != nil {
				fyne.LogError("restarting", err)
				dialog.ShowError(fmt.Errorf("%s: %v", lang.X("remove.restart-failed", "The computer could not be restarted. Restart it from the Start menu"), err), u.win)
			}
		}}, false)
}
