package ui

import (
	"errors"
	"path/filepath"
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
	"transitionhelper/app/passwords"
	"transitionhelper/app/progress"
	"transitionhelper/app/report"
)

// moveWidgets are step 3's "Move them to your new password manager".
type moveWidgets struct {
	// To is the password manager; Choose picks the export and converts it;
	// Result says what was done, Steps how to import, Imported deletes
	// both files once the import is done.
	To       *choiceGroup
	Choose   *button
	Result   *widget.Label
	Steps    *widget.Label
	Help     *fyne.Container // the maker's page on importing, when the catalog has one
	Imported *button
}

// movePasswordsBox is what follows the export steps: which manager, the
// export file, the converted file saved beside it (new, the user's alone),
// the import steps for that manager, and "I have imported them", which
// deletes both files after a question. Nothing holding a password is shown,
// logged or kept: only counts, names and paths.
func (u *App) movePasswordsBox() fyne.CanvasObject {
	w := &u.Save.Move
	targets := passwords.Targets()
	var labels []string
	for _, t := range targets {
		labels = append(labels, t.Name())
	}
	w.To = newChoiceGroup(labels, false, nil)
	def := passwords.Edge
	if u.osFamily() == catalog.OSDarwin {
		def = passwords.Apple
	}
	if u.moveTarget != "" {
		def = u.moveTarget
	}
	w.To.SetSelected(def.Name())
	w.To.OnChanged = func(name string) { u.moveTarget = targets[slices.Index(labels, name)] }
	w.Choose = newButtonWithIcon(lang.X("move.choose", "Choose the exported file…"), theme.FolderOpenIcon(), func() {
		u.pickExport(u.convertExport)
	})
	w.Result = paragraph("")
	w.Result.Hide()
	w.Steps = paragraph("")
	w.Steps.Hide()
	w.Help = container.NewVBox()
	w.Imported = newButtonWithIcon(lang.X("move.imported", "I have imported them"), theme.DeleteIcon(), u.confirmDeletePasswordFiles)
	if len(u.passwordFilesLeft()) == 0 {
		w.Imported.Hide()
	}
	box := container.NewVBox(
		heading(lang.X("move.title", "Move them to your new password manager")),
		paragraph(lang.X("move.intro", "Kaspersky's file can only go into most password managers once it is changed into the file they read. The app does that here, on this computer, and sends nothing anywhere. Choose your new password manager:")),
		w.To.Box,
		container.NewHBox(w.Choose),
		w.Result, w.Steps, w.Help,
		container.NewHBox(w.Imported),
	)
	return box
}

// pickExport asks for the exported file and hands its path to then; a
// seam for tests (they give a path without a file dialog).
func (u *App) pickExport(then func(path string)) {
	if u.pickFile != nil {
		u.pickFile(then)
		return
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			fyne.LogError("choosing the passwords' export", err)
			dialog.ShowError(err, u.win)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		then(path)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".txt"}))
	d.Show()
}

// convertExport converts the export at path for the chosen manager and
// says what happened.
func (u *App) convertExport(path string) {
	w := &u.Save.Move
	t := passwords.Edge
	if i := slices.IndexFunc(passwords.Targets(), func(t passwords.Target) bool { return t.Name() == w.To.Selected }); i >= 0 {
		t = passwords.Targets()[i]
	}
	u.moveTarget = t // kept when the step is drawn anew
	m, err := u.svc.MovePasswords(path, t)
	var text string
	switch {
	case errors.Is(err, passwords.ErrNotExport):
		text = lang.X("move.not-export", "This file is not Kaspersky Password Manager's export. Choose the text file you saved with the steps above.")
	case errors.Is(err, passwords.ErrTooLarge):
		text = lang.X("move.too-large", "This file is too large to be Kaspersky Password Manager's export.")
	case err != nil:
		fyne.LogError("moving the passwords", err)
		text = lang.X("move.failed", "The new file could not be saved next to the export. Move the export to your Documents folder and try again.")
	case m.Converted == 0:
		text = lang.X("move.none", "None of the {{.Count}} entries in this file can go into {{.Target}}. Nothing was saved.", map[string]any{"Count": m.Total, "Target": t.Name()})
	default:
		text = lang.X("move.done", "Done: {{.Converted}} of {{.Total}} entries are ready for {{.Target}} in the file {{.File}}, next to the export. Only you can open it.",
			map[string]any{"Converted": m.Converted, "Total": m.Total, "Target": t.Name(), "File": report.Name(filepath.Base(m.CSV))})
	}
	if err == nil && len(m.Left) > 0 {
		var names []string
		for _, l := range m.Left {
			if l.Name != "" && !slices.Contains(names, l.Name) {
				names = append(names, l.Name)
			}
		}
		if len(names) > 0 {
			text += "\n" + lang.X("move.left", "Not moved, copy these by hand: {{.Names}}.", map[string]any{"Names": report.Name(strings.Join(names, ", "))})
		}
	}
	w.Result.SetText(text)
	w.Result.Show()
	if err != nil || m.Converted == 0 {
		w.Result.Importance = widget.WarningImportance
		w.Steps.Hide()
		return
	}
	w.Result.Importance = widget.MediumImportance
	steps := importSteps(t)
	if t.ImportsExportDirectly() {
		steps += " " + lang.X("cli.passwords-bitwarden-direct", "Bitwarden can also import the Kaspersky file itself: in Tools > Import data, choose the file format \"Kaspersky (txt)\".")
	}
	stepsText := lang.X("move.steps", "To import it: {{.Steps}} Then come back here and press \"I have imported them\": the app deletes both files, which hold your passwords in plain text.", map[string]any{"Steps": steps})
	files := slices.Clone(u.state.PasswordFiles)
	for _, p := range []string{m.Export, m.CSV} {
		if !slices.Contains(files, p) {
			files = append(files, p)
		}
	}
	u.setState(u.state.WithPasswordFiles(files))
	// The step was drawn anew with the files saved: say it again there.
	u.Save.Move.Result.SetText(text)
	u.Save.Move.Result.Show()
	u.Save.Move.Steps.SetText(stepsText)
	u.Save.Move.Steps.Show()
	// The maker's own page on importing, where the catalog has one (an
	// https link; Edge's and Chrome's settings pages cannot be opened from
	// outside the browser, so the steps say where to click).
	u.Save.Move.Help.Objects = nil
	if src := u.cat.Source("import-" + string(t)); src != nil {
		if h := httpsLink(sourceTitle(src.ID, src.Title), src.URL); h != nil {
			u.Save.Move.Help.Add(h)
		}
	}
	u.Save.Move.Help.Refresh()
	u.Save.How[progress.SavePasswords].Open()
}

// passwordFilesLeft are the password files the app knows of that are
// still there. Only this computer's own progress is looked at, and only
// local paths: a caller's report (the caller view) or a progress file
// naming \\server\share\x would otherwise have this computer reach out to
// that server, with its user's credentials, just by showing a step.
func (u *App) passwordFilesLeft() []string {
	if u.caller != nil {
		return nil
	}
	var out []string
	for _, p := range u.state.PasswordFiles {
		if localPath(p) && u.svc.FileExists(p) {
			out = append(out, p)
		}
	}
	return out
}

// localPath: an absolute path on this computer's own disks, not a
// network one (\\server\share, //server/share, \\?\UNC\…).
func localPath(p string) bool {
	if strings.HasPrefix(p, `\\`) || strings.HasPrefix(p, "//") {
		return false
	}
	return filepath.IsAbs(p)
}

// importSteps says where in the manager the file is imported (the same
// words as `passwords convert`). Edge's and Chrome's settings pages cannot
// be opened from outside the browser, so they say where to click.
func importSteps(t passwords.Target) string {
	switch t {
	case passwords.Edge:
		return lang.X("cli.passwords-steps-edge", "In Microsoft Edge, open Settings > Passwords, click More actions (…) > Import passwords, choose \"Passwords CSV file\", and choose the new file.")
	case passwords.Chrome:
		return lang.X("cli.passwords-steps-chrome", "In Google Chrome, open the menu > Passwords and autofill > Google Password Manager > Settings, click Select file under Import passwords, and choose the new file.")
	case passwords.Apple:
		return lang.X("cli.passwords-steps-apple", "On a Mac with macOS 15 or later, open the Passwords app, choose File > Import Passwords, and choose the new file.")
	case passwords.Firefox:
		return lang.X("cli.passwords-steps-firefox", "In Firefox, open the menu > Passwords, click the menu (…) > Import from a File, and choose the new file.")
	case passwords.OnePassword:
		return lang.X("cli.passwords-steps-1password", "In the 1Password app, choose File > Import (or Import at 1Password.com), choose \"Other\" and \"CSV file\", and choose the new file.")
	}
	return lang.X("cli.passwords-steps-bitwarden", "In the Bitwarden web app, open Tools > Import data, choose the file format \"Bitwarden (csv)\", and choose the new file.")
}

// confirmDeletePasswordFiles asks, then deletes the export and its CSV.
func (u *App) confirmDeletePasswordFiles() {
	files := u.passwordFilesLeft()
	if len(files) == 0 {
		return
	}
	var names []string
	for _, p := range files {
		names = append(names, "• "+report.LongText(p))
	}
	body := paragraph(lang.X("move.delete-confirm", "Delete these files? Do it only once your passwords show in your new password manager.") + "\n" + strings.Join(names, "\n"))
	u.ask(lang.X("move.delete-title", "Delete the password files?"), body, fyne.NewSize(520, 240),
		answer{text: lang.X("remove.not-now", "Not now")},
		answer{text: lang.X("move.delete", "Delete them"), icon: theme.DeleteIcon(), importance: widget.HighImportance, do: u.deletePasswordFiles}, false)
}

func (u *App) deletePasswordFiles() {
	// The paths stay in the progress: step 7 then knows they were dealt
	// with, and checks each is gone.
	left, err := u.svc.DeletePasswordFiles(u.passwordFilesLeft())
	w := &u.Save.Move
	if w.Result == nil {
		return
	}
	if err != nil {
		fyne.LogError("deleting the password files", err)
		w.Result.SetText(lang.X("move.delete-failed", "Some files could not be deleted. Delete them yourself: {{.Files}}", map[string]any{"Files": report.LongText(strings.Join(left, ", "))}))
	} else {
		w.Result.SetText(lang.X("move.deleted-2", "Both files are deleted (not moved to the Recycle Bin). If that folder is kept in OneDrive or another online storage, delete them from its recycle bin too."))
		w.Imported.Hide()
		w.Steps.Hide()
	}
	w.Result.Show()
}
