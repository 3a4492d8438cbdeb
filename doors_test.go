package main

import (
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/catalog"
	"transitionhelper/app/cli"
	"transitionhelper/app/progress"
	"transitionhelper/app/region"
	"transitionhelper/app/removal"
	"transitionhelper/app/service"
	"transitionhelper/app/service/servicetest"
	"transitionhelper/app/ui"
	"transitionhelper/platform"
)

// The two front doors are thin over one removal flow: for the same
// computer, the command line's `uninstall` and the window's step 4 start the
// same program, refuse for the same reason and leave the same progress.

const doorUninstaller = `C:\Program Files\Kaspersky Lab\Kaspersky Internet Security 21.3\uninstall.exe`

// computer is a Windows computer in memory with Kaspersky Internet Security
// on it: an uninstaller run that ends with 0 or 3010 takes it away (3010
// only after the restart, which these tests do not make).
type computer struct {
	protected bool
	sig       platform.SignatureInfo
	exit      int
	removed   bool
	launched  []string
	runOnce   int
}

func (c *computer) snapshot() *platform.Snapshot {
	s := &platform.Snapshot{OS: platform.OSInfo{Family: "windows", Name: "Windows 11 Pro"},
		Paths: []platform.PathFact{{Template: `{ProgramData}\Kaspersky Lab`, Path: `C:\ProgramData\Kaspersky Lab`, Exists: true}}}
	if c.removed {
		return s
	}
	s.Processes = []platform.Process{{PID: 10, Name: "avp.exe"}}
	s.Programs = []platform.Program{{Name: "Kaspersky Internet Security", Version: "21.3", Source: platform.SourceUninstall,
		Where: `HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\KIS`, UninstallString: `"` + doorUninstaller + `" /x`}}
	if c.protected {
		s.VendorKeys = []platform.VendorKey{{Name: "AVP21.3", Where: `HKLM\SOFTWARE\KasperskyLab\AVP21.3`, PasswordProtected: true}}
	}
	return s
}

func (c *computer) service(t *testing.T) *service.Service {
	cat, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return service.New(cat, &servicetest.Computer{
		NowFn: func() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) }, OS: "windows",
		ScanFn: func(context.Context, platform.Options) *platform.Snapshot { return c.snapshot() },
		Removal: removal.Env{GOOS: "windows", ProgramFiles: `C:\Program Files`, ProgramFilesX86: `C:\Program Files (x86)`, SystemRoot: `C:\Windows`,
			Exists: func(p string) bool { return strings.EqualFold(p, doorUninstaller) }, AdminOnlyFn: servicetest.AdminOnly},
		OpenFn: func(program string) (service.VerifiedProgram, error) {
			return servicetest.VerifiedProgram{Sig: c.sig, Final: program, Start: func(args []string, _ bool) (int, error) {
				c.launched = append(c.launched, program+" "+strings.Join(args, " "))
				c.removed = c.exit == 0
				return c.exit, nil
			}}, nil
		},
		RunOnceFn: func(string, string, ...string) error { c.runOnce++; return nil },
		ClearFn:   func(string) error { return nil },
		ExeFn:     func() (string, error) { return `C:\th.exe`, nil },
		LogFn:     func(what string, err error) { t.Errorf("%s: %v", what, err) },
	})
}

// doorResult is what one door did to the computer and to the progress.
type doorResult struct {
	launched []string
	runOnce  int
	removal  map[string]progress.RemovalState
	gone     []string
	said     string // everything the door showed, for the refusal reason
	warned   bool   // the door warned of what removal deletes (step 3 not done) and asked again
}

func viaCommandLine(t *testing.T, c *computer) doorResult {
	dir := t.TempDir()
	var out bytes.Buffer
	cli.Run(t.Context(), []string{"uninstall"}, cli.Env{Stdout: &out, Stderr: &out, AppName: "th", Version: "test",
		Service: c.service(t), StateDir: dir, Stdin: strings.NewReader("yes\n")})
	st, err := progress.Store{Path: filepath.Join(dir, progress.StateFile)}.Load()
	if err != nil {
		t.Fatalf("the command line left no progress: %v\n%s", err, out.String())
	}
	r := result(c, st, out.String())
	r.warned = strings.Contains(out.String(), "Remove it anyway? Type yes to go on:")
	return r
}

func viaWindow(t *testing.T, c *computer) doorResult {
	test.NewTempApp(t)
	u := ui.New(fyne.CurrentApp(), ui.Config{Context: t.Context(), Version: "test", Service: c.service(t), StateDir: t.TempDir(),
		GuessRegion: func() region.Region { return region.US }, Async: func(f func()) { f() }})
	t.Cleanup(u.Window().Close)
	test.Tap(u.Start.ScanButton)
	test.Tap(u.NextButton)
	test.Tap(u.NextButton)
	b := u.Remove.RemoveButtons["kaspersky-internet-security"]
	if b == nil {
		t.Fatalf("no Remove button at step %d", u.State().Step)
	}
	test.Tap(b)
	said, warned := "", false
	// The quarantine was not marked checked in step 3: the window warns
	// first; the caller chooses "Remove anyway", as "yes" on the command line.
	if top := u.Window().Canvas().Overlays().Top(); top != nil {
		if anyway := findButton(top, "Remove anyway"); anyway != nil {
			warned = true
			test.Tap(anyway)
		}
	}
	if top := u.Window().Canvas().Overlays().Top(); top != nil {
		for _, o := range test.LaidOutObjects(top) {
			if l, ok := o.(*widget.Label); ok { // what the question says
				said += l.Text + "\n"
			}
		}
		start := findButton(top, "Start the uninstaller")
		if start == nil {
			t.Fatal("the confirmation has no start button")
		}
		test.Tap(start)
	}
	for _, o := range test.LaidOutObjects(u.Window().Content()) {
		if l, ok := o.(*widget.Label); ok { // shown, or behind Details
			said += l.Text + "\n"
		}
	}
	r := result(c, u.State(), said)
	r.warned = warned
	return r
}

func result(c *computer, st progress.State, said string) doorResult {
	r := doorResult{launched: c.launched, runOnce: c.runOnce, removal: st.Removal, said: said}
	for _, g := range st.Gone {
		r.gone = append(r.gone, g.ProductID)
	}
	return r
}

func TestBothDoorsWalkTheSameRemovalFlow(t *testing.T) {
	signed := platform.SignatureInfo{Present: true, Trusted: true, Signer: "AO Kaspersky Lab"}
	for _, tt := range []struct {
		name      string
		c         computer
		wantSaid  string // in both doors' words
		wantState progress.RemovalState
	}{
		{"done", computer{sig: signed}, "", progress.Removed},
		{"restart needed", computer{sig: signed, exit: 3010}, "", progress.RestartNeeded},
		{"cancelled", computer{sig: signed, exit: 1602}, "The uninstaller was cancelled.", progress.ToRemove},
		{"failed", computer{sig: signed, exit: 1603}, "The uninstaller stopped with code 1603.", progress.ToRemove},
		{"refused", computer{sig: platform.SignatureInfo{Present: true, Trusted: true, Signer: "Evil Corp"}},
			`is signed by "Evil Corp", not by AO Kaspersky Lab`, progress.ToRemove},
		{"password protected", computer{sig: signed, protected: true}, "Kaspersky is protected by a password.", progress.Removed},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c1, c2 := tt.c, tt.c
			line, window := viaCommandLine(t, &c1), viaWindow(t, &c2)
			// Both warn of the unsaved quarantine before the start, and
			// neither when nothing will start (refused).
			if line.warned != window.warned || line.warned != (tt.name != "refused") {
				t.Errorf("warned of the unsaved quarantine: command line %v, window %v", line.warned, window.warned)
			}
			if !slices.Equal(line.launched, window.launched) || line.runOnce != window.runOnce {
				t.Errorf("started: command line %q (RunOnce %d), window %q (RunOnce %d)", line.launched, line.runOnce, window.launched, window.runOnce)
			}
			if got := line.removal["kaspersky-internet-security"]; got != window.removal["kaspersky-internet-security"] ||
				!slices.Equal(line.gone, window.gone) {
				t.Errorf("progress: command line %v gone %q, window %v gone %q", line.removal, line.gone, window.removal, window.gone)
			}
			state := line.removal["kaspersky-internet-security"]
			if slices.Contains(line.gone, "kaspersky-internet-security") {
				state = progress.Removed
			}
			if state != tt.wantState {
				t.Errorf("state %q, want %q", state, tt.wantState)
			}
			if !strings.Contains(line.said, tt.wantSaid) {
				t.Errorf("the command line did not say %q:\n%s", tt.wantSaid, line.said)
			}
			if !strings.Contains(window.said, tt.wantSaid) {
				t.Errorf("the window did not say %q:\n%s", tt.wantSaid, window.said)
			}
		})
	}
}

// findButton finds a button by its text: a plain one, or a question's
// (the window's own button type, which embeds Fyne's).
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	for _, c := range test.LaidOutObjects(o) {
		b, ok := c.(*widget.Button)
		if q, isQ := c.(interface{ Base() *widget.Button }); isQ {
			b, ok = q.Base(), true
		}
		if ok && b.Text == text {
			return b
		}
	}
	return nil
}
