package ui

// The one harness the UI tests drive the window with. The walkers that
// find what is on the window are in helpers_walk_test.go, the computers it
// runs on in fixtures_test.go.

import (
	"bytes"
	"context"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/catalog"
	"transitionhelper/app/progress"
	"transitionhelper/app/region"
	"transitionhelper/app/removal"
	"transitionhelper/app/service"
	"transitionhelper/app/service/servicetest"
	"transitionhelper/platform"
)

// harness is one app under test on a fake computer (sys) whose scans
// answer from a list, the last one repeating. On a Windows computer
// (windows) its uninstallers are fakes that record what they were asked.
type harness struct {
	t       *testing.T
	u       *App
	sys     *servicetest.Computer
	cfg     Config    // how the app is opened (open), again after a restart
	close   func()    // closes the window opened last, once; the test's end does
	size    fyne.Size // the window's size once opened; zero: New's own
	changed chan struct{}
	scans   []platform.Snapshot
	dir     string

	// What the fake uninstallers did: each start (program and arguments),
	// each RunOnce entry set, each clearing; exitCode, or codes[program],
	// is what an uninstaller answers.
	launched []string
	runOnce  []string
	cleared  int
	exitCode int
	codes    map[string]int
	// clicks counts the taps made through click, as a user's.
	clicks int
	// armed, once set, makes a computer made by newAgent fail the test on
	// any scan, program opened or start.
	armed atomic.Bool
}

// newHarness is the app on a computer that only scans, in dir ("": a new
// folder), whose region guess is where; its window is 1000×680.
func newHarness(t *testing.T, dir string, where region.Region, scans ...platform.Snapshot) *harness {
	t.Helper()
	return newHarnessOn(t, &servicetest.Computer{}, dir, where, scans...)
}

// newHarnessOn is newHarness on the computer pc (its system, its clock:
// today unless set); the scans answer its ScanFn unless set.
func newHarnessOn(t *testing.T, pc *servicetest.Computer, dir string, where region.Region, scans ...platform.Snapshot) *harness {
	t.Helper()
	h := bareHarness(t, dir, scans...)
	h.sys = pc
	h.cfg.GuessRegion = func() region.Region { return where }
	h.size = fyne.NewSize(1000, 680)
	h.open()
	return h
}

// fixtureApp is the app on a fixture computer (its scan always answers
// snap), with that scan's result to open steps on.
func fixtureApp(t *testing.T, snap platform.Snapshot) (*harness, *service.Result) {
	t.Helper()
	h := newHarnessOn(t, &servicetest.Computer{OS: snap.OS.Family}, "", region.US, snap)
	return h, h.u.svc.Analyze(&snap)
}

// newJourney is the Windows 10 laptop of the journeys (win10): its three
// Kaspersky uninstallers are there, signed by Kaspersky; its window is a
// 1024×600 screen's.
func newJourney(t *testing.T, scans ...platform.Snapshot) *harness {
	test.NewTempApp(t)
	h := bareHarness(t, "", scans...)
	h.windows(platform.SignatureInfo{Present: true, Trusted: true, Signer: "AO Kaspersky Lab"}, tsUninstaller, kpmUninstaller, vpnUninstaller)
	h.cfg.OpenWindowsSecurity = func() error { return nil }
	h.size = fyne.NewSize(1024, 600)
	h.open()
	return h
}

// newRemovalHarness is the app at step 4 on a Windows computer whose one
// uninstaller (fakeUninstaller) is signed sig and answers exitCode; step 3
// was all ticked on the way (the guard is tested on its own).
func newRemovalHarness(t *testing.T, sig platform.SignatureInfo, exitCode int, scans ...platform.Snapshot) *harness {
	test.NewTempApp(t)
	h := bareHarness(t, "", scans...)
	h.windows(sig, fakeUninstaller)
	h.exitCode = exitCode
	h.open()
	h.check()
	h.next(progress.StepSave)
	for _, c := range h.u.Save.Ticks {
		test.Tap(c)
	}
	h.next(progress.StepRemove)
	return h
}

// newAgent is the support agent's app on another computer (nothing found
// there). Once h.armed is set, any scan, program opening or launch fails
// the test: the caller view must start nothing.
func newAgent(t *testing.T) *harness {
	t.Helper()
	h := bareHarness(t, "", snapNothing)
	h.sys = &servicetest.Computer{
		ScanFn: func(ctx context.Context, o platform.Options) *platform.Snapshot {
			if h.armed.Load() {
				t.Error("the caller view scanned this computer")
			}
			return h.nextScan(ctx, o)
		},
		OpenFn: func(path string) (service.VerifiedProgram, error) {
			t.Errorf("the caller view opened %s", path)
			return nil, os.ErrPermission
		},
		LaunchFn: func(_ context.Context, program string, _ []string, _ bool, _ io.Writer) (int, error) {
			t.Errorf("the caller view launched %s", program)
			return -1, os.ErrPermission
		},
		RunOnceFn: func(string, string, ...string) error { t.Error("the caller view set RunOnce"); return nil },
		ClearFn:   func(string) error { t.Error("the caller view cleared RunOnce"); return nil },
	}
	fail := func(what string) func() error {
		return func() error { t.Errorf("the caller view called %s", what); return nil }
	}
	h.cfg.GuessRegion = func() region.Region { return region.US }
	h.cfg.OpenAppsSettings, h.cfg.OpenWindowsSecurity, h.cfg.Restart = fail("OpenAppsSettings"), fail("OpenWindowsSecurity"), fail("Restart")
	h.size = fyne.NewSize(1000, 680)
	h.open()
	return h
}

// bareHarness is a harness not yet opened: set sys and cfg, then open.
func bareHarness(t *testing.T, dir string, scans ...platform.Snapshot) *harness {
	if dir == "" {
		dir = t.TempDir()
	}
	return &harness{t: t, sys: &servicetest.Computer{}, changed: make(chan struct{}, 64), scans: scans, dir: dir, codes: map[string]int{},
		cfg: Config{Context: t.Context(), Version: "test", StateDir: dir,
			// One goroutine: each tap runs to its end, so no test reads
			// the window half-way through a change, and a caller's report
			// is read and shown (or refused) before OpenCallerReport
			// returns (TestScanKeepsTheWindowAnswering keeps the real one).
			Async: func(f func()) { f() }}}
}

// windows makes the computer a Windows PC whose uninstallers, the files
// named, are fakes signed sig: each start is recorded, must ask for
// elevation, and answers codes[program] or exitCode.
func (h *harness) windows(sig platform.SignatureInfo, uninstallers ...string) {
	h.sys = &servicetest.Computer{OS: "windows",
		Removal: removal.Env{GOOS: "windows", ProgramFiles: `C:\Program Files`, ProgramFilesX86: `C:\Program Files (x86)`, SystemRoot: `C:\Windows`,
			Exists: func(p string) bool {
				return slices.ContainsFunc(uninstallers, func(e string) bool { return strings.EqualFold(e, p) })
			}, AdminOnlyFn: servicetest.AdminOnly},
		OpenFn: func(program string) (service.VerifiedProgram, error) {
			return servicetest.VerifiedProgram{Sig: sig, Final: program, Start: func(args []string, elevate bool) (int, error) {
				h.launched = append(h.launched, program+" "+strings.Join(args, " "))
				if !elevate {
					h.t.Error("an uninstaller started without the administrator prompt")
				}
				if code, ok := h.codes[program]; ok {
					return code, nil
				}
				return h.exitCode, nil
			}}, nil
		},
		RunOnceFn: func(name, program string, _ ...string) error { h.runOnce = append(h.runOnce, name); return nil },
		ClearFn:   func(string) error { h.cleared++; return nil },
		ExeFn:     func() (string, error) { return `C:\th.exe`, nil },
	}
}

// open opens the app on the harness's computer and folder: at first, and
// again as after a restart (the window before stays as it was).
func (h *harness) open() {
	h.t.Helper()
	if h.sys.NowFn == nil {
		h.sys.NowFn = func() time.Time { return today }
	}
	if h.sys.ScanFn == nil {
		h.sys.ScanFn = h.nextScan
	}
	cat, err := catalog.Embedded()
	if err != nil {
		h.t.Fatal(err)
	}
	h.cfg.Service = service.New(cat, h.sys)
	h.u = New(fyne.CurrentApp(), h.cfg)
	h.u.changed = func() {
		select {
		case h.changed <- struct{}{}:
		default: // 64 changes not waited for: wait returns at once anyway
		}
	}
	if !h.size.IsZero() {
		h.u.win.Resize(h.size)
	}
	win, closed := h.u.win, false
	h.close = func() {
		if !closed { // Fyne's test driver must not close a window twice
			closed = true
			win.Close()
		}
	}
	h.t.Cleanup(h.close)
}

// nextScan answers with the next snapshot of the list; the last one repeats.
func (h *harness) nextScan(context.Context, platform.Options) *platform.Snapshot {
	snap := h.scans[0]
	if len(h.scans) > 1 {
		h.scans = h.scans[1:]
	}
	return &snap
}

// wait waits for the next change shown, from a scan.
func (h *harness) wait() {
	h.t.Helper()
	select {
	case <-h.changed:
	case <-time.After(5 * time.Second):
		h.t.Fatal("timed out waiting for the screen to change")
	}
}

func (h *harness) drain() {
	for {
		select {
		case <-h.changed:
		default:
			return
		}
	}
}

// check taps "Check this computer" and waits for step 2.
func (h *harness) check() {
	h.t.Helper()
	h.drain()
	test.Tap(h.u.Start.ScanButton)
	h.wait()
	if h.u.state.Step != progress.StepFound {
		h.t.Fatalf("after the check: step %d", h.u.state.Step)
	}
}

// next taps Next and checks it went to step want.
func (h *harness) next(want progress.Step) {
	h.t.Helper()
	h.drain()
	test.Tap(h.u.NextButton)
	if h.u.state.Step != want {
		h.t.Fatalf("Next went to step %d, want %d", h.u.state.Step, want)
	}
	if !strings.HasPrefix(h.u.StepTitle.Text, "Step "+string(rune('0'+want))+" of 7: ") {
		h.t.Errorf("title %q", h.u.StepTitle.Text)
	}
}

// click taps b as the user would, and counts it.
func (h *harness) click(b fyne.Tappable, what string) {
	h.t.Helper()
	if b == nil {
		h.t.Fatalf("step %d: no %s to click", h.u.state.Step, what)
	}
	if d, ok := b.(fyne.Disableable); ok && d.Disabled() {
		h.t.Fatalf("step %d: %s is off", h.u.state.Step, what)
	}
	h.clicks++
	test.Tap(b)
}

// dialogButton is the button of the dialog on top labelled text.
func (h *harness) dialogButton(text string) *widget.Button {
	h.t.Helper()
	top := h.u.win.Canvas().Overlays().Top()
	if top == nil {
		h.t.Fatalf("no dialog for %q", text)
	}
	return findButton(top, text)
}

// remove taps Remove on the product, confirms, and waits for the re-check.
func (h *harness) remove(id string) {
	h.t.Helper()
	b := h.u.Remove.RemoveButtons[id]
	if b == nil {
		h.t.Fatalf("no Remove button for %s", id)
	}
	test.Tap(b)
	overlays := h.u.win.Canvas().Overlays()
	if overlays.Top() == nil {
		h.t.Fatal("no confirmation before starting the uninstaller")
	}
	if len(h.launched) != 0 {
		h.t.Fatal("the uninstaller started before the user confirmed")
	}
	h.drain()
	confirm := findButton(overlays.Top(), "Start the uninstaller")
	if confirm == nil {
		h.t.Fatal("no \"Start the uninstaller\" button")
	}
	test.Tap(confirm)
	if h.u.removing || h.u.scanning {
		h.t.Fatal("the removal did not finish")
	}
}

// openReport opens data as a caller's report and waits for it to be read.
func (h *harness) openReport(data []byte) {
	h.t.Helper()
	h.drain()
	before := len(h.u.win.Canvas().Overlays().List())
	h.u.OpenCallerReport(io.NopCloser(bytes.NewReader(data)), "caller.json")
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if h.u.Caller() || len(h.u.win.Canvas().Overlays().List()) > before {
			return
		}
	}
	h.t.Fatal("the report was neither shown nor refused")
}

// press sends a key as the window does: to the focused control when there
// is one, else to the canvas's own handler.
func press(u *App, key fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: key}
	if f := u.win.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	if h := u.win.Canvas().OnTypedKey(); h != nil {
		h(ev)
	}
}

// shot saves what the window shows as a PNG when TH_SHOTS names a folder,
// for people to look at the states of a step (make screenshots sets it).
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
