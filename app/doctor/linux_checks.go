package doctor

import "strings"

// The checks of Linux: the package tools and pkexec.

// packageTools: what reads and removes Linux packages.
func (d *doctor) packageTools() {
	c := Check{Title: d.t("doctor.package-tools", "Package tools", nil)}
	var found, missing []string
	for _, name := range []string{"dpkg", "apt-get", "rpm", "dnf"} {
		if p, err := d.c.ToolPath(name); err == nil {
			found = append(found, p)
		} else {
			missing = append(missing, name)
		}
	}
	c.Seen = "found: " + strings.Join(found, ", ")
	if len(missing) > 0 {
		c.Seen += "; not installed: " + strings.Join(missing, ", ")
	}
	if len(found) == 0 && !d.c.FileExists("/var/lib/dpkg/status") {
		c.Status = Warn
		c.Means = d.t("doctor.package-tools.none", "Neither dpkg nor rpm is here: Kaspersky's Linux packages cannot be found or removed by the app.", nil)
	} else {
		c.Status = Pass
		c.Means = d.t("doctor.package-tools.pass", "The app can read the installed packages and remove Kaspersky's with the system's tool.", nil)
	}
	d.add(c)
}

// pkexec: how removal asks for the administrator password on Linux.
func (d *doctor) pkexec() {
	c := Check{Title: d.t("doctor.pkexec", "pkexec, to ask for the administrator password", nil)}
	if p, err := d.c.ToolPath("pkexec"); err != nil {
		c.Status, c.Seen = Warn, err.Error()
		c.Means = d.t("doctor.pkexec.fail", "Without pkexec the app cannot start the removal of Kaspersky's packages: they must be removed with the system's package tool, as an administrator.", nil)
	} else {
		c.Status, c.Seen = Pass, p
		c.Means = d.t("doctor.pkexec.pass", "The app can ask for the administrator password to remove a package.", nil)
	}
	d.add(c)
}
