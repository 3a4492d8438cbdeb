//go:build linux

package main

import (
	"bytes"
	"context"
	"debug/buildinfo"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The Windows section: the release Windows build (make build-windows) run
// under Wine, in the prefix make sets up ($WINEPREFIX), against what a
// technician would type instead, each run a new Windows process as a user's
// double-click or a support call's command is.

const (
	winTimeout = 2 * time.Minute // one Wine run
	// wmicQuery is the Security Center query a technician types at a
	// Windows prompt, as the scan asks it (root\SecurityCenter2).
	wmicNamespace = `/namespace:\\root\SecurityCenter2`
	// helloTitle and appTitle are the windows' titles, how start-up finds them.
	helloTitle = "Hello"
	appTitle   = "Kaspersky Transition Helper"
)

// scanJSON is what the Windows section reads of `scan --json`
// (docs/scan-json.md).
type scanJSON struct {
	TookMs float64 `json:"tookMs"`
	Probes []struct {
		Name   string  `json:"name"`
		Items  int     `json:"items"`
		TookMs float64 `json:"tookMs"`
		Error  string  `json:"error"`
	} `json:"probes"`
}

// wine runs Windows programs in the prefix, with the environment make uses
// for the Windows tests.
type wine struct {
	env []string
}

func newWine(env []string) (*wine, error) {
	prefix := os.Getenv("WINEPREFIX")
	if prefix == "" {
		return nil, errors.New("WINEPREFIX is not set: make bench sets it (build/wineprefix, made by make wine-prefix)")
	}
	if _, err := os.Stat(filepath.Join(prefix, "system.reg")); err != nil {
		return nil, fmt.Errorf("no Wine prefix at %s (make wine-prefix makes it): %w", prefix, err)
	}
	if _, err := exec.LookPath("wine"); err != nil {
		return nil, errors.New("wine is not installed (make deps-test installs it)")
	}
	env = slices.DeleteFunc(slices.Clone(env), func(kv string) bool {
		return strings.HasPrefix(kv, "WINEDEBUG=") || strings.HasPrefix(kv, "WINEDLLOVERRIDES=")
	})
	// Go's runtime needs ProcessPrng, which Wine 8 lacks: the prefix has a
	// native stand-in (platform/testdata/wine/processprng.c).
	return &wine{env: append(env, "WINEDEBUG=-all", "WINEDLLOVERRIDES=bcryptprimitives=n")}, nil
}

// run starts one Windows program and waits for it; it returns the time from
// exec to exit, its standard output and its exit code. The output goes to
// files, not pipes: the services Wine starts for a program (winedevice.exe)
// inherit its handles and live as long as the persistent server, so a pipe
// would never close.
func (w *wine) run(args ...string) (time.Duration, []byte, int, error) {
	ctx, cancel := context.WithTimeout(context.Background(), winTimeout)
	defer cancel()
	stdout, err := os.CreateTemp("", "benchreport-wine-")
	if err != nil {
		return 0, nil, -1, err
	}
	defer os.Remove(stdout.Name())
	defer stdout.Close()
	stderr, err := os.CreateTemp("", "benchreport-wine-")
	if err != nil {
		return 0, nil, -1, err
	}
	defer os.Remove(stderr.Name())
	defer stderr.Close()
	cmd := exec.CommandContext(ctx, "wine", args...)
	cmd.Env, cmd.Stdout, cmd.Stderr = w.env, stdout, stderr
	start := time.Now()
	err = cmd.Run()
	d := time.Since(start)
	out, _ := os.ReadFile(stdout.Name())
	var exit *exec.ExitError
	if errors.As(err, &exit) && ctx.Err() == nil {
		return d, out, exit.ExitCode(), nil
	}
	if err != nil {
		msg, _ := os.ReadFile(stderr.Name())
		return d, nil, -1, fmt.Errorf("wine %s: %w%s", strings.Join(args, " "), err, tail(string(msg)))
	}
	return d, out, 0, nil
}

// server keeps one Wine server running for the section, as Windows keeps
// its kernel: no run pays the server's start (about a second). It returns
// the function that ends it and every Windows process left.
func (w *wine) server() (func(), error) {
	cmd := exec.Command("wineserver", "-p")
	cmd.Env = w.env
	if err := cmd.Run(); err != nil { // it forks itself into the background
		return nil, fmt.Errorf("starting a persistent wineserver: %w", err)
	}
	return func() {
		kill := exec.Command("wineserver", "-k")
		kill.Env = w.env
		_ = kill.Run()
	}, nil
}

// windows measures the Windows build given by -windows and returns the
// page's Windows section.
func (r *report) windows(cfg config, root string, env []string, tmp, load string) (string, error) {
	exe, err := filepath.Abs(cfg.windows)
	if err != nil {
		return "", err
	}
	info, err := buildinfo.ReadFile(exe)
	if err != nil {
		return "", fmt.Errorf("-windows %s: %w (make build-windows builds it)", cfg.windows, err)
	}
	w, err := newWine(env)
	if err != nil {
		return "", err
	}
	stop, err := w.server()
	if err != nil {
		return "", err
	}
	defer stop()
	page := winPage{load: load, runs: cfg.windowsRuns, goVersion: info.GoVersion, tags: buildOf(info).devTags}

	// First the certificate probe alone, platform's Go benchmark: it opens
	// the ROOT store through crypt32 once, and Wine then copies the host's
	// roots into the registry for as long as the server runs, so this probe
	// and every scan after it read those (149 on Debian 12), not an empty
	// store.
	if err := r.winCertBench(root, tmp, w); err != nil {
		return "", err
	}
	fmt.Fprintln(os.Stderr, "Windows: warming up (doctor, tasklist, scan)")
	if _, _, _, err := w.run(exe, "doctor", "--json"); err != nil {
		return "", err
	}
	if _, _, _, err := w.run("tasklist"); err != nil {
		return "", err
	}
	if _, _, _, err := w.run(exe, "scan", "--json"); err != nil {
		return "", err
	}

	var scans, floors, taskl, wmics, dtimes, inside []time.Duration
	probes := map[string][]time.Duration{}
	items := map[string]int{}
	var order []string
	for i := range cfg.windowsRuns {
		fmt.Fprintf(os.Stderr, "Windows: scan and floor, run %d of %d\n", i+1, cfg.windowsRuns)
		scan := func() error {
			d, out, code, err := w.run(exe, "scan", "--json")
			if err != nil {
				return err
			}
			var s scanJSON
			if jerr := json.Unmarshal(out, &s); jerr != nil || !doneWith(code, &page) {
				return fmt.Errorf("scan --json under Wine exited %d: %v", code, jerr)
			}
			scans = append(scans, d)
			inside = append(inside, msDuration(s.TookMs))
			for _, p := range s.Probes {
				if _, ok := probes[p.Name]; !ok {
					order = append(order, p.Name)
				}
				probes[p.Name] = append(probes[p.Name], msDuration(p.TookMs))
				items[p.Name] = p.Items
				if p.Error != "" {
					page.probeNotes = appendOnce(page.probeNotes, fmt.Sprintf("%s: %s", p.Name, p.Error))
				}
			}
			return nil
		}
		floor := func() error {
			dt, _, _, err := w.run("tasklist")
			if err != nil {
				return err
			}
			dw, out, code, err := w.run("wmic", wmicNamespace, "path", "AntiVirusProduct", "get", "displayName,productState")
			if err != nil {
				return err
			}
			page.wmicExit, page.wmicOut = code, len(bytes.TrimSpace(out))
			taskl, wmics, floors = append(taskl, dt), append(wmics, dw), append(floors, dt+dw)
			return nil
		}
		first, second := scan, floor
		if i%2 == 1 {
			first, second = floor, scan
		}
		if err := first(); err != nil {
			return "", err
		}
		if err := second(); err != nil {
			return "", err
		}
	}
	for i := range cfg.windowsRuns {
		fmt.Fprintf(os.Stderr, "Windows: doctor, run %d of %d\n", i+1, cfg.windowsRuns)
		d, out, code, err := w.run(exe, "doctor", "--json")
		if err != nil {
			return "", err
		}
		if !json.Valid(out) || !doneWith(code, &page) {
			return "", fmt.Errorf("doctor --json under Wine exited %d (its output is JSON: %v)", code, json.Valid(out))
		}
		dtimes = append(dtimes, d)
	}

	var starts []time.Duration
	for range cfg.windowsRuns {
		d, out, code, err := w.run(exe, "--version")
		if err != nil {
			return "", err
		}
		if !strings.HasPrefix(string(out), "transition-helper ") || (code != 0 && code != -1) {
			return "", fmt.Errorf("--version under Wine exited %d and printed %q", code, out)
		}
		starts = append(starts, d)
	}

	ms := median(scans)
	mf := median(floors)
	ratio := float64(ms) / float64(mf)
	r.winRow(fmt.Sprintf("whole `scan --json` vs `tasklist` + `wmic %s path AntiVirusProduct` (median of %d alternated pairs)", wmicNamespace, cfg.windowsRuns),
		dur(ms), fmt.Sprintf("%s (%s + %s)", dur(mf), dur(median(taskl)), dur(median(wmics))), fmt.Sprintf("%.2f×", ratio), "≤ 1.0×", mark(ratio <= 1.0))
	r.winRow("the scan inside the process (its own `tookMs`)", dur(median(inside)), "", "", "", "")
	r.winRow(fmt.Sprintf("our program started and ended with no work (`--version`, median of %d)", cfg.windowsRuns), dur(median(starts)), "", "", "", "")
	for _, name := range order {
		m := median(probes[name])
		if name == "root-certificates" {
			r.winRow(fmt.Sprintf("probe `%s` (%d certificates)", name, items[name]), dur(m), "60 ms", fmt.Sprintf("%.2f×", float64(m)/float64(60*time.Millisecond)), "≤ 60 ms", mark(m <= 60*time.Millisecond))
			continue
		}
		r.winRow(fmt.Sprintf("probe `%s` (%d items)", name, items[name]), dur(m), "", "", "", "")
	}
	md := median(dtimes)
	r.winRow(fmt.Sprintf("`doctor --json` (median of %d)", cfg.windowsRuns), dur(md), "1 s", fmt.Sprintf("%.2f×", md.Seconds()), "≤ 1 s", mark(md <= time.Second))

	if cfg.windowsStartupRuns > 0 {
		if err := r.winStartup(cfg, root, tmp, w, exe, buildOf(info).tags); err != nil {
			return "", err
		}
		page.startupRuns = cfg.windowsStartupRuns
	}
	return page.markdown(r.winRows), nil
}

// winCertBench runs BenchmarkRootCertificates (platform) under Wine and
// adds its row.
func (r *report) winCertBench(root, tmp string, w *wine) error {
	test := filepath.Join(tmp, "platform.test.exe")
	cmd := exec.Command("go", "test", "-c", "-o", test, "./platform")
	cmd.Dir, cmd.Stdout, cmd.Stderr = root, os.Stderr, os.Stderr
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS=windows", "GOARCH=amd64")
	fmt.Fprintln(os.Stderr, "GOOS=windows go test -c ./platform")
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("building platform's tests for Windows: %w", err)
	}
	fmt.Fprintln(os.Stderr, "Windows: BenchmarkRootCertificates")
	_, out, code, err := w.run(test, "-test.run", "^$", "-test.bench", "^BenchmarkRootCertificates$", "-test.benchtime", "20x")
	if err != nil {
		return err
	}
	ns, okNs := benchMetric(string(out), "BenchmarkRootCertificates", "ns/op")
	n, okN := benchMetric(string(out), "BenchmarkRootCertificates", "certificates")
	if (code != 0 && code != -1) || !okNs || !okN {
		return fmt.Errorf("BenchmarkRootCertificates under Wine (exit %d) printed no result:%s", code, tail(string(out)))
	}
	d := time.Duration(ns)
	r.winRow(fmt.Sprintf("probe `root-certificates` alone, Go benchmark (%.0f certificates: the host's roots Wine copies in)", n),
		dur(d), "60 ms", fmt.Sprintf("%.2f×", float64(d)/float64(60*time.Millisecond)), "≤ 60 ms", mark(d <= 60*time.Millisecond))
	return nil
}

// benchMetric reads one value of a benchmark's result line, by its unit
// ("ns/op", or a b.ReportMetric unit).
func benchMetric(out, name, unit string) (float64, bool) {
	for line := range strings.Lines(out) {
		f := strings.Fields(line)
		if len(f) < 4 || (f[0] != name && !strings.HasPrefix(f[0], name+"-")) {
			continue
		}
		for i := 2; i+1 < len(f); i += 2 {
			if f[i+1] == unit {
				v, err := strconv.ParseFloat(f[i], 64)
				return v, err == nil
			}
		}
	}
	return 0, false
}

// winStartup times the Windows build and a bare Fyne window built alike,
// from exec to a painted window under Wine, alternating.
func (r *report) winStartup(cfg config, root, tmp string, w *wine, exe string, tags []string) error {
	if os.Getenv("DISPLAY") == "" {
		return errors.New("start-up under Wine needs a display: run under xvfb-run (make bench does)")
	}
	hello := filepath.Join(tmp, "hello.exe")
	if err := winBuild(root, hello, helloPkg, tags); err != nil {
		return err
	}
	var ours, bare []time.Duration
	for i := range cfg.windowsStartupRuns {
		fmt.Fprintf(os.Stderr, "Windows: start-up run %d of %d\n", i+1, cfg.windowsStartupRuns)
		for _, c := range []struct {
			exe, title string
			into       *[]time.Duration
		}{{exe, appTitle, &ours}, {hello, helloTitle, &bare}} {
			d, err := paintedAfter(w, c.exe, c.title, tmp)
			if err != nil {
				return err
			}
			*c.into = append(*c.into, d)
		}
	}
	mo, mh := median(ours), median(bare)
	ratio := float64(mo) / float64(mh)
	r.winRow(fmt.Sprintf("start-up, exec to a painted window (median of %d, alternated)", cfg.windowsStartupRuns),
		dur(mo), dur(mh), fmt.Sprintf("%.2f×", ratio), "≤ 1.2×", mark(ratio <= 1.2))
	return nil
}

// winBuild builds pkg for Windows as make build-windows builds the app:
// cgo through mingw-w64, its tags, the GUI subsystem, stripped.
func winBuild(root, out, pkg string, tags []string) error {
	cmd := exec.Command("go", "build", "-trimpath", "-tags", strings.Join(tags, ","), "-ldflags", "-H windowsgui -s -w", "-o", out, pkg)
	cmd.Dir, cmd.Stdout, cmd.Stderr = root, os.Stderr, os.Stderr
	cmd.Env = append(os.Environ(), "CGO_ENABLED=1", "GOOS=windows", "GOARCH=amd64", "CC=x86_64-w64-mingw32-gcc", "CGO_CFLAGS=-O3 -pipe", "CGO_LDFLAGS=")
	fmt.Fprintf(os.Stderr, "GOOS=windows go build -tags %s -ldflags \"-H windowsgui -s -w\" -o %s %s\n", strings.Join(tags, ","), out, pkg)
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("building %s for Windows: %w", pkg, err)
	}
	return nil
}

// paintedAfter starts a Windows GUI program and returns the time until its
// window, found by title, is on screen and no longer one flat colour (the
// first frame is drawn); then ends it and waits for the window to go.
func paintedAfter(w *wine, exe, title, tmp string) (time.Duration, error) {
	state, err := os.MkdirTemp(tmp, "state-")
	if err != nil {
		return 0, err
	}
	cmd := exec.Command("wine", exe)
	cmd.Env = append(slices.Clip(w.env), "TH_STATE_DIR="+state)
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	defer func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		for end := time.Now().Add(10 * time.Second); time.Now().Before(end) && windowID(title) != ""; {
			time.Sleep(50 * time.Millisecond)
		}
	}()
	for time.Since(start) < winTimeout {
		if id := windowID(title); id != "" && drawn(id) {
			return time.Since(start), nil
		}
		time.Sleep(10 * time.Millisecond)
	}
	return 0, fmt.Errorf("%s showed no drawn window titled %q within %v", exe, title, winTimeout)
}

// windowID finds a visible window by its exact title (xdotool).
func windowID(title string) string {
	out, _ := exec.Command("xdotool", "search", "--onlyvisible", "--name", "^"+title+"$").Output()
	id, _, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
	return id
}

// drawn reports whether a window's pixels are not all one colour
// (ImageMagick's standard deviation of the window's capture).
func drawn(id string) bool {
	out, err := exec.Command("import", "-window", id, "-format", "%[fx:standard_deviation]", "info:").Output()
	if err != nil {
		return false
	}
	sd, err := strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
	return err == nil && sd > 0.002
}

// doneWith reports whether a run that printed its whole result ended as
// the command's exit codes say (0, 1 or 3: docs/scan-json.md,
// docs/doctor-json.md). Now and then Wine's server kills a process that is
// slow to exit, after its work is done (seen here about once in ten runs,
// with the release build from before this report as well): such a run
// counts, with its time as measured, and the page says how many there were.
func doneWith(code int, p *winPage) bool {
	switch code {
	case 0, 1, 3:
		return true
	case -1: // ended by a signal
		p.killedAtExit++
		return true
	}
	return false
}

func (r *report) winRow(cells ...string) {
	r.winRows = append(r.winRows, tableRow(cells...))
}

func msDuration(ms float64) time.Duration { return time.Duration(ms * float64(time.Millisecond)) }

func dur(d time.Duration) string {
	if d >= time.Second {
		return fmt.Sprintf("%.2f s", d.Seconds())
	}
	return fmt.Sprintf("%.1f ms", float64(d)/1e6)
}

func appendOnce(xs []string, x string) []string {
	if slices.Contains(xs, x) {
		return xs
	}
	return append(xs, x)
}
