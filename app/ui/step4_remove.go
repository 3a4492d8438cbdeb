package ui

import (
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/cli"
	"transitionhelper/app/wizard"
)

func removalStateText(st wizard.RemovalState) string {
	switch st {
	case wizard.Removing:
		return lang.X("remove.state-removing", "Removing…")
	case wizard.RestartNeeded:
		return lang.X("remove.state-restart", "Restart needed")
	case wizard.Removed:
		return lang.X("remove.state-removed", "Removed")
	}
	return lang.X("remove.state-to-remove", "To remove")
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

// removeView is step 4: one row per product to remove, with its state, how
// to remove it with its own uninstaller, and a re-check.
func (u *App) removeView() fyne.CanvasObject {
	box := container.NewVBox(paragraph(lang.X("remove.intro", "Remove each product below with its own uninstaller. Then press \"Check again\" to see that it is gone.")))
	if u.state.Region != wizard.RegionUS {
		box.Add(paragraph(lang.X("remove.other-region", "Outside the U.S. Kaspersky still gets updates: you only need to do this if you want to change.")))
	}
	u.Step.Rows = map[string]*widget.Label{}
	protected := false
	for _, row := range u.state.RemovalRows() {
		name := nameVersion(row.Finding)
		state := widget.NewLabelWithStyle(removalStateText(row.State), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		state.Importance = removalImportance(row.State)
		u.Step.Rows[row.Finding.ProductID] = state
		box.Add(widget.NewCard("", "", container.NewBorder(nil, nil, nil, state, paragraph(name))))
		protected = protected || row.Finding.PasswordProtected
	}
	if protected {
		w := paragraph(lang.X("remove.password", "Kaspersky is protected by a password. The uninstaller will ask for it. If you forgot it, Kaspersky explains how to reset it:"))
		w.Importance = widget.WarningImportance
		box.Add(w)
		if src := u.cfg.Catalog.Source("kaspersky-password-reset"); src != nil {
			if link, err := url.Parse(src.URL); err == nil && link.Scheme == "https" {
				box.Add(widget.NewHyperlink(src.Title, link))
			}
		}
	}
	box.Add(heading(lang.X("remove.how", "How to remove it")))
	box.Add(paragraph(removeHowText(u.osFamily())))
	u.Step.Progress = widget.NewProgressBarInfinite()
	u.Step.Progress.Hide()
	u.Step.CheckButton = widget.NewButtonWithIcon(lang.X("remove.check-again", "Check again"), theme.ViewRefreshIcon(), u.recheckRemoval)
	if u.scanning {
		u.Step.CheckButton.Disable()
	}
	box.Add(container.NewHBox(u.Step.CheckButton))
	box.Add(u.Step.Progress)
	return box
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

// recheckRemoval re-scans and updates the rows: a product no longer found is removed.
func (u *App) recheckRemoval() {
	u.Step.CheckButton.Disable()
	u.runScan(u.Step.Progress, func(res *cli.Result, err error) {
		if err != nil {
			u.scanFailed(err)
			return
		}
		u.setState(u.state.WithScan(record(res)))
	})
}
