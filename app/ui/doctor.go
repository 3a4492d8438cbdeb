package ui

import (
	"runtime"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/doctor"
	"transitionhelper/app/report"
)

// doctorComputer is the computer the support panel's checks read; tests
// put a fake one in its place.
var doctorComputer = func() doctor.Computer { return doctor.ThisComputer(runtime.GOOS) }

// doctorWidgets are the support panel's doctor section, for tests.
type doctorWidgets struct {
	Run  *button
	Copy *button
	Text *widget.Label
	// text is what Copy puts on the clipboard: the checks, user names hidden.
	text string
}

// doctorSection is the support panel's part for `doctor`: a button that
// checks, on this computer, what the app's verdicts rest on (changing
// nothing), the result as text, and a button to copy it.
func (u *App) doctorSection(w *doctorWidgets) fyne.CanvasObject {
	w.Text = widget.NewLabel(lang.X("doctor.ui.intro", "Check what the app's verdicts rest on, on this computer: the same checks as “transition-helper doctor”. Nothing is changed."))
	w.Text.Wrapping = fyne.TextWrapWord
	w.Copy = newButtonWithIcon(lang.X("doctor.ui.copy", "Copy the checks"), theme.ContentCopyIcon(), func() {
		u.fyne.Clipboard().SetContent(w.text)
	})
	w.Copy.Disable()
	w.Run = newButton(lang.X("doctor.ui.run", "Run the checks"), nil)
	w.Run.OnTapped = func() {
		w.Run.Disable()
		w.Text.SetText(lang.X("doctor.ui.running", "Checking…"))
		u.cfg.Async(func() {
			res := doctor.Run(u.ctx, doctorComputer(), time.Now(), Translate)
			text := doctor.Text(res, Translate, report.ForCurrentUser().String)
			fyne.Do(func() {
				w.text = text
				w.Text.TextStyle = fyne.TextStyle{Monospace: true}
				w.Text.SetText(text)
				w.Copy.Enable()
				w.Run.Enable()
			})
		})
	}
	title := widget.NewLabelWithStyle(lang.X("doctor.ui.title", "Checks of this computer"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewVBox(title, w.Text, container.NewHBox(w.Run, w.Copy), widget.NewSeparator())
}
