package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"time"

	"fyne.io/fyne/v2"

	"transitionhelper/app/cli"
	"transitionhelper/app/ui"
	"transitionhelper/app/wizard"
	"transitionhelper/platform"
)

// devHooks open the app on a given step with a fixture scan, for `make
// screenshots` and for support staff who want to see a caller's screen:
//
//	TH_FIXTURE=file.json   scan this platform.Snapshot (JSON) instead of the computer
//	TH_STEP=N              open at step N (1–7), as if the user had come that far
//	TH_REGION=US|other     the region for TH_STEP (default US)
//	TH_STATE_DIR=dir       keep progress in dir instead of the app's storage folder
//	TH_LARGER_TEXT=1|0     set the "Larger text" preference
//	TH_LANGUAGE=en|es      set the language preference
//	TH_BENCH_STARTUP=1     print "started" once the app runs (make bench)
//	TH_BENCH_RESPONSIVE=1  scan, measure how long the UI goroutine is kept
//	                       waiting meanwhile, print it and quit (make bench)
type devHooks struct {
	largerText, language string
	step                 wizard.Step
	region               wizard.Region
}

// readDevHooks reads the TH_ variables; with TH_FIXTURE it points env's
// scanner at the fixture. A bad value is an error, never ignored.
func readDevHooks(env *cli.Env) (devHooks, error) {
	h := devHooks{
		largerText: os.Getenv("TH_LARGER_TEXT"),
		language:   os.Getenv("TH_LANGUAGE"),
		region:     wizard.RegionUS,
	}
	if path := os.Getenv("TH_FIXTURE"); path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			return h, fmt.Errorf("TH_FIXTURE: %w", err)
		}
		var snap platform.Snapshot
		if err := json.Unmarshal(data, &snap); err != nil {
			return h, fmt.Errorf("TH_FIXTURE %s: %w", path, err)
		}
		env.Scan = func(context.Context, platform.Options) *platform.Snapshot { s := snap; return &s }
	}
	if v := os.Getenv("TH_STEP"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < int(wizard.StepCheck) || n > int(wizard.StepDone) {
			return h, fmt.Errorf("TH_STEP=%q: want a step number from 1 to 7", v)
		}
		h.step = wizard.Step(n)
	}
	switch r := os.Getenv("TH_REGION"); r {
	case "", "US":
	case "other":
		h.region = wizard.RegionOther
	default:
		return h, fmt.Errorf("TH_REGION=%q: want US or other", r)
	}
	return h, nil
}

func (h devHooks) applyPreferences(a fyne.App) {
	switch h.largerText {
	case "1":
		a.Preferences().SetBool(ui.PrefLargerText, true)
	case "0":
		a.Preferences().SetBool(ui.PrefLargerText, false)
	}
	if h.language == "en" || h.language == "es" {
		a.Preferences().SetString(ui.PrefLanguage, h.language)
	}
}

// openStep scans (the fixture, usually) and opens the asked-for step.
func (h devHooks) openStep(ctx context.Context, u *ui.App, env *cli.Env) {
	if h.step == 0 {
		return
	}
	var res *cli.Result
	if h.step > wizard.StepCheck {
		var err error
		if res, err = env.RunScan(ctx); err != nil {
			fyne.LogError("TH_STEP scan", err)
			return
		}
	}
	u.OpenStep(h.step, res, h.region)
}

// benchHooks serve `make bench`: a start-up mark, and a responsiveness
// probe that scans while timing round trips to the UI goroutine.
func benchHooks(a fyne.App, env *cli.Env) {
	if os.Getenv("TH_BENCH_STARTUP") != "" {
		a.Lifecycle().SetOnStarted(func() { fmt.Println("started") })
	}
	if os.Getenv("TH_BENCH_RESPONSIVE") == "" {
		return
	}
	a.Lifecycle().SetOnStarted(func() {
		go func() {
			done := make(chan struct{})
			var worst time.Duration
			go func() {
				defer close(done)
				if _, err := env.RunScan(context.Background()); err != nil {
					fyne.LogError("bench scan", err)
				}
			}()
			for running := true; running; {
				select {
				case <-done:
					running = false
				case <-time.After(2 * time.Millisecond):
					start := time.Now()
					fyne.DoAndWait(func() {})
					worst = max(worst, time.Since(start))
				}
			}
			fmt.Printf("worst-ui-wait-ms %.2f\n", float64(worst.Microseconds())/1000)
			fyne.Do(a.Quit)
		}()
	})
}
