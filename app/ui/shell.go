package ui

import (
	"errors"
	"fmt"
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/progress"
	"transitionhelper/app/wizard"
)

// build makes the shell; showStep fills the middle.
func (u *App) build() {
	u.NavButtons = nil
	nav := container.NewVBox()
	for _, st := range progress.Steps {
		b := newButton(fmt.Sprintf("%d. %s", st, stepName(st)), func() { u.goTo(st) })
		b.Alignment = widget.ButtonAlignLeading
		u.NavButtons = append(u.NavButtons, b)
		nav.Add(b)
	}
	u.StepTitle = newStepTitle()

	u.BackButton = newButtonWithIcon(lang.X("nav.back", "Back"), theme.NavigateBackIcon(), u.back)
	u.NextButton = newButtonWithIcon(lang.X("nav.next", "Next"), theme.NavigateNextIcon(), u.next)
	u.NextButton.IconPlacement = widget.ButtonIconTrailingText
	u.NextButton.Importance = widget.HighImportance
	u.StartOver = newButtonWithIcon(lang.X("nav.start-over", "Start over"), theme.HistoryIcon(), u.confirmStartOver)
	u.Support = newButtonWithIcon(lang.X("support.button", "For support staff"), theme.InfoIcon(), u.showSupport)
	u.LargerText, u.Language = u.settingsControls()

	title := widget.NewLabelWithStyle(lang.X("app.title", "Kaspersky Transition Helper"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord // it gives way to the controls on a narrow window
	header := container.NewBorder(nil, nil, nil, container.NewHBox(u.Language, u.LargerText, u.Support), title)
	// The step's main action sits in the footer beside Next, so it is in
	// sight on a small screen with larger text; "More below" shows while
	// the step continues under the fold.
	u.MoreBelow = newButtonWithIcon(lang.X("nav.more-below", "More below"), theme.MoveDownIcon(), u.pageDown)
	u.MoreBelow.Importance = widget.LowImportance
	u.MoreBelow.Hide()
	u.action = container.NewHBox()
	footer := container.NewHBox(u.BackButton, u.StartOver, layout.NewSpacer(), u.action, u.NextButton)
	u.footer = footer
	u.progress = container.NewStack()
	u.body = container.NewVScroll(widget.NewLabel(""))
	u.body.OnScrolled = func(fyne.Position) { u.showMoreBelow() }
	u.moreRow = container.NewHBox(layout.NewSpacer(), u.MoreBelow)
	// The title first, then the step and its screen-reader mirror (a11y_mirror.go), then "More below": reading order.
	titleRow := container.NewPadded(u.StepTitle)
	center := container.New(layout.NewBorderLayout(titleRow, u.moreRow, nil, nil), titleRow, &fyne.Container{Layout: watchLayout{u.showMoreBelow}, Objects: []fyne.CanvasObject{u.body, u.newStepMirror()}}, u.moreRow)
	u.center = center
	// The step list and the step side by side in plain containers, not a
	// split or a scroll: Fyne 2.8's screen-reader bridges pass on only what
	// they reach through containers, so the step buttons, the step's title
	// (which reads out the whole step) and "More below" are announced.
	left := container.NewHBox(container.NewPadded(nav), widget.NewSeparator())
	split := container.New(layout.NewBorderLayout(nil, nil, left, nil), left, center)
	// Objects in reading order (header, steps, the step, footer): Tab
	// follows this order, where container.NewBorder would put the middle first.
	top := container.NewVBox(container.NewPadded(header), widget.NewSeparator())
	u.CallerWidgets = callerWidgets{}
	if u.caller != nil {
		top.Add(u.callerBanner())
		top.Add(widget.NewSeparator())
	}
	bottom := container.NewVBox(widget.NewSeparator(), u.progress, container.NewPadded(footer))
	u.win.SetContent(container.New(layout.NewBorderLayout(top, bottom, nil, nil), top, split, bottom, u.newWindowMirror()))
	u.win.Canvas().SetOnTypedKey(u.typedKey)
	u.showStep()
}

// showStep shows the current step and updates the shell around it.
func (u *App) showStep() {
	st := u.state.Step
	for i, b := range u.NavButtons {
		b.Importance = widget.LowImportance
		if progress.Steps[i] == st {
			b.Importance = widget.HighImportance
		}
		b.Refresh()
	}
	name := stepName(st)
	if st == progress.StepDone && wizard.Applies(u.state, st) == wizard.ReasonNone {
		// Step 7 says "Done" only when nothing is left to do.
		name = lang.X("done.not-finished", "Not finished yet")
		if wizard.StandingOf(u.state).Finished() {
			name = lang.X("done.finished", "Done")
		}
	}
	u.StepTitle.SetText(lang.X("step.title", "Step {{.Number}} of {{.Total}}: {{.Name}}", map[string]any{
		"Number": int(st), "Total": len(progress.Steps), "Name": name,
	}))
	u.Start, u.Found, u.Save, u.Remove = startWidgets{}, foundWidgets{}, saveWidgets{}, removeWidgets{}
	u.Choose, u.Verify, u.Done, u.NotApplies, u.countdown = chooseWidgets{}, verifyWidgets{}, doneWidgets{}, nil, nil
	u.Action, u.action.Objects, u.progress.Objects = nil, nil, nil
	var view fyne.CanvasObject
	if reason := wizard.Applies(u.state, st); reason != wizard.ReasonNone {
		view = u.notApplies(reason)
	} else {
		view = u.stepView(st)
	}
	if u.caller != nil {
		disableAll(view)
		disableAll(u.action)
	}
	// The footer makes room for the new action (the test canvas, unlike the
	// GL driver, does not lay a container out again when its size changes).
	u.footer.Refresh()
	u.progress.Refresh()
	// A change within the step (a tick, an answer) keeps the scroll where
	// the user is; a new step starts at its top.
	offset := u.body.Offset
	if st != u.shown {
		offset = fyne.Position{}
	}
	u.shown = st
	u.body.Content = container.NewPadded(view)
	u.body.Refresh()
	u.body.ScrollToOffset(offset)
	u.showMoreBelow()
	u.showNavState()
	u.scheduleCountdown()
	u.syncA11y()
	if u.changed != nil {
		u.changed()
	}
}

func (u *App) refreshNav() {
	st := u.state.Step
	if st == progress.StepStart || u.scanning {
		u.BackButton.Disable()
	} else {
		u.BackButton.Enable()
	}
	next := wizard.NextStep(u.state)
	if next == st || u.scanning {
		u.NextButton.Disable()
	} else {
		u.NextButton.Enable()
	}
	// One highlighted button: the step's own action when it is the next
	// thing to do, else Next.
	imp := widget.HighImportance
	if u.Action != nil && u.Action.Importance == widget.HighImportance && !u.Action.Disabled() {
		imp = widget.MediumImportance
	}
	if u.NextButton.Importance != imp {
		u.NextButton.Importance = imp
		u.NextButton.Refresh()
	}
	if u.scanning || u.caller != nil {
		u.StartOver.Disable()
	} else {
		u.StartOver.Enable()
	}
}

func (u *App) stepView(st progress.Step) fyne.CanvasObject {
	switch st {
	case progress.StepStart:
		return u.checkView()
	case progress.StepFound:
		return u.foundView()
	case progress.StepSave:
		return u.saveView()
	case progress.StepRemove:
		return u.removeView()
	case progress.StepChoose:
		return u.chooseView()
	case progress.StepVerify:
		return u.verifyView()
	}
	return u.doneView()
}

// notApplies explains in place why a step opened from the list has
// nothing to show yet, with a button to where to go instead.
func (u *App) notApplies(reason wizard.Reason) fyne.CanvasObject {
	var msg string
	switch reason {
	case wizard.ReasonNotChecked:
		msg = lang.X("step.na.not-scanned", "Not yet: this step needs a scan of this computer first. Go to step 1 and press \"Scan this computer\".")
		u.setAction(newButtonWithIcon(lang.X("step.go-1", "Go to step 1"), theme.NavigateBackIcon(), func() { u.goTo(progress.StepStart) }))
	default:
		msg = lang.X("step.na.no-kaspersky", "No Kaspersky product is installed on this computer, so there is nothing to do in this step. Press Next.")
	}
	u.NotApplies = paragraph(msg)
	return u.NotApplies
}

// setAction puts the step's main action in the footer, beside Next, and
// makes it the highlighted button when Next has nowhere to go.
func (u *App) setAction(b *button) {
	u.Action = b
	u.action.Objects = []fyne.CanvasObject{b}
}

// setProgress puts the progress bar of a slow action above the footer.
func (u *App) setProgress(p fyne.CanvasObject) {
	u.progress.Objects = []fyne.CanvasObject{p}
}

// showMoreBelow shows "More below", under the step's right edge, while the
// step continues under the fold.
func (u *App) showMoreBelow() {
	if u.MoreBelow == nil || u.body == nil || u.body.Content == nil {
		return
	}
	below := u.body.Content.MinSize().Height - u.body.Offset.Y - u.body.Size().Height
	show := below > theme.Padding()*4 && u.body.Size().Height > 0
	if show == u.MoreBelow.Visible() {
		return
	}
	if show {
		u.MoreBelow.Show()
	} else {
		u.MoreBelow.Hide()
	}
	u.center.Refresh() // the step makes room for it under the scroll, or takes it back
}

// pageDown scrolls the step down by most of a screen.
func (u *App) pageDown() {
	off := u.body.Offset
	off.Y += u.body.Size().Height * 0.8
	u.body.ScrollToOffset(off)
	u.showMoreBelow()
}

// watchLayout lays out its one object over the whole space and calls
// changed after, so a resize updates what depends on the size.
type watchLayout struct{ changed func() }

// Layout fills size with each object, then reports the change.
func (l watchLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	l.changed()
}

// MinSize is the largest of the objects' minimum sizes.
func (l watchLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m
}

// setState records a change, saves it and shows it; in the caller view it
// only shows it (moving between the caller's steps), and saves nothing.
func (u *App) setState(s progress.State) {
	u.state = s
	if u.caller != nil {
		u.showStep()
		return
	}
	if err := u.store.Save(s); err != nil {
		fyne.LogError("saving progress", err)
		dialog.ShowError(errors.New(lang.X("app.save-failed", "Your progress could not be saved. You can go on, but if the app closes you will start again.")), u.win)
	}
	u.showStep()
}

// next goes on; arriving at step 6 from step 5 scans at once (it only
// reads), so the user sees whether the new protection is on without
// another click.
func (u *App) next() {
	u.setState(wizard.Next(u.state))
	if u.state.Step == progress.StepVerify && u.Verify.ScanButton != nil && u.caller == nil {
		u.verify()
	}
}
func (u *App) back() { u.setState(wizard.Back(u.state)) }

func (u *App) goTo(st progress.Step) {
	if wizard.CanGo(st) && !u.scanning {
		u.setState(wizard.Go(u.state, st))
	}
}

func (u *App) confirmStartOver() {
	u.ask(lang.X("nav.start-over", "Start over"),
		paragraph(lang.X("nav.start-over-confirm", "Start again from step 1? Your check marks and results will be cleared.")), fyne.NewSize(420, 160),
		answer{text: lang.X("remove.not-now", "Not now")},
		answer{text: lang.X("nav.start-over", "Start over"), importance: widget.HighImportance, do: u.startOver}, false)
}

func (u *App) startOver() {
	if u.caller != nil {
		return
	}
	if err := u.store.Clear(); err != nil {
		fyne.LogError("clearing progress", err)
	}
	region := u.state.Region
	u.setState(progress.New(region))
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
	u.win.SetTitle(u.title())
	u.build()
}

// typedKey handles the keys no control took: on a question (ask), Escape
// is its safe answer and Return its main one where safe; on another
// dialog, Escape closes it as its dismiss button would (Fyne 2.8 dialogs
// ignore Escape).
func (u *App) typedKey(ev *fyne.KeyEvent) {
	if q := u.topQuestion(); q != nil && q.key(ev, nil) {
		return
	}
	if ev.Name != fyne.KeyEscape {
		return
	}
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		return
	}
	if b := dismissButton(top); b != nil && b.OnTapped != nil {
		b.OnTapped()
	}
}

// dismissButton finds a dialog's dismiss button: its only button, else the
// last one that is not the highlighted (affirmative) one.
func dismissButton(o fyne.CanvasObject) *widget.Button {
	var buttons []*widget.Button
	var find func(o fyne.CanvasObject)
	find = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch v := o.(type) {
		case *widget.Button: // Fyne's own dialogs' buttons
			if !v.Disabled() {
				buttons = append(buttons, v)
			}
		case *button:
			if !v.Disabled() {
				buttons = append(buttons, &v.Button)
			}
		case *fyne.Container:
			for _, c := range v.Objects {
				find(c)
			}
		case *widget.PopUp:
			find(v.Content)
		default:
			// A modal dialog sits in Fyne's overlay container, whose type
			// is internal but whose Content field is exported.
			if rv := reflect.ValueOf(o); rv.Kind() == reflect.Pointer && rv.Elem().Kind() == reflect.Struct {
				if f := rv.Elem().FieldByName("Content"); f.IsValid() && f.CanInterface() {
					if c, ok := f.Interface().(fyne.CanvasObject); ok {
						find(c)
					}
				}
			}
		}
	}
	find(o)
	if len(buttons) == 1 {
		return buttons[0]
	}
	for i := len(buttons) - 1; i >= 0; i-- {
		if buttons[i].Importance != widget.HighImportance {
			return buttons[i]
		}
	}
	return nil
}

// stepTitle is the step's title, "Step 2 of 7: What we found". A screen
// reader reads the step itself after it, through the step's mirror
// (a11y_mirror.go).
type stepTitle struct {
	widget.Label
}

func newStepTitle() *stepTitle {
	t := &stepTitle{}
	t.TextStyle = fyne.TextStyle{Bold: true}
	t.SizeName = theme.SizeNameHeadingText
	t.Wrapping = fyne.TextWrapWord
	t.ExtendBaseWidget(t)
	return t
}
