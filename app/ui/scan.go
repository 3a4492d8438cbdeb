package ui

import (
	"context"
	"fmt"
	"time"
	"transitionhelper/app/service"
	"transitionhelper/app/timeline"
	"transitionhelper/app/wizard"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// runScan runs scan (a scan, or a re-check) off the UI goroutine, with
// visible progress; done runs on the UI goroutine with the result.
func (u *App) runScan(progress *widget.ProgressBarInfinite, scan func(context.Context) (*service.Result, error), done func(*service.Result, error)) {
	if u.scanning {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	u.cancel = cancel
	u.scanning = true
	progress.Show()
	progress.Start()
	u.showNavState()
	u.cfg.Async(func() {
		res, err := scan(ctx)
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
	m := timeline.UpdatesEnd(u.cat)
	label := u.countdown
	if m == nil || label == nil {
		return
	}
	var update func()
	update = func() {
		now := u.svc.Now()
		label.SetText(countdownText(timeline.At(m.At, now)))
		u.tick = time.AfterFunc(timeline.NextTick(m.At, now), func() { fyne.Do(update) })
	}
	update()
}

// scanControl is a step's check button and the progress bar under it.
type scanControl struct {
	CheckButton *widget.Button
	Progress    *widget.ProgressBarInfinite
}

// newScanControl makes a check button and its hidden progress bar; the
// button is off while a scan or an uninstaller runs.
func (u *App) newScanControl(label string, icon fyne.Resource, tapped func()) scanControl {
	c := scanControl{Progress: widget.NewProgressBarInfinite(), CheckButton: widget.NewButtonWithIcon(label, icon, tapped)}
	c.Progress.Hide()
	if u.scanning || u.removing {
		c.CheckButton.Disable()
	}
	return c
}

// view lays the button out with its progress bar below.
func (c scanControl) view() fyne.CanvasObject {
	return container.NewVBox(container.NewHBox(c.CheckButton), c.Progress)
}
