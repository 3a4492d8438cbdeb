package doctor

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"transitionhelper/platform"
)

// The checks every system gets: the system, the scan's probes, where the
// app runs from and OpenGL. Each system's own are in windows_checks.go,
// mac_checks.go and linux_checks.go; the list is Checks (list.go).

var buildPattern = regexp.MustCompile(`build (\d+)`)

// system: the system and its version, and whether the app is made for it.
func (d *doctor) system() {
	snap := d.snap
	title := d.t("doctor.system", "System and version", nil)
	if snap == nil {
		d.add(Check{Title: title, Status: Fail, Seen: "no scan",
			Means: d.t("doctor.system.no-scan", "The scan did not run, so nothing it would say can be trusted.", nil)})
		return
	}
	o := snap.OS
	seen := strings.TrimSpace(fmt.Sprintf("%s %s (%s, %s)", o.Name, o.Version, o.Family, o.Arch))
	c := Check{Title: title, Status: Pass, Seen: seen,
		Means: d.t("doctor.system.pass", "A system the app is made for.", nil)}
	switch o.Family {
	case "windows":
		m := buildPattern.FindStringSubmatch(o.Version)
		build := 0
		if m != nil {
			build, _ = strconv.Atoi(m[1])
		}
		switch {
		case d.c.Wine():
			c.Status, c.Means = Warn, d.t("doctor.system.wine", "This is Wine, not Windows: catalog signatures, the administrator prompt, Security Center and permissions differ on real Windows and are not confirmed here.", nil)
			c.Seen += ", Wine"
		case build == 0:
			c.Status, c.Means = Warn, d.t("doctor.system.unknown", "The version could not be read: the app cannot tell whether it is made for this system.", nil)
		case build < 10240:
			c.Status, c.Means = Fail, d.t("doctor.system.old-windows", "Older than Windows 10: the app is made for Windows 10 and 11, and its checks may not hold here.", nil)
		}
	case "darwin":
		major, _, _ := strings.Cut(o.Version, ".")
		if n, err := strconv.Atoi(major); err != nil || n < 11 {
			c.Status, c.Means = Warn, d.t("doctor.system.unknown", "The version could not be read: the app cannot tell whether it is made for this system.", nil)
		}
	case "linux":
		if o.Name == "" {
			c.Status, c.Means = Warn, d.t("doctor.system.unknown", "The version could not be read: the app cannot tell whether it is made for this system.", nil)
		}
	default:
		c.Status, c.Means = Fail, d.t("doctor.system.other", "The app is made for Windows, macOS and Linux; on this system it only lists processes.", nil)
	}
	d.add(c)
}

// probes: each probe of the scan, its result and time.
func (d *doctor) probes() {
	snap := d.snap
	if snap == nil {
		return
	}
	for _, p := range snap.Probes {
		c := Check{ID: "probe." + p.Name, Title: d.t("doctor.probe", "Scan: {{.Probe}}", map[string]any{"Probe": p.Name}), Took: p.Took}
		took := p.Took.Round(100 * time.Microsecond)
		switch {
		case p.Error == "":
			c.Status, c.Seen = Pass, fmt.Sprintf("%d items in %s", p.Items, took)
			c.Means = d.t("doctor.probe.pass", "This part of the scan works here.", nil)
			if p.Name == "programs" && snap.OS.Family == "windows" {
				c.Seen += "; " + registryViews(snap.Programs)
			}
			if p.Name == "processes" {
				if n := snap.DeniedProcesses(); n > 0 {
					c.Status, c.Seen = Warn, fmt.Sprintf("%d items in %s, %d without a readable name", p.Items, took, n)
					c.Means = d.t("doctor.probe.denied", "Some processes could not be named: one of them could be Kaspersky.", nil)
				}
			}
		case p.Unavailable:
			c.Status, c.Seen = Warn, fmt.Sprintf("not available here (%s), %s", p.Error, took)
			c.Means = d.t("doctor.probe.unavailable", "What this part reads does not exist on this computer: the scan goes on without it.", nil)
		case p.TimedOut:
			c.Status, c.Seen = Fail, fmt.Sprintf("no answer: %s, after %s", p.Error, took)
			c.Means = d.t("doctor.probe.timeout", "This part of the scan gave no answer in time: the app says its result may be incomplete.", nil)
		default:
			c.Status, c.Seen = Fail, fmt.Sprintf("failed: %s, after %s", p.Error, took)
			c.Means = d.t("doctor.probe.fail", "This part of the scan failed: the app says its result may be incomplete.", nil)
		}
		d.add(c)
	}
}

// appLocation: where the app runs from.
func (d *doctor) appLocation() {
	c := Check{Title: d.t("doctor.app-location", "Where the app runs from", nil)}
	exe, err := d.c.Executable()
	if err != nil {
		c.Status, c.Seen = Warn, err.Error()
		c.Means = d.t("doctor.app-location.unknown", "The app's own folder is unknown.", nil)
		d.add(c)
		return
	}
	dir := exe
	if i := strings.LastIndexAny(exe, `\/`); i > 0 {
		dir = exe[:i] // a Windows path is judged on Linux in tests
	}
	writable, err := d.c.UserWritable(dir)
	switch {
	case err != nil:
		c.Status, c.Seen = Warn, fmt.Sprintf("%s: %v", dir, err)
		c.Means = d.t("doctor.app-location.unknown", "The app's own folder is unknown.", nil)
	case writable && d.c.GOOS() == windows:
		c.Status, c.Seen = Warn, dir+": the user can write here"
		c.Means = d.t("doctor.app-location.dll", "A program running as the user could plant a DLL next to the app (opengl32.dll loads from the app's folder before its own code runs). Where that matters, install the MSI: it puts the app in Program Files.", nil)
	case writable:
		c.Status, c.Seen = Warn, dir+": the user can write here"
		c.Means = d.t("doctor.app-location.writable", "A program running as the user could replace the app here; that changes nothing the app decides, but a copy from the package in a system folder is safer.", nil)
	default:
		c.Status, c.Seen = Pass, dir+": only administrators can change it"
		c.Means = d.t("doctor.app-location.pass", "Nothing running as the user can change the app or plant a library next to it.", nil)
	}
	d.add(c)
}

// openGL: whether the window can be drawn.
func (d *doctor) openGL() {
	c := Check{Title: d.t("doctor.opengl", "OpenGL 2.1 for the window", nil)}
	g, err := d.c.Graphics()
	seen := strings.TrimSpace(strings.Join([]string{g.API, g.Version, g.Renderer}, " "))
	switch {
	case errors.Is(err, platform.ErrNoDisplay) && g.API == "":
		c.Status, c.Seen = Warn, strings.TrimSpace(seen+" "+err.Error())
		c.Means = d.t("doctor.opengl.no-display", "No display here (a server, a remote shell): the app prints its text result instead of opening a window.", nil)
	case err != nil:
		c.Status, c.Seen = Fail, strings.TrimSpace(seen+" "+err.Error())
		c.Means = d.t("doctor.opengl.fail", "The window cannot open here: the app writes the text guide, opens it in the browser and says so instead.", nil)
	case !g.Checked:
		c.Status, c.Seen = Warn, strings.TrimSpace(seen+" not checked before a window opens")
		c.Means = d.t("doctor.opengl.unchecked", "Only the window itself can tell; if it never appears, the app offers the text guide instead.", nil)
	default:
		c.Status, c.Seen = Pass, seen
		c.Means = d.t("doctor.opengl.pass", "The app's window can be drawn here.", nil)
	}
	d.add(c)
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return line
}
