//go:build linux

package main

import (
	"bufio"
	"bytes"
	"context"
	"debug/buildinfo"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
)

const (
	startTimeout      = time.Minute     // one start-up, exec to "started"
	responsiveTimeout = 5 * time.Minute // the scan with the UI-wait probe
	devTag            = "devhooks"      // the build tag of the dev hooks
	helloPkg          = "./app/ui/testdata/hello"
)

// report gathers the table's rows.
type report struct {
	rows       []string
	probeMiss  bool // a process-probe-vs-floor goal was missed
	longComm   int  // processes whose comm fills its 15 characters
	totalProcs int
}

func (r *report) row(what, ours, base, ratio, goal string, met bool) {
	mark := "met"
	if !met {
		mark = "**not met**"
	}
	line := fmt.Sprintf("| %s | %s | %s | %s | %s | %s |", what, ours, base, ratio, goal, mark)
	fmt.Fprintln(os.Stderr, line)
	r.rows = append(r.rows, line)
}

func ms(ns float64) string { return fmt.Sprintf("%.2f ms", ns/1e6) }

func run(cfg config) error {
	if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return errors.New("start-up needs a display: run under xvfb-run (make bench does)")
	}
	bin, err := filepath.Abs(cfg.bin)
	if err != nil {
		return err
	}
	info, err := buildinfo.ReadFile(bin)
	if err != nil {
		return fmt.Errorf("-bin %s: %w (make build-dev builds it)", cfg.bin, err)
	}
	b := buildOf(info)
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "benchreport-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	env := cleanEnv()
	load := loadAverage() // others' work on the machine makes figures noisy

	var r report
	if err := r.probes(cfg, root, env); err != nil {
		return err
	}

	// Start-up, memory and size against a bare Fyne window. The window for
	// start-up is built like -bin (its tags but devhooks, its -ldflags); the
	// size compares the release build (no dev hooks) with the window, both
	// stripped.
	helloRun := filepath.Join(tmp, "hello")
	release, helloSmall := filepath.Join(tmp, "transition-helper"), filepath.Join(tmp, "hello-small")
	for _, bb := range []struct {
		out, pkg string
		ldflags  string
	}{
		{helloRun, helloPkg, b.ldflags},
		{release, info.Path, "-s -w"},
		{helloSmall, helloPkg, "-s -w"},
	} {
		if err := goBuild(root, bb.out, bb.pkg, b.tags, bb.ldflags, b.trimpath); err != nil {
			return err
		}
	}
	var oursT, helloT []time.Duration
	var oursM, helloM []int
	for i := range cfg.runs {
		fmt.Fprintf(os.Stderr, "start-up run %d of %d\n", i+1, cfg.runs)
		d, m, err := startup(bin, env, tmp)
		if err != nil {
			return err
		}
		oursT, oursM = append(oursT, d), append(oursM, m)
		if d, m, err = startup(helloRun, env, tmp); err != nil {
			return err
		}
		helloT, helloM = append(helloT, d), append(helloM, m)
	}
	mt, mh := median(oursT), median(helloT)
	ratio := float64(mt) / float64(mh)
	r.row(fmt.Sprintf("start-up, exec to running window (median of %d)", cfg.runs), mt.Round(time.Millisecond).String(), mh.Round(time.Millisecond).String(), fmt.Sprintf("%.2f×", ratio), "≤ 1.2×", ratio <= 1.2)
	mo, mhm := median(oursM), median(helloM)
	ratio = float64(mo) / float64(mhm)
	r.row("peak memory at start-up (VmHWM)", fmt.Sprintf("%.1f MiB", float64(mo)/1024), fmt.Sprintf("%.1f MiB", float64(mhm)/1024), fmt.Sprintf("%.2f×", ratio), "≤ 1.3×", ratio <= 1.3)
	so, err := fileSize(release)
	if err != nil {
		return err
	}
	sh, err := fileSize(helloSmall)
	if err != nil {
		return err
	}
	ratio = float64(so) / float64(sh)
	r.row("binary size (-s -w)", fmt.Sprintf("%.1f MiB", float64(so)/(1<<20)), fmt.Sprintf("%.1f MiB", float64(sh)/(1<<20)), fmt.Sprintf("%.2f×", ratio), "≤ 1.3×", ratio <= 1.3)

	// Responsiveness: the UI goroutine's longest wait while a scan runs.
	big := cfg.sizes[len(cfg.sizes)-1]
	worst, err := responsiveness(bin, env, tmp, big)
	if err != nil {
		return err
	}
	r.row(fmt.Sprintf("longest UI wait during a scan, %d extra processes", big), fmt.Sprintf("%.1f ms", worst), "50 ms", fmt.Sprintf("%.2f×", worst/50), "≤ 50 ms", worst <= 50)

	r.longComm, r.totalProcs = longNames()
	text := r.markdown(b, info.GoVersion, load)
	if cfg.out == "" {
		_, err := io.WriteString(os.Stdout, text)
		return err
	}
	if err := os.MkdirAll(filepath.Dir(cfg.out), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(cfg.out, []byte(text), 0o644); err != nil {
		return err
	}
	fmt.Fprintln(os.Stderr, "wrote", cfg.out)
	return nil
}

// probes runs platform's benchmarks (BenchmarkProcesses, BenchmarkFullScan)
// with go test and adds their rows.
func (r *report) probes(cfg config, root string, env []string) error {
	var spec []string
	for _, n := range cfg.sizes {
		spec = append(spec, strconv.Itoa(n))
	}
	cmd := exec.Command("go", "test", "-count=1", "-run", "^$", "-bench", "^Benchmark(Processes|FullScan)$",
		"-benchtime", cfg.benchtime, "-timeout", "60m", "./platform")
	cmd.Dir = root
	cmd.Env = append(slices.Clip(env), "TH_BENCH_SIZES="+strings.Join(spec, ","))
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = io.MultiWriter(os.Stderr, &out), os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go test -bench ./platform: %w", err)
	}
	res := parseBench(out.String())
	get := func(name string) (float64, error) {
		if v, ok := res.lookup(name); ok {
			return v, nil
		}
		return 0, fmt.Errorf("go test -bench ./platform printed no result for %s", name)
	}

	probe := map[int]float64{}
	for _, n := range cfg.sizes {
		p, err := get(fmt.Sprintf("BenchmarkProcesses/probe/%d", n))
		if err != nil {
			return err
		}
		f, err := get(fmt.Sprintf("BenchmarkProcesses/floor/%d", n))
		if err != nil {
			return err
		}
		probe[n] = p
		ratio := p / f
		r.probeMiss = r.probeMiss || ratio > 1.3
		r.row(fmt.Sprintf("process probe vs plain /proc/*/comm read, %d extra processes", n), ms(p), ms(f), fmt.Sprintf("%.2f×", ratio), "≤ 1.3×", ratio <= 1.3)
	}
	if s := cfg.sizes; len(s) >= 3 {
		a, b := s[len(s)-2], s[len(s)-1]
		g, limit := probe[b]/probe[a], 1.1*float64(b)/float64(a)
		r.row(fmt.Sprintf("process probe growth, %d → %d processes", a, b), ms(probe[b]), ms(probe[a]), fmt.Sprintf("%.2f×", g),
			fmt.Sprintf("≤ %.1f× (linear)", limit), g <= limit)
	}
	n := cfg.sizes[min(1, len(cfg.sizes)-1)]
	scan, err := get(fmt.Sprintf("BenchmarkFullScan/scan/%d", n))
	if err != nil {
		return err
	}
	r.row(fmt.Sprintf("full scan (every probe), %d extra processes", n), ms(scan), "100 ms", fmt.Sprintf("%.2f×", scan/1e8), "≤ 100 ms", scan <= 1e8)
	if ps, ok := res.lookup(fmt.Sprintf("BenchmarkFullScan/ps/%d", n)); ok { // skipped without procps
		ratio := scan / ps
		r.row(fmt.Sprintf("full scan vs `ps -e -o comm=`, %d extra processes", n), ms(scan), ms(ps), fmt.Sprintf("%.2f×", ratio), "≤ 1.0×", ratio <= 1.0)
	}
	return nil
}

// benchResults maps a benchmark's printed name (with its -GOMAXPROCS
// suffix, if any) to its ns/op.
type benchResults map[string]float64

// parseBench reads go test's standard benchmark lines:
//
//	BenchmarkProcesses/probe/100-2   	     350	   3280000 ns/op
func parseBench(out string) benchResults {
	res := benchResults{}
	for line := range strings.Lines(out) {
		f := strings.Fields(line)
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		if _, err := strconv.Atoi(f[1]); err != nil {
			continue
		}
		for i := 2; i+1 < len(f); i += 2 {
			if f[i+1] != "ns/op" {
				continue
			}
			if v, err := strconv.ParseFloat(f[i], 64); err == nil {
				res[f[0]] = v
			}
		}
	}
	return res
}

// lookup finds name as printed, with or without a -N suffix.
func (res benchResults) lookup(name string) (float64, bool) {
	for printed, v := range res {
		rest, ok := strings.CutPrefix(printed, name)
		if !ok {
			continue
		}
		if rest == "" {
			return v, true
		}
		if n, ok := strings.CutPrefix(rest, "-"); ok {
			if _, err := strconv.Atoi(n); err == nil {
				return v, true
			}
		}
	}
	return 0, false
}

// build is how -bin was built, as its build info says.
type build struct {
	tags     []string // without devhooks
	devTags  string   // as given, devhooks included
	ldflags  string
	trimpath bool
}

func buildOf(info *buildinfo.BuildInfo) build {
	var b build
	for _, s := range info.Settings {
		switch s.Key {
		case "-tags":
			b.devTags = s.Value
			for t := range strings.SplitSeq(s.Value, ",") {
				if t != "" && t != devTag {
					b.tags = append(b.tags, t)
				}
			}
		case "-ldflags":
			b.ldflags = s.Value
		case "-trimpath":
			b.trimpath = s.Value == "true"
		}
	}
	return b
}

// flags says how a binary was built, for the report.
func flags(tags, ldflags string, trimpath bool) string {
	var f []string
	if tags != "" {
		f = append(f, "-tags "+tags)
	}
	if trimpath {
		f = append(f, "-trimpath")
	}
	if ldflags != "" {
		f = append(f, fmt.Sprintf("-ldflags %q", ldflags))
	}
	if len(f) == 0 {
		return "no build flags"
	}
	return "`" + strings.Join(f, " ") + "`"
}

func goBuild(root, out, pkg string, tags []string, ldflags string, trimpath bool) error {
	args := []string{"build", "-tags", strings.Join(tags, ","), "-ldflags", ldflags}
	if trimpath {
		args = append(args, "-trimpath")
	}
	cmd := exec.Command("go", append(args, "-o", out, pkg)...)
	cmd.Dir, cmd.Stdout, cmd.Stderr = root, os.Stderr, os.Stderr
	fmt.Fprintf(os.Stderr, "go build -tags %s -ldflags %q -o %s %s\n", strings.Join(tags, ","), ldflags, out, pkg)
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("building %s: %w", pkg, err)
	}
	return nil
}

// moduleRoot is the folder of the go.mod that holds the current folder.
func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	mod := strings.TrimSpace(string(out))
	if mod == "" || mod == os.DevNull {
		return "", errors.New("run it from inside the module (go run ./app/internal/benchreport)")
	}
	return filepath.Dir(mod), nil
}

// cleanEnv is this process's environment without any TH_ variable, so a
// hook set in the caller's shell (a fixture, a step) cannot change what is
// measured.
func cleanEnv() []string {
	return slices.DeleteFunc(os.Environ(), func(kv string) bool { return strings.HasPrefix(kv, "TH_") })
}

// startup runs a binary until it prints "started", and returns the time
// from exec and its peak memory then (KiB).
func startup(bin string, env []string, tmp string) (time.Duration, int, error) {
	ctx, cancel := context.WithTimeout(context.Background(), startTimeout)
	defer cancel()
	cmd, stderr, err := appCommand(ctx, bin, env, tmp, "TH_BENCH_STARTUP=1")
	if err != nil {
		return 0, 0, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return 0, 0, err
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return 0, 0, err
	}
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "started" {
			d := time.Since(start)
			m, err := vmHWM(cmd.Process.Pid)
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
			return d, m, err
		}
	}
	_ = cmd.Process.Kill()
	_ = cmd.Wait()
	return 0, 0, fmt.Errorf("%s never said it started within %v (built with -tags %s? make build-dev)%s", bin, startTimeout, devTag, tail(stderr.String()))
}

// appCommand prepares the app with one benchmark hook, its own empty state
// folder, and its standard error kept for messages.
func appCommand(ctx context.Context, bin string, env []string, tmp, hook string) (*exec.Cmd, *bytes.Buffer, error) {
	state, err := os.MkdirTemp(tmp, "state-")
	if err != nil {
		return nil, nil, err
	}
	cmd := exec.CommandContext(ctx, bin)
	cmd.Env = append(slices.Clip(env), hook, "TH_STATE_DIR="+state)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	return cmd, &stderr, nil
}

// responsiveness starts n sleeping processes, runs the app's UI-wait probe
// and returns the longest wait in milliseconds.
func responsiveness(bin string, env []string, tmp string, n int) (float64, error) {
	ctx, cancel := context.WithTimeout(context.Background(), responsiveTimeout)
	defer cancel()
	cmd, stderr, err := appCommand(ctx, bin, env, tmp, "TH_BENCH_RESPONSIVE=1")
	if err != nil {
		return 0, err
	}
	stop, err := spawn(n)
	if err != nil {
		return 0, err
	}
	out, err := cmd.Output()
	stop()
	if err != nil {
		return 0, fmt.Errorf("responsiveness run: %w%s", err, tail(stderr.String()))
	}
	for line := range strings.Lines(string(out)) {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "worst-ui-wait-ms "); ok {
			return strconv.ParseFloat(v, 64)
		}
	}
	return 0, fmt.Errorf("responsiveness run printed no worst-ui-wait-ms line (built with -tags %s? make build-dev): %q", devTag, out)
}

// spawn starts n sleeping processes and returns a function that ends them.
// If one cannot be started, those already started are ended first.
func spawn(n int) (func(), error) {
	var cmds []*exec.Cmd
	stop := func() {
		for _, c := range cmds {
			_ = c.Process.Kill()
		}
		for _, c := range cmds {
			_ = c.Wait()
		}
	}
	for range n {
		c := exec.Command("/bin/sleep", "600")
		if err := c.Start(); err != nil {
			stop()
			return nil, fmt.Errorf("starting process %d of %d: %w", len(cmds)+1, n, err)
		}
		cmds = append(cmds, c)
	}
	return stop, nil
}

// tail is the end of a program's error output, for an error message.
func tail(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if len(s) > 2000 {
		s = "…" + s[len(s)-2000:]
	}
	return "\n" + s
}

func vmHWM(pid int) (int, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for l := range strings.Lines(string(data)) {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmHWM:" {
			return strconv.Atoi(f[1])
		}
	}
	return 0, fmt.Errorf("/proc/%d/status has no VmHWM", pid)
}

func median[T time.Duration | int](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

func fileSize(p string) (int64, error) {
	fi, err := os.Stat(p)
	if err != nil {
		return 0, err
	}
	return fi.Size(), nil
}

func cpuModel() string {
	data, _ := os.ReadFile("/proc/cpuinfo")
	for l := range strings.Lines(string(data)) {
		if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOARCH
}

// loadAverage is the 1-, 5- and 15-minute load average, "1.20 / 0.80 / 0.50".
func loadAverage() string {
	data, _ := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(data)); len(f) >= 3 {
		return strings.Join(f[:3], " / ")
	}
	return "unknown"
}

func kernel() string {
	data, _ := os.ReadFile("/proc/sys/kernel/osrelease")
	return strings.TrimSpace(string(data))
}

// longNames counts the processes whose comm is 15 characters long: gopsutil
// reads their status too.
func longNames() (long, total int) {
	d, err := os.Open("/proc")
	if err != nil {
		return 0, 0
	}
	names, _ := d.Readdirnames(-1)
	d.Close()
	for _, n := range names {
		if n[0] < '0' || n[0] > '9' {
			continue
		}
		comm, err := os.ReadFile("/proc/" + n + "/comm")
		if err != nil {
			continue
		}
		total++
		if len(strings.TrimSpace(string(comm))) >= 15 {
			long++
		}
	}
	return long, total
}

// markdown is docs/performance.md.
func (r *report) markdown(b build, goVersion, load string) string {
	notes := ""
	if r.probeMiss {
		notes = fmt.Sprintf(`
Where a goal is missed: with few processes the probe costs more than the plain read because gopsutil's Name reads
`+"`/proc/PID/status`"+` a second time for every process whose name fills the 15 characters of `+"`comm`"+` (here %d of the
machine's %d, mostly kernel threads such as kworker/…), to report the full name; the plain read stops at `+"`comm`"+`.
That is a fixed cost of the machine's own processes: each extra process costs the probe what it costs the plain read,
so the ratio falls towards 1 as processes are added (see the 1,000 and 4,000 rows). A profile
(`+"`go test -run '^$' -bench Processes/probe -cpuprofile cpu.out ./platform`"+`) shows the time in those two reads and nowhere else.
`, r.longComm, r.totalProcs)
	}
	release := strings.Join(b.tags, ",")
	return fmt.Sprintf(`# Performance

Measured by `+"`make bench`"+` (`+"`go run ./app/internal/benchreport`"+`) on %s: %s, %d cores, Linux %s, %s;
load average %s when the run began. Figures are from one run on this machine; "extra processes" are `+"`sleep`"+`
processes the benchmark started (the machine's own come on top).

| what | ours | baseline | ratio | goal | |
| --- | --- | --- | --- | --- | --- |
%s

How each is measured:
- *process probe*: `+"`platform.ScanProcesses`"+` (gopsutil: the pid list, then each process's name) against a plain Go
  read of `+"`/proc/*/comm`"+`, each as a Go benchmark in the same run (`+"`BenchmarkProcesses`"+` in `+"`platform`"+`, run by
  `+"`go test -bench`"+`).
- *full scan*: `+"`platform.Scan`"+` with every probe (processes, dpkg, rpm, systemd with `+"`systemctl`"+`, the catalog's
  leftovers), against running `+"`ps -e -o comm=`"+` (`+"`BenchmarkFullScan`"+`).
- *start-up*: from exec to the app's "started" mark (Fyne's OnStarted, once the window runs), against a bare Fyne
  hello-world window with the same mark, under Xvfb, alternating runs; peak memory is VmHWM read at that moment. Ours
  is the development build (`+"`make build-dev`"+`: the release build plus the `+"`%s`"+` tag, whose hooks print the mark),
  built with
  %s;
  the window is built alike, without `+"`%s`"+`.
- *binary size*: the release build (no `+"`%s`"+` tag) against the window, both built with
  %s.
- *UI wait*: while the app scans, a goroutine asks the UI goroutine to run an empty function every 2 ms and records the
  longest wait; a long wait would mean frames could not be drawn.
%s`, time.Now().UTC().Format("2006-01-02"), cpuModel(), runtime.NumCPU(), kernel(), goVersion, load,
		strings.Join(r.rows, "\n"),
		devTag, flags(b.devTags, b.ldflags, b.trimpath), devTag, devTag, flags(release, "-s -w", b.trimpath),
		notes)
}
