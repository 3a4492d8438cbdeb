package doctor

import (
	"fmt"
	"strconv"
	"strings"

	"transitionhelper/platform"
)

// The checks of macOS: XProtect and its command, Gatekeeper, codesign and
// the owner of /Applications.

// xprotect: both XProtect locations.
func (d *doctor) xprotect() {
	liveAt, oldAt := d.c.XProtectBundles()
	live, old := d.c.XProtect(liveAt), d.c.XProtect(oldAt)
	describe := func(x platform.XProtectInfo) string {
		switch {
		case x.Error != "":
			return x.Path + ": " + x.Error
		case !x.Exists:
			return x.Path + ": not there"
		}
		return fmt.Sprintf("%s: version %s of %s", x.Path, x.Version, x.Updated)
	}
	used := platform.NewerXProtect(live, old)
	c := Check{Title: d.t("doctor.xprotect", "XProtect, macOS's own protection", nil),
		Seen: describe(live) + "; " + describe(old)}
	macOS15 := d.macOS15()
	switch {
	case !used.Exists:
		c.Status = Fail
		c.Means = d.t("doctor.xprotect.none", "Neither XProtect bundle was found: the app cannot show macOS's own protection.", nil)
	case macOS15 && !live.Exists:
		c.Status = Warn
		c.Means = d.t("doctor.xprotect.no-live", "macOS 15 or later without the live bundle in /var/protected/xprotect (a location reported, not documented by Apple): the version shown comes from the old bundle and may be stale.", nil)
	default:
		c.Status = Pass
		c.Means = d.t("doctor.xprotect.pass", "The app shows the version of the bundle macOS uses: {{.Version}}.", map[string]any{"Version": used.Version})
	}
	d.add(c)
}

// macOS15 says whether the scan saw macOS 15 or later.
func (d *doctor) macOS15() bool {
	if d.snap == nil {
		return false
	}
	major, _, _ := strings.Cut(d.snap.OS.Version, ".")
	n, err := strconv.Atoi(major)
	return err == nil && n >= 15
}

// xprotectCommand: `xprotect version`, where it exists.
func (d *doctor) xprotectCommand() {
	v := Check{Title: d.t("doctor.xprotect-command", "The xprotect command", nil)}
	out, err := d.c.Tool(d.ctx, "xprotect", "version")
	switch {
	case err == nil:
		v.Status, v.Seen = Pass, "xprotect version: "+firstLine(out)
		v.Means = d.t("doctor.xprotect-command.pass", "macOS's own word on XProtect's version, to compare with the one the app shows.", nil)
	case !d.macOS15():
		v.Status, v.Seen = Pass, "no xprotect command: "+err.Error()
		v.Means = d.t("doctor.xprotect-command.old", "Before macOS 15 there is no xprotect command (as reported); the bundle's version is the one in use.", nil)
	default:
		v.Status, v.Seen = Warn, err.Error()
		v.Means = d.t("doctor.xprotect-command.fail", "macOS 15 or later has an xprotect command (reported, not documented by Apple), but it gave no version here.", nil)
	}
	d.add(v)
}

// gatekeeper: spctl --status.
func (d *doctor) gatekeeper() {
	c := Check{Title: d.t("doctor.gatekeeper", "Gatekeeper", nil)}
	out, err := d.c.Tool(d.ctx, "spctl", "--status")
	switch {
	case err == nil && strings.Contains(out, "assessments enabled"):
		c.Status, c.Seen = Pass, "spctl --status: "+firstLine(out)
		c.Means = d.t("doctor.gatekeeper.pass", "macOS checks apps' signatures and notarization before they first open.", nil)
	case strings.Contains(out, "disabled"):
		c.Status, c.Seen = Warn, "spctl --status: "+firstLine(out)
		c.Means = d.t("doctor.gatekeeper.off", "Gatekeeper is off: macOS opens apps without checking who made them. Turn it back on in System Settings, Privacy & Security.", nil)
	default:
		c.Status, c.Seen = Warn, strings.TrimSpace(firstLine(out)+" "+errText(err))
		c.Means = d.t("doctor.gatekeeper.unknown", "Gatekeeper's state could not be read.", nil)
	}
	d.add(c)
}

// codesign: the tool that verifies Mac uninstallers.
func (d *doctor) codesign() {
	c := Check{Title: d.t("doctor.codesign", "codesign, to verify Mac uninstallers", nil)}
	if p, err := d.c.ToolPath("codesign"); err != nil {
		c.Status, c.Seen = Fail, err.Error()
		c.Means = d.t("doctor.codesign.fail", "Without codesign the app cannot verify Kaspersky's uninstaller and will not open it.", nil)
	} else {
		c.Status, c.Seen = Pass, p
		c.Means = d.t("doctor.codesign.pass", "The app can check an uninstaller's Apple signature before opening it.", nil)
	}
	d.add(c)
}

// applications: the owner of /Applications.
func (d *doctor) applications() {
	c := Check{Title: d.t("doctor.applications", "Who owns /Applications", nil)}
	o, err := d.c.Owner("/Applications")
	switch {
	case err != nil:
		c.Status, c.Seen = Fail, err.Error()
		c.Means = d.t("doctor.applications.fail", "Apps in /Applications cannot be judged: the app will not open Kaspersky's uninstaller from there.", nil)
	case o.UID != 0 || o.Mode.Perm()&0o002 != 0:
		c.Status, c.Seen = Fail, fmt.Sprintf("owner uid %d, mode %v", o.UID, o.Mode.Perm())
		c.Means = d.t("doctor.applications.fail", "Apps in /Applications cannot be judged: the app will not open Kaspersky's uninstaller from there.", nil)
	default:
		c.Status, c.Seen = Pass, fmt.Sprintf("owner uid 0, mode %v", o.Mode.Perm())
		c.Means = d.t("doctor.applications.pass", "/Applications is owned by root and others cannot write to it, as the check of an uninstaller expects.", nil)
	}
	d.add(c)
}
