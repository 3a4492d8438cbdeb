// Command transition-helper helps people replace Kaspersky, which gets no
// updates in the U.S. since 2024-09-29: no arguments opens the guided app;
// any argument runs the command line (scan, decode, report, uninstall,
// --help, --version) and opens no window, except `open-report FILE`, which
// opens the window on a caller's report; with no display, `scan` (or the
// report as text) runs instead of the window.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/lang"

	"transitionhelper/app/catalog"
	"transitionhelper/app/cli"
	"transitionhelper/app/report"
	"transitionhelper/app/service"
	"transitionhelper/app/ui"
	"transitionhelper/assets"
	"transitionhelper/platform"
	"transitionhelper/platform/act"
)

// version is set from FyneApp.toml by the Makefile (-ldflags -X main.version=…).
var version = "dev"

const (
	appID   = "com.github.transitionhelper"
	appName = "Kaspersky Transition Helper"
)

func main() { os.Exit(run(os.Args[1:])) }

func run(args []string) int {
	englishForCLocale()
	translated := loadTranslations()
	// Ctrl+C or a termination signal ends every scan and removal under way
	// (an uninstaller already started is left to finish: see act.Launch).
	// Once it has, the signals are the system's again: a second Ctrl+C ends
	// the app at once.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	context.AfterFunc(ctx, stop)
	env := cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, AppName: "transition-helper", Version: version, StateDir: stateDir(),
		T: func(key, fallback string, data map[string]any) string {
			translated()
			return ui.Translate(key, fallback, data)
		}}
	cat, err := catalog.Embedded()
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", env.AppName, err)
		return cli.ExitFailure
	}
	var pc service.Computer = service.ThisComputer()
	// open-report FILE is the one argument that opens the window: the
	// command line checks the file (and says what is wrong with it), main
	// hands it to the window's caller view.
	callerFile, openReport := cli.OpenReportFile(args)
	var caller *report.JSONReport
	if openReport && platform.HasDisplay() {
		platform.AttachParentConsole()
		rep, code := env.ReadReport(callerFile)
		if code != cli.ExitOK {
			return code
		}
		caller = &rep
	} else if cli.IsCLI(args) {
		platform.AttachParentConsole()
		env.Service = service.New(cat, pc)
		return cli.Run(ctx, args, env)
	}
	translated() // the window's words, from here on
	// Started with "Run as administrator": the window keeps its progress,
	// "Start over" deletes it and the text guide is written by name in the
	// user's own profile, which the same user's unelevated programs own
	// (platform.ElevatedUser). It says so, in a message box (the window
	// build has no console) and on stderr, and stops before any of that.
	if platform.ElevatedUser() {
		text := lang.X("app.elevated-stop", cli.ElevatedStopText)
		fmt.Fprintf(os.Stderr, "%s: %s\n", env.AppName, text)
		if _, err := tell.Alert(appName, text); err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", env.AppName, err)
		}
		return cli.ExitFailure
	}
	if !platform.HasDisplay() {
		env.Service = service.New(cat, pc)
		code := cli.Run(ctx, []string{"scan"}, env)
		fmt.Fprintln(os.Stderr, "\n"+lang.X("cli.no-display", "No display was found, so the app window cannot open; above is the text result. Run the app from a desktop session to see the window (on a server: xvfb-run, or ssh -X)."))
		return code
	}
	// The window needs OpenGL 2.1: ask the display first, and offer the
	// text guide instead of a window that would never appear.
	if !skipGraphicsCheck {
		if _, err := platform.CheckGraphics(); err != nil {
			env.Service = service.New(cat, pc)
			return env.NoWindow(ctx, err, tell)
		}
	}
	cfg := ui.Config{Context: ctx, Version: version, StateDir: env.StateDir, Caller: caller, CallerName: filepath.Base(callerFile)}
	if runtime.GOOS == "windows" {
		cfg.OpenAppsSettings, cfg.OpenWindowsSecurity, cfg.Restart = act.OpenAppsSettings, act.OpenWindowsSecurity, act.Restart
	}
	hooks, err := readDevHooks(&pc, &cfg)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", env.AppName, err)
		return cli.ExitUsage
	}
	cfg.Service = service.New(cat, pc)
	cfg.GuessRegion = cfg.Service.GuessRegion
	icon := fyne.NewStaticResource("icon.png", assets.IconPNG)
	app.SetMetadata(fyne.AppMetadata{ID: appID, Name: appName, Version: strings.TrimPrefix(version, "v"), Icon: icon, Release: true,
		Migrations: map[string]bool{"fyneDo": true}})
	a := app.NewWithID(appID)
	a.SetIcon(icon)
	hooks.beforeWindow(a, cfg.Service)
	u := ui.New(a, cfg)
	// A signal (Ctrl+C in the terminal that started it, or the session
	// ending) closes the window too. Not once the window has closed by
	// itself: Fyne's queue is closed then (a send on it would panic, which
	// the recover also covers for a signal during the shutdown).
	quitOnSignal := context.AfterFunc(ctx, func() {
		defer func() { _ = recover() }()
		fyne.Do(a.Quit)
	})
	u.Window().SetIcon(icon)
	hooks.afterWindow(ctx, u, cfg.Service)
	// And if the window still does not appear, never run without one.
	ui.WatchWindow(u.Window(), windowLimit, func(err error) {
		env.Service = cfg.Service
		os.Exit(env.NoWindow(ctx, err, tell))
	})
	u.ShowAndRun()
	quitOnSignal()
	return 0
}

// loadTranslations reads the translations in the background and returns
// the wait for them: they take 17 ms on Linux and about 30 ms under Wine,
// cold, and so they load while the catalog does and, for a command, while
// it scans. Nothing may call lang before the wait has returned: the
// command line's words all go through Env.T, which waits; the window's
// path waits before its first.
func loadTranslations() (wait func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
			fyne.LogError("loading translations", err)
		}
	}()
	return func() { <-done }
}

// windowLimit is how long the event loop may stay silent before the text
// guide is offered instead. A window that could not be made is noticed at
// the loop's first turn; this only bounds a loop that never turns, and is
// generous because a cold start under Wine on a busy machine is slow.
const windowLimit = 45 * time.Second

// tell shows messages and opens the guide when the window cannot open;
// tests record the calls instead (TestMain).
var tell = cli.Teller{Alert: act.Alert, Open: act.OpenDocument}

// skipGraphicsCheck leaves the window's failure to the watchdog, for the
// test of the watchdog (TestMain).
var skipGraphicsCheck bool

// englishForCLocale: the "C" and "POSIX" locales name no language; Fyne
// would log errors parsing them. Treat them as English.
func englishForCLocale() {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(name)
		if v == "" {
			continue
		}
		if v == "C" || v == "POSIX" || strings.HasPrefix(v, "C.") {
			os.Setenv(name, "en_US.UTF-8")
			os.Unsetenv("LANGUAGE")
		}
		return
	}
}

// stateDir is where the guided app keeps its progress, so `report` can read
// it: Fyne's storage folder for this app (the folder fyne.App.Storage
// gives, computed here without starting a GUI).
func stateDir() string {
	home, _ := os.UserHomeDir()
	var root string
	switch runtime.GOOS {
	case "windows":
		root = filepath.Join(home, "AppData", "Roaming", "fyne")
	case "darwin":
		root = filepath.Join(home, "Library", "Preferences", "fyne")
	default:
		cfg, err := os.UserConfigDir()
		if err != nil {
			return ""
		}
		root = filepath.Join(cfg, "fyne")
	}
	return filepath.Join(root, appID)
}
