package ui

import (
	"errors"
	"io"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/progress"
	"transitionhelper/app/report"
)

// The caller view shows a caller's computer, from the JSON report they
// saved, read-only in the same seven steps: the window's state is the
// report's, every widget of the steps is off, Back/Next and the step list
// move between the caller's steps, and nothing is saved, scanned, started
// or opened. This computer's progress waits in own until "Back to this
// computer".

// callerWidgets are the caller view's widgets, for tests.
type callerWidgets struct {
	Banner     *widget.Label
	Codes      *widget.Label
	BackToMine *button
}

// callerView is the caller's report on screen.
type callerView struct {
	rep  report.JSONReport
	name string         // the file's name, for the title
	own  progress.State // this computer's progress meanwhile
}

// Caller reports whether the window shows a caller's computer.
func (u *App) Caller() bool { return u.caller != nil }

// ownState is this computer's progress, whichever computer is on screen.
func (u *App) ownState() progress.State {
	if u.caller != nil {
		return u.caller.own
	}
	return u.state
}

// ShowCaller shows a caller's report, read-only, at the caller's step. It
// refuses (false) while a check or an uninstaller of this computer runs,
// whose result must land on this computer's progress.
func (u *App) ShowCaller(rep report.JSONReport, name string) bool {
	if u.scanning || u.removing {
		return false
	}
	own := u.ownState()
	u.caller = &callerView{rep: rep, name: name, own: own}
	u.state = rep.State
	u.win.SetTitle(u.title())
	u.build()
	return true
}

// ShowThisComputer leaves the caller view for this computer's progress.
func (u *App) ShowThisComputer() {
	if u.caller == nil {
		return
	}
	u.state = u.caller.own
	u.caller = nil
	u.win.SetTitle(u.title())
	u.build()
}

// OpenCallerReport reads a caller's report off the UI goroutine and shows
// it; a file that cannot be shown gets a message and changes nothing.
func (u *App) OpenCallerReport(r io.ReadCloser, name string) {
	u.cfg.Async(func() {
		rep, err := report.ReadJSON(r)
		if cerr := r.Close(); err == nil && cerr != nil {
			err = cerr
		}
		fyne.Do(func() {
			if err != nil {
				fyne.LogError("opening a caller's report "+name, err)
				dialog.ShowError(errors.New(report.ReadErrorText(err, Translate)), u.win)
				return
			}
			if !u.ShowCaller(rep, name) {
				dialog.ShowInformation(lang.X("caller.title", "Caller's report"),
					lang.X("caller.busy", "Wait until the check of this computer has finished, then open the report again."), u.win)
			}
		})
	})
}

// chooseCallerReport asks for a caller's JSON report and opens it.
func (u *App) chooseCallerReport() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			dialog.ShowError(err, u.win)
			return
		}
		if r == nil {
			return // cancelled
		}
		u.OpenCallerReport(r, r.URI().Name())
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
	d.Show()
}

// callerCodes puts the caller's code beside this computer's, to compare.
func (u *App) callerCodes() string {
	return lang.X("caller.codes", "Caller's status code: {{.Caller}}    This computer's: {{.Mine}}", map[string]any{
		"Caller": report.Name(u.caller.rep.Code), "Mine": u.statusCode(),
	})
}

// callerBanner is the band above the steps in the caller view.
func (u *App) callerBanner() fyne.CanvasObject {
	w := &u.CallerWidgets
	w.Banner = widget.NewLabelWithStyle(lang.X("caller.banner", "Caller's computer — nothing here acts on this computer"),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	w.Banner.SizeName = theme.SizeNameSubHeadingText
	w.Banner.Wrapping = fyne.TextWrapWord
	w.Codes = widget.NewLabelWithStyle(u.callerCodes(), fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	w.Codes.Selectable = true
	w.Codes.Wrapping = fyne.TextWrapWord
	rep := u.caller.rep
	about := lang.X("caller.about", "From {{.File}}, saved {{.When}} by version {{.Version}}", map[string]any{
		"File": report.Name(u.caller.name), "When": rep.GeneratedAt.UTC().Format("2006-01-02 15:04 UTC"), "Version": report.Sanitize(rep.Version),
	})
	if sys := callerSystem(rep); sys != "" {
		about += " · " + sys
	}
	w.BackToMine = newButtonWithIcon(lang.X("caller.back", "Back to this computer"), theme.HomeIcon(), u.ShowThisComputer)
	w.BackToMine.Importance = widget.HighImportance
	info := container.NewVBox(w.Banner, w.Codes, paragraph(about))
	icon := widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon()))
	return container.NewPadded(container.NewBorder(nil, nil, icon, container.NewCenter(w.BackToMine), info))
}

// callerSystem names the caller's system, as their latest check saw it.
func callerSystem(rep report.JSONReport) string {
	rec := rep.State.Latest()
	if rec == nil {
		return ""
	}
	name := rec.OS.Name
	if name == "" {
		name = rec.OS.Family
	}
	return report.Name(name)
}

// disableAll turns off every widget of a step shown in the caller view:
// checks, choices, and every button that would check, remove, restart,
// open a system screen or save a report of this computer.
func disableAll(o fyne.CanvasObject) {
	switch w := o.(type) {
	case *fyne.Container:
		for _, c := range w.Objects {
			disableAll(c)
		}
	case *container.Scroll:
		disableAll(w.Content)
	case *widget.Card:
		if w.Content != nil {
			disableAll(w.Content)
		}
	case *expanderButton:
		// Opening and closing "Details" or "How" changes nothing: it stays on.
	case fyne.Disableable:
		w.Disable()
	}
}

// title adds the caller's file in the caller view.
func (u *App) callerTitle(t string) string {
	if u.caller == nil {
		return t
	}
	return t + " — " + lang.X("caller.title-file", "caller's report {{.File}}", map[string]any{"File": report.Name(filepath.Base(u.caller.name))})
}
