// Command benchreport measures the app against its floors and writes the
// table of docs/performance.md (`make bench`):
//
//	go run ./app/internal/benchreport -bin build/transition-helper-dev -out docs/performance.md
//
// The process probe and the full scan are platform's own benchmarks
// (`go test -bench ./platform`), against a plain read of /proc and `ps`.
// Start-up time, peak memory and the UI goroutine's longest wait during a
// scan come from running the GUI binary given by -bin, as a separate process,
// under a display (xvfb-run): it must be the development build (`make
// build-dev`, tag devhooks), which answers TH_BENCH_STARTUP and
// TH_BENCH_RESPONSIVE. Start-up, memory and binary size are compared with a
// bare Fyne window (app/ui/testdata/hello) built alike.
//
// It runs on Linux only; elsewhere it says so and exits.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// config is what the flags ask for.
type config struct {
	bin       string // the GUI binary built with the dev hooks
	out       string // the markdown report; "" for stdout
	sizes     []int  // extra processes to start, for the probe benchmarks
	runs      int    // start-up runs of each binary
	benchtime string // go test -benchtime

	windows            string // the Windows release build, measured under Wine; "" skips it
	windowsRuns        int    // runs of each Windows measure
	windowsStartupRuns int    // start-up runs under Wine; 0 skips them
	windowsOnly        bool   // only the Windows section
}

func main() {
	var cfg config
	var sizes string
	flag.StringVar(&cfg.bin, "bin", "build/transition-helper-dev", "the GUI binary built with the dev hooks (make build-dev)")
	flag.StringVar(&cfg.out, "out", "", "write the markdown report to this file (default: stdout)")
	flag.StringVar(&sizes, "sizes", "100,1000,4000", "extra processes to start for the probe benchmarks, comma-separated; the full scan uses the second")
	flag.IntVar(&cfg.runs, "runs", 7, "start-up runs of each binary (the median is reported)")
	flag.StringVar(&cfg.benchtime, "benchtime", "1s", "go test -benchtime for the platform benchmarks")
	flag.StringVar(&cfg.windows, "windows", "", "also measure this Windows build (make build-windows) under Wine, in $WINEPREFIX")
	flag.IntVar(&cfg.windowsRuns, "windows-runs", 9, "runs of each Windows measure (the median is reported)")
	flag.IntVar(&cfg.windowsStartupRuns, "windows-startup-runs", 5, "start-up runs of each Windows window under Wine; 0 skips them")
	flag.BoolVar(&cfg.windowsOnly, "windows-only", false, "measure only the Windows build given by -windows")
	flag.Parse()
	var err error
	if cfg.sizes, err = parseSizes(sizes); err == nil && cfg.runs < 1 {
		err = fmt.Errorf("-runs %d: want at least 1", cfg.runs)
	}
	if err == nil && (cfg.windowsRuns < 1 || cfg.windowsStartupRuns < 0) {
		err = fmt.Errorf("-windows-runs %d, -windows-startup-runs %d: want at least 1 and 0", cfg.windowsRuns, cfg.windowsStartupRuns)
	}
	if err == nil && cfg.windowsOnly && cfg.windows == "" {
		err = errors.New("-windows-only needs -windows EXE")
	}
	if err == nil && flag.NArg() > 0 {
		err = fmt.Errorf("unexpected arguments %q", flag.Args())
	}
	if err == nil {
		err = run(cfg)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchreport:", err)
		os.Exit(1)
	}
}

// parseSizes reads "100,1000,4000".
func parseSizes(spec string) ([]int, error) {
	var out []int
	for f := range strings.SplitSeq(spec, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("-sizes %q: want positive numbers separated by commas", spec)
		}
		out = append(out, n)
	}
	return out, nil
}
