//go:build linux

package main

import (
	"debug/buildinfo"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
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
	winRows    []string // the Windows section's table
	probeMiss  bool     // a process-probe-vs-floor goal was missed
	longComm   int      // processes whose comm fills its 15 characters
	totalProcs int
}

func (r *report) row(what, ours, base, ratio, goal string, met bool) {
	r.rows = append(r.rows, tableRow(what, ours, base, ratio, goal, mark(met)))
}

func mark(met bool) string {
	if met {
		return "met"
	}
	return "**not met**"
}

// tableRow is one line of a table, also printed as it is measured.
func tableRow(cells ...string) string {
	line := "| " + strings.Join(cells, " | ") + " |"
	fmt.Fprintln(os.Stderr, line)
	return line
}

func ms(ns float64) string { return fmt.Sprintf("%.2f ms", ns/1e6) }

func run(cfg config) error {
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

	var (
		r         report
		linuxPage string
	)
	if !cfg.windowsOnly {
		if linuxPage, err = r.linux(cfg, root, env, tmp, load); err != nil {
			return err
		}
	}
	var winPage string
	if cfg.windows != "" {
		if winPage, err = r.windows(cfg, root, env, tmp, load); err != nil {
			return err
		}
	}
	text := linuxPage + winPage
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

// linux measures this machine: platform's benchmarks, then the GUI build
// given by -bin under the display, and returns the page's Linux part.
func (r *report) linux(cfg config, root string, env []string, tmp, load string) (string, error) {
	if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return "", errors.New("start-up needs a display: run under xvfb-run (make bench does)")
	}
	bin, err := filepath.Abs(cfg.bin)
	if err != nil {
		return "", err
	}
	info, err := buildinfo.ReadFile(bin)
	if err != nil {
		return "", fmt.Errorf("-bin %s: %w (make build-dev builds it)", cfg.bin, err)
	}
	b := buildOf(info)
	if err := r.probes(cfg, root, env); err != nil {
		return "", err
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
			return "", err
		}
	}
	var oursT, helloT []time.Duration
	var oursM, helloM []int
	for i := range cfg.runs {
		fmt.Fprintf(os.Stderr, "start-up run %d of %d\n", i+1, cfg.runs)
		d, m, err := startup(bin, env, tmp)
		if err != nil {
			return "", err
		}
		oursT, oursM = append(oursT, d), append(oursM, m)
		if d, m, err = startup(helloRun, env, tmp); err != nil {
			return "", err
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
		return "", err
	}
	sh, err := fileSize(helloSmall)
	if err != nil {
		return "", err
	}
	ratio = float64(so) / float64(sh)
	r.row("binary size (-s -w)", fmt.Sprintf("%.1f MiB", float64(so)/(1<<20)), fmt.Sprintf("%.1f MiB", float64(sh)/(1<<20)), fmt.Sprintf("%.2f×", ratio), "≤ 1.3×", ratio <= 1.3)

	// Responsiveness: the UI goroutine's longest wait while a scan runs.
	big := cfg.sizes[len(cfg.sizes)-1]
	worst, err := responsiveness(bin, env, tmp, big)
	if err != nil {
		return "", err
	}
	r.row(fmt.Sprintf("longest UI wait during a scan, %d extra processes", big), fmt.Sprintf("%.1f ms", worst), "50 ms", fmt.Sprintf("%.2f×", worst/50), "≤ 50 ms", worst <= 50)

	r.longComm, r.totalProcs = longNames()
	return r.markdown(b, info.GoVersion, load), nil
}
