package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/progress"
	"transitionhelper/app/region"
)

// announced lists what Fyne 2.8's screen-reader bridges pass on, walked as
// they walk (internal/driver/glfw/accessibility_windows.go and _darwin.go):
// from the window's content and its dialogs, visible objects only, an
// object that is fyne.Accessible with a role other than container is an
// element; the walk goes on only into *fyne.Container (macOS also stops at
// an object that is not Accessible). Widgets' insides (a scroll, a card, an
// accordion, a split) are never reached.
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

// TestScreenReaderReachesTheShell: on every step a screen reader is told of
// the seven step buttons, the step's title (which reads out the step's
// text) and the footer's buttons, the step's main action among them. The
// controls inside the scrolling step are not passed on by Fyne 2.8 (the
// test logs how many), which is why each step's main action is in the footer.
func TestScreenReaderReachesTheShell(t *testing.T) {
	test.NewTempApp(t)
	h := newHarness(t, "", region.US, snapKaspersky)
	h.check()
	for _, st := range progress.Steps {
		h.u.goTo(st)
		got := announced(h.u.win.Canvas())
		must := []fyne.CanvasObject{h.u.NextButton, h.u.BackButton, h.u.Support}
		for _, b := range h.u.NavButtons {
			must = append(must, b)
		}
		if h.u.Action != nil {
			must = append(must, h.u.Action)
		}
		for _, o := range must {
			if _, ok := got[o]; !ok {
				t.Errorf("step %d: %T %q is not passed on to a screen reader", st, o, o.(*widget.Button).Text)
			}
		}
		title, ok := got[h.u.StepTitle]
		if !ok || !strings.Contains(title, h.u.StepTitle.Text+". ") {
			t.Errorf("step %d: the title is not announced with the step's text: %s", st, title)
		}
		missed := 0
		for _, o := range objectsIn(h.u.body.Content) {
			if _, interactive := o.(fyne.Tappable); interactive {
				if _, ok := got[o]; !ok {
					missed++
				}
			}
		}
		t.Logf("step %d: %d elements announced; %d controls inside the step are not (Fyne 2.8 does not walk into a scroll)", st, len(got), missed)
	}
	// Step 3's title reads each tick with its state.
	h.u.goTo(progress.StepSave)
	if a := announced(h.u.win.Canvas())[h.u.StepTitle]; !strings.Contains(a, "Export your passwords from Kaspersky Password Manager: not checked") {
		t.Errorf("step 3's title: %s", a)
	}
}
