package doctor_test

import (
	"testing"

	"transitionhelper/app/doctor"
	"transitionhelper/app/doctor/doctortest"
)

// TestLinuxChecksFail: each of Linux's own checks says when it fails.
func TestLinuxChecksFail(t *testing.T) { runFailCases(t, linuxFails) }

var linuxFails = []failCase{
	{"no package tools but dpkg's database", doctortest.Linux, func(c *doctortest.Computer) {
		c.ToolPathFn = doctortest.Tools("pkexec")
	}, "package-tools", doctor.Pass, "not installed: dpkg"},
	{"no package tools at all", doctortest.Linux, func(c *doctortest.Computer) {
		c.ToolPathFn, c.Files = doctortest.Tools("pkexec"), nil
	}, "package-tools", doctor.Warn, "not installed: dpkg, apt-get, rpm, dnf"},
	{"no pkexec", doctortest.Linux, func(c *doctortest.Computer) {
		c.ToolPathFn = doctortest.Tools("dpkg")
	}, "pkexec", doctor.Warn, "not available"},
}
