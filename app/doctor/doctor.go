// Package doctor checks, on the computer it runs on, every assumption the
// app's verdicts rest on. Its checks are the list Checks (list.go), in
// order; each says pass, warn or fail, what was seen and what it means.
// It changes nothing on the computer: it only reads, and runs read-only
// system tools.
//
// The computer is a seam (Computer): tests give a fake one
// (doctortest.Computer), the app this one (ThisComputer).
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

// Computer is what the doctor reads: every question it asks the system
// it runs on, and nothing that changes it. ThisComputer is the real one,
// over package platform; tests use doctortest.Computer.
type Computer interface {
	// GOOS is the system whose checks are made.
	GOOS() string
	// Scan runs the app's own scan (platform.Scan); nil if it could not.
	Scan(ctx context.Context) *platform.Snapshot
	// Graphics asks for OpenGL 2.1 before any window (platform.CheckGraphics).
	Graphics() (platform.Graphics, error)
	// Wine reports whether this Windows is Wine.
	Wine() bool
	// Msiexec is Windows' own msiexec.exe ("" if not found);
	// VerifySignature how a file is trusted.
	Msiexec() string
	VerifySignature(path string) platform.SignatureInfo
	// KnownFolder and WindowsDir name Windows' folders ("" if unknown);
	// AdminOnly judges a path by the DACL rule (acl.AdminOnlyPath).
	KnownFolder(name string) string
	WindowsDir() string
	AdminOnly(path string) (ok bool, why string, err error)
	// ClassOverrides lists the user's class keys that change how programs start.
	ClassOverrides() ([]platform.ClassOverride, error)
	// UIAutomation says whether screen readers can read the window.
	UIAutomation() error
	// Executable is the app's own program; UserWritable judges its folder.
	Executable() (string, error)
	UserWritable(dir string) (bool, error)
	// XProtect reads one XProtect bundle; XProtectBundles says where the
	// live one and the old one are (macOS).
	XProtect(bundle string) platform.XProtectInfo
	XProtectBundles() (live, old string)
	// Tool runs a read-only system tool (xprotect, spctl) and returns its output.
	Tool(ctx context.Context, name string, args ...string) (string, error)
	// ToolPath finds a system tool in the system folders.
	ToolPath(name string) (string, error)
	// Owner reads a path's owner and mode (/Applications).
	Owner(path string) (platform.OwnedPath, error)
	// FileExists says whether a path names something (/var/lib/dpkg/status).
	FileExists(path string) bool
}

// Translator returns the text for key in the user's language; fallback is
// the English text, a text/template over data.
type Translator = report.Translator

// Run makes every check on the list (Checks) that applies to c.GOOS(), in
// the list's order, and returns them. now is the clock; t the words (nil:
// English).
func Run(ctx context.Context, c Computer, now time.Time, t Translator) Result {
	if t == nil {
		t = report.English
	}
	d := &doctor{ctx: ctx, c: c, t: t}
	r := Result{At: now}
	if d.snap = c.Scan(ctx); d.snap != nil {
		r.OS = d.snap.OS
	}
	goos := c.GOOS()
	for _, k := range Checks {
		if k.On(goos) {
			d.kind = k
			k.run(d)
		}
	}
	r.Checks = d.checks
	return r
}

// doctor is one run: what it asks, what the scan said, and the checks so far.
type doctor struct {
	ctx    context.Context
	c      Computer
	t      Translator
	snap   *platform.Snapshot // nil: the scan did not run
	kind   Kind               // the check on the list being made
	checks []Check
}

// add records a check; its id is the list's unless it has its own (a probe's).
func (d *doctor) add(c Check) {
	if c.ID == "" {
		c.ID = d.kind.ID
	}
	d.checks = append(d.checks, c)
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return fmt.Sprint(err)
}
