package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/catalog"
	"transitionhelper/app/progress"
	"transitionhelper/app/region"
	"transitionhelper/app/service/servicetest"
	"transitionhelper/platform"
)

// TestPasswordsToHaveReadyPerSystem: on a Mac, Kaspersky Password Manager
// opens only after a My Kaspersky sign-in (Kaspersky's Mac help), so step 1
// asks for it there, and step 3 gives a Mac's export steps; no system is
// told that the My Kaspersky password is not needed.
func TestPasswordsToHaveReadyPerSystem(t *testing.T) {
	macKPM := platform.Snapshot{OS: platform.OSInfo{Family: catalog.OSDarwin, Name: "macOS", Version: "14.6"},
		Programs: []platform.Program{{Name: "Kaspersky Password Manager", Source: platform.SourceApp, Where: "/Applications/Kaspersky Password Manager.app",
			BundleID: "com.kaspersky.passwordmanager"}}}
	winKPM := platform.Snapshot{OS: platform.OSInfo{Family: catalog.OSWindows, Name: "Windows 11 Home"},
		Programs: []platform.Program{{Name: "Kaspersky Password Manager", Source: platform.SourceUninstall, Where: "k"}}}
	for _, tt := range []struct {
		os, start, export string
		snap              platform.Snapshot
	}{
		{catalog.OSDarwin, "your My Kaspersky sign-in (email and password), which a Mac asks for before it opens", "On a Mac it asks you to sign in to My Kaspersky", macKPM},
		{catalog.OSWindows, "your My Kaspersky sign-in if it asks for one", "Open Settings, then Import/Export", winKPM},
	} {
		t.Run(tt.os, func(t *testing.T) {
			test.NewTempApp(t)
			h := newHarnessOn(t, &servicetest.Computer{NowFn: func() time.Time { return today }, OS: tt.os}, "", region.US, tt.snap)
			text := labelsText(h.u.win.Canvas().Content())
			if !strings.Contains(text, tt.start) || strings.Contains(text, "is not needed") {
				t.Errorf("step 1 on %s:\n%s", tt.os, text)
			}
			h.check()
			h.next(progress.StepSave)
			how := h.u.Save.How[progress.SavePasswords]
			if how == nil {
				t.Fatalf("step 3 has no password item: %v", h.u.state.Checklist())
			}
			how.Open()
			if text := labelsText(h.u.win.Canvas().Content()); !strings.Contains(text, tt.export) {
				t.Errorf("step 3's export steps on %s:\n%s", tt.os, text)
			}
		})
	}
}

// TestStepOneSaysWhenItsFactsAreOld: more than 180 days after the oldest
// fact was read, step 1 says how old the facts are and where a newer
// version comes from; before that it says nothing of it.
func TestStepOneSaysWhenItsFactsAreOld(t *testing.T) {
	cat, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	checked, err := time.Parse("2006-01-02", cat.FactsChecked())
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		at   time.Time
		want string
	}{
		{checked.AddDate(0, 0, 30), ""},
		{checked.AddDate(0, 0, 180), ""},
		{checked.AddDate(0, 0, 182), "This app's facts were checked in " + checked.Month().String()},
		{checked.AddDate(1, 0, 0), "a newer version may know more"},
	} {
		test.NewTempApp(t)
		h := newHarnessOn(t, &servicetest.Computer{NowFn: func() time.Time { return tt.at }}, "", region.US, snapNothing)
		got := h.u.Start.FactsOld
		switch {
		case tt.want == "" && got != nil:
			t.Errorf("%s: step 1 says the facts are old: %q", tt.at.Format("2006-01-02"), got.Text)
		case tt.want != "" && (got == nil || !strings.Contains(got.Text, tt.want) || !strings.Contains(labelsText(h.u.win.Canvas().Content()), got.Text)):
			t.Errorf("%s: step 1 does not say the facts are old (%v)", tt.at.Format("2006-01-02"), got)
		}
	}
}

// TestSpanishLinksHaveSpanishTitles: every link the Spanish screens show
// (the facts of step 1, step 4's, step 5's pages, step 6's) has a title in
// Spanish, not the catalog's English one; the address stays the catalog's.
func TestSpanishLinksHaveSpanishTitles(t *testing.T) {
	applyLanguage("es")
	t.Cleanup(func() { applyLanguage("en") })
	cat, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	english := map[string]bool{}
	for _, s := range cat.Sources {
		english[s.Title] = true
	}
	j := newJourney(t, win10(true, true, true, false))
	u := j.u
	seen := 0
	for _, step := range []progress.Step{progress.StepStart, progress.StepRemove, progress.StepChoose, progress.StepVerify} {
		if step != progress.StepStart && u.state.Scan == nil {
			j.click(u.Action, "Analizar esta computadora")
		}
		u.goTo(step)
		for _, o := range objectsIn(u.win.Canvas().Content()) {
			if h, ok := o.(*widget.Hyperlink); ok {
				seen++
				if english[h.Text] {
					t.Errorf("step %d shows an English link title in Spanish: %q", step, h.Text)
				}
			}
		}
	}
	if seen < 5 {
		t.Errorf("only %d links seen", seen)
	}
}
