// Package ui holds the Fyne screens: a shell with the numbered steps on the
// left, the current step in the middle, Back/Next below, and on every screen
// the "For support staff" panel. The step logic lives in app/wizard, scans
// and removal in app/service; this package only shows them and feeds them
// what the user does.
package ui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/catalog"
	"transitionhelper/app/passwords"
	"transitionhelper/app/progress"
	"transitionhelper/app/region"
	"transitionhelper/app/report"
	"transitionhelper/app/service"
	"transitionhelper/app/wizard"
)

// Preference keys, shared with main for its development overrides.
const (
	PrefLargerText = "largerText"
	PrefLanguage   = "language"
)

// Config is what the app needs from main.
type Config struct {
	// Context ends when the app must stop (main's, cancelled by Ctrl+C or
	// a termination signal); closing the window ends it too. Every scan and
	// removal the window starts runs under it. Required.
	Context context.Context
	// Version is the app's version, for the support panel and reports.
	Version string
	// Service scans and removes; its catalog is the app's.
	Service *service.Service
	// Fixture names the sample data that stands in for this computer, if
	// any, for the title. (Removal starts nothing then because the
	// Service's System is a dry run.)
	Fixture string
	// StateDir holds the saved progress; empty means the app's storage folder.
	StateDir string
	// GuessRegion guesses the region on a first start.
	GuessRegion func() region.Region
	// OpenAppsSettings opens Windows' list of installed apps; this and
	// the two below are nil where the system has no such screen.
	OpenAppsSettings func() error
	// OpenWindowsSecurity opens Windows Security (the windowsdefender: page).
	OpenWindowsSecurity func() error
	// Restart restarts the computer after the user confirmed.
	Restart func() error

	// Caller, if set, is a caller's report to open in the caller view
	// (open-report FILE); CallerName names its file.
	Caller     *report.JSONReport
	CallerName string

	// Async runs slow work (scans, uninstallers) off the UI goroutine; nil
	// means a new goroutine. Tests pass one that runs it at once.
	Async func(func())
}

// App is the running guided app. Its widgets are fields so tests can drive them.
type App struct {
	fyne  fyne.App
	win   fyne.Window
	cfg   Config
	svc   *service.Service
	cat   *catalog.Catalog
	store progress.Store
	state progress.State

	// Shell widgets.
	NavButtons []*button
	StepTitle  *stepTitle
	BackButton *button
	NextButton *button
	// MoreBelow scrolls down; it shows while the step continues below.
	MoreBelow *button
	// Action is the current step's main action, in the footer beside Next
	// (nil when Next is the main action).
	Action     *button
	StartOver  *button
	Support    *button
	LargerText *toggle
	Language   *languageButton
	// stepMirror and windowMirror let a screen reader reach the step and
	// the dialogs (a11y_mirror.go).
	stepMirror, windowMirror *a11yMirror
	a11yWatching             bool
	body                     *container.Scroll
	action                   *fyne.Container // the footer's place for Action
	footer                   *fyne.Container // Back, Start over, the step's action, Next
	center                   *fyne.Container // the step's title, the step, "More below"
	moreRow                  *fyne.Container
	progress                 *fyne.Container // above the footer: the progress of a scan
	shown                    progress.Step   // the step on screen, to keep its scroll on a change within it

	// Each step's widgets, made when the step is shown; only the current
	// step's are live.
	Start      startWidgets
	Found      foundWidgets
	Save       saveWidgets
	Remove     removeWidgets
	Choose     chooseWidgets
	Verify     verifyWidgets
	Done       doneWidgets
	NotApplies *widget.Label
	// The support panel's widgets, once it was opened.
	SupportPanel supportWidgets
	// The caller view's banner, while a caller's report is shown.
	CallerWidgets callerWidgets
	caller        *callerView // the caller's report on screen, if any

	scanning bool
	removing bool
	// openSave is the step-3 item to open when step 3 is next shown (the
	// removal guard's "Export them now").
	openSave string
	// removalNotes are plain messages under the rows of step 4.
	removalNotes map[string]removalNote
	// questions are the dialogs asked through ask that are open, the top
	// one last: Escape and Return go to it.
	questions []*question
	// moveTarget is the password manager chosen in step 3 ("" until one
	// is); pickFile, when set, stands in for the file dialog (tests).
	moveTarget passwords.Target
	pickFile   func(then func(path string))
	// removeAnyway lists step 3's items the user chose to lose ("Remove
	// anyway"): the confirmation that follows says so again.
	removeAnyway []string
	cancel       context.CancelFunc
	// ctx is the app's life: it ends when the window closes (stopAll) or
	// main's context ends; scans and uninstallers run under it.
	ctx       context.Context
	stopAll   context.CancelFunc
	tick      *time.Timer
	countdown *widget.Label // the live countdown on screen, if any
	// changed is called after every state change is shown (a test seam).
	changed func()
}

// New builds the app's window and loads the saved progress. A progress file
// that cannot be read starts afresh with a short notice.
func New(a fyne.App, cfg Config) *App {
	if cfg.Async == nil {
		cfg.Async = func(f func()) { go f() }
	}
	if cfg.GuessRegion == nil {
		cfg.GuessRegion = func() region.Region { return region.US }
	}
	dir := cfg.StateDir
	if dir == "" {
		dir = a.Storage().RootURI().Path()
	}
	u := &App{fyne: a, cfg: cfg, svc: cfg.Service, cat: cfg.Service.Catalog(), store: progress.Store{Path: filepath.Join(dir, progress.StateFile)},
		removalNotes: map[string]removalNote{}}
	a.Settings().SetTheme(newTheme(a.Preferences().Bool(PrefLargerText)))
	applyLanguage(a.Preferences().String(PrefLanguage))

	if cfg.Context == nil {
		panic("ui.New: Config.Context is required")
	}
	u.ctx, u.stopAll = context.WithCancel(cfg.Context)

	u.win = a.NewWindow(u.title())
	u.win.Resize(fyne.NewSize(960, 580)) // fits 1366×768 and 1024×600 screens
	u.win.SetOnClosed(u.stop)
	u.win.SetCloseIntercept(u.closeRequested)

	var notice string
	st, err := loadProgress(u.store)
	switch {
	case err == nil:
		u.state = st
	case errors.Is(err, progress.ErrNoState):
		u.state = progress.New(cfg.GuessRegion())
	default:
		fyne.LogError("loading saved progress", err)
		u.state = progress.New(cfg.GuessRegion())
		notice = lang.X("app.corrupt-state", "Your saved progress could not be read, so the app starts again from step 1.")
	}
	// Opened on a caller's report, this computer's removal is not re-checked.
	resume := u.state.Resuming() && wizard.CanGo(progress.StepRemove) && cfg.Caller == nil
	if resume {
		u.state = wizard.Go(u.state, progress.StepRemove)
	}
	u.build()
	if resume {
		u.rescanRemoval() // after a restart: is it gone now?
	}
	if cfg.Caller != nil {
		u.ShowCaller(*cfg.Caller, cfg.CallerName)
	}
	if notice != "" {
		dialog.ShowInformation(lang.X("app.notice", "Notice"), notice, u.win)
	}
	return u
}

// loadProgress reads the saved progress on another goroutine, so that a
// slow disk or a roaming profile on a server never freezes the window;
// after a few seconds the app starts afresh instead.
func loadProgress(store progress.Store) (progress.State, error) {
	type loaded struct {
		s   progress.State
		err error
	}
	ch := make(chan loaded, 1)
	go func() {
		s, err := store.Load()
		ch <- loaded{s, err}
	}()
	select {
	case l := <-ch:
		return l.s, l.err
	case <-time.After(5 * time.Second):
		return progress.State{}, fmt.Errorf("%w: %s took more than 5 s to read", progress.ErrCorrupt, store.Path)
	}
}

// title is the window's title; with sample data it says so.
func (u *App) title() string {
	t := lang.X("app.title", "Kaspersky Transition Helper")
	if u.cfg.Fixture != "" {
		t += " — " + lang.X("app.fixture", "sample data: {{.File}}", map[string]any{"File": filepath.Base(u.cfg.Fixture)})
	}
	return u.callerTitle(t)
}

// Window is the app's window.
func (u *App) Window() fyne.Window { return u.win }

// State is the current progress (for tests and the support panel).
func (u *App) State() progress.State { return u.state }

// ShowAndRun centres the window and runs the app.
func (u *App) ShowAndRun() {
	u.win.CenterOnScreen()
	u.win.ShowAndRun()
}

// closeRequested closes the window, except while an uninstaller runs:
// closing would end the app, and on Linux and macOS the uninstaller's
// output pipe with it, which can stop it half-way. The user is asked to
// wait instead.
func (u *App) closeRequested() {
	if u.removing {
		dialog.ShowInformation(lang.X("remove.close-wait-title", "An uninstaller is running"),
			lang.X("remove.close-wait", "Please wait until it has finished, then close the app. Closing it now could leave Kaspersky half removed."), u.win)
		return
	}
	u.win.Close()
}

func (u *App) stop() {
	u.stopAll()
	if u.cancel != nil {
		u.cancel()
	}
	if u.tick != nil {
		u.tick.Stop()
	}
}

// OpenStep shows step st on the result of scan, as if the user had come
// that far: for screenshots and for support staff reproducing a caller's
// screen on a fixture.
func (u *App) OpenStep(st progress.Step, scan *service.Result, region region.Region) {
	s := progress.New(region)
	if scan != nil {
		s = s.WithScan(scan.Record())
		s.Reached = progress.StepDone
	}
	u.setState(wizard.Go(s, st))
}

// osFamily is the system the results are about: the scanned one (a fixture
// in screenshots), else this one.
func (u *App) osFamily() string {
	if u.state.Scan != nil && u.state.Scan.OS.Family != "" {
		return u.state.Scan.OS.Family
	}
	return u.svc.GOOS()
}
