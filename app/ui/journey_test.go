package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"transitionhelper/app/progress"
	"transitionhelper/app/wizard"
)

// The journeys drive the real window (newJourney) through the fyne test
// driver as the user would, counting every click in the app.

// coherent fails when the screen offers no next action, or says something
// another step contradicts.
func (h *harness) coherent() {
	h.t.Helper()
	u := h.u
	st := wizard.StandingOf(u.state)
	next := !u.NextButton.Disabled() || u.Action != nil && !u.Action.Disabled()
	if !next && !(u.state.Step == progress.StepDone && st.Finished()) {
		h.t.Errorf("step %d offers no next action", u.state.Step)
	}
	text := labelsText(u.body.Content)
	switch u.state.Step {
	case progress.StepFound:
		for _, c := range u.Found.Cards {
			if c.Title == "Microsoft Defender" && !strings.Contains(c.Subtitle, "switched off") && !strings.Contains(c.Subtitle, "switched on") {
				h.t.Errorf("step 2: Defender's card does not say what Windows Security says: %q", c.Subtitle)
			}
		}
	case progress.StepVerify:
		if strings.Contains(text, "Microsoft Defender: switched off") && strings.Contains(u.Verify.Verdict.Text, "Microsoft Defender") {
			h.t.Errorf("step 6 says Defender is off and protecting: %q", u.Verify.Verdict.Text)
		}
		if strings.Count(text, "Next: ") > 1 {
			h.t.Errorf("step 6 gives %d next actions:\n%s", strings.Count(text, "Next: "), text)
		}
		if st.KasperskyLeft && strings.Contains(text, "Virus & threat protection") {
			h.t.Error("step 6 says to turn on Virus & threat protection while Kaspersky is installed (Windows does not offer it then)")
		}
	case progress.StepDone:
		done := strings.HasSuffix(u.StepTitle.Text, ": Done")
		if done != st.Finished() {
			h.t.Errorf("step 7 is titled %q while finished=%v", u.StepTitle.Text, st.Finished())
		}
		if !st.Finished() && u.Done.GoNext == nil {
			h.t.Error("step 7 on an unfinished computer offers no next step")
		}
	}
}

// TestJourneyWindows10 walks from the double-click to protected on the
// Windows 10 laptop, as the user would, and counts the clicks in the app.
func TestJourneyWindows10(t *testing.T) {
	j := newJourney(t,
		win10(true, true, true, false),   // step 1's scan
		win10(true, true, true, false),   // "Remove all": a fresh scan for the plans
		win10(true, false, false, false), // the re-check: a restart is needed for Total Security
		win10(false, false, false, true), // after the restart: gone, Defender back on
	)
	j.codes[tsUninstaller] = 3010
	u := j.u
	j.coherent()
	j.click(u.Action, "Scan this computer")
	if u.state.Step != progress.StepFound {
		t.Fatalf("after the scan: step %d", u.state.Step)
	}
	j.coherent()
	j.click(u.NextButton, "Next")
	if got := strings.Join(u.state.Checklist(), " "); got != "passwords licence quarantine vpn" {
		t.Errorf("step 3 lists %q (no Safe Kids app was found)", got)
	}
	j.coherent()
	// The user does everything step 3 asks and ticks each item, as a
	// careful user would: the count is honest (it used to tick two of four).
	for _, id := range u.state.Checklist() {
		j.click(u.Save.Ticks[id], "the tick of "+id)
	}
	j.click(u.NextButton, "Next")
	j.coherent()
	j.click(u.Remove.RemoveAll, "Remove all 3")
	shot(t, u.win, "step4-remove-all")
	j.click(j.dialogButton("Start the uninstallers"), "Start the uninstallers")
	j.coherent()
	// One after another, the antivirus last: it protects until the end.
	if !slices.Equal(j.launched, []string{kpmUninstaller + " /x", vpnUninstaller + " /x", tsUninstaller + " /x"}) {
		t.Fatalf("started %q", j.launched)
	}
	if u.Remove.Rows["kaspersky-total-security"].Text != "Restart needed" || u.Remove.Restart == nil {
		t.Fatalf("Total Security: %q", u.Remove.Rows["kaspersky-total-security"].Text)
	}
	j.click(u.Remove.Restart, "Restart now")
	j.click(j.dialogButton("Restart now"), "Restart now, in the question")
	// The computer restarts; the app opens by itself at step 4 and scans.
	j.open()
	u = j.u
	if u.state.Step != progress.StepRemove || u.Remove.Rows["kaspersky-total-security"].Text != "Removed" {
		t.Fatalf("after the restart: step %d, %v", u.state.Step, u.Remove.Rows)
	}
	j.coherent()
	j.click(u.NextButton, "Next")
	if u.state.Step != progress.StepChoose || !strings.HasPrefix(u.Choose.BuiltinLine.Text, "Free and already on this computer: Microsoft Defender.") {
		t.Fatalf("step 5: %d", u.state.Step)
	}
	j.coherent()
	j.click(u.NextButton, "Next")
	j.coherent()
	if u.Verify.Verdict.Text != "Protecting this computer now: Microsoft Defender" {
		t.Errorf("step 6: %q", u.Verify.Verdict.Text)
	}
	// A Windows 10 laptop in November 2026: its free updates ended, and
	// until October 12, 2027 it gets them only if enrolled in ESU; step 6
	// says so and how, and never to plan a new computer (a Windows 11 one
	// says nothing of it: TestFlowKasperskyFound).
	if u.Verify.OSSupport == nil || !strings.HasPrefix(u.Verify.OSSupport.Text, "This computer runs Windows 10. Its free security updates ended on October 14, 2025. Until October 12, 2027, it still gets them if it is signed up for Extended Security Updates (ESU).") {
		t.Errorf("step 6 does not tell Windows 10's updates as they are: %v", u.Verify.OSSupport)
	}
	if text := labelsText(u.win.Canvas().Content()); !strings.Contains(text, "Settings > Update & Security > Windows Update") || strings.Contains(text, "new computer") || !strings.Contains(text, "Checked on December 6, 2026.") {
		t.Errorf("step 6 does not say how to check and enroll, or when its facts were read:\n%s", text)
	}
	j.click(u.NextButton, "Next")
	j.coherent()
	if u.StepTitle.Text != "Step 7 of 7: Done" {
		t.Errorf("step 7: %q", u.StepTitle.Text)
	}
	// Step 7 closes the loop: the exported passwords into the new manager
	// and the file deleted, a new VPN.
	if text := labelsText(u.win.Canvas().Content()); !strings.Contains(text, "Import the passwords you exported into your new password manager") ||
		!strings.Contains(text, "empty the Recycle Bin") || !strings.Contains(text, "choose a new VPN") {
		t.Errorf("step 7 leaves the loose ends unsaid:\n%s", text)
	}
	if !slices.Contains(u.summaryLines(), "Windows 10: security updates until October 12, 2027 only if it is signed up for Extended Security Updates (step 6 says how).") {
		t.Errorf("step 7's summary: %q", u.summaryLines())
	}
	data, _, err := u.reportData()
	if err != nil || !strings.Contains(string(data), "until October 12, 2027 only if it is signed up for Extended Security Updates") || strings.Contains(string(data), "new computer") {
		t.Errorf("the report does not tell Windows 10's updates as they are (%v)", err)
	}
	t.Logf("from launch to protected: %d clicks in the app, one restart", j.clicks)
	// 14 with every tick of step 3 (4 of them): Scan, Next, 4 ticks, Next,
	// Remove all, Start the uninstallers, Restart now and its question,
	// then Next, Next, Next. The goal is 12; no click is saved yet
	// (README says so), and this fails if the path grows.
	fmt.Printf("journey: %d clicks in the app from launch to protected, every tick of step 3 included (goal 12)\n", j.clicks)
	if j.clicks > 14 {
		t.Errorf("%d clicks", j.clicks)
	}
}

// TestPasswordGuard: with the export not done, Remove on the Password
// Manager warns and starts nothing until the user chooses; "Export them
// now" opens step 3 at the export; "Remove anyway" goes on.
func TestPasswordGuard(t *testing.T) {
	snap := win10(true, true, false, false)
	j := newJourney(t, snap)
	u := j.u
	j.click(u.Action, "Scan this computer")
	j.click(u.NextButton, "Next")
	j.click(u.NextButton, "Next") // past step 3 without ticking anything
	// "Remove all" is held up the same way.
	j.click(u.Remove.RemoveAll, "Remove all")
	if top := u.win.Canvas().Overlays().Top(); top == nil || !strings.Contains(labelsText(top), "Have you exported your passwords?") {
		t.Fatal("\"Remove all\" gave no password warning")
	}
	u.win.Canvas().Overlays().Top().Hide()
	u.win.Canvas().Overlays().Remove(u.win.Canvas().Overlays().Top())
	j.click(u.Remove.RemoveButtons["kaspersky-password-manager"], "Remove")
	top := u.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(labelsText(top), "Have you exported your passwords?") || !strings.Contains(labelsText(top), "After removal, the passwords in Kaspersky Password Manager are gone.") {
		t.Fatalf("no password warning: %q", labelsText(top))
	}
	shot(t, u.win, "step4-password-guard")
	if findButton(top, "Start the uninstaller") != nil || len(j.launched) != 0 {
		t.Fatal("the uninstaller was offered or started before the user chose")
	}
	j.click(u.Remove.GuardNow, "Export them now")
	if u.state.Step != progress.StepSave || u.Save.How[progress.SavePasswords] == nil || !u.Save.How[progress.SavePasswords].IsOpen() {
		t.Fatalf("\"Export them now\" went to step %d", u.state.Step)
	}
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("the warning stayed open")
	}
	// Back at step 4, the user removes it anyway, deliberately.
	j.click(u.NavButtons[3], "4. Remove Kaspersky")
	j.click(u.Remove.RemoveButtons["kaspersky-password-manager"], "Remove")
	j.click(u.Remove.GuardAnyway, "Remove anyway")
	if findButton(u.win.Canvas().Overlays().Top(), "Start the uninstaller") == nil {
		t.Fatal("\"Remove anyway\" did not go on to the uninstaller's confirmation")
	}
	j.click(j.dialogButton("Start the uninstaller"), "Start the uninstaller")
	if len(j.launched) != 1 || j.launched[0] != kpmUninstaller+" /x" {
		t.Errorf("started %q", j.launched)
	}
	// With the export ticked, no warning: straight to the confirmation.
	j2 := newJourney(t, snap)
	j2.click(j2.u.Action, "Scan this computer")
	j2.click(j2.u.NextButton, "Next")
	j2.click(j2.u.Save.Ticks[progress.SavePasswords], "the passwords' tick")
	j2.click(j2.u.NextButton, "Next")
	j2.click(j2.u.Remove.RemoveButtons["kaspersky-password-manager"], "Remove")
	if findButton(j2.u.win.Canvas().Overlays().Top(), "Start the uninstaller") == nil {
		t.Error("exported, yet warned")
	}
}

// TestStep7NotFinished: on a computer where Kaspersky is still there and
// nothing else protects it, step 7 is not "Done" and points to what is next.
func TestStep7NotFinished(t *testing.T) {
	j := newJourney(t, win10(true, true, false, false))
	u := j.u
	j.click(u.Action, "Scan this computer")
	j.click(u.NavButtons[6], "7. Finish")
	j.coherent()
	if u.StepTitle.Text != "Step 7 of 7: Not finished yet" || u.Done.GoNext == nil || !strings.Contains(u.Done.GoNext.Text, "step 3") {
		t.Fatalf("step 7: %q, %v", u.StepTitle.Text, u.Done.GoNext)
	}
	if !slices.Contains(u.summaryLines(), "Only Kaspersky protects this computer, and it has had no updates since September 29, 2024.") {
		t.Errorf("summary %q", u.summaryLines())
	}
	j.click(u.Done.GoNext, "the next step")
	if u.state.Step != progress.StepSave {
		t.Errorf("went to %d", u.state.Step)
	}
	j.click(u.NavButtons[5], "6. Check you're protected")
	j.coherent()
	if u.Verify.NextAction == nil || u.Verify.NextAction.Text != "Go to step 3" {
		t.Errorf("step 6's next action %v", u.Verify.NextAction)
	}
}
