//go:build linux

package platform

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The process probe and the full scan against their floors: a plain read of
// /proc/*/comm and `ps`. `make bench` runs them through
// `go run ./app/internal/benchreport`, which turns the figures into
// docs/performance.md; `make test` runs each once, small, so they keep
// working. None of them asserts a time.
//
// TH_BENCH_SIZES lists how many extra (sleeping) processes to start, for
// example "100,1000,4000" (the default); BenchmarkFullScan uses the second.

func benchSizes(tb testing.TB) []int {
	tb.Helper()
	spec := os.Getenv("TH_BENCH_SIZES")
	if spec == "" {
		spec = "100,1000,4000"
	}
	var out []int
	for f := range strings.SplitSeq(spec, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			tb.Fatalf("TH_BENCH_SIZES=%q: want positive numbers separated by commas", spec)
		}
		out = append(out, n)
	}
	return out
}

// spawn starts n sleeping processes and returns a function that ends them.
// If one cannot be started, those already started are ended first.
func spawn(tb testing.TB, n int) (stop func()) {
	tb.Helper()
	var cmds []*exec.Cmd
	stop = func() {
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
			tb.Fatalf("starting process %d of %d: %v", len(cmds)+1, n, err)
		}
		cmds = append(cmds, c)
	}
	return stop
}

// procFloor is the plainest read of the process table in Go: the pid
// folders of /proc, then each comm file.
func procFloor() (int, error) {
	d, err := os.Open("/proc")
	if err != nil {
		return 0, err
	}
	names, err := d.Readdirnames(-1)
	d.Close()
	if err != nil {
		return 0, err
	}
	n := 0
	for _, name := range names {
		if name[0] < '0' || name[0] > '9' {
			continue
		}
		if _, err := os.ReadFile("/proc/" + name + "/comm"); err == nil {
			n++
		}
	}
	return n, nil
}

// catalogLeftovers reads the Linux leftover paths from the app's catalog
// (assets/catalog.json), so the full scan checks what the app checks.
// platform imports nothing of app/, so the file is read, not the package.
func catalogLeftovers(tb testing.TB) []string {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("..", "assets", "catalog.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var cat struct {
		Products []struct {
			Signatures []struct{ OS, Kind, Path string }
		}
	}
	if err := json.Unmarshal(data, &cat); err != nil {
		tb.Fatalf("assets/catalog.json: %v", err)
	}
	var out []string
	for _, p := range cat.Products {
		for _, s := range p.Signatures {
			if s.OS == "linux" && s.Kind == "leftover" {
				out = append(out, s.Path)
			}
		}
	}
	if len(out) == 0 {
		tb.Fatal("assets/catalog.json names no Linux leftover paths")
	}
	return out
}

func BenchmarkProcesses(b *testing.B) {
	for _, n := range benchSizes(b) {
		stop := spawn(b, n)
		b.Run(fmt.Sprintf("probe/%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := ScanProcesses(context.Background(), Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("floor/%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := procFloor(); err != nil {
					b.Fatal(err)
				}
			}
		})
		stop()
	}
}

func BenchmarkFullScan(b *testing.B) {
	sizes := benchSizes(b)
	n := sizes[min(1, len(sizes)-1)]
	opts := Options{LeftoverPaths: catalogLeftovers(b)}
	stop := spawn(b, n)
	defer stop()
	b.Run(fmt.Sprintf("scan/%d", n), func(b *testing.B) {
		for b.Loop() {
			Scan(context.Background(), opts)
		}
	})
	b.Run(fmt.Sprintf("ps/%d", n), func(b *testing.B) {
		if _, err := exec.LookPath("ps"); err != nil {
			b.Skip("ps (procps) is not installed")
		}
		for b.Loop() {
			if _, err := exec.Command("ps", "-e", "-o", "comm=").Output(); err != nil {
				b.Fatal(err)
			}
		}
	})
}
