//go:build linux

package main

import (
	"fmt"
	"os/exec"
	"strings"
	"time"
)

// winPage is what the Windows section says besides its rows.
type winPage struct {
	load         string
	runs         int
	startupRuns  int
	goVersion    string
	tags         string
	wmicExit     int      // the last wmic run's exit code
	wmicOut      int      // bytes it printed
	probeNotes   []string // errors the scan's probes reported
	killedAtExit int      // runs Wine killed at exit after their output was complete
}

// markdown is the Windows section of docs/performance.md.
func (p winPage) markdown(rows []string) string {
	wmic := fmt.Sprintf("Wine has no `root\\SecurityCenter2`: `wmic` connects, fails and exits %d, printing %d bytes (it does "+
		"take `/namespace`: with `root\\cimv2` it answers), as the scan's Security Center probe connects and fails", p.wmicExit, p.wmicOut)
	if p.wmicExit == 0 {
		wmic = "Wine's `wmic` answered the query"
	}
	notes := ""
	for _, n := range p.probeNotes {
		notes += "\n  - " + n
	}
	if notes != "" {
		notes = "\n- What the scan's probes reported under Wine:" + notes
	}
	if p.killedAtExit > 0 {
		notes += fmt.Sprintf("\n- %d run(s) were killed by Wine's server while exiting, after writing their whole result; their time counts as measured.", p.killedAtExit)
	}
	startup := "- *start-up* was not measured in this run (`-windows-startup-runs 0`)."
	if p.startupRuns > 0 {
		startup = fmt.Sprintf(`- *start-up*: from `+"`wine EXE`"+` to the window on screen (found by its title with `+"`xdotool`"+`) with its first
  frame drawn (its capture no longer one flat colour, ImageMagick's `+"`import`"+`), for the release build and a bare Fyne
  window (`+"`app/ui/testdata/hello`"+`) built alike (`+"`-tags %s`"+`, `+"`-H windowsgui -s -w`"+`, cgo through mingw-w64),
  alternating, median of %d. Wine draws with Mesa's software OpenGL on Xvfb: the figure says how much more our window does
  than a bare one, not how fast either starts on a PC with a graphics driver.`, p.tags, p.startupRuns)
	}
	return fmt.Sprintf(`
## Windows, under Wine

Measured by `+"`make bench`"+` on %s in the same run, load average %s when the run began: the release Windows
build (`+"`make build-windows`"+`, %s) run by Wine %s in the project's prefix (Windows 10 as Wine plays it), one
persistent Wine server for the whole section (Windows keeps its kernel running; no run pays the server's start).
Each run is a new process, as a user's double-click or a support call's command is.

| what | ours | baseline | ratio | goal | |
| --- | --- | --- | --- | --- | --- |
%s

How each is measured:
- *whole scan*: `+"`transition-helper.exe scan --json`"+` from exec to exit, against what a technician types instead:
  `+"`tasklist`"+`, then `+"`wmic /namespace:\\\\root\\SecurityCenter2 path AntiVirusProduct get displayName,productState`"+`
  (each timed the same way, summed), in alternated pairs, median of %d. %s.
- *probes*: each probe's own time as the scan reports it (`+"`probes[].tookMs`"+`, docs/scan-json.md), median of the same
  runs. Before measuring, the certificate probe's Go benchmark opens the computer's ROOT store through crypt32;
  Wine then copies the host's root certificates into the registry for as long as its server runs, so the certificate
  probe reads those rather than an empty store (its row gives the count; a real PC's count is its own).%s
- *doctor*: `+"`doctor --json`"+` from exec to exit, median of %d.
%s

Where the goals stand, and why. A build instrumented once (2026-12-06, not part of `+"`make bench`"+`) marked each stage's
time since the process was created, under Wine on this machine:
- *whole scan*: the process reaches `+"`main`"+` 110-155 ms after it is created (Go's start and the DLLs a window program
  links at load: OpenGL, GDI, user32, shell32, oleaut32; the `+"`--version`"+` row is that cost plus the exit). The catalog
  then loads in 15-45 ms (cold: decoding and checking it, compiling its patterns), the scan takes 110-180 ms, writing
  its JSON 1 ms, and ending the process about 90 ms more. The scan's own time is the Security Center probe's: a WMI
  connection to `+"`root\\SecurityCenter2`"+`, which Wine does not have, failing as `+"`wmic`"+`'s does. What the
  floor does not pay is a second window program's start: `+"`tasklist`"+` is a small console program (the `+"`--version`"+`
  row against its time) and our catalog (15-45 ms) has no counterpart in it.
- *root-certificate probe, in the scan*: alone (the Go benchmark) it reads 149 certificates with four registry calls
  each (list, open, read, close). In the scan it runs beside the services and Security Center probes, and under Wine
  every registry call is a message to the one Wine server, which answers them one at a time, so the three probes wait
  for each other. On Windows a registry call is a system call, not a message to another process.
- *start-up*: before its window the app asks the display for OpenGL 2.1 with a hidden window and an OpenGL context of
  its own (`+"`platform.CheckGraphics`"+`, so that a PC without a graphics driver gets the text guide instead of a window
  that never appears): 205-215 ms under Wine's software OpenGL (Fyne's own start of OpenGL is quicker after it: 5 ms).
  Then the catalog (25-45 ms), building the window's first step (95-160 ms, its window 60 ms), and a first frame with
  more on it than the bare window's (400-490 ms from show to running, the bare window's 370-375 ms). Asking the
  display on a thread of its own while the window is built was tried: under Wine one start in three never showed its
  window (two minutes), so it was not kept.

What Wine can and cannot say about real Windows:
- It can say what our code does and in which order: how many calls, how much is parsed, what waits on what. A probe
  that is slow under Wine because of our code is slow on Windows too; the root-certificate probe was (it went through
  crypt32, whose load and Wine's copy of the host's roots cost 190-230 ms per process; it now reads the registry).
- It cannot give Windows' own costs: Wine's registry, services and WMI are other programs (every registry call is a
  round trip to the Wine server, about 60 µs each in our measurement; a native one is a system call), Wine's Security Center has no
  `+"`root\\SecurityCenter2`"+` (the probe reports it unavailable), its service list and process table are small, and
  there is no antivirus hooking each process start. On a real PC `+"`tasklist`"+` and `+"`wmic`"+` take their own time
  too. The ratios, not the milliseconds, are what carries over, and only as a hint: `+"`doctor`"+` on the user's PC prints
  each probe's time there (docs/doctor-json.md), which is the figure to trust for a real machine.
`, time.Now().UTC().Format("2006-01-02"), p.load, p.goVersion, wineVersion(), strings.Join(rows, "\n"), p.runs, wmic, notes, p.runs, startup)
}

// wineVersion is `wine --version`, "wine-8.0.2".
func wineVersion() string {
	out, err := exec.Command("wine", "--version").Output()
	if err != nil {
		return "(version unknown)"
	}
	return strings.TrimPrefix(strings.TrimSpace(string(out)), "wine-")
}
