package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/detect"
	"transitionhelper/app/wizard"
)

// supportText is what support staff need, in plain text: step, system,
// region, app version, and every finding with its evidence.
func (u *App) supportText() string {
	var b strings.Builder
	st := u.state
	fmt.Fprintf(&b, "%s: %d (%s)\n", lang.X("support.step", "Step"), st.Step, stepName(st.Step))
	fmt.Fprintf(&b, "%s: %s\n", lang.X("support.version", "App version"), u.cfg.Version)
	fmt.Fprintf(&b, "%s: %s\n", lang.X("support.region", "Region"), st.Region)
	rec := st.Scan
	if st.Verify != nil {
		rec = st.Verify
	}
	if rec == nil {
		fmt.Fprintf(&b, "%s\n", lang.X("support.no-scan", "Not checked yet."))
		return b.String()
	}
	fmt.Fprintf(&b, "%s: %s %s (%s, %s)\n", lang.X("support.os", "System"), rec.OS.Name, rec.OS.Version, rec.OS.Family, rec.OS.Arch)
	fmt.Fprintf(&b, "%s: %s\n", lang.X("support.checked", "Checked"), rec.At.Format("2006-01-02 15:04 MST"))
	if !rec.Complete {
		fmt.Fprintf(&b, "%s\n", lang.X("ui.incomplete", "Some checks could not finish, so this result may be incomplete."))
	}
	for _, f := range st.Gone {
		fmt.Fprintf(&b, "\n%s [%s, %s, %s]\n", nameVersion(f), f.ProductID, f.Role, wizard.Removed)
	}
	for _, f := range rec.Findings {
		fmt.Fprintf(&b, "\n%s [%s, %s, %s]\n", nameVersion(f), f.ProductID, f.Role, f.State)
		if f.PasswordProtected {
			fmt.Fprintf(&b, "  %s\n", lang.X("support.password", "password protection on"))
		}
		for _, e := range f.Evidence {
			fmt.Fprintf(&b, "  %s\n", e.String())
		}
		for _, p := range f.Uninstall {
			if p.UninstallString != "" {
				fmt.Fprintf(&b, "  uninstall: %s\n", p.UninstallString)
			}
		}
	}
	return b.String()
}

// showSupport opens the support panel: the facts to read over the phone,
// and a button to copy them.
func (u *App) showSupport() {
	text := widget.NewLabel(u.supportText())
	text.TextStyle = fyne.TextStyle{Monospace: true}
	text.Wrapping = fyne.TextWrapWord
	copyBtn := widget.NewButtonWithIcon(lang.X("support.copy", "Copy for support"), theme.ContentCopyIcon(), func() {
		u.fyne.Clipboard().SetContent(u.supportText())
	})
	scroll := container.NewVScroll(text)
	scroll.SetMinSize(fyne.NewSize(620, 360))
	d := dialog.NewCustom(lang.X("support.title", "For support staff"), lang.X("support.close", "Close"),
		container.NewBorder(nil, container.NewHBox(copyBtn), nil, nil, scroll), u.win)
	d.Show()
}

// nameVersion is "Kaspersky Total Security 21.3", or the name alone.
func nameVersion(f detect.Finding) string {
	if f.Version == "" {
		return f.Name
	}
	return f.Name + " " + f.Version
}
