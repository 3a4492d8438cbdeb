package ui

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/progress"
)

// TestMovePasswordsInTheWindow drives step 3's "Move them to …" through
// the fyne test driver: the export is converted for Microsoft Edge into a
// new file beside it that only the user can read, its rows read back by a
// CSV reader; the screen says counts, names and import steps, never a
// password; a file that is not an export is refused with nothing written;
// "I have imported them" asks (Escape keeps the files), then deletes both;
// step 7 reminds of them while they are there, by the paths the app saved.
func TestMovePasswordsInTheWindow(t *testing.T) {
	sample, err := os.ReadFile("../passwords/testdata/sample.txt")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	export := filepath.Join(dir, "kpm export.txt")
	if err := os.WriteFile(export, sample, 0o600); err != nil {
		t.Fatal(err)
	}
	notExport := filepath.Join(dir, "letter.txt")
	if err := os.WriteFile(notExport, []byte("Dear Ann,\nsee you soon.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	j := newJourney(t, win10(true, true, false, false))
	u := j.u
	j.click(u.Action, "Scan this computer")
	j.click(u.NextButton, "Next")
	how := u.Save.How[progress.SavePasswords]
	how.Open()
	w := &u.Save.Move
	if w.To == nil || w.To.Selected != "Microsoft Edge" || w.Imported.Visible() {
		t.Fatalf("the move section: %+v", w)
	}
	// Not an export: refused, nothing written.
	u.pickFile = func(then func(string)) { then(notExport) }
	j.click(w.Choose, "Choose the exported file…")
	if !strings.Contains(u.Save.Move.Result.Text, "not Kaspersky Password Manager's export") {
		t.Errorf("a letter: %q", u.Save.Move.Result.Text)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Fatalf("a refused file left %d files", len(entries))
	}
	// The export: converted beside it.
	u.pickFile = func(then func(string)) { then(export) }
	j.click(u.Save.Move.Choose, "Choose the exported file…")
	w = &u.Save.Move
	out := filepath.Join(dir, "kpm export (Microsoft Edge).csv")
	f, err := os.Open(out)
	if err != nil {
		t.Fatalf("no file for Edge: %v (the screen says %q)", err, w.Result.Text)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil || len(rows) < 2 || strings.Join(rows[0], ",") != "name,url,username,password,note" {
		t.Fatalf("Edge's CSV: %v %q", err, rows)
	}
	if rows[1][3] != `"quoted", with commas; and semicolons` {
		t.Errorf("the first password came out as %q", rows[1][3])
	}
	if fi, err := os.Stat(out); err != nil || runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("the new file is not the user's alone: %v %v", fi.Mode(), err)
	}
	scrollToObject(u, u.Save.Move.Choose)
	shot(t, u.win, "step3-move-done-en")
	if len(w.Help.Objects) != 0 { // Edge: its settings cannot be opened from here, and no page is in the catalog
		t.Errorf("a link for Edge: %v", w.Help.Objects)
	}
	shown := labelsText(u.win.Canvas().Content())
	if !strings.Contains(w.Result.Text, "entries are ready for Microsoft Edge") || !strings.Contains(w.Steps.Text, "More actions (…) > Import passwords") {
		t.Errorf("what the screen says: %q / %q", w.Result.Text, w.Steps.Text)
	}
	for _, secret := range []string{"with commas; and semicolons", "пароль", "abc:def"} {
		if strings.Contains(shown, secret) {
			t.Errorf("a password is on the screen: %q", secret)
		}
	}
	if got := u.state.PasswordFiles; len(got) != 2 || got[0] != export || got[1] != out {
		t.Errorf("the progress keeps %q", got)
	}
	if data, _ := os.ReadFile(filepath.Join(j.dir, progress.StateFile)); strings.Contains(string(data), "semicolons") {
		t.Error("a password reached the progress file")
	}
	// Step 7 reminds while the files are there.
	j.click(u.NavButtons[6], "7. Finish")
	if text := labelsText(u.win.Canvas().Content()); !strings.Contains(text, "These files still hold your passwords in plain text") || !strings.Contains(text, "kpm export (Microsoft Edge).csv") {
		t.Errorf("step 7 does not remind of the files:\n%s", text)
	}
	// "I have imported them": Escape keeps them, "Delete them" deletes both.
	j.click(u.NavButtons[2], "3. Save what you'd lose")
	u.Save.How[progress.SavePasswords].Open()
	j.click(u.Save.Move.Imported, "I have imported them")
	press(u, fyne.KeyEscape)
	if _, err := os.Stat(out); err != nil {
		t.Fatal("Escape deleted the files")
	}
	j.click(u.Save.Move.Imported, "I have imported them")
	j.click(j.dialogButton("Delete them"), "Delete them")
	for _, p := range []string{export, out} {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s is still there (%v)", p, err)
		}
	}
	if _, err := os.Stat(notExport); err != nil {
		t.Error("a file the app did not use was deleted")
	}
	j.click(u.NavButtons[6], "7. Finish")
	if text := labelsText(u.win.Canvas().Content()); strings.Contains(text, "still hold your passwords") || strings.Contains(text, "delete the exported file") {
		t.Errorf("step 7 still asks to delete deleted files:\n%s", text)
	}
}

// TestMovePasswordsInSpanish: the same flow says it in Spanish.
func TestMovePasswordsInSpanish(t *testing.T) {
	applyLanguage("es")
	t.Cleanup(func() { applyLanguage("en") })
	sample, err := os.ReadFile("../passwords/testdata/sample.txt")
	if err != nil {
		t.Fatal(err)
	}
	export := filepath.Join(t.TempDir(), "contraseñas.txt")
	if err := os.WriteFile(export, sample, 0o600); err != nil {
		t.Fatal(err)
	}
	j := newJourney(t, win10(true, true, false, false))
	u := j.u
	j.click(u.Action, "Analizar esta computadora")
	j.click(u.NextButton, "Siguiente")
	u.Save.How[progress.SavePasswords].Open()
	u.pickFile = func(then func(string)) { then(export) }
	u.Save.Move.To.SetSelected("Bitwarden")
	j.click(u.Save.Move.Choose, "Elegir el archivo exportado…")
	if !strings.HasPrefix(u.Save.Move.Result.Text, "Listo: ") || !strings.Contains(u.Save.Move.Steps.Text, "Para importarlo:") {
		t.Errorf("in Spanish: %q / %q", u.Save.Move.Result.Text, u.Save.Move.Steps.Text)
	}
	if u.Save.Move.To.Selected != "Bitwarden" {
		t.Errorf("drawn anew, the step chose %q", u.Save.Move.To.Selected)
	}
	// Bitwarden's own page on importing is linked, its title in Spanish.
	if len(u.Save.Move.Help.Objects) != 1 {
		t.Fatalf("no link to Bitwarden's import page: %v", u.Save.Move.Help.Objects)
	}
	if h, ok := u.Save.Move.Help.Objects[0].(*widget.Hyperlink); !ok || h.URL.String() != "https://bitwarden.com/help/import-data/" || !strings.HasPrefix(h.Text, "Centro de ayuda de Bitwarden") {
		t.Errorf("the link: %#v", u.Save.Move.Help.Objects[0])
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(export), "contraseñas (Bitwarden).csv")); err != nil {
		t.Errorf("no file for Bitwarden: %v", err)
	}
	scrollToObject(u, u.Save.Move.Choose)
	shot(t, u.win, "step3-move-done-es")
}

// TestPasswordFilesNeverReachTheNetwork: the paths of password files are
// looked at only when they are this computer's own and local: a caller's
// report, or a progress file naming a server's share, makes the app
// touch nothing (a look at \\server\share would sign in to that server).
func TestPasswordFilesNeverReachTheNetwork(t *testing.T) {
	for p, want := range map[string]bool{
		`\\attacker.example\share\x.txt`:    false,
		`\\?\UNC\attacker.example\share\x`:  false,
		`//attacker.example/share/x.txt`:    false,
		`relative\x.txt`:                    false,
		filepath.Join(t.TempDir(), "x.txt"): true,
	} {
		if got := localPath(p); got != want {
			t.Errorf("localPath(%q) = %v", p, got)
		}
	}
	j := newJourney(t, win10(true, true, false, false))
	u := j.u
	local := filepath.Join(t.TempDir(), "export.txt")
	if err := os.WriteFile(local, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	u.setState(u.state.WithPasswordFiles([]string{local, `\\attacker.example\share\x.txt`}))
	if got := u.passwordFilesLeft(); len(got) != 1 || got[0] != local {
		t.Errorf("this computer's files: %q", got)
	}
	u.caller = &callerView{}
	if got := u.passwordFilesLeft(); got != nil {
		t.Errorf("the caller view looked at %q", got)
	}
}
