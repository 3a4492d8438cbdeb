package platform

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"time"
)

// ErrNotSupported is returned by a probe that does not exist on this OS.
var ErrNotSupported = errors.New("not supported on this system")

// ErrUnavailable marks a probe whose source is missing here (no Security
// Center on Windows Server or Wine, no rpm on Debian): reported, not a failure.
var ErrUnavailable = errors.New("not available on this computer")

// Snapshot is everything one scan saw. Probes that failed leave their error in
// Probes; the others' results are kept.
type Snapshot struct {
	OS             OSInfo           `json:"os"`
	Processes      []Process        `json:"processes"`
	Services       []Service        `json:"services"`
	Programs       []Program        `json:"programs"`
	VendorKeys     []VendorKey      `json:"vendorKeys,omitempty"`
	SecurityCenter []SecurityCenter `json:"securityCenter,omitempty"`
	Paths          []PathFact       `json:"paths,omitempty"`
	Probes         []ProbeResult    `json:"probes"`
	Took           time.Duration    `json:"took"`

	// Certificates are the root certificates of the system's stores
	// (certs.go), only read.
	Certificates []Certificate `json:"certificates,omitempty"`

	// ProcessImagesJudged: the processes Options.JudgeImage names carry
	// their program's path and its verdict (Image, ImageAdminOnly,
	// ImageWhy). Set on Windows when the scan was given JudgeImage; false
	// in snapshots made by hand, on other systems, or before this was read.
	ProcessImagesJudged bool `json:"processImagesJudged,omitempty"`
}

// OSInfo names the system.
type OSInfo struct {
	Family  string `json:"family"` // runtime.GOOS
	Name    string `json:"name"`   // e.g. "Microsoft Windows 11 Pro", "Debian GNU/Linux"
	Version string `json:"version"`
	Arch    string `json:"arch"`
	// ConsumerESU is what Windows 10 keeps in the user's registry about
	// its consumer Extended Security Updates; nil when there is nothing.
	ConsumerESU *ConsumerESU `json:"consumerESU,omitempty"`
}

// ConsumerESUKey is where Windows 10 keeps, per user, what it knows of the
// computer's consumer Extended Security Updates (under HKEY_CURRENT_USER).
// Microsoft does not document it; third parties report it, and report
// that people set its values by hand: a hint, never proof.
const ConsumerESUKey = `Software\Microsoft\Windows NT\CurrentVersion\Windows\ConsumerESU`

// ConsumerESU is the ESUEligibility value read from ConsumerESUKey, only
// read. Eligibility values as third parties report them: 1 not eligible,
// 2 eligible, 3 device enrolled, 5 enrolled with a Microsoft account,
// 11 and 12 enrolled in the European Economic Area; others mean something
// else or nothing known.
type ConsumerESU struct {
	Eligibility uint32 `json:"esuEligibility"`
}

// ESU enrollment as reported by the ESUEligibility value.
const (
	ESUUnknown     = ""
	ESUEnrolled    = "enrolled"
	ESUEligible    = "eligible"
	ESUNotEligible = "not-eligible"
)

// Enrollment reads Eligibility as third parties report its values.
func (c *ConsumerESU) Enrollment() string {
	if c == nil {
		return ESUUnknown
	}
	switch c.Eligibility {
	case 3, 5, 11, 12:
		return ESUEnrolled
	case 2:
		return ESUEligible
	case 1:
		return ESUNotEligible
	}
	return ESUUnknown
}

// Process is one running process.
type Process struct {
	PID  int32  `json:"pid"`
	Name string `json:"name"`
	// Denied is set when the process exists but its name could not be read:
	// it is running, details unknown.
	Denied bool `json:"denied,omitempty"`
	// Image is the full path of the process's program. On Windows it is
	// read only for the processes Options.JudgeImage names
	// (QueryFullProcessImageName with PROCESS_QUERY_LIMITED_INFORMATION).
	Image string `json:"image,omitempty"`
	// ImageAdminOnly: Image lies where only administrators can change it,
	// by Options.AdminOnly (acl.AdminOnlyPath: the file and every folder above it).
	ImageAdminOnly bool `json:"imageAdminOnly,omitempty"`
	// ImageWhy says, for a process whose program was judged and is not
	// administrators-only, why: who may change it, or why it could not
	// be read or judged.
	ImageWhy string `json:"imageWhy,omitempty"`
}

// Service kinds.
const (
	ServiceWindows = "service" // Windows service
	ServiceDriver  = "driver"  // Windows kernel or file-system driver
	ServiceSystemd = "systemd" // systemd unit, Name without ".service"
	ServiceLaunchd = "launchd" // macOS launchd job, Name is its label
)

// Service states.
const (
	StateRunning = "running"
	StateStopped = "stopped"
	StateUnknown = "unknown"
)

// Service is a Windows service or driver, a systemd unit or a launchd job.
type Service struct {
	Name        string `json:"name"`
	DisplayName string `json:"displayName,omitempty"`
	Kind        string `json:"kind"`
	State       string `json:"state"`
	Where       string `json:"where,omitempty"` // unit file or plist path
}

// Program sources.
const (
	SourceUninstall = "uninstall" // Windows Uninstall registry key
	SourceDpkg      = "dpkg"
	SourceRPM       = "rpm"
	SourceApp       = "app"    // macOS application bundle
	SourceSystem    = "system" // part of the operating system (macOS XProtect)
)

// Program is one installed program.
type Program struct {
	Name                 string `json:"name"`
	Version              string `json:"version,omitempty"`
	Publisher            string `json:"publisher,omitempty"`
	Source               string `json:"source"`
	Where                string `json:"where"` // registry key, bundle path, package database
	BundleID             string `json:"bundleId,omitempty"`
	UninstallString      string `json:"uninstallString,omitempty"`
	QuietUninstallString string `json:"quietUninstallString,omitempty"`
	InstallLocation      string `json:"installLocation,omitempty"`
	// Executable is the program a macOS app bundle runs (CFBundleExecutable):
	// a process of that name means the app is running.
	Executable string `json:"executable,omitempty"`
	// Updated is the day a system program's data last changed (XProtect's
	// signatures), YYYY-MM-DD.
	Updated          string `json:"updated,omitempty"`
	WindowsInstaller bool   `json:"windowsInstaller,omitempty"`
}

// VendorKey is one product subkey of HKLM\SOFTWARE\KasperskyLab.
type VendorKey struct {
	Name        string `json:"name"` // e.g. "AVP21.3"
	Where       string `json:"where"`
	ProductName string `json:"productName,omitempty"`
	Version     string `json:"version,omitempty"`
	ProductRoot string `json:"productRoot,omitempty"`
	// PasswordProtected is true when the product's settings protection
	// password is on; its uninstaller will then ask for that password.
	PasswordProtected bool `json:"passwordProtected,omitempty"`
}

// SecurityCenter is one antivirus product registered with Windows Security Center.
type SecurityCenter struct {
	DisplayName  string  `json:"displayName"`
	InstanceGUID string  `json:"instanceGuid,omitempty"`
	ProductExe   string  `json:"productExe,omitempty"`
	ProductState uint32  `json:"productState"`
	State        AVState `json:"state"`
}

// PathFact tells whether a leftover path exists.
type PathFact struct {
	Template string `json:"template"` // as in the catalog, with {KnownFolder} placeholders
	Path     string `json:"path"`     // expanded
	Exists   bool   `json:"exists"`
}

// ProbeResult tells how one probe went.
type ProbeResult struct {
	Name  string        `json:"name"`
	Items int           `json:"items"`
	Took  time.Duration `json:"took"`
	// Error is empty when the probe completed. Unavailable probes set it
	// with Unavailable true: the source does not exist here.
	Error       string `json:"error,omitempty"`
	Unavailable bool   `json:"unavailable,omitempty"`
	TimedOut    bool   `json:"timedOut,omitempty"`
}

// OK reports whether the probe gave a complete answer or had nothing to read.
func (p ProbeResult) OK() bool { return p.Error == "" || p.Unavailable }

// Complete reports whether every probe gave a complete answer, and no
// process was hidden from us.
func (s *Snapshot) Complete() bool {
	for _, p := range s.Probes {
		if !p.OK() {
			return false
		}
	}
	return true
}

// Options tune a scan. The zero value scans this computer.
type Options struct {
	// Roots for the probes; empty fields mean the real system locations.
	Roots Roots
	// LeftoverPaths are path templates (catalog.LeftoverPaths) to check.
	LeftoverPaths []string
	// ProbeTimeout bounds each probe; zero means DefaultProbeTimeout.
	ProbeTimeout time.Duration
	// JudgeImage names the processes whose program's path is read and
	// judged by the administrators-only rule (Windows: the few whose names
	// a protection signature matches, detect.ProtectionImages); nil, none.
	JudgeImage func(name string) bool `json:"-"`
	// AdminOnly is that rule: whether only administrators can change a
	// file and every folder above it (acl.AdminOnlyPath, handed in by the
	// service; platform/acl rests on this package, not the other way). nil:
	// the programs are read, and none counts as administrators-only.
	AdminOnly func(path string) (ok bool, why string, err error) `json:"-"`
}

// Roots points probes at other places, so tests can use testdata.
type Roots struct {
	Proc         string   // Linux /proc (gopsutil HOST_PROC)
	DpkgStatus   string   // /var/lib/dpkg/status
	UnitDirs     []string // systemd unit directories
	Applications []string // macOS application folders
	LaunchDirs   []string // macOS launchd plist folders
	XProtect     string   // macOS XProtect.bundle (the old location)
	XProtectLive string   // macOS 15's live XProtect.bundle
	Home         string   // the user's home folder, for {Home}
	NoCommands   bool     // do not run systemctl or rpm
}

// DefaultProbeTimeout bounds one probe.
const DefaultProbeTimeout = 10 * time.Second

// probe fills its part of a Snapshot. It writes only to the Snapshot it is
// given, which Scan merges when the probe finishes in time.
type probe struct {
	name string
	run  func(ctx context.Context, opts *Options, out *Snapshot) error
}

// Scan runs every probe of this OS concurrently, each under its own timeout,
// and returns what they found. A failing or hung probe never loses the
// others' results. Scan never returns an error: per-probe errors are in
// Snapshot.Probes.
func Scan(ctx context.Context, opts Options) *Snapshot {
	return scan(ctx, opts, append(osProbes(), probe{"leftovers", probeLeftovers}))
}

func scan(ctx context.Context, opts Options, probes []probe) *Snapshot {
	start := time.Now()
	if opts.ProbeTimeout <= 0 {
		opts.ProbeTimeout = DefaultProbeTimeout
	}
	snap := &Snapshot{OS: OSInfo{Family: runtime.GOOS, Arch: runtime.GOARCH}}

	results := make(chan probeDone, len(probes))
	for i, p := range probes {
		// Probes that hang are abandoned after their timeout, never waited for.
		go func() { results <- runProbe(ctx, &opts, i, p) }()
	}

	parts := make([]*Snapshot, len(probes))
	res := make([]ProbeResult, len(probes))
	for range probes {
		d := <-results
		parts[d.i], res[d.i] = d.part, d.res
	}
	for i, part := range parts {
		if part == nil {
			continue
		}
		merge(snap, part)
		res[i].Items = part.count()
	}
	snap.Probes = res
	snap.Took = time.Since(start)
	return snap
}

// probeDone is what one probe hands back to Scan.
type probeDone struct {
	i    int
	part *Snapshot
	res  ProbeResult
}

func runProbe(ctx context.Context, opts *Options, i int, p probe) (d probeDone) {
	d.i = i
	d.res.Name = p.name
	start := time.Now()
	ctx, cancel := context.WithTimeout(ctx, opts.ProbeTimeout)
	defer cancel()

	type outcome struct {
		part *Snapshot
		err  error
	}
	ch := make(chan outcome, 1)
	go func() {
		part := &Snapshot{}
		var err error
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("probe %s crashed: %v", p.name, r)
			}
			ch <- outcome{part, err}
		}()
		err = p.run(ctx, opts, part)
	}()
	select {
	case o := <-ch:
		d.part = o.part
		if o.err != nil {
			d.res.Error = o.err.Error()
			d.res.Unavailable = errors.Is(o.err, ErrUnavailable) || errors.Is(o.err, ErrNotSupported)
			d.res.TimedOut = errors.Is(o.err, context.DeadlineExceeded)
		}
	case <-ctx.Done():
		// The probe ignores its context: abandon it and keep the others.
		d.res.Error = fmt.Sprintf("%s: gave no answer within %s", p.name, opts.ProbeTimeout)
		d.res.TimedOut = true
	}
	d.res.Took = time.Since(start)
	return d
}

func merge(dst, src *Snapshot) {
	if src.OS.Name != "" {
		dst.OS.Name = src.OS.Name
	}
	if src.OS.Version != "" {
		dst.OS.Version = src.OS.Version
	}
	dst.Processes = append(dst.Processes, src.Processes...)
	dst.ProcessImagesJudged = dst.ProcessImagesJudged || src.ProcessImagesJudged
	dst.Services = append(dst.Services, src.Services...)
	dst.Programs = append(dst.Programs, src.Programs...)
	dst.VendorKeys = append(dst.VendorKeys, src.VendorKeys...)
	dst.SecurityCenter = append(dst.SecurityCenter, src.SecurityCenter...)
	dst.Paths = append(dst.Paths, src.Paths...)
	dst.Certificates = append(dst.Certificates, src.Certificates...)
}

func (s *Snapshot) count() int {
	return len(s.Processes) + len(s.Services) + len(s.Programs) + len(s.VendorKeys) +
		len(s.SecurityCenter) + len(s.Paths) + len(s.Certificates)
}

// DeniedProcesses counts processes whose name could not be read.
func (s *Snapshot) DeniedProcesses() int {
	n := 0
	for _, p := range s.Processes {
		if p.Denied {
			n++
		}
	}
	return n
}

// ScanProcesses runs the process probe alone: what `make bench` measures
// against a plain read of the process table.
func ScanProcesses(ctx context.Context, opts Options) ([]Process, error) {
	var out Snapshot
	err := probeProcesses(ctx, &opts, &out)
	return out.Processes, err
}
