package ui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/catalog"
	"transitionhelper/app/progress"
	"transitionhelper/app/region"
	"transitionhelper/app/report"
	"transitionhelper/app/timeline"
	"transitionhelper/app/wizard"
	"transitionhelper/platform"
)

func cardTitles(cards []*widget.Card) []string {
	var out []string
	for _, c := range cards {
		out = append(out, c.Title+" | "+c.Subtitle)
	}
	return out
}

func TestFlowKasperskyFound(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, "", region.US, snapKaspersky, snapKaspersky, snapNothing)
	u := h.u
	if u.state.Step != progress.StepStart || u.Start.Countdown.Text != "Updates in the U.S. ended on September 29, 2024 — 785 days ago" {
		t.Fatalf("step 1: step %d, countdown %q", u.state.Step, u.Start.Countdown.Text)
	}
	if !u.NextButton.Disabled() || !u.BackButton.Disabled() || u.Action != u.Start.ScanButton || u.Action.Importance != widget.HighImportance {
		t.Error("step 1 before a scan: Next and Back must be off, \"Scan this computer\" the main action")
	}
	// The list on the left opens any step, and says in place why it has
	// nothing yet, with the way back.
	test.Tap(u.NavButtons[3])
	if u.state.Step != progress.StepRemove || u.NotApplies == nil || !strings.HasPrefix(u.NotApplies.Text, "Not yet: this step needs a scan") || u.Action == nil {
		t.Fatalf("step 4 before a scan: step %d, %v", u.state.Step, u.NotApplies)
	}
	test.Tap(u.Action)
	if u.state.Step != progress.StepStart {
		t.Fatalf("\"Go to step 1\" went to %d", u.state.Step)
	}
	h.check()
	if u.Found.Headline.Text != "Kaspersky is on this computer." {
		t.Errorf("step 2 headline %q", u.Found.Headline.Text)
	}
	want := []string{"Kaspersky Total Security | Running · version 21.3", "Kaspersky Password Manager | Installed, not running", "Microsoft Defender | Running"}
	// Both products are Kaspersky's, and no Safe Kids app was found: no Safe Kids item.
	if got := cardTitles(u.Found.Cards); !slices.Equal(got, want) {
		t.Errorf("cards %q, want %q", got, want)
	}
	meaning := u.Found.Cards[0].Content.(*fyne.Container).Objects[0].(*widget.Label).Text
	if meaning != "Kaspersky's updates in the U.S. ended 785 days ago. Without them it misses new threats." {
		t.Errorf("meaning %q", meaning)
	}

	h.next(progress.StepSave)
	var items []string
	for id := range u.Save.Ticks {
		items = append(items, id)
	}
	slices.Sort(items)
	if strings.Join(items, " ") != "licence passwords quarantine" {
		t.Errorf("checklist %q", items)
	}
	test.Tap(u.Save.Ticks[progress.SavePasswords])
	if !u.state.Ticks[progress.SavePasswords] || !u.Save.Ticks[progress.SavePasswords].Checked {
		t.Error("the tick was not kept")
	}

	h.next(progress.StepRemove)
	// Its entries record no uninstaller: the row says so, and where to go.
	const byHand = "To remove by hand: cannot be started from here"
	if len(u.Remove.Rows) != 2 || u.Remove.Rows["kaspersky-total-security"].Text != byHand {
		t.Errorf("rows %v", u.Remove.Rows)
	}
	// The user removes both with their uninstallers and checks again.
	h.drain()
	test.Tap(u.Remove.ScanButton) // scan 2: still there
	h.wait()
	if u.Remove.Rows["kaspersky-total-security"].Text != byHand {
		t.Errorf("still installed, row says %q", u.Remove.Rows["kaspersky-total-security"].Text)
	}
	test.Tap(u.Remove.ScanButton) // scan 3: gone
	h.wait()
	if u.Remove.Rows["kaspersky-total-security"].Text != "Removed" || u.Remove.Rows["kaspersky-password-manager"].Text != "Removed" {
		t.Errorf("after removal: %q, %q", u.Remove.Rows["kaspersky-total-security"].Text, u.Remove.Rows["kaspersky-password-manager"].Text)
	}

	h.next(progress.StepChoose)
	// Kaspersky's Password Manager was found: those with a password manager
	// come first (Windows' own counts: Edge and the Microsoft account keep
	// passwords), Malwarebytes (none) after them.
	if len(u.Choose.Choices) < 10 || !slices.Equal(u.Choose.Builtin, []string{"microsoft-defender"}) || !slices.Contains(u.Choose.Features.Selected, "Password manager") ||
		slices.Index(u.Choose.Choices, "malwarebytes") < slices.Index(u.Choose.Choices, "bitdefender") {
		t.Errorf("built in %q, choices %q, features %q", u.Choose.Builtin, u.Choose.Choices, u.Choose.Features.Selected)
	}
	if !strings.HasSuffix(u.Choose.BuiltinLine.Text, "Not part of it, for your answers: password manager.") {
		t.Errorf("built-in line %q", u.Choose.BuiltinLine.Text)
	}
	// Without that need, the free built-in Defender is enough.
	u.Choose.Features.SetSelected(nil)
	if !strings.HasSuffix(u.Choose.BuiltinLine.Text, "For your answers it is enough.") || u.state.Needs == nil || len(u.state.Needs.Features) != 0 {
		t.Errorf("without needs: %q, saved %+v", u.Choose.BuiltinLine.Text, u.state.Needs)
	}
	// Two ticked for comparison: a side-by-side table.
	test.Tap(u.Choose.Compare[0])
	test.Tap(u.Choose.Compare[1])
	if grid, ok := u.Choose.CompareBox.Objects[0].(*fyne.Container); !ok || len(grid.Objects) < 3*10 {
		t.Errorf("no comparison table: %T", u.Choose.CompareBox.Objects[0])
	}
	h.next(progress.StepVerify) // arriving from step 5 scans at once
	if u.Verify.Verdict == nil || u.Verify.Verdict.Text != "Protecting this computer now: Microsoft Defender" {
		t.Errorf("verdict %v", u.Verify.Verdict)
	}
	if u.Verify.OSSupport != nil {
		t.Errorf("a Windows 11 computer told of an end of support: %q", u.Verify.OSSupport.Text)
	}
	h.next(progress.StepDone)
	if u.Done.SaveReport == nil || u.Done.SaveReport.Disabled() {
		t.Error("no Save report button")
	}
	if !strings.HasSuffix(u.StepTitle.Text, ": Done") || u.Done.GoNext != nil || u.Action != u.Done.SaveReport {
		t.Errorf("a finished computer: title %q, next %v", u.StepTitle.Text, u.Done.GoNext)
	}
	for _, l := range []string{"Kaspersky Total Security: Removed", "Saved before removal: 1 of 3"} {
		if !slices.Contains(u.summaryLines(), l) {
			t.Errorf("summary lacks %q: %q", l, u.summaryLines())
		}
	}
	data, ext, err := u.reportData()
	if err != nil || ext != ".html" || !strings.Contains(string(data), "Kaspersky Total Security 21.3: Removed") {
		t.Errorf("HTML report (%s, %v):\n%s", ext, err, data)
	}
	// Going back to any finished step works.
	test.Tap(u.NavButtons[2])
	if u.state.Step != progress.StepSave || !u.Save.Ticks[progress.SavePasswords].Checked {
		t.Errorf("back to step 3: step %d", u.state.Step)
	}
}

func TestFlowNothingFound(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, "", region.US, snapNothing)
	h.check()
	if h.u.Found.Headline.Text != "No Kaspersky product was found on this computer. Press Next to check that this computer is protected." {
		t.Errorf("headline %q", h.u.Found.Headline.Text)
	}
	h.next(progress.StepVerify)
	// Steps 3 and 4 do not apply: they say why and offer Next.
	test.Tap(h.u.NavButtons[progress.StepFound-1])
	h.u.setState(wizard.Go(h.u.state, progress.StepFound))
	h.u.state.Reached = progress.StepDone
	h.u.setState(wizard.Go(h.u.state, progress.StepSave))
	if h.u.NotApplies == nil || !strings.HasPrefix(h.u.NotApplies.Text, "No Kaspersky product is installed") || h.u.NextButton.Disabled() {
		t.Errorf("step 3 with nothing found: %v", h.u.NotApplies)
	}
}

func TestFlowUltraAVOnly(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, "", region.US, snapUltraAV)
	h.check()
	if got := cardTitles(h.u.Found.Cards); len(got) != 1 || got[0] != "UltraAV | Installed, not running · switched on" && got[0] != "UltraAV | Running · switched on" {
		t.Errorf("cards %q", got)
	}
	h.next(progress.StepChoose)
	h.next(progress.StepVerify)
	if h.u.Verify.Verdict.Text != "Protecting this computer now: UltraAV" {
		t.Errorf("verdict %q", h.u.Verify.Verdict.Text)
	}
}

func TestFlowOutsideUS(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, "", region.US, snapKaspersky)
	h.u.Start.Region.SetSelected("Outside the U.S.")
	if h.u.state.Region != region.Other || !h.u.state.RegionChosen {
		t.Fatalf("region %q", h.u.state.Region)
	}
	if h.u.Start.Countdown.Importance == widget.DangerImportance {
		t.Error("outside the U.S. the countdown is not a danger")
	}
	h.check()
	meaning := h.u.Found.Cards[0].Content.(*fyne.Container).Objects[0].(*widget.Label).Text
	if meaning != "Outside the U.S. it may still get updates. Check in Kaspersky that they are recent." {
		t.Errorf("meaning %q", meaning)
	}
}

func TestResumeAfterRestart(t *testing.T) {
	test.NewTempApp(t)
	dir := t.TempDir()
	h := newHarness(t, dir, region.US, snapKaspersky)
	h.check()
	h.next(progress.StepSave)
	test.Tap(h.u.Save.Ticks[progress.SaveLicence])
	// The computer restarts: a new app on the same storage folder.

	again := newHarness(t, dir, region.Other, snapNothing)
	if again.u.state.Step != progress.StepSave || again.u.state.Region != region.US {
		t.Fatalf("resumed at step %d, region %s", again.u.state.Step, again.u.state.Region)
	}
	if !again.u.Save.Ticks[progress.SaveLicence].Checked || again.u.Save.Ticks[progress.SavePasswords].Checked {
		t.Error("ticks not restored")
	}
	// Start over clears it all.
	again.u.startOver()
	if again.u.state.Step != progress.StepStart || again.u.state.Scan != nil {
		t.Errorf("after start over: %+v", again.u.state)
	}
	if _, err := os.Stat(filepath.Join(dir, progress.StateFile)); err != nil {
		t.Errorf("fresh progress not saved: %v", err)
	}
}

func TestCorruptStateStartsFresh(t *testing.T) {
	test.NewTempApp(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, progress.StateFile), []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, dir, region.US, snapNothing)
	if h.u.state.Step != progress.StepStart {
		t.Errorf("step %d", h.u.state.Step)
	}
	overlays := h.u.win.Canvas().Overlays().List()
	if len(overlays) != 1 {
		t.Fatalf("want one notice, got %d overlays", len(overlays))
	}
}

func TestScanKeepsTheWindowAnswering(t *testing.T) {
	test.NewTempApp(t)
	release := make(chan struct{})
	h := bareHarness(t, "")
	h.sys.ScanFn = func(context.Context, platform.Options) *platform.Snapshot {
		<-release
		s := snapNothing
		return &s
	}
	h.cfg.Async = nil // the real one: a goroutine
	h.open()
	u := h.u
	test.Tap(u.Start.ScanButton)
	if u.Start.Progress.Hidden || !u.Start.ScanButton.Disabled() || !u.StartOver.Disabled() {
		t.Error("no visible progress while scanning")
	}
	// The window still answers: the larger-text switch works mid-scan.
	test.Tap(u.LargerText)
	if !fyne.CurrentApp().Preferences().Bool(PrefLargerText) {
		t.Error("the UI did not answer while the scan ran")
	}
	h.drain()
	close(release)
	h.wait() // the scan result shows
	if u.state.Step != progress.StepFound {
		t.Errorf("step %d", u.state.Step)
	}
}

func TestSupportPanelAndLanguage(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, "", region.US, snapKaspersky)
	h.check()
	text := h.u.supportText()
	for _, w := range []string{"Status code: KTH-", "at step 2: What we found", "Windows 11 Pro", "process avp.exe (pid 10)", "password protection is on"} {
		if !strings.Contains(text, w) {
			t.Errorf("support text lacks %q:\n%s", w, text)
		}
	}
	test.Tap(h.u.Support)
	if len(h.u.win.Canvas().Overlays().List()) != 1 {
		t.Fatal("the support panel did not open")
	}
	sp := h.u.SupportPanel
	// It starts with the caller's own situation, above the tools.
	if !strings.HasPrefix(sp.Situation.Text, "Step 2: What we found. Next: Go to step 3") {
		t.Errorf("the panel starts with %q", sp.Situation.Text)
	}
	// The code on screen decodes to this state, as the CLI would read it.
	st, err := report.Decode(sp.Code.Text)
	if err != nil || st.Step != 2 || !st.Has(report.FlagKasperskyRunning) || !st.Has(report.FlagPasswordManager) || !st.US {
		t.Errorf("code %q decodes to %+v, %v", sp.Code.Text, st, err)
	}
	test.Type(sp.Caller, strings.ToLower(strings.ReplaceAll(sp.Code.Text, "-", " ")))
	test.Tap(sp.Decode)
	if !strings.Contains(sp.Meaning.Text, "The caller is at step 2: What we found.") {
		t.Errorf("decoded: %q", sp.Meaning.Text)
	}
	sp.Caller.SetText("KTH-0000-0001")
	test.Tap(sp.Decode)
	if sp.Meaning.Text != "This code is not valid. Please read the code again." {
		t.Errorf("a bad code: %q", sp.Meaning.Text)
	}
	test.Tap(sp.Copy)
	if got := fyne.CurrentApp().Clipboard().Content(); !strings.Contains(got, sp.Code.Text) {
		t.Errorf("clipboard: %q", got)
	}
	h.u.win.Canvas().Overlays().Top().Hide()
	h.u.Language.SetSelected("Español")
	defer applyLanguage("en")
	if h.u.StepTitle.Text != "Paso 2 de 7: Lo que encontramos" || h.u.NextButton.Text != "Siguiente" {
		t.Errorf("in Spanish: %q / %q", h.u.StepTitle.Text, h.u.NextButton.Text)
	}
	if got := countdownText(statusAt(h.u, today)); got != "Las actualizaciones en EE. UU. terminaron el 29 de septiembre de 2024: hace 785 días" {
		t.Errorf("Spanish countdown %q", got)
	}
	h.u.Language.SetSelected("English")
	if h.u.StepTitle.Text != "Step 2 of 7: What we found" {
		t.Errorf("back in English: %q", h.u.StepTitle.Text)
	}
}

func TestKeyboardReachesTheMainButton(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, "", region.US, snapNothing)
	c := h.u.win.Canvas()
	for i := 0; i < 60; i++ {
		c.FocusNext()
		if c.Focused() == fyne.Focusable(h.u.Start.ScanButton) {
			h.drain()
			c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
			h.wait()
			if h.u.state.Step != progress.StepFound {
				t.Errorf("Space on the focused button did not check: step %d", h.u.state.Step)
			}
			return
		}
	}
	t.Error("Tab never reached \"Check this computer\"")
}

func statusAt(u *App, now time.Time) timeline.Status {
	return timeline.At(timeline.UpdatesEnd(u.cat).At, now)
}

// TestGoldens keeps the structure of two screens: step 1 before a check, and
// step 3 with Kaspersky and its Password Manager found.
func TestGoldens(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, "", region.US, snapKaspersky)
	test.AssertRendersToMarkup(t, "step1.xml", h.u.win.Canvas())
	h.check()
	h.next(progress.StepSave)
	test.AssertRendersToMarkup(t, "step3.xml", h.u.win.Canvas())
}

func TestCountdownPluralsBeforeTheCutoff(t *testing.T) {
	test.NewTempApp(t)
	applyLanguage("en") // the plural forms come from the translations, also when this test runs alone
	cat, _ := catalog.Embedded()
	c := timeline.UpdatesEnd(cat).At
	tests := []struct {
		left   time.Duration
		en, es string
	}{
		{25*time.Hour + time.Minute, "1 day, 1 hour, 1 minute left until updates end in the U.S.", "Quedan 1 día, 1 hora y 1 minuto para que terminen las actualizaciones en EE. UU."},
		{50*time.Hour + 5*time.Minute, "2 days, 2 hours, 5 minutes left until updates end in the U.S.", "Quedan 2 días, 2 horas y 5 minutos para que terminen las actualizaciones en EE. UU."},
	}
	for _, tt := range tests {
		st := timeline.At(c, c.Add(-tt.left))
		if got := countdownText(st); got != tt.en {
			t.Errorf("English: %q, want %q", got, tt.en)
		}
		applyLanguage("es")
		if got := countdownText(st); got != tt.es {
			t.Errorf("Spanish: %q, want %q", got, tt.es)
		}
		applyLanguage("en")
	}
	if got := countdownText(timeline.At(c, c.Add(36*time.Hour))); got != "Updates in the U.S. ended on September 29, 2024 — 1 day ago" {
		t.Errorf("singular after: %q", got)
	}
}

// TestChangeWithinAStepKeepsTheScroll: ticking a box low on step 3 or
// answering a question on step 5 leaves the page where the user is; a new
// step starts at its top.
func TestChangeWithinAStepKeepsTheScroll(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, "", region.US, snapKaspersky)
	h.u.win.Resize(fyne.NewSize(700, 420))
	h.check()
	h.next(progress.StepSave)
	h.u.body.ScrollToBottom()
	down := h.u.body.Offset
	if down.Y <= 0 {
		t.Fatalf("step 3 does not scroll at 700×420 (content %v, view %v)", h.u.body.Content.MinSize(), h.u.body.Size())
	}
	test.Tap(h.u.Save.Ticks[progress.SaveLicence])
	if h.u.body.Offset != down {
		t.Errorf("ticking a box moved the page from %v to %v", down, h.u.body.Offset)
	}
	h.next(progress.StepRemove)
	if h.u.body.Offset.Y != 0 {
		t.Errorf("step 4 opened scrolled to %v", h.u.body.Offset)
	}
	h.next(progress.StepChoose)
	down = fyne.NewPos(0, 200) // among the questions: the answers below get shorter
	h.u.body.ScrollToOffset(down)
	h.u.Choose.Features.SetSelected(nil)
	if h.u.body.Offset != down {
		t.Errorf("answering a question on step 5 moved the page from %v to %v", down, h.u.body.Offset)
	}
}
