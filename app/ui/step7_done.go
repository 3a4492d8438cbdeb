package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/catalog"
	"transitionhelper/app/progress"
	"transitionhelper/app/report"
	"transitionhelper/app/wizard"
)

// doneWidgets are step 7's widgets.
type doneWidgets struct {
	Format     *choiceGroup
	FullReport *toggle
	SaveReport *button
	// Headline says whether the computer is finished; GoNext goes to the
	// step that is next while it is not.
	Headline *widget.Label
	GoNext   *button
	// LooseEnds heads what is left to the user (looseEnds), when any is.
	LooseEnds *widget.Label
}

// summaryLines says in short sentences where the user is.
func (u *App) summaryLines() []string {
	var lines []string
	for _, row := range u.state.RemovalRows() {
		lines = append(lines, fmt.Sprintf("%s: %s", report.Name(row.Finding.Name), report.RemovalText(row.State, Translate)))
	}
	items := u.state.Checklist()
	if len(items) > 0 {
		done := 0
		for _, id := range items {
			if u.state.Ticks[id] {
				done++
			}
		}
		lines = append(lines, lang.X("done.saved", "Saved before removal: {{.Done}} of {{.Total}}", map[string]any{"Done": done, "Total": len(items)}))
	}
	rec := u.state.Latest()
	var names []string
	for _, n := range u.state.Protection().Names() {
		names = append(names, report.Name(n))
	}
	switch st := wizard.StandingOf(u.state); {
	case len(names) > 0:
		lines = append(lines, lang.X("verify.protected", "Protecting this computer now: {{.Names}}", map[string]any{"Names": strings.Join(names, ", ")}))
	case st.OnlyKaspersky:
		lines = append(lines, lang.X("verify.only-kaspersky", "Only Kaspersky protects this computer, and it has had no updates since September 29, 2024."))
	case st.Protected:
		lines = append(lines, lang.X("verify.kaspersky-other-region", "Kaspersky protects this computer. Outside the U.S. it may still get updates: check in Kaspersky that they are recent."))
	default:
		lines = append(lines, lang.X("verify.none", "No security software is protecting this computer."))
	}
	if rec != nil && rec.OSSupport != nil {
		lines = append(lines, report.OSSupportWords(rec.OSSupport, Translate).Line)
	}
	return lines
}

// looseEnds are what the steps left to the user after Kaspersky goes:
// the exported passwords into the new manager and the plain-text file
// deleted, a new VPN if Kaspersky's was used. Only what applies here.
func (u *App) looseEnds() []string {
	var out []string
	items := u.state.Checklist()
	var still []string // by the paths the app itself saved, never a search
	for _, p := range u.passwordFilesLeft() {
		still = append(still, report.LongText(p))
	}
	if len(still) > 0 {
		out = append(out, lang.X("done.password-files", "These files still hold your passwords in plain text: {{.Files}}. Once your new password manager has imported them, delete them: step 3, \"I have imported them\".", map[string]any{"Files": strings.Join(still, ", ")}))
	} else if slices.Contains(items, progress.SavePasswords) && len(u.state.PasswordFiles) == 0 {
		bin := lang.X("done.recycle-bin", "empty the Recycle Bin")
		if u.osFamily() == catalog.OSDarwin {
			bin = lang.X("done.trash", "empty the Trash")
		}
		out = append(out, lang.X("done.import-passwords", "Import the passwords you exported into your new password manager (its settings have an Import item). Then delete the exported file from where you saved it, such as your Documents folder, and {{.Bin}}: anyone who opens that file can read your passwords.", map[string]any{"Bin": bin}))
	}
	if slices.Contains(items, progress.SaveVPN) {
		out = append(out, lang.X("done.replace-vpn", "Kaspersky's VPN stops working once it is removed. If you used it, choose a new VPN: step 5 shows which products include one."))
	}
	return out
}

// report formats offered by "Save report", with their file extensions.
var reportFormats = []struct{ format, ext string }{
	{report.FormatHTML, ".html"}, {report.FormatText, ".txt"}, {report.FormatJSON, ".json"},
}

func formatLabel(format string) string {
	switch format {
	case report.FormatHTML:
		return lang.X("done.format-html", "Web page (HTML), easy to print")
	case report.FormatJSON:
		return lang.X("done.format-json", "JSON, for IT departments")
	}
	return lang.X("done.format-text", "Plain text")
}

// doneView is step 7: whether the computer is finished, and if not the
// step that is next; a summary; "Save report" in the footer.
func (u *App) doneView() fyne.CanvasObject {
	st := wizard.StandingOf(u.state)
	box := container.NewVBox()
	if st.Finished() {
		u.Done.Headline = heading(lang.X("done.headline-finished", "Done: Kaspersky is taken care of and this computer is protected."))
		u.Done.Headline.Importance = widget.SuccessImportance
		box.Add(u.Done.Headline)
	} else {
		u.Done.Headline = heading(lang.X("done.headline-not-finished", "Not finished yet. Here is where this computer stands:"))
		u.Done.Headline.Importance = widget.WarningImportance
		box.Add(u.Done.Headline)
	}
	for _, l := range u.summaryLines() {
		box.Add(paragraph("• " + l))
	}
	if ends := u.looseEnds(); len(ends) > 0 {
		u.Done.LooseEnds = heading(lang.X("done.loose-ends", "Before you close this app:"))
		box.Add(u.Done.LooseEnds)
		for _, l := range ends {
			box.Add(paragraph("• " + l))
		}
	}
	if !st.Finished() {
		key, english := st.Next.Name()
		box.Add(heading(lang.X("done.next-step", "Next: step {{.Number}}, {{.Name}}.", map[string]any{"Number": int(st.Next), "Name": lang.X(key, english)})))
		u.Done.GoNext = newButtonWithIcon(lang.X("done.go-step", "Go to step {{.Number}}", map[string]any{"Number": int(st.Next)}),
			theme.NavigateNextIcon(), func() { u.goTo(st.Next) })
		u.Done.GoNext.Importance = widget.HighImportance
	}
	var labels []string
	for _, f := range reportFormats {
		labels = append(labels, formatLabel(f.format))
	}
	u.Done.Format = newChoiceGroup(labels, false, nil)
	u.Done.Format.SetSelected(labels[0])
	// A check box's label does not wrap: the short part names the box, the
	// condition is a paragraph under it.
	u.Done.FullReport = newToggle(lang.X("done.full-short", "Include user names and folders"), false, nil)
	u.Done.SaveReport = newButtonWithIcon(lang.X("done.save-report", "Save report"), theme.DocumentSaveIcon(), u.saveReport)
	// The main action in the footer: the step that is next, until none is.
	if st.Finished() {
		u.Done.SaveReport.Importance = widget.HighImportance
		u.setAction(u.Done.SaveReport)
	} else {
		u.setAction(u.Done.GoNext)
	}
	box.Add(heading(lang.X("done.report-title", "Report")))
	box.Add(paragraph(lang.X("done.report-note-3", "The report lists what was found and what was done. Support staff may ask you for it: choose a format, then press \"Save report\". It is saved only where you choose; nothing is sent anywhere.")))
	box.Add(u.Done.Format.Box)
	box.Add(u.Done.FullReport)
	box.Add(paragraph(lang.X("done.full-when", "Only if support staff ask for them.")))
	if !st.Finished() {
		box.Add(container.NewHBox(u.Done.SaveReport))
	}
	return box
}

// reportData renders the report in the chosen format.
func (u *App) reportData() ([]byte, string, error) {
	f := reportFormats[max(0, u.Done.Format.SelectedIndex())]
	data, err := report.Render(f.format, u.reportInput(u.Done.FullReport.Checked))
	return data, f.ext, err
}

func (u *App) saveReport() {
	if u.caller != nil {
		return
	}
	data, ext, err := u.reportData()
	if err != nil {
		fyne.LogError("making the report", err)
		dialog.ShowError(err, u.win)
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			dialog.ShowError(err, u.win)
			return
		}
		if w == nil {
			return // cancelled
		}
		_, werr := w.Write(data)
		cerr := w.Close()
		if err := errors.Join(werr, cerr); err != nil {
			fyne.LogError("saving report", err)
			dialog.ShowError(fmt.Errorf("%s: %v", lang.X("done.save-failed", "The report could not be saved"), err), u.win)
			return
		}
		dialog.ShowInformation(lang.X("done.save-report", "Save report"), lang.X("done.saved-to", "The report was saved to {{.Path}}", map[string]any{"Path": w.URI().Path()}), u.win)
	}, u.win)
	d.SetFileName("kaspersky-transition-report" + ext)
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	d.Show()
}
