package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/progress"
	"transitionhelper/app/service"
	"transitionhelper/platform"
)

func TestRemovalRunsTheSignedUninstallerThenShowsRemoved(t *testing.T) {
	// Scans: the check, the fresh plan of each Remove tap (two here), then the re-check.
	r := newRemovalHarness(t, platform.SignatureInfo{Present: true, Trusted: true, Signer: "AO Kaspersky Lab"}, 0,
		snapRemovable, snapRemovable, snapRemovable, snapNothing)
	shot(t, r.u.win, "step4-to-remove")
	test.Tap(r.u.Remove.RemoveButtons["kaspersky-internet-security"])
	shot(t, r.u.win, "step4-confirm")
	r.u.win.Canvas().Overlays().Top().Hide()
	r.remove("kaspersky-internet-security")
	shot(t, r.u.win, "step4-removed")
	if len(r.launched) != 1 || r.launched[0] != fakeUninstaller+" /x" {
		t.Errorf("launched %q", r.launched)
	}
	if got := r.u.Remove.Rows["kaspersky-internet-security"].Text; got != "Removed" {
		t.Errorf("row says %q after the re-check", got)
	}
	if r.cleared == 0 {
		t.Error("the reopen-after-restart entry was not cleared once all was removed")
	}
}

func TestRemovalRestartNeeded(t *testing.T) {
	r := newRemovalHarness(t, platform.SignatureInfo{Present: true, Trusted: true, Signer: "AO Kaspersky Lab"}, 3010,
		snapRemovable, snapRemovable)
	r.remove("kaspersky-internet-security")
	shot(t, r.u.win, "step4-restart-needed")
	if got := r.u.Remove.Rows["kaspersky-internet-security"].Text; got != "Restart needed" {
		t.Errorf("row says %q", got)
	}
	if r.u.Remove.Restart == nil || len(r.runOnce) != 1 || r.runOnce[0] != service.RunOnceName {
		t.Errorf("restart: button %v, RunOnce %q", r.u.Remove.Restart, r.runOnce)
	}
	// The computer restarts: the app opens at step 4 and checks again.
	r.scans = []platform.Snapshot{snapNothing}
	r.open()
	again := r.u
	if again.state.Step != progress.StepRemove {
		t.Fatalf("after the restart the app opened at step %d", again.state.Step)
	}
	if got := again.Remove.Rows["kaspersky-internet-security"].Text; got != "Removed" {
		t.Errorf("after the restart the row says %q", got)
	}
}

func TestRemovalRefusalsAndCancel(t *testing.T) {
	for _, tt := range []struct {
		name    string
		sig     platform.SignatureInfo
		code    int
		refused bool // refused before asking: the trust decision comes first
		note    string
	}{
		{"unsigned", platform.SignatureInfo{}, 0, true, "could not be trusted"},
		{"wrong publisher", platform.SignatureInfo{Present: true, Trusted: true, Signer: "Evil Corp"}, 0, true, `signed by "Evil Corp"`},
		{"cancelled", platform.SignatureInfo{Present: true, Trusted: true, Signer: "AO Kaspersky Lab"}, 1602, false, "cancelled"},
		{"failed", platform.SignatureInfo{Present: true, Trusted: true, Signer: "AO Kaspersky Lab"}, 1603, false, "code 1603"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := newRemovalHarness(t, tt.sig, tt.code, snapRemovable, snapRemovable)
			if tt.refused {
				test.Tap(r.u.Remove.RemoveButtons["kaspersky-internet-security"])
				if top := r.u.win.Canvas().Overlays().Top(); top != nil {
					t.Error("asked to start an uninstaller that will be refused")
				}
			} else {
				r.remove("kaspersky-internet-security")
			}
			shot(t, r.u.win, "step4-"+strings.ReplaceAll(tt.name, " ", "-"))
			if tt.code == 0 && len(r.launched) != 0 {
				t.Errorf("an untrusted uninstaller was started: %q", r.launched)
			}
			if got := r.u.Remove.Rows["kaspersky-internet-security"].Text; got != "To remove" {
				t.Errorf("row says %q", got)
			}
			if note := r.u.removalNotes["kaspersky-internet-security"]; !strings.Contains(note.msg+" "+note.reason, tt.note) {
				t.Errorf("note %q, want %q", note, tt.note)
			}
			if r.u.Remove.RemoveButtons["kaspersky-internet-security"] == nil {
				t.Error("no Remove button to try again")
			}
		})
	}
}

// TestRemovalRefusedForUserSettings: while this account's registry changes
// how programs start, Remove asks nothing, starts nothing, and the note
// under the row says what the setting is and how to remove it.
func TestRemovalRefusedForUserSettings(t *testing.T) {
	r := newRemovalHarness(t, platform.SignatureInfo{Present: true, Trusted: true, Signer: "AO Kaspersky Lab"}, 0, snapRemovable, snapRemovable)
	r.sys.ElevateErr = func() error {
		return &platform.UnsafeSettingError{Err: platform.ErrClassOverride, Settings: []string{`HKCU\Software\Classes\exefile\shell`}}
	}
	r.u.svc = service.New(r.u.cat, r.sys)
	test.Tap(r.u.Remove.RemoveButtons["kaspersky-internet-security"])
	if top := r.u.win.Canvas().Overlays().Top(); top != nil {
		t.Error("asked to start an uninstaller that will be refused")
	}
	if len(r.launched) != 0 {
		t.Errorf("started: %q", r.launched)
	}
	note := r.u.removalNotes["kaspersky-internet-security"]
	for _, want := range []string{"a setting of your Windows account changes how programs start", "Registry Editor", `HKCU\Software\Classes\exefile\shell`} {
		if !strings.Contains(note.msg, want) {
			t.Errorf("note %q lacks %q", note.msg, want)
		}
	}
}

// TestNoClosingWhileAnUninstallerRuns: while an uninstaller runs, the
// window's close button asks the user to wait instead of ending the app
// (and, on Linux and macOS, the uninstaller's output pipe with it).
func TestNoClosingWhileAnUninstallerRuns(t *testing.T) {
	r := newRemovalHarness(t, platform.SignatureInfo{Present: true, Trusted: true, Signer: "AO Kaspersky Lab"}, 0, snapRemovable, snapRemovable)
	closed := false
	r.u.win.SetOnClosed(func() { closed = true })
	r.u.removing = true
	r.u.closeRequested()
	top := r.u.win.Canvas().Overlays().Top()
	if closed || top == nil {
		t.Fatalf("closed %v while removing; dialog %T", closed, r.u.win.Canvas().Overlays().Top())
	}
	if !slices.ContainsFunc(objectsIn(top), func(o fyne.CanvasObject) bool {
		l, ok := o.(*widget.Label)
		return ok && strings.Contains(l.Text, "Please wait until it has finished")
	}) {
		t.Error("the dialog does not ask to wait")
	}

}
