package ui

import (
	"runtime"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/report"
)

// reportInput is the report of this computer's progress (also while the
// caller view is on).
func (u *App) reportInput(full bool) report.Input {
	return report.Input{
		App: lang.X("app.title", "Kaspersky Transition Helper"), Version: u.cfg.Version, GOOS: runtime.GOOS,
		At: u.svc.Now(), State: u.ownState(), Full: full, Redactor: report.ForCurrentUser(), T: Translate,
	}
}

// statusCode is the code support staff ask for: this computer's.
func (u *App) statusCode() string { return report.Code(u.ownState(), u.cfg.Version, runtime.GOOS) }

// supportText is the plain report, user names hidden: what "Copy for
// support" puts on the clipboard.
func (u *App) supportText() string { return report.Text(u.reportInput(false)) }

// supportWidgets are the support panel's widgets, for tests.
type supportWidgets struct {
	Code    *widget.Label
	Caller  *announcedEntry
	Decode  *button
	Meaning *widget.Label
	Copy    *button
	// OpenReport opens a caller's JSON report in the caller view;
	// CallerCode shows the caller's code there, beside this computer's.
	OpenReport *button
	CallerCode *widget.Label
	// Situation says where this computer stands and what is next.
	Situation *widget.Label
	// FactsChecked says when the app's oldest fact was checked.
	FactsChecked *widget.Label
	// Doctor is the section with the doctor's checks (doctor.go).
	Doctor doctorWidgets
}

// showSupport opens the support panel: this computer's status code, a
// field to decode a caller's code, the report, and a button to copy it.
func (u *App) showSupport() {
	w := &u.SupportPanel
	w.Code = widget.NewLabelWithStyle(u.statusCode(), fyne.TextAlignLeading, fyne.TextStyle{Monospace: true, Bold: true})
	w.Code.SizeName = theme.SizeNameHeadingText
	w.Code.Selectable = true
	w.FactsChecked = checkedOn(report.FactsChecked())
	w.FactsChecked.SetText(lang.X("support.facts-checked", "The app's facts: {{.Checked}}", map[string]any{"Checked": w.FactsChecked.Text}))
	w.Meaning = widget.NewLabel("")
	w.Meaning.Wrapping = fyne.TextWrapWord
	w.Caller = newAnnouncedEntry(lang.X("support.decode-label", "Decode a caller's code:"))
	w.Caller.SetPlaceHolder("KTH-XXXX-XXXX")
	w.Decode = newButton(lang.X("support.decode", "Decode"), func() { w.Meaning.SetText(decodeText(w.Caller.Text, u.svc.Now())) })
	w.Caller.OnSubmitted = func(string) { w.Decode.OnTapped() }
	text := widget.NewLabel(u.supportText())
	text.TextStyle = fyne.TextStyle{Monospace: true}
	text.Wrapping = fyne.TextWrapWord
	w.Copy = newButtonWithIcon(lang.X("support.copy", "Copy for support"), theme.ContentCopyIcon(), func() {
		u.fyne.Clipboard().SetContent(u.supportText())
	})
	var d *dialog.CustomDialog
	w.OpenReport = newButtonWithIcon(lang.X("support.open-report", "Open a caller's report…"), theme.FolderOpenIcon(), func() {
		d.Hide()
		u.chooseCallerReport()
	})
	if u.scanning || u.removing {
		w.OpenReport.Disable()
	}
	w.CallerCode = widget.NewLabel("")
	w.CallerCode.Hide()
	if u.caller != nil {
		w.Copy.Disable() // the view is the caller's; this computer's report is not made from it
		w.CallerCode.SetText(u.callerCodes())
		w.CallerCode.TextStyle = fyne.TextStyle{Monospace: true}
		w.CallerCode.Show()
	}
	// The situation of the computer in front of the caller first, in a
	// sentence and the code; then the report; the tools below them.
	w.Situation = widget.NewLabel(u.situation())
	w.Situation.Wrapping = fyne.TextWrapWord
	w.Situation.TextStyle = fyne.TextStyle{Bold: true}
	top := container.NewVBox(
		w.Situation,
		widget.NewLabel(lang.X("support.code", "Status code to read out:")), w.Code, w.CallerCode, w.FactsChecked,
	)
	tools := container.NewVBox(
		widget.NewSeparator(),
		heading(lang.X("support.tools", "Tools for support staff")),
		widget.NewLabel(lang.X("support.decode-label", "Decode a caller's code:")),
		container.NewBorder(nil, nil, nil, w.Decode, w.Caller), w.Meaning,
		widget.NewSeparator(),
		u.doctorSection(&w.Doctor),
	)
	scroll := container.NewVScroll(container.NewVBox(top, text, tools))
	scroll.SetMinSize(fyne.NewSize(640, 400))
	d = dialog.NewCustom(lang.X("support.title", "For support staff"), lang.X("support.close", "Close"),
		container.NewBorder(nil, container.NewHBox(w.Copy, w.OpenReport), nil, nil, scroll), u.win)
	d.Show()
}

// situation is where this computer stands, for the top of the support
// panel: "Step 4: Remove Kaspersky. Next: …", from the same decoder the
// support guide and the reports use.
func (u *App) situation() string {
	st, err := report.Decode(u.statusCode())
	if err != nil {
		return ""
	}
	_, next := report.Explain(st, Translate, u.svc.Now())
	key, name := u.ownState().Step.Name()
	return lang.X("support.situation", "Step {{.Number}}: {{.Name}}. Next: {{.Next}}", map[string]any{"Number": int(u.ownState().Step), "Name": lang.X(key, name), "Next": next})
}

// decodeText explains a code, or asks for it again.
func decodeText(code string, now time.Time) string {
	st, err := report.Decode(code)
	if err != nil {
		return lang.X("cli.bad-code", "This code is not valid. Please read the code again.")
	}
	facts, next := report.Explain(st, Translate, now)
	return "• " + strings.Join(facts, "\n• ") + "\n\n" + lang.X("report.next", "What to do next") + ": " + next
}
