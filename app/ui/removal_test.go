package ui

import (
	"image/png"
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
	"transitionhelper/app/removal"
	"transitionhelper/app/service"
	"transitionhelper/app/service/servicetest"
	"transitionhelper/platform"
)

const fakeUninstaller = `C:\Program Files\Kaspersky Lab\Kaspersky Internet Security 21.3\uninstall.exe`

var snapRemovable = platform.Snapshot{
	OS:        platform.OSInfo{Family: "windows"},
	Processes: []platform.Process{{PID: 10, Name: "avp.exe"}, {PID: 11, Name: "MsMpEng.exe"}},
	Programs: []platform.Program{{Name: "Kaspersky Internet Security", Source: platform.SourceUninstall, Where: `HKLM\...\Uninstall\KIS`,
		UninstallString: `"` + fakeUninstaller + `" /x`}},
}

// removalHarness is an app at step 4 whose uninstaller is a fake that
// answers with exitCode and a given signature.
type removalHarness struct {
	*harness
	sys      *servicetest.Computer
	launched []string
	runOnce  []string
	cleared  int
}

func newRemovalHarness(t *testing.T, sig platform.SignatureInfo, exitCode int, scans ...platform.Snapshot) *removalHarness {
	test.NewTempApp(t)
	cat, _ := catalog.Embedded()
	r := &removalHarness{}
	r.harness = &harness{t: t, changed: make(chan struct{}, 32), scans: scans}
	r.sys = &servicetest.Computer{
		NowFn: func() time.Time { return today }, ScanFn: r.nextScan, OS: "windows",
		Removal: removal.Env{GOOS: "windows", ProgramFiles: `C:\Program Files`, ProgramFilesX86: `C:\Program Files (x86)`, SystemRoot: `C:\Windows`,
			Exists: func(p string) bool { return strings.EqualFold(p, fakeUninstaller) }, AdminOnlyFn: servicetest.AdminOnly},
		OpenFn: func(program string) (service.VerifiedProgram, error) {
			return servicetest.VerifiedProgram{Sig: sig, Final: program, Start: func(args []string, elevate bool) (int, error) {
				r.launched = append(r.launched, program+" "+strings.Join(args, " "))
				if !elevate {
					t.Error("an uninstaller started without the administrator prompt")
				}
				return exitCode, nil
			}}, nil
		},
		RunOnceFn: func(name, program string, _ ...string) error { r.runOnce = append(r.runOnce, name); return nil },
		ClearFn:   func(string) error { r.cleared++; return nil },
		ExeFn:     func() (string, error) { return `C:\th.exe`, nil },
	}
	r.u = New(fyne.CurrentApp(), Config{Context: t.Context(),
		Version: "test", StateDir: t.TempDir(), Service: service.New(cat, r.sys),
		Async: func(f func()) { f() }, // one goroutine: each tap runs to its end
	})
	r.u.changed = func() { r.changed <- struct{}{} }
	t.Cleanup(r.u.win.Close)
	r.check()
	r.next(progress.StepSave)
	// The user saved everything step 3 lists (the guard is tested on its own).
	for _, c := range r.u.Save.Ticks {
		test.Tap(c)
	}
	r.next(progress.StepRemove)
	return r
}

// remove taps Remove on the product, confirms, and waits for the re-check.
func (r *removalHarness) remove(id string) {
	r.t.Helper()
	b := r.u.Remove.RemoveButtons[id]
	if b == nil {
		r.t.Fatalf("no Remove button for %s", id)
	}
	test.Tap(b)
	overlays := r.u.win.Canvas().Overlays()
	if overlays.Top() == nil {
		r.t.Fatal("no confirmation before starting the uninstaller")
	}
	if len(r.launched) != 0 {
		r.t.Fatal("the uninstaller started before the user confirmed")
	}
	r.drain()
	confirm := findButton(overlays.Top(), "Start the uninstaller")
	if confirm == nil {
		r.t.Fatal("no \"Start the uninstaller\" button")
	}
	test.Tap(confirm)
	if r.u.removing || r.u.scanning {
		r.t.Fatal("the removal did not finish")
	}
}

// shot saves what the window shows as a PNG when TH_SHOTS names a folder,
// for people to look at the states of step 4 (make screenshots sets it).
func shot(t *testing.T, w fyne.Window, name string) {
	dir := os.Getenv("TH_SHOTS")
	if dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

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
	dir := r.u.cfg.StateDir
	cfg := r.u.cfg
	cfg.StateDir = dir
	r.scans = []platform.Snapshot{snapNothing}
	cfg.Service = service.New(r.u.cat, r.sys)
	again := New(fyne.CurrentApp(), cfg)
	t.Cleanup(again.win.Close)
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
	if !slices.ContainsFunc(test.LaidOutObjects(top), func(o fyne.CanvasObject) bool {
		l, ok := o.(*widget.Label)
		return ok && strings.Contains(l.Text, "Please wait until it has finished")
	}) {
		t.Error("the dialog does not ask to wait")
	}

}
