package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"transitionhelper/app/doctor"
	"transitionhelper/app/doctor/doctortest"
	"transitionhelper/app/region"
)

// TestSupportPanelRunsTheDoctor: the support panel's section runs the
// doctor's checks (on a fake computer: one warns), shows them, and copies
// them for support.
func TestSupportPanelRunsTheDoctor(t *testing.T) {
	test.NewTempApp(t)
	old := doctorComputer
	t.Cleanup(func() { doctorComputer = old })
	doctorComputer = func() doctor.Computer {
		c := doctortest.Linux()
		c.ToolPathFn = doctortest.Tools("dpkg") // no pkexec: a warning
		return c
	}
	h := newHarness(t, "", region.US, snapKaspersky)
	test.Tap(h.u.Support)
	d := &h.u.SupportPanel.Doctor
	if !d.Copy.Disabled() {
		t.Error("Copy is on before the checks ran")
	}
	test.Tap(d.Run)
	deadline := time.Now().Add(5 * time.Second)
	for done := false; !done && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
		fyne.DoAndWait(func() { done = !d.Copy.Disabled() })
	}
	var text string
	fyne.DoAndWait(func() { text = d.Text.Text })
	for _, w := range []string{"[PASS] System and version", "[WARN] pkexec", "with a warning"} {
		if !strings.Contains(text, w) {
			t.Errorf("the section lacks %q:\n%s", w, text)
		}
	}
	test.Tap(d.Copy)
	if got := fyne.CurrentApp().Clipboard().Content(); got != text {
		t.Errorf("clipboard %q, want the checks", got)
	}
}
