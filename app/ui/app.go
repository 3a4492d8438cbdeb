// Package ui holds the Fyne screens: a shell with the numbered steps on the
// left, the current step in the middle, Back/Next below, and on every screen
// the "For support staff" panel. The step logic lives in app/wizard; this
// package only shows it and feeds it what the user does.
package ui

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"runtime"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/catalog"
	"transitionhelper/app/cli"
	"transitionhelper/app/removal"
	"transitionhelper/app/timeline"
	"transitionhelper/app/wizard"
)

// Preference keys, shared with main for its TH_ overrides.
const (
	PrefLargerText = "largerText"
	PrefLanguage   = "language"
)

// Scanner runs one scan. The real one is cli.Env.RunScan; tests pass a fake.
type Scanner func(ctx context.Context) (*cli.Result, error)

// Config is what the app needs from main.
type Config struct {
	Version string
	Scan    Scanner
	Catalog *catalog.Catalog
	// Now is the clock of the countdown; nil means time.Now.
	Now timeline.Clock
	// StateDir holds the saved progress; empty means the app's storage folder.
	StateDir string
	// GuessRegion guesses the region on a first start.
	GuessRegion func() wizard.Region
	// Removal starts uninstallers; RemovalEnv describes this computer for
	// removal plans. The system actions below may be nil where unsupported.
	Removal          removal.System
	RemovalEnv       removal.Env
	OpenAppsSettings func() error
	// OpenWindowsSecurity opens Windows Security (the windowsdefender: page).
	OpenWindowsSecurity func() error
	SetRunOnce          func(name, program string, args ...string) error
	ClearRunOnce        func(name string) error
	Restart             func() error

	// async runs slow work off the UI goroutine; tests make it synchronous.
	async func(func())
}

// App is the running guided app. Its widgets are fields so tests can drive them.
type App struct {
	fyne  fyne.App
	win   fyne.Window
	cfg   Config
	store wizard.Store
	state wizard.State
	text  cli.Env // plain words shared with the command line

	// Shell widgets.
	NavButtons []*widget.Button
	StepTitle  *widget.Label
	BackButton *widget.Button
	NextButton *widget.Button
	StartOver  *widget.Button
	Support    *widget.Button
	LargerText *widget.Check
	Language   *widget.Select
	body       *container.Scroll

	// The current step's widgets, rebuilt on every change of step.
	Step stepWidgets
	// The support panel's widgets, once it was opened.
	SupportPanel supportWidgets

	scanning bool
	removing bool
	// removalNotes are plain messages under the rows of step 4.
	removalNotes map[string]removalNote
	cancel       context.CancelFunc
	tick         *time.Timer
	// changed is called after every state change is shown (a test seam).
	changed func()
}

// stepWidgets are the widgets of the step on screen that tests look at.
type stepWidgets struct {
	CheckButton   *widget.Button
	Progress      *widget.ProgressBarInfinite
	Region        *widget.RadioGroup
	Countdown     *widget.Label
	Headline      *widget.Label
	Cards         []*widget.Card
	Ticks         map[string]*widget.Check
	Rows          map[string]*widget.Label
	RemoveButtons map[string]*widget.Button
	Restart       *widget.Button
	Choices       []string
	Devices       *widget.CheckGroup
	Price         *widget.RadioGroup
	Features      *widget.CheckGroup
	Compare       []*widget.Check
	CompareBox    *fyne.Container
	Verdict       *widget.Label
	Warning       *widget.Label
	SaveReport    *widget.Button
	Format        *widget.Select
	FullReport    *widget.Check
	NotApplies    *widget.Label
}

// New builds the app's window and loads the saved progress. A progress file
// that cannot be read starts afresh with a short notice.
func New(a fyne.App, cfg Config) *App {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.async == nil {
		cfg.async = func(f func()) { go f() }
	}
	if cfg.GuessRegion == nil {
		cfg.GuessRegion = func() wizard.Region { return wizard.RegionUS }
	}
	dir := cfg.StateDir
	if dir == "" {
		dir = a.Storage().RootURI().Path()
	}
	u := &App{fyne: a, cfg: cfg, store: wizard.Store{Path: filepath.Join(dir, wizard.StateFile)}, text: cli.Env{T: Translate},
		removalNotes: map[string]removalNote{}}
	a.Settings().SetTheme(newTheme(a.Preferences().Bool(PrefLargerText)))
	applyLanguage(a.Preferences().String(PrefLanguage))

	u.win = a.NewWindow(lang.X("app.title", "Kaspersky Transition Helper"))
	u.win.Resize(fyne.NewSize(960, 580)) // fits 1366×768 and 1024×600 screens
	u.win.SetOnClosed(u.stop)

	var notice string
	st, err := u.store.Load()
	switch {
	case err == nil:
		u.state = st
	case errors.Is(err, wizard.ErrNoState):
		u.state = wizard.New(cfg.GuessRegion())
	default:
		fyne.LogError("loading saved progress", err)
		u.state = wizard.New(cfg.GuessRegion())
		notice = lang.X("app.corrupt-state", "Your saved progress could not be read, so the app starts again from step 1.")
	}
	resume := u.state.Resuming() && u.state.CanGo(wizard.StepRemove)
	if resume {
		u.state = u.state.Go(wizard.StepRemove)
	}
	u.build()
	if resume {
		u.recheckRemoval() // after a restart: is it gone now?
	}
	if notice != "" {
		dialog.ShowInformation(lang.X("app.notice", "Notice"), notice, u.win)
	}
	return u
}

// Window is the app's window.
func (u *App) Window() fyne.Window { return u.win }

// State is the current progress (for tests and the support panel).
func (u *App) State() wizard.State { return u.state }

// ShowAndRun centres the window and runs the app.
func (u *App) ShowAndRun() {
	u.win.CenterOnScreen()
	u.win.ShowAndRun()
}

func (u *App) stop() {
	if u.cancel != nil {
		u.cancel()
	}
	if u.tick != nil {
		u.tick.Stop()
	}
}

// build makes the shell; showStep fills the middle.
func (u *App) build() {
	u.NavButtons = nil
	nav := container.NewVBox()
	for _, st := range wizard.Steps {
		b := widget.NewButton(fmt.Sprintf("%d. %s", st, stepName(st)), func() { u.goTo(st) })
		b.Alignment = widget.ButtonAlignLeading
		u.NavButtons = append(u.NavButtons, b)
		nav.Add(b)
	}
	u.StepTitle = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	u.StepTitle.SizeName = theme.SizeNameHeadingText
	u.StepTitle.Wrapping = fyne.TextWrapWord

	u.BackButton = widget.NewButtonWithIcon(lang.X("nav.back", "Back"), theme.NavigateBackIcon(), u.back)
	u.NextButton = widget.NewButtonWithIcon(lang.X("nav.next", "Next"), theme.NavigateNextIcon(), u.next)
	u.NextButton.IconPlacement = widget.ButtonIconTrailingText
	u.NextButton.Importance = widget.HighImportance
	u.StartOver = widget.NewButtonWithIcon(lang.X("nav.start-over", "Start over"), theme.HistoryIcon(), u.confirmStartOver)
	u.Support = widget.NewButtonWithIcon(lang.X("support.button", "For support staff"), theme.InfoIcon(), u.showSupport)
	u.LargerText = widget.NewCheck(lang.X("settings.larger-text", "Larger text"), u.setLargerText)
	u.LargerText.Checked = u.fyne.Preferences().Bool(PrefLargerText)
	u.Language = widget.NewSelect([]string{"English", "Español"}, u.setLanguage)
	u.Language.Selected = currentLanguageName(u.fyne.Preferences().String(PrefLanguage))

	title := widget.NewLabelWithStyle(lang.X("app.title", "Kaspersky Transition Helper"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	header := container.NewHBox(title, layout.NewSpacer(), u.Language, u.LargerText, u.Support)
	footer := container.NewHBox(u.BackButton, u.StartOver, layout.NewSpacer(), u.NextButton)
	u.body = container.NewVScroll(widget.NewLabel(""))
	center := container.NewBorder(container.NewPadded(u.StepTitle), nil, nil, nil, u.body)
	left := container.NewVScroll(container.NewPadded(nav))
	split := container.NewHSplit(left, center)
	split.Offset = 0.24
	u.win.SetContent(container.NewBorder(
		container.NewVBox(container.NewPadded(header), widget.NewSeparator()),
		container.NewVBox(widget.NewSeparator(), container.NewPadded(footer)),
		nil, nil, split))
	u.showStep()
}

// showStep shows the current step and updates the shell around it.
func (u *App) showStep() {
	st := u.state.Step
	for i, b := range u.NavButtons {
		b.Importance = widget.LowImportance
		if wizard.Steps[i] == st {
			b.Importance = widget.HighImportance
		}
		b.Refresh()
	}
	u.StepTitle.SetText(lang.X("step.title", "Step {{.Number}} of {{.Total}}: {{.Name}}", map[string]any{
		"Number": int(st), "Total": len(wizard.Steps), "Name": stepName(st),
	}))
	u.Step = stepWidgets{}
	var view fyne.CanvasObject
	if reason := u.state.Applies(st); reason != wizard.ReasonNone {
		view = u.notApplies(reason)
	} else {
		view = u.stepView(st)
	}
	u.body.Content = container.NewPadded(view)
	u.body.Offset = fyne.Position{}
	u.body.Refresh()
	u.showNavState()
	u.scheduleCountdown()
	if u.changed != nil {
		u.changed()
	}
}

func (u *App) refreshNav() {
	st := u.state.Step
	if st == wizard.StepCheck || u.scanning {
		u.BackButton.Disable()
	} else {
		u.BackButton.Enable()
	}
	next := u.state.NextStep()
	if next == st || u.scanning {
		u.NextButton.Disable()
	} else {
		u.NextButton.Enable()
	}
	if u.scanning {
		u.StartOver.Disable()
	} else {
		u.StartOver.Enable()
	}
}

func (u *App) stepView(st wizard.Step) fyne.CanvasObject {
	switch st {
	case wizard.StepCheck:
		return u.checkView()
	case wizard.StepFound:
		return u.foundView()
	case wizard.StepSave:
		return u.saveView()
	case wizard.StepRemove:
		return u.removeView()
	case wizard.StepChoose:
		return u.chooseView()
	case wizard.StepVerify:
		return u.verifyView()
	}
	return u.doneView()
}

// notApplies explains why a step does not apply and offers Next.
func (u *App) notApplies(reason wizard.Reason) fyne.CanvasObject {
	var msg string
	switch reason {
	case wizard.ReasonNotChecked:
		msg = lang.X("step.na.not-checked", "This step needs a check of this computer first. Go to step 1 and press \"Check this computer\".")
	default:
		msg = lang.X("step.na.no-kaspersky", "No Kaspersky product is installed on this computer, so there is nothing to do in this step. Press Next.")
	}
	u.Step.NotApplies = paragraph(msg)
	return u.Step.NotApplies
}

// setState records a change, saves it and shows it.
func (u *App) setState(s wizard.State) {
	u.state = s
	if err := u.store.Save(s); err != nil {
		fyne.LogError("saving progress", err)
		dialog.ShowError(errors.New(lang.X("app.save-failed", "Your progress could not be saved. You can go on, but if the app closes you will start again.")), u.win)
	}
	u.showStep()
}

func (u *App) next() { u.setState(u.state.Next()) }
func (u *App) back() { u.setState(u.state.Back()) }

func (u *App) goTo(st wizard.Step) {
	if u.state.CanGo(st) {
		u.setState(u.state.Go(st))
	}
}

func (u *App) confirmStartOver() {
	dialog.ShowConfirm(lang.X("nav.start-over", "Start over"),
		lang.X("nav.start-over-confirm", "Start again from step 1? Your ticks and results will be cleared."),
		func(ok bool) {
			if ok {
				u.startOver()
			}
		}, u.win)
}

func (u *App) startOver() {
	if err := u.store.Clear(); err != nil {
		fyne.LogError("clearing progress", err)
	}
	region := u.state.Region
	u.setState(wizard.New(region))
}

func (u *App) setLargerText(on bool) {
	u.fyne.Preferences().SetBool(PrefLargerText, on)
	u.fyne.Settings().SetTheme(newTheme(on))
}

func (u *App) setLanguage(name string) {
	code := languageCode(name)
	if code == "" || code == currentLanguage(u.fyne.Preferences().String(PrefLanguage)) {
		return
	}
	u.fyne.Preferences().SetString(PrefLanguage, code)
	applyLanguage(code)
	u.win.SetTitle(lang.X("app.title", "Kaspersky Transition Helper"))
	u.build()
}

// runScan scans off the UI goroutine, with visible progress; done runs on
// the UI goroutine with the result.
func (u *App) runScan(progress *widget.ProgressBarInfinite, done func(*cli.Result, error)) {
	if u.scanning {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	u.cancel = cancel
	u.scanning = true
	progress.Show()
	progress.Start()
	u.showNavState()
	u.cfg.async(func() {
		res, err := u.cfg.Scan(ctx)
		if ctx.Err() != nil {
			return
		}
		fyne.Do(func() {
			u.scanning = false
			progress.Stop()
			progress.Hide()
			done(res, err)
		})
	})
}

// showNavState refreshes the shell's buttons without rebuilding the step.
func (u *App) showNavState() {
	for i, b := range u.NavButtons {
		if u.state.CanGo(wizard.Steps[i]) && !u.scanning {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	u.refreshNav()
}

func (u *App) scanFailed(err error) {
	fyne.LogError("scan failed", err)
	dialog.ShowError(fmt.Errorf("%s\n\n%v", lang.X("scan.failed", "The check could not run."), err), u.win)
	u.showStep()
}

// scheduleCountdown keeps the countdown on screen current: every minute
// before the cut-off, every day after it.
func (u *App) scheduleCountdown() {
	if u.tick != nil {
		u.tick.Stop()
	}
	m := timeline.UpdatesEnd(u.cfg.Catalog)
	label := u.Step.Countdown
	if m == nil || label == nil {
		return
	}
	var update func()
	update = func() {
		now := u.cfg.Now()
		label.SetText(countdownText(timeline.At(m.At, now)))
		u.tick = time.AfterFunc(timeline.NextTick(m.At, now), func() { fyne.Do(update) })
	}
	update()
}

// scanButton makes the step's check button and its hidden progress bar
// (u.Step.CheckButton, u.Step.Progress); the button is off while a scan or an
// uninstaller runs.
func (u *App) scanButton(label string, icon fyne.Resource, tapped func()) {
	u.Step.Progress = widget.NewProgressBarInfinite()
	u.Step.Progress.Hide()
	u.Step.CheckButton = widget.NewButtonWithIcon(label, icon, tapped)
	if u.scanning || u.removing {
		u.Step.CheckButton.Disable()
	}
}

// httpsLink is a link to raw if it is an https address; nil otherwise.
func httpsLink(text, raw string) *widget.Hyperlink {
	link, err := url.Parse(raw)
	if err != nil || link.Scheme != "https" {
		return nil
	}
	h := widget.NewHyperlink(text, link)
	h.Wrapping = fyne.TextWrapWord
	return h
}

func paragraph(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

func stepName(st wizard.Step) string {
	key, english := st.Name()
	return lang.X(key, english)
}

// OpenStep shows step st on the result of scan, as if the user had come
// that far: for screenshots and for support staff reproducing a caller's
// screen on a fixture.
func (u *App) OpenStep(st wizard.Step, scan *cli.Result, region wizard.Region) {
	s := wizard.New(region)
	if scan != nil {
		s = s.WithScan(scan.Record())
		s.Reached = wizard.StepDone
	}
	u.setState(s.Go(st))
}

// osFamily is the system the results are about: the scanned one (a fixture
// in screenshots), else this one.
func (u *App) osFamily() string {
	if u.state.Scan != nil && u.state.Scan.OS.Family != "" {
		return u.state.Scan.OS.Family
	}
	return runtime.GOOS
}
