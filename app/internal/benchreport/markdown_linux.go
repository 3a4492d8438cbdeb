//go:build linux

package main

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"
)

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
