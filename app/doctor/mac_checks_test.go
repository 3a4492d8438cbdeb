package doctor_test

import (
	"context"
	"io/fs"
	"strings"
	"testing"

	"transitionhelper/app/doctor"
	"transitionhelper/app/doctor/doctortest"
	"transitionhelper/platform"
)

// TestMacChecksFail: each of macOS's own checks says when it fails.
func TestMacChecksFail(t *testing.T) { runFailCases(t, macFails) }

// tools makes a Mac's read-only tools answer as answer says.
func tools(answer func(name string) (string, error)) func(c *doctortest.Computer) {
	return func(c *doctortest.Computer) {
		c.ToolFn = func(_ context.Context, name string, _ ...string) (string, error) { return answer(name) }
	}
}

var macFails = []failCase{
	{"no XProtect at all", doctortest.Mac, func(c *doctortest.Computer) {
		c.XProtectFn = func(b string) platform.XProtectInfo { return platform.XProtectInfo{Path: b} }
	}, "xprotect", doctor.Fail, "not there"},
	{"macOS 15 without the live bundle", doctortest.Mac, func(c *doctortest.Computer) {
		c.XProtectFn = func(b string) platform.XProtectInfo {
			if b == "live" {
				return platform.XProtectInfo{Path: b}
			}
			return platform.XProtectInfo{Path: b, Exists: true, Version: "5285"}
		}
	}, "xprotect", doctor.Warn, "live: not there"},
	{"macOS 15 without the xprotect command", doctortest.Mac, tools(func(name string) (string, error) {
		if name == "spctl" {
			return "assessments enabled", nil
		}
		return "", platform.ErrUnavailable
	}), "xprotect-command", doctor.Warn, "not available"},
	{"Gatekeeper off", doctortest.Mac, tools(func(name string) (string, error) {
		if name == "spctl" {
			return "assessments disabled", nil
		}
		return "5322", nil
	}), "gatekeeper", doctor.Warn, "disabled"},
	{"Gatekeeper unreadable", doctortest.Mac, tools(func(name string) (string, error) {
		if name == "spctl" {
			return "", boom
		}
		return "5322", nil
	}), "gatekeeper", doctor.Warn, "boom"},
	{"no codesign", doctortest.Mac, func(c *doctortest.Computer) { c.ToolPathFn = doctortest.Tools() }, "codesign", doctor.Fail, "not available"},
	{"/Applications not root's", doctortest.Mac, func(c *doctortest.Computer) {
		c.OwnerFn = func(p string) (platform.OwnedPath, error) {
			return platform.OwnedPath{Path: p, UID: 501, Mode: fs.ModeDir | 0o755}, nil
		}
	}, "applications-owner", doctor.Fail, "uid 501"},
	{"/Applications writable by all", doctortest.Mac, func(c *doctortest.Computer) {
		c.OwnerFn = func(p string) (platform.OwnedPath, error) {
			return platform.OwnedPath{Path: p, Mode: fs.ModeDir | 0o777}, nil
		}
	}, "applications-owner", doctor.Fail, "rwxrwxrwx"},
}

// TestMacShowsTheLiveXProtect: the doctor names the version macOS uses,
// the newer live bundle's.
func TestMacShowsTheLiveXProtect(t *testing.T) {
	r := doctor.Run(context.Background(), doctortest.Mac(), at, nil)
	c, _ := status(r, "xprotect")
	if !strings.Contains(c.Means, "5322") || !strings.Contains(c.Seen, "live: version 5322") || !strings.Contains(c.Seen, "old: version 5285") {
		t.Errorf("%+v", c)
	}
}
