package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/wizard"
)

// summaryLines says in short sentences where the user is.
func (u *App) summaryLines() []string {
	var lines []string
	for _, row := range u.state.RemovalRows() {
		lines = append(lines, fmt.Sprintf("%s: %s", row.Finding.Name, removalStateText(row.State)))
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
	rec := u.state.Verify
	if rec == nil {
		rec = u.state.Scan
	}
	var names []string
	for _, f := range wizard.ActiveScanners(rec) {
		names = append(names, f.Name)
	}
	if len(names) == 0 {
		lines = append(lines, lang.X("verify.none", "No security software is protecting this computer."))
	} else {
		lines = append(lines, lang.X("verify.protected", "Protecting this computer now: {{.Names}}", map[string]any{"Names": strings.Join(names, ", ")}))
	}
	return lines
}

// doneView is step 7: a summary and "Save report".
func (u *App) doneView() fyne.CanvasObject {
	box := container.NewVBox(heading(lang.X("done.title", "Here is where this computer stands.")))
	for _, l := range u.summaryLines() {
		box.Add(paragraph("• " + l))
	}
	u.Step.SaveReport = widget.NewButtonWithIcon(lang.X("done.save-report", "Save report"), theme.DocumentSaveIcon(), u.saveReport)
	u.Step.SaveReport.Importance = widget.HighImportance
	box.Add(paragraph(lang.X("done.report-note", "The report lists what was found and what was done. Support staff may ask you for it. It is saved only where you choose; nothing is sent anywhere.")))
	box.Add(container.NewHBox(u.Step.SaveReport))
	return box
}

// reportText is the plain report: the summary, then the support details.
func (u *App) reportText() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s\n\n", lang.X("app.title", "Kaspersky Transition Helper"), u.cfg.Version)
	for _, l := range u.summaryLines() {
		fmt.Fprintf(&b, "- %s\n", l)
	}
	b.WriteString("\n")
	b.WriteString(u.supportText())
	return b.String()
}

func (u *App) saveReport() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			dialog.ShowError(err, u.win)
			return
		}
		if w == nil {
			return // cancelled
		}
		_, werr := w.Write([]byte(u.reportText()))
		cerr := w.Close()
		if werr != nil || cerr != nil {
			fyne.LogError("saving report", errors.Join(werr, cerr))
			dialog.ShowError(fmt.Errorf("%s: %v", lang.X("done.save-failed", "The report could not be saved"), errors.Join(werr, cerr)), u.win)
			return
		}
		dialog.ShowInformation(lang.X("done.save-report", "Save report"), lang.X("done.saved-to", "The report was saved to {{.Path}}", map[string]any{"Path": w.URI().Path()}), u.win)
	}, u.win)
	d.SetFileName("kaspersky-transition-report.txt")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".txt"}))
	d.Show()
}
