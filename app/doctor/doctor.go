// Package doctor checks, on the computer it runs on, every assumption the
// app's verdicts rest on: the system and its version, how each probe of
// the scan went, how Windows' own msiexec is trusted, whether Program
// Files and System32 are administrators-only, whether the user's hive
// overrides how programs start, where the app runs from, OpenGL 2.1 for
// the window, UI Automation, macOS's XProtect (both locations), Gatekeeper
// and codesign, and Linux's package tools and pkexec. Each check says
// pass, warn or fail, what was seen and what it means. It changes nothing
// on the computer: it only reads, and runs read-only system tools.
//
// The computer is a seam (Computer): tests give a fake one, main this one.
package doctor

import (
	"context"
	"fmt"
	"time"

	"transitionhelper/app/report"
	"transitionhelper/platform"
)

// Status is a check's verdict.
type Status string

// Verdicts, from best to worst.
const (
	Pass Status = "pass"
	Warn Status = "warn"
	Fail Status = "fail"
)

func (s Status) rank() int {
	switch s {
	case Pass:
		return 0
	case Warn:
		return 1
	}
	return 2
}

// Check is one assumption as checked here.
type Check struct {
	// ID is stable across versions (docs/doctor-json.md): scripts match on it.
	ID     string `json:"id"`
	Title  string `json:"title"`
	Status Status `json:"status"`
	// Seen is what was seen on this computer, as facts.
	Seen string `json:"seen"`
	// Means is what it means for the app and its user.
	Means string        `json:"means"`
	Took  time.Duration `json:"-"`
}

// Result is every check, in order.
type Result struct {
	At     time.Time
	OS     platform.OSInfo
	Checks []Check
}

// Worst is the worst verdict of all checks (Pass when there are none).
func (r Result) Worst() Status {
	w := Pass
	for _, c := range r.Checks {
		if c.Status.rank() > w.rank() {
			w = c.Status
		}
	}
	return w
}

// Count returns how many checks have status s.
func (r Result) Count(s Status) int {
	n := 0
	for _, c := range r.Checks {
		if c.Status == s {
			n++
		}
	}
	return n
}

// Computer is what the doctor reads; each field is one question to the
// system. A nil field is a question this system has no answer to, and its
// check is left out (tests set only what they need).
type Computer struct {
	GOOS string
	// Scan runs the app's own scan (platform.Scan).
	Scan func(context.Context) *platform.Snapshot
	// Graphics asks for OpenGL 2.1 before any window (platform.CheckGraphics).
	Graphics func() (platform.Graphics, error)
	// Wine reports whether this Windows is Wine.
	Wine func() bool
	// Msiexec is Windows' own msiexec.exe; VerifySignature how it is trusted.
	Msiexec         func() string
	VerifySignature func(path string) platform.SignatureInfo
	// KnownFolder and WindowsDir name Windows' folders; AdminOnly judges
	// a path by the DACL rule (platform.AdminOnlyPath).
	KnownFolder func(name string) string
	WindowsDir  func() string
	AdminOnly   func(path string) (bool, string, error)
	// ClassOverrides lists the user's class keys that change how programs start.
	ClassOverrides func() ([]platform.ClassOverride, error)
	// UIAutomation says whether screen readers can read the window.
	UIAutomation func() error
	// Executable is the app's own program; UserWritable judges its folder.
	Executable   func() (string, error)
	UserWritable func(dir string) (bool, error)
	// XProtect reads one XProtect bundle; XProtectLive and XProtectOld
	// are where (macOS).
	XProtect                  func(bundle string) platform.XProtectInfo
	XProtectLive, XProtectOld string
	// Tool runs a read-only system tool (xprotect, spctl) and returns its output.
	Tool func(ctx context.Context, name string, args ...string) (string, error)
	// ToolPath finds a system tool in the system folders.
	ToolPath func(name string) (string, error)
	// Owner reads a path's owner and mode (/Applications).
	Owner func(path string) (platform.OwnedPath, error)
}

// ThisComputer is the computer the doctor runs on.
func ThisComputer(goos string) Computer {
	return Computer{
		GOOS:            goos,
		Scan:            func(ctx context.Context) *platform.Snapshot { return platform.Scan(ctx, platform.Options{}) },
		Graphics:        platform.CheckGraphics,
		Wine:            platform.IsWine,
		Msiexec:         platform.SystemMsiexec,
		VerifySignature: platform.VerifySignature,
		KnownFolder:     platform.KnownFolder,
		WindowsDir:      platform.WindowsDir,
		AdminOnly:       platform.AdminOnlyPath,
		ClassOverrides:  platform.ClassOverrides,
		UIAutomation:    platform.UIAutomation,
		Executable:      executable,
		UserWritable:    platform.UserWritable,
		XProtect:        platform.ReadXProtectBundle,
		XProtectLive:    platform.XProtectLiveBundle,
		XProtectOld:     platform.XProtectBundle,
		Tool: func(ctx context.Context, name string, args ...string) (string, error) {
			return platform.ToolOutput(ctx, 10*time.Second, name, args...)
		},
		ToolPath: platform.ToolPath,
		Owner:    platform.PathOwner,
	}
}

// Translator returns the text for key in the user's language; fallback is
// the English text, a text/template over data.
type Translator = report.Translator

// Run makes every check that applies to c.GOOS, in a fixed order, and
// returns them. now is the clock; t the words (nil: English).
func Run(ctx context.Context, c Computer, now time.Time, t Translator) Result {
	if t == nil {
		t = report.English
	}
	d := &doctor{c: c, t: t}
	r := Result{At: now}
	var snap *platform.Snapshot
	if c.Scan != nil {
		if snap = c.Scan(ctx); snap != nil {
			r.OS = snap.OS
		}
	}
	d.system(snap)
	d.probes(snap)
	switch c.GOOS {
	case "windows":
		d.securityCenter(snap)
		d.msiexec()
		d.adminOnly()
		d.classOverrides()
	case "darwin":
		d.xprotect(ctx, snap)
		d.gatekeeper(ctx)
		d.codesign()
		d.applications()
	case "linux":
		d.packageTools()
		d.pkexec()
	}
	d.appLocation()
	d.openGL()
	if c.GOOS == "windows" {
		d.uiAutomation()
	}
	r.Checks = d.checks
	return r
}

type doctor struct {
	c      Computer
	t      Translator
	checks []Check
}

func (d *doctor) add(c Check) { d.checks = append(d.checks, c) }

func errText(err error) string {
	if err == nil {
		return ""
	}
	return fmt.Sprint(err)
}
