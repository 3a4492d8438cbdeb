//go:build linux

package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
)

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
