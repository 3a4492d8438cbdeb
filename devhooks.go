//go:build devhooks

package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"fyne.io/fyne/v2"

	"transitionhelper/app/progress"
	"transitionhelper/app/region"
	"transitionhelper/app/removal"
	"transitionhelper/app/service"
	"transitionhelper/app/ui"
	"transitionhelper/platform"
)

// devHooks open the app on a given step with sample data, for `make
// screenshots` and `make bench`. They exist only in the development build
// (`go build -tags devhooks`, `make build-dev`); the release binary has
// none of them:
//
//	TH_FIXTURE=file.json   scan this platform.Snapshot (JSON) instead of the computer;
//	                       the title says so and removal starts nothing
//	TH_STEP=N              open at step N (1–7), as if the user had come that far
//	TH_REGION=US|other     the region for TH_STEP (default US)
//	TH_STATE_DIR=dir       keep progress in dir instead of the app's storage folder
//	TH_LARGER_TEXT=1|0     set the "Larger text" preference
//	TH_LANGUAGE=en|es      set the language preference
//	TH_NOW=2027-06-01T10:00:00Z
//	                       the clock starts at this time (RFC 3339) and runs on:
//	                       the countdown, the scan's date, the facts' age
//	TH_BENCH_STARTUP=1     print "started" once the app runs (make bench)
//	TH_BENCH_RESPONSIVE=1  scan, measure how long the UI goroutine is kept
//	                       waiting meanwhile, print it and quit (make bench)
type devHooks struct {
	largerText, language string
	step                 progress.Step
	region               region.Region
	benchStartup         bool
	benchResponsive      bool
}

// readDevHooks reads the TH_ variables into pc, cfg and the returned
// hooks. A bad value is an error, never ignored.
func readDevHooks(pc *service.Computer, cfg *ui.Config) (devHooks, error) {
	h := devHooks{
		largerText:      os.Getenv("TH_LARGER_TEXT"),
		language:        os.Getenv("TH_LANGUAGE"),
		region:          region.US,
		benchStartup:    os.Getenv("TH_BENCH_STARTUP") != "",
		benchResponsive: os.Getenv("TH_BENCH_RESPONSIVE") != "",
	}
	if d := os.Getenv("TH_STATE_DIR"); d != "" {
		cfg.StateDir = d
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
		*pc = fixtureComputer{Computer: *pc, snap: snap}
		cfg.Fixture = path
		// Sample data never lands in the real progress file, which the
		// release app and `report` read: without TH_STATE_DIR it goes to a
		// folder of its own.
		if cfg.StateDir == "" {
			dir, err := os.MkdirTemp("", "th-fixture-state-")
			if err != nil {
				return h, fmt.Errorf("TH_FIXTURE: a folder for the sample progress: %w", err)
			}
			cfg.StateDir = dir
		}
	}
	if v := h.largerText; v != "" && v != "0" && v != "1" {
		return h, fmt.Errorf("TH_LARGER_TEXT=%q: want 1 or 0", v)
	}
	if v := os.Getenv("TH_NOW"); v != "" {
		at, err := time.Parse(time.RFC3339, v)
		if err != nil {
			return h, fmt.Errorf("TH_NOW=%q: want an RFC 3339 time such as 2027-06-01T10:00:00Z: %w", v, err)
		}
		*pc = shiftedClock{Computer: *pc, by: time.Until(at)}
	}
	if v := h.language; v != "" && v != "en" && v != "es" {
		return h, fmt.Errorf("TH_LANGUAGE=%q: want en or es", v)
	}
	if v := os.Getenv("TH_STEP"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < int(progress.StepStart) || n > int(progress.StepDone) {
			return h, fmt.Errorf("TH_STEP=%q: want a step number from 1 to 7", v)
		}
		h.step = progress.Step(n)
	}
	switch r := os.Getenv("TH_REGION"); r {
	case "", "US":
	case "other":
		h.region = region.Other
	default:
		return h, fmt.Errorf("TH_REGION=%q: want US or other", r)
	}
	return h, nil
}

// fixtureComputer stands the snapshot in for the computer: the scan returns
// it, plans are made for its system, and nothing is ever started or
// changed (DryRun, and every action refused here too). The clock, the
// region hints and result files are this computer's.
type fixtureComputer struct {
	service.Computer
	snap platform.Snapshot
}

// shiftedClock is the computer with its clock moved by a fixed amount
// (TH_NOW): the time runs on from there.
type shiftedClock struct {
	service.Computer
	by time.Duration
}

func (c shiftedClock) Now() time.Time { return time.Now().Add(c.by) }

// errSample refuses every action on sample data.
var errSample = errors.New("sample data: nothing is started or changed")

func (f fixtureComputer) Scan(context.Context, platform.Options) *platform.Snapshot {
	s := f.snap
	return &s
}
func (f fixtureComputer) GOOS() string { return f.snap.OS.Family }
func (f fixtureComputer) DryRun() bool { return true }

// sample is the sample computer as it would be: its programs exist
// where its entries say, in admin-only folders, and Windows Installer
// knows its products as Kaspersky's. Nothing is checked, and nothing starts.
func (f fixtureComputer) sample() removal.Env {
	return removal.Env{
		GOOS: f.snap.OS.Family, ProgramFiles: `C:\Program Files`, ProgramFilesX86: `C:\Program Files (x86)`, SystemRoot: `C:\Windows`,
		SystemMsiexec: `C:\Windows\System32\msiexec.exe`,
		Exists:        func(string) bool { return true },
		GlobFn:        func(string) []string { return nil },
		AdminOnlyFn:   func(string) (bool, string, error) { return true, "", nil },
		MSIProductFn: func(code string) (platform.MSIProduct, error) {
			return platform.MSIProduct{ProductCode: code, PerMachine: true, Publisher: "AO Kaspersky Lab", Name: "Kaspersky (sample data)"}, nil
		},
	}
}
func (f fixtureComputer) Folders() removal.Folders     { return f.sample().Folders() }
func (f fixtureComputer) FileExists(path string) bool  { return f.sample().FileExists(path) }
func (f fixtureComputer) Glob(pattern string) []string { return f.sample().Glob(pattern) }
func (f fixtureComputer) AdminOnly(path string) (bool, string, error) {
	return f.sample().AdminOnly(path)
}
func (f fixtureComputer) VerifyMacApp(app, teamID string) error {
	return f.sample().VerifyMacApp(app, teamID)
}
func (f fixtureComputer) SimulateRemove(pkgs []string) ([]string, error) {
	return f.sample().SimulateRemove(pkgs)
}
func (f fixtureComputer) MSIProduct(code string) (platform.MSIProduct, error) {
	return f.sample().MSIProduct(code)
}
func (f fixtureComputer) Open(string) (service.VerifiedProgram, error) { return nil, errSample }
func (f fixtureComputer) CheckElevation() error                        { return nil }
func (f fixtureComputer) Launch(context.Context, string, []string, bool, io.Writer) (int, error) {
	return -1, errSample
}
func (f fixtureComputer) SetRunOnce(string, string, ...string) error { return errSample }
func (f fixtureComputer) ClearRunOnce(string) error                  { return nil }

// beforeWindow sets the preferences and the benchmark marks.
func (h devHooks) beforeWindow(a fyne.App, svc *service.Service) {
	switch h.largerText {
	case "1":
		a.Preferences().SetBool(ui.PrefLargerText, true)
	case "0":
		a.Preferences().SetBool(ui.PrefLargerText, false)
	}
	if h.language == "en" || h.language == "es" {
		a.Preferences().SetString(ui.PrefLanguage, h.language)
	}
	if !h.benchStartup && !h.benchResponsive {
		return
	}
	// One handler for both marks: a second SetOnStarted would replace the first.
	a.Lifecycle().SetOnStarted(func() {
		if h.benchStartup {
			fmt.Println("started")
		}
		if h.benchResponsive {
			go measureResponsiveness(a, svc)
		}
	})
}

// measureResponsiveness scans while timing round trips to the UI
// goroutine, prints the worst wait and quits.
func measureResponsiveness(a fyne.App, svc *service.Service) {
	done := make(chan struct{})
	var worst time.Duration
	go func() {
		defer close(done)
		if _, err := svc.Scan(context.Background()); err != nil {
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
}

// afterWindow scans (the fixture, usually) and opens the asked-for step.
func (h devHooks) afterWindow(ctx context.Context, u *ui.App, svc *service.Service) {
	if h.step == 0 {
		return
	}
	var res *service.Result
	if h.step > progress.StepStart {
		var err error
		if res, err = svc.Scan(ctx); err != nil {
			fyne.LogError("TH_STEP scan", err)
			return
		}
		svc.CheckStarts(res)
	}
	u.OpenStep(h.step, res, h.region)
}
