package doctor_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"transitionhelper/app/doctor"
	"transitionhelper/app/doctor/doctortest"
	"transitionhelper/platform"
)

var at = time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)

var boom = errors.New("boom")

func status(r doctor.Result, id string) (doctor.Check, bool) {
	for _, c := range r.Checks {
		if c.ID == id {
			return c, true
		}
	}
	return doctor.Check{}, false
}

// TestGoodComputersPass: on a computer as the app expects it, every check
// passes, and each system gets its own checks.
func TestGoodComputersPass(t *testing.T) {
	for name, tc := range map[string]struct {
		c    *doctortest.Computer
		want []string
	}{
		"windows": {doctortest.Windows(), []string{"system", "probe.security-center", "security-center", "msiexec-trust", "admin-only.program-files", "admin-only.system32", "class-overrides", "app-location", "opengl", "ui-automation"}},
		"darwin":  {doctortest.Mac(), []string{"system", "probe.launchd", "xprotect", "xprotect-command", "gatekeeper", "codesign", "applications-owner", "app-location", "opengl"}},
		"linux":   {doctortest.Linux(), []string{"system", "probe.dpkg", "package-tools", "pkexec", "app-location", "opengl"}},
	} {
		t.Run(name, func(t *testing.T) {
			r := doctor.Run(context.Background(), tc.c, at, nil)
			for _, c := range r.Checks {
				if c.Status != doctor.Pass {
					t.Errorf("%s: %s (%s; %s)", c.ID, c.Status, c.Seen, c.Means)
				}
				if c.Title == "" || c.Seen == "" || c.Means == "" {
					t.Errorf("%s: empty title, seen or means: %+v", c.ID, c)
				}
			}
			for _, id := range tc.want {
				if _, ok := status(r, id); !ok {
					t.Errorf("no check %s", id)
				}
			}
			if r.Worst() != doctor.Pass {
				t.Errorf("worst %s", r.Worst())
			}
		})
	}
}

// failCase is one check made to fail on purpose by changing one answer of
// a good fake computer: the check with id must say want, and its seen
// must contain seen.
type failCase struct {
	name   string
	base   func() *doctortest.Computer
	change func(c *doctortest.Computer)
	id     string
	want   doctor.Status
	seen   string
}

func runFailCases(t *testing.T, cases []failCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.base()
			tc.change(c)
			r := doctor.Run(context.Background(), c, at, nil)
			got, ok := status(r, tc.id)
			if !ok {
				t.Fatalf("no check %s in %+v", tc.id, r.Checks)
			}
			if got.Status != tc.want || !strings.Contains(got.Seen, tc.seen) {
				t.Errorf("%s: %s, seen %q; want %s, seen containing %q", tc.id, got.Status, got.Seen, tc.want, tc.seen)
			}
			if tc.want != doctor.Pass && r.Worst() == doctor.Pass {
				t.Errorf("worst is pass with %s %s", tc.id, got.Status)
			}
		})
	}
}

// TestCommonChecksFail: each check every system gets says when it fails.
func TestCommonChecksFail(t *testing.T) { runFailCases(t, commonFails) }

// linuxScan makes a Debian computer's scan s.
func linuxScan(s platform.Snapshot) func(c *doctortest.Computer) {
	return func(c *doctortest.Computer) {
		c.ScanFn = func(context.Context) *platform.Snapshot {
			s.OS = platform.OSInfo{Family: "linux", Name: "Debian"}
			return &s
		}
	}
}

var commonFails = []failCase{
	{"no scan", doctortest.Linux, func(c *doctortest.Computer) {
		c.ScanFn = func(context.Context) *platform.Snapshot { return nil }
	}, "system", doctor.Fail, "no scan"},
	{"Windows 7", doctortest.Windows, func(c *doctortest.Computer) {
		c.ScanFn = doctortest.Snapshot(platform.OSInfo{Family: "windows", Name: "Windows 7 Professional", Version: "(build 7601)"}, "system")
	}, "system", doctor.Fail, "build 7601"},
	{"Wine", doctortest.Windows, func(c *doctortest.Computer) { c.WineFn = func() bool { return true } }, "system", doctor.Warn, "Wine"},
	{"unreadable Windows version", doctortest.Windows, func(c *doctortest.Computer) {
		c.ScanFn = doctortest.Snapshot(platform.OSInfo{Family: "windows"}, "system")
	}, "system", doctor.Warn, ""},
	{"another system", doctortest.Linux, func(c *doctortest.Computer) {
		c.ScanFn = doctortest.Snapshot(platform.OSInfo{Family: "freebsd"}, "processes")
	}, "system", doctor.Fail, "freebsd"},
	{"a probe fails", doctortest.Linux, linuxScan(platform.Snapshot{Probes: []platform.ProbeResult{
		{Name: "dpkg", Error: "reading /var/lib/dpkg/status: permission denied"}}}), "probe.dpkg", doctor.Fail, "permission denied"},
	{"a probe times out", doctortest.Linux, linuxScan(platform.Snapshot{Probes: []platform.ProbeResult{
		{Name: "systemd", Error: "systemd: gave no answer within 10s", TimedOut: true}}}), "probe.systemd", doctor.Fail, "no answer"},
	{"a probe has nothing to read", doctortest.Linux, linuxScan(platform.Snapshot{Probes: []platform.ProbeResult{
		{Name: "rpm", Error: "rpm is not installed", Unavailable: true}}}), "probe.rpm", doctor.Warn, "not available"},
	{"hidden processes", doctortest.Linux, linuxScan(platform.Snapshot{Processes: []platform.Process{{PID: 1, Denied: true}},
		Probes: []platform.ProbeResult{{Name: "processes", Items: 1}}}), "probe.processes", doctor.Warn, "without a readable name"},
	{"app in Downloads", doctortest.Windows, func(c *doctortest.Computer) {
		c.ExecutableFn = func() (string, error) { return `C:\Users\ann\Downloads\KasperskyTransitionHelper.exe`, nil }
		c.UserWritableFn = func(string) (bool, error) { return true, nil }
	}, "app-location", doctor.Warn, "Downloads"},
	{"app folder unknown", doctortest.Linux, func(c *doctortest.Computer) {
		c.ExecutableFn = func() (string, error) { return "", boom }
	}, "app-location", doctor.Warn, "boom"},
	{"app in home", doctortest.Linux, func(c *doctortest.Computer) {
		c.UserWritableFn = func(string) (bool, error) { return true, nil }
	}, "app-location", doctor.Warn, "can write"},
	{"OpenGL 1.1", doctortest.Windows, func(c *doctortest.Computer) {
		c.GraphicsFn = func() (platform.Graphics, error) {
			return platform.Graphics{API: "WGL", Checked: true, Version: "1.1.0"}, platform.ErrNoGraphics
		}
	}, "opengl", doctor.Fail, "1.1.0"},
	{"no display", doctortest.Linux, func(c *doctortest.Computer) {
		c.GraphicsFn = func() (platform.Graphics, error) { return platform.Graphics{}, platform.ErrNoDisplay }
	}, "opengl", doctor.Warn, "no display"},
	{"a display that does not answer", doctortest.Linux, func(c *doctortest.Computer) {
		c.GraphicsFn = func() (platform.Graphics, error) {
			return platform.Graphics{API: "GLX"}, fmt.Errorf("connecting to the X display \":9\": refused: %w", platform.ErrNoDisplay)
		}
	}, "opengl", doctor.Fail, "refused"},
	{"OpenGL unknown (Wayland)", doctortest.Linux, func(c *doctortest.Computer) {
		c.GraphicsFn = func() (platform.Graphics, error) { return platform.Graphics{}, nil }
	}, "opengl", doctor.Warn, "not checked"},
}
