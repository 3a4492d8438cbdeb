package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"transitionhelper/app/progress"
)

// TestQuestionsKeysMeanTheSafeAnswer: every question before an uninstaller
// starts opens with "Not now" focused; Escape means "Not now" whatever has
// the focus; Return goes to step 3 on the password warning (safe) and never
// starts an uninstaller; after "Remove anyway" the last question repeats
// that the passwords are not exported.
func TestQuestionsKeysMeanTheSafeAnswer(t *testing.T) {
	snap := win10(true, true, false, false)
	j := newJourney(t, snap)
	u := j.u
	j.click(u.Action, "Scan this computer")
	j.click(u.NavButtons[3], "4. Remove Kaspersky")
	open := func() *question {
		t.Helper()
		j.click(u.Remove.RemoveButtons["kaspersky-password-manager"], "Remove")
		q := u.topQuestion()
		if q == nil || q != u.Remove.Guard || !strings.Contains(labelsText(u.win.Canvas().Overlays().Top()), "Have you exported your passwords?") {
			t.Fatalf("no password warning")
		}
		if u.win.Canvas().Focused() != q.Buttons[0] || q.Buttons[0].Text != "Not now" {
			t.Fatalf("the warning opened with %v focused, not \"Not now\"", u.win.Canvas().Focused())
		}
		return q
	}
	// Escape, with "Not now" focused, then with "Remove anyway" focused,
	// then with nothing focused: each time the warning closes, nothing goes on.
	for _, focus := range []string{"Not now", "Remove anyway", "nothing"} {
		q := open()
		switch focus {
		case "Remove anyway":
			u.win.Canvas().Focus(u.Remove.GuardAnyway)
		case "nothing":
			u.win.Canvas().Unfocus()
		}
		press(u, fyne.KeyEscape)
		if u.topQuestion() != nil || u.win.Canvas().Overlays().Top() != nil || u.state.Step != progress.StepRemove || len(j.launched) != 0 {
			t.Fatalf("Escape with %s focused: a dialog is still open (%v) or it went on (step %d, started %q)", focus, u.topQuestion() == q, u.state.Step, j.launched)
		}
	}
	// Return on the warning is "Export them now": step 3, the export open.
	open()
	press(u, fyne.KeyReturn)
	if u.state.Step != progress.StepSave || !u.Save.How[progress.SavePasswords].IsOpen() {
		t.Fatalf("Return on the warning: step %d", u.state.Step)
	}
	// "Remove anyway", deliberately: the last question says again what is
	// lost, opens on "Not now", and neither Escape nor Return starts it.
	j.click(u.NavButtons[3], "4. Remove Kaspersky")
	open()
	j.click(u.Remove.GuardAnyway, "Remove anyway")
	q := u.topQuestion()
	if q == nil || q != u.Remove.Confirm || u.win.Canvas().Focused() != q.Buttons[0] {
		t.Fatal("no confirmation, or it opened without \"Not now\" focused")
	}
	if u.Remove.LossWarning == nil || !strings.Contains(labelsText(u.win.Canvas().Overlays().Top()), "Your passwords are not exported.") {
		t.Error("the confirmation after \"Remove anyway\" does not repeat the warning")
	}
	press(u, fyne.KeyReturn)
	if len(j.launched) != 0 || u.topQuestion() != nil {
		t.Fatalf("Return on the confirmation started %q", j.launched)
	}
	j.click(u.Remove.RemoveButtons["kaspersky-password-manager"], "Remove")
	j.click(u.Remove.GuardAnyway, "Remove anyway")
	press(u, fyne.KeyEscape)
	if len(j.launched) != 0 || u.topQuestion() != nil {
		t.Fatalf("Escape on the confirmation started %q", j.launched)
	}
	// Start over and Restart now: Escape is "Not now" too.
	u.confirmStartOver()
	press(u, fyne.KeyEscape)
	if u.topQuestion() != nil || u.state.Scan == nil {
		t.Error("Escape on \"Start over\" cleared the progress or left the question open")
	}
}
