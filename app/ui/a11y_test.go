package ui

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/progress"
	"transitionhelper/app/region"
)

// announced lists what Fyne 2.8's screen-reader bridges pass on, walked as
// they walk (internal/driver/glfw/accessibility_windows.go and _darwin.go):
// from the window's content and its dialogs, visible objects only, an
// object that is fyne.Accessible with a role other than container is an
// element; the walk goes on only into *fyne.Container (macOS also stops at
// an object that is not Accessible). Widgets' insides (a scroll, a card, a
// dialog's pop-up) are never reached: the mirrors' stand-ins are.
func announced(c fyne.Canvas) map[fyne.CanvasObject]string {
	out := map[fyne.CanvasObject]string{}
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		a, ok := o.(fyne.Accessible)
		if !ok {
			return // macOS stops here; Windows would go on only into a *fyne.Container, which is Accessible
		}
		if a.AccessibilityRole() != fyne.AccessibleRoleContainer {
			out[o] = fmt.Sprintf("%s %q", a.AccessibilityRole(), a.AccessibilityLabel())
		}
		if cont, ok := o.(*fyne.Container); ok {
			for _, ch := range cont.Objects {
				walk(ch)
			}
		}
	}
	walk(c.Content())
	for _, o := range c.Overlays().List() {
		walk(o)
	}
	return out
}

// reached is what a screen reader is told of: the elements the bridges
// reach, each stand-in counted as the control it stands for, with the role
// and name the bridge passes on.
func reached(c fyne.Canvas) map[fyne.CanvasObject]string {
	out := map[fyne.CanvasObject]string{}
	for o, s := range announced(c) {
		out[o] = s
		if st, ok := o.(*standIn); ok {
			out[st.Target()] = s
		}
	}
	return out
}

// interactive lists every control the user can operate on the canvas
// (dialogs included), through the widgets' renderers: anything tappable or
// focusable, and the check boxes, radio groups, drop-downs and fields Fyne
// 2.8 does not announce. A control's own insides are its own; the overlay
// catchers and pop-ups that hold a dialog are not controls.
func interactive(c fyne.Canvas) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		if _, ok := o.(*standIn); ok {
			return
		}
		switch v := o.(type) {
		case *widget.Label:
			// Text: a selectable one (its selection is its own) must be reached too.
			if v.Selectable {
				out = append(out, o)
			}
			return
		case *container.Scroll:
			// Its scroll bars are for the mouse; the keyboard and the
			// "More below" button scroll it too.
			walk(v.Content)
			return
		}
		_, tap := o.(fyne.Tappable)
		_, focus := o.(fyne.Focusable)
		switch o.(type) {
		case *widget.Check, *widget.RadioGroup, *widget.Select, *widget.Entry, *widget.CheckGroup:
			tap = true
		case *widget.PopUp:
			tap, focus = false, false
		}
		if strings.HasSuffix(reflect.TypeOf(o).String(), ".OverlayContainer") {
			tap, focus = false, false
		}
		if tap || focus {
			out = append(out, o)
			return
		}
		for _, ch := range children(o) {
			walk(ch)
		}
	}
	walk(c.Content())
	for _, o := range c.Overlays().List() {
		walk(o)
	}
	return out
}

// a11yProblems lists the controls a screen-reader user cannot tell or use:
// not reached, not of a kind announced, or named without their state.
func a11yProblems(u *App) []string {
	u.syncA11y() // what the watch does four times a second in a build with the bridges
	c := u.win.Canvas()
	got := reached(c)
	var problems []string
	for _, o := range interactive(c) {
		a, ok := o.(fyne.Accessible)
		if !ok || a.AccessibilityRole() == fyne.AccessibleRoleContainer {
			problems = append(problems, fmt.Sprintf("%T %s is not of a kind Fyne 2.8 announces", o, textOfObject(o)))
			continue
		}
		name, ok := got[o]
		if !ok {
			problems = append(problems, fmt.Sprintf("%T %q is not reached by the bridges", o, a.AccessibilityLabel()))
			continue
		}
		// A state drawn but not named: a plain button made to look like a
		// check box or a choice tells sighted users only.
		if b, ok := plainButton(o); ok && b.Icon != nil && slices.Contains(stateIcons(), b.Icon.Name()) {
			problems = append(problems, fmt.Sprintf("%T %q draws a check or choice mark but does not name its state: use toggle or choice", o, b.Text))
		}
		if want := stateWord(o); want != "" && !strings.HasSuffix(strings.TrimSuffix(name, `"`), want) {
			problems = append(problems, fmt.Sprintf("%T is announced as %s, without its state %q", o, name, want))
		}
		if strings.TrimSpace(a.AccessibilityLabel()) == "" {
			problems = append(problems, fmt.Sprintf("%T has no name", o))
		}
	}
	return problems
}

// stateIcons are the icons that draw a state: a box ticked or not, a
// choice selected or not.
func stateIcons() []string {
	var out []string
	for _, r := range []fyne.Resource{theme.CheckButtonIcon(), theme.CheckButtonCheckedIcon(), theme.RadioButtonIcon(), theme.RadioButtonCheckedIcon()} {
		out = append(out, r.Name())
	}
	return out
}

// stateWord is the state a control's accessible name must end with.
func stateWord(o fyne.CanvasObject) string {
	switch v := o.(type) {
	case *toggle:
		switch {
		case v.on != "" && v.Checked:
			return v.on
		case v.on != "":
			return v.off
		case v.Checked:
			return lang.X("a11y.ticked", "checked")
		}
		return lang.X("a11y.not-ticked", "not checked")
	case *choice:
		if v.selected {
			return lang.X("a11y.selected", "{{.Name}}, selected", map[string]any{"Name": ""})
		}
		return lang.X("a11y.not-selected", "{{.Name}}, not selected", map[string]any{"Name": ""})
	case *expanderButton:
		if v.e.IsOpen() {
			return lang.X("a11y.open", "open")
		}
		return lang.X("a11y.closed", "closed")
	case *announcedEntry:
		if v.Text == "" {
			return lang.X("a11y.empty", "empty")
		}
		return v.Text
	}
	return ""
}

func textOfObject(o fyne.CanvasObject) string {
	switch v := o.(type) {
	case *widget.Check:
		return fmt.Sprintf("%q", v.Text)
	case *widget.Button:
		return fmt.Sprintf("%q", v.Text)
	case *button:
		return fmt.Sprintf("%q", v.Text)
	case *dialogButton:
		return fmt.Sprintf("%q", v.Text)
	}
	return ""
}

// TestScreenReaderReachesTheShell: on every step a screen reader is told of
// the seven step buttons, the step's title and the footer's buttons, the
// step's main action among them, and of every control inside the step.
func TestScreenReaderReachesTheShell(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, "", region.US, snapKaspersky)
	h.check()
	for _, st := range progress.Steps {
		h.u.goTo(st)
		h.u.syncA11y()
		got := reached(h.u.win.Canvas())
		must := []fyne.CanvasObject{h.u.NextButton, h.u.BackButton, h.u.Support, h.u.StepTitle}
		for _, b := range h.u.NavButtons {
			must = append(must, b)
		}
		if h.u.Action != nil {
			must = append(must, h.u.Action)
		}
		for _, o := range must {
			if _, ok := got[o]; !ok {
				t.Errorf("step %d: %T is not passed on to a screen reader", st, o)
			}
		}
		t.Logf("step %d: %d elements announced", st, len(announced(h.u.win.Canvas())))
	}
	// Step 3's ticks are read with their state.
	h.u.goTo(progress.StepSave)
	h.u.syncA11y()
	if a := reached(h.u.win.Canvas())[h.u.Save.Ticks[progress.SavePasswords]]; a != `button "Export your passwords from Kaspersky Password Manager: not done yet"` {
		t.Errorf("step 3's first tick: %s", a)
	}
	test.Tap(h.u.Save.Ticks[progress.SavePasswords])
	h.u.syncA11y()
	if a := reached(h.u.win.Canvas())[h.u.Save.Ticks[progress.SavePasswords]]; a != `button "Export your passwords from Kaspersky Password Manager: done"` {
		t.Errorf("step 3's first tick, ticked: %s", a)
	}
}

// TestScreenReaderReachesEveryControl walks every screen: every step on
// each fixture computer, English and Spanish, with its expanders open and
// closed; the support panel; the dialogs (start over, the password guard,
// an error, a notice); and the caller view. Every control must be reached
// by the bridges, be of a kind they announce, and carry its state in its name.
func TestScreenReaderReachesEveryControl(t *testing.T) {
	test.NewTempApp(t)
	t.Cleanup(func() { applyLanguage("en") })
	screens := 0
	report := func(u *App, name string) {
		t.Helper()
		screens++
		for _, p := range a11yProblems(u) {
			t.Errorf("%s: %s", name, p)
		}
	}
	closeDialogs := func(u *App) {
		for _, o := range u.win.Canvas().Overlays().List() {
			u.win.Canvas().Overlays().Remove(o)
		}
	}
	for _, fx := range layoutFixtures(t) {
		h, res := fixtureApp(t, fx.snap)
		u := h.u
		u.win.Resize(fyne.NewSize(1024, 600))
		for _, lng := range []string{"English", "Español"} {
			u.Language.SetSelected(lng)
			for _, st := range progress.Steps {
				u.OpenStep(st, res, region.US)
				name := fmt.Sprintf("%s/%s/step%d", fx.name, lng, st)
				report(u, name)
				// Open every expander, then look again.
				for _, o := range objectsIn(u.body.Content) {
					if b, ok := o.(*expanderButton); ok && !b.e.IsOpen() {
						test.Tap(b)
					}
				}
				if st == progress.StepChoose && len(u.Choose.Compare) >= 2 {
					test.Tap(u.Choose.Compare[0])
					test.Tap(u.Choose.Compare[1])
				}
				report(u, name+"/opened")
			}
			if fx.name == "windows-kaspersky" {
				u.OpenStep(progress.StepRemove, res, region.US)
				u.showGuard("Kaspersky Total Security", []string{progress.SavePasswords, progress.SaveLicence}, func() {})
				report(u, lng+"/password guard")
				closeDialogs(u)
				u.showGuard("Kaspersky Total Security", []string{progress.SaveLicence}, func() {})
				report(u, lng+"/guard")
				closeDialogs(u)
			}
		}
		u.Language.SetSelected("English")
		u.showSupport()
		report(u, fx.name+"/support panel")
		u.SupportPanel.Caller.SetText("KTH-0000-0001")
		report(u, fx.name+"/support panel, a code typed")
		closeDialogs(u)
		u.Language.choose()
		report(u, fx.name+"/the languages")
		if u.Language.Choices == nil || len(u.Language.Choices.Options) != 2 {
			t.Errorf("%s: the language button opened no choice", fx.name)
		}
		closeDialogs(u)
		u.confirmStartOver()
		report(u, fx.name+"/start over?")
		closeDialogs(u)
		dialog.ShowError(fmt.Errorf("the scan could not run"), u.win)
		report(u, fx.name+"/an error")
		closeDialogs(u)
		dialog.ShowInformation("Notice", "A notice.", u.win)
		report(u, fx.name+"/a notice")
		closeDialogs(u)
	}

	// The caller view: every step of a caller's report, and its support panel.
	ag := newAgent(t)
	ag.check()
	ag.openReport(callerReport(t))
	if !ag.u.Caller() {
		t.Fatal("the caller's report was refused")
	}
	for i, st := range progress.Steps {
		if ag.u.NavButtons[i].Disabled() {
			continue
		}
		ag.u.goTo(st)
		report(ag.u, fmt.Sprintf("caller view/step%d", st))
	}
	ag.u.showSupport()
	report(ag.u, "caller view/support panel")
	closeDialogs(ag.u)
	t.Logf("%d screens walked", screens)
}

// TestFieldNameStaysWhileTyping: the support panel's code field says what
// it holds, except while it has the focus: a name that changes with each
// key makes Fyne's Windows bridge rebuild its list and lose its place.
func TestFieldNameStaysWhileTyping(t *testing.T) {
	test.NewTempApp(t)
	e := newAnnouncedEntry("Decode a caller's code:")
	w := test.NewWindow(e)
	defer w.Close()
	if got := e.AccessibilityLabel(); got != "Decode a caller's code, text field: empty" {
		t.Errorf("empty: %q", got)
	}
	w.Canvas().Focus(e)
	before := e.AccessibilityLabel()
	test.Type(e, "KTH-0G8R")
	if got := e.AccessibilityLabel(); got != before || got != "Decode a caller's code, text field" {
		t.Errorf("while typing the name changed from %q to %q", before, got)
	}
	w.Canvas().Unfocus()
	if got := e.AccessibilityLabel(); got != "Decode a caller's code, text field: KTH-0G8R" {
		t.Errorf("after typing: %q", got)
	}
}
