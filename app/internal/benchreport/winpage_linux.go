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
	load        string
	runs        int
	startupRuns int
	goVersion   string
	tags        string
	wmicExit    int      // the last wmic run's exit code
	wmicOut     int      // bytes it printed
	probeNotes  []string // errors the scan's probes reported
}

// markdown is the Windows section of docs/performance.md.
func (p winPage) markdown(rows []string) string {
	wmic := fmt.Sprintf("Wine's `wmic` does not take `/namespace` (it exits %d, printing %d bytes), so under Wine the floor is "+
		"the time `wmic` takes to start, refuse and end", p.wmicExit, p.wmicOut)
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
  runs. Before measuring, one `+"`doctor`"+` run verifies msiexec's signature, which opens the ROOT store with crypt32;
  Wine then copies the host's root certificates into the registry for as long as its server runs, so the certificate
  probe reads those rather than an empty store (its row gives the count; a real PC's count is its own).%s
- *doctor*: `+"`doctor --json`"+` from exec to exit, median of %d.
%s

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
