package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// settingsControls are the header's "Larger text" (a toggle: "Larger text:
// on") and the language (a button, "Language: English", that opens a
// dialog with one button per language: "English, selected").
func (u *App) settingsControls() (*toggle, *languageButton) {
	larger := newToggle(lang.X("settings.larger-text", "Larger text"), u.fyne.Preferences().Bool(PrefLargerText), u.setLargerText).
		withStateWords(lang.X("a11y.on", "on"), lang.X("a11y.off", "off"))
	b := &languageButton{u: u}
	b.Text = currentLanguageName(u.fyne.Preferences().String(PrefLanguage))
	b.Icon = theme.MenuDropDownIcon()
	b.IconPlacement = widget.ButtonIconTrailingText
	b.OnTapped = b.choose
	b.ExtendBaseWidget(b)
	return larger, b
}

// languageButton shows the language the app speaks, as the drop-down it
// replaces did, and opens the choice of languages. (A drop-down's list is a
// pop-up Fyne 2.8's bridges cannot enter; two buttons side by side made the
// header too wide for larger text in Spanish.)
type languageButton struct {
	button
	u *App
	// Choices is the open dialog's choice of languages, nil when closed.
	Choices *choiceGroup
}

// AccessibilityLabel is "Language: English".
func (b *languageButton) AccessibilityLabel() string {
	return lang.X("a11y.language", "Language: {{.Name}}", map[string]any{"Name": b.Text})
}

// choose opens the dialog of languages.
func (b *languageButton) choose() {
	var names []string
	for _, l := range languages {
		names = append(names, l.name)
	}
	var d dialog.Dialog
	b.Choices = newChoiceGroup(names, false, nil)
	b.Choices.SetSelected(b.Text)
	b.Choices.OnChanged = func(name string) {
		d.Hide()
		b.Choices = nil
		b.SetSelected(name)
	}
	d = dialog.NewCustom(lang.X("settings.language", "Language"), lang.X("support.close", "Close"), b.Choices.Box, b.u.win)
	d.SetOnClosed(func() { b.Choices = nil })
	d.Show()
}

// SetSelected makes the app speak the language named (as the drop-down's did).
func (b *languageButton) SetSelected(name string) { b.u.setLanguage(name) }

// newStepMirror is the step's screen-reader mirror: it lies over the
// step's scroll, at the same place.
func (u *App) newStepMirror() fyne.CanvasObject {
	var m *a11yMirror
	m = newA11yMirror(func() []fyne.CanvasObject { return []fyne.CanvasObject{u.body} },
		func() fyne.Position { return m.Box.Position() })
	u.stepMirror = m
	return m.Box
}

// newWindowMirror is the dialogs' screen-reader mirror, in the window's
// content (the bridges walk the content, then the overlays, which they
// cannot enter).
func (u *App) newWindowMirror() fyne.CanvasObject {
	var m *a11yMirror
	m = newA11yMirror(func() []fyne.CanvasObject { return u.win.Canvas().Overlays().List() },
		func() fyne.Position {
			p := m.Box.Position()
			if c := u.win.Canvas().Content(); c != nil {
				p = p.Add(c.Position())
			}
			return p
		})
	u.windowMirror = m
	u.startA11yWatch()
	return m.Box
}

// syncA11y brings the mirrors up to date with what is shown: a new step, an
// item opened or added, a dialog shown or closed.
func (u *App) syncA11y() {
	if u.stepMirror != nil {
		u.stepMirror.sync()
	}
	if u.windowMirror != nil {
		u.windowMirror.sync()
	}
}

// startA11yWatch keeps the mirrors up to date in a build with Fyne's
// screen-reader bridges: Fyne tells no one when a dialog opens or a step's
// insides change, so the mirrors are checked four times a second (a walk of
// the step, a fraction of a millisecond; the mirror changes only when the
// elements did). Without the bridges there is nothing to keep up to date.
func (u *App) startA11yWatch() {
	if !bridgeBuilt || u.a11yWatching {
		return
	}
	u.a11yWatching = true
	go func() {
		// A tick that races the shutdown would send on Fyne's closed queue:
		// nothing is left to update then.
		defer func() { _ = recover() }()
		tick := time.NewTicker(250 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-u.ctx.Done(): // the window closed, or the app is stopping
				return
			case <-tick.C:
				fyne.Do(u.syncA11y)
			}
		}
	}()
}
