package ui

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/progress"
	"transitionhelper/app/timeline"
	"transitionhelper/app/wizard"
)

// runScan runs job (a scan, or a re-check) off the UI goroutine with c's
// progress showing and its button off; then, on the UI goroutine, the new
// progress job made from the state it was given is recorded, or the
// failure is shown.
func (u *App) runScan(c scanControl, job func(context.Context, progress.State) (progress.State, error)) {
	if u.scanning || u.caller != nil { // the caller view checks nothing
		return
	}
	if c.ScanButton == nil { // the step is not on screen (a re-check on start-up)
		c = u.newScanControl("", nil, nil)
	}
	ctx, cancel := context.WithCancel(u.ctx)
	u.cancel = cancel
	u.scanning = true
	c.ScanButton.Disable()
	c.Progress.Show()
	c.Progress.Start()
	u.showNavState()
	from := u.state
	u.cfg.Async(func() {
		next, err := job(ctx, from)
		if ctx.Err() != nil {
			return
		}
		fyne.Do(func() {
			u.scanning = false
			c.Progress.Stop()
			c.Progress.Hide()
			if err != nil {
				u.scanFailed(err)
				return
			}
			u.setState(next)
		})
	})
}

// scanned records a plain scan with record.
func (u *App) scanned(record func(progress.State, progress.ScanRecord) progress.State) func(context.Context, progress.State) (progress.State, error) {
	return func(ctx context.Context, st progress.State) (progress.State, error) {
		res, err := u.svc.Scan(ctx)
		if err != nil {
			return st, err
		}
		u.svc.CheckStarts(res) // on the worker: a plan may ask the system
		return record(st, res.Record()), nil
	}
}

// showNavState refreshes the shell's buttons without rebuilding the step.
func (u *App) showNavState() {
	for i, b := range u.NavButtons {
		if wizard.CanGo(progress.Steps[i]) && !u.scanning {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	u.refreshNav()
}

func (u *App) scanFailed(err error) {
	fyne.LogError("scan failed", err)
	dialog.ShowError(fmt.Errorf("%s\n\n%v", lang.X("scan.failed-scan", "The scan could not run."), err), u.win)
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

// scanControl is a step's scan button and the progress bar under it.
type scanControl struct {
	ScanButton *button
	Progress   *widget.ProgressBarInfinite
}

// newScanControl makes a scan button and its hidden progress bar; the
// button is off while a scan or an uninstaller runs.
func (u *App) newScanControl(label string, icon fyne.Resource, tapped func()) scanControl {
	c := scanControl{Progress: widget.NewProgressBarInfinite(), ScanButton: newButtonWithIcon(label, icon, tapped)}
	c.Progress.Hide()
	if u.scanning || u.removing {
		c.ScanButton.Disable()
	}
	return c
}

// placeScan puts a step's scan button in the footer, beside Next, and its
// progress bar above the footer: in sight however long the step is.
func (u *App) placeScan(c scanControl) {
	u.setAction(c.ScanButton)
	u.setProgress(c.Progress)
}
