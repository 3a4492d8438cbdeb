// Package removal decides how to remove a Kaspersky product with its own
// uninstaller, and whether that uninstaller may be started: the command
// comes from the product's Uninstall entry, parsed, never through a shell;
// the program must sit where installed programs live and be signed by the
// vendor the catalog names. It has no widgets and no system calls: the
// platform's are passed in.
package removal

import (
	"errors"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"

	"transitionhelper/app/catalog"
	"transitionhelper/app/detect"
	"transitionhelper/platform"
)

// Kinds of plan.
const (
	KindMSI      = "msi"      // msiexec.exe /x {ProductCode}
	KindExe      = "exe"      // the product's own uninstaller program
	KindPackages = "packages" // Linux packages, removed through pkexec
	KindMacApp   = "mac-app"  // a macOS uninstaller app, opened
)

// ErrRefused wraps every reason not to start an uninstaller.
var ErrRefused = errors.New("refused")

// Computer is what planning asks of the computer: where its folders are,
// and the checks a plan rests on. service.Computer includes it, so the
// service's one seam answers these too; Env is one described in memory.
// A check the computer cannot make here answers ErrCannotCheck, and the
// plan is refused.
type Computer interface {
	// Folders says where the system keeps things.
	Folders() Folders
	// FileExists reports whether a regular file exists at path.
	FileExists(path string) bool
	// Glob lists paths matching a pattern (macOS uninstaller search).
	Glob(pattern string) []string
	// AdminOnly reports whether only administrators can change a file and
	// every folder above it (platform.AdminOnlyPath).
	AdminOnly(path string) (ok bool, why string, err error)
	// MSIProduct asks Windows Installer about a product code
	// (platform.InstalledMSIProduct).
	MSIProduct(code string) (platform.MSIProduct, error)
	// VerifyMacApp checks a macOS uninstaller app's owner, folders and
	// Developer ID signature (platform.VerifyMacApp).
	VerifyMacApp(app, teamID string) error
	// SimulateRemove says which packages removing pkgs would remove, they
	// and their dependants (platform.SimulateAptRemove).
	SimulateRemove(pkgs []string) ([]string, error)
}

// Folders are where the system keeps things.
type Folders struct {
	GOOS string
	// Windows folders (empty elsewhere).
	ProgramFiles, ProgramFilesX86, SystemRoot string
	// SystemMsiexec is Windows' own msiexec.exe (GetSystemDirectory), the
	// only msiexec ever started.
	SystemMsiexec string
}

// ErrCannotCheck: the computer cannot make this check here.
var ErrCannotCheck = errors.New("cannot be checked here")

// Env is a Computer described in memory: the folders, and a function for
// each check (nil: ErrCannotCheck, or no file for Exists). The sample data
// of the development build and the tests use it.
type Env struct {
	GOOS string
	// Windows folders (empty elsewhere).
	ProgramFiles, ProgramFilesX86, SystemRoot string
	SystemMsiexec                             string

	Exists           func(path string) bool
	GlobFn           func(pattern string) []string
	AdminOnlyFn      func(path string) (ok bool, why string, err error)
	MSIProductFn     func(code string) (platform.MSIProduct, error)
	VerifyMacAppFn   func(app, teamID string) error
	SimulateRemoveFn func(pkgs []string) ([]string, error)
}

var _ Computer = Env{}

// Folders are the Env's.
func (e Env) Folders() Folders {
	return Folders{GOOS: e.GOOS, ProgramFiles: e.ProgramFiles, ProgramFilesX86: e.ProgramFilesX86, SystemRoot: e.SystemRoot, SystemMsiexec: e.SystemMsiexec}
}

// FileExists asks Exists.
func (e Env) FileExists(path string) bool { return e.Exists != nil && e.Exists(path) }

// Glob asks GlobFn.
func (e Env) Glob(pattern string) []string {
	if e.GlobFn == nil {
		return nil
	}
	return e.GlobFn(pattern)
}

// AdminOnly asks AdminOnlyFn.
func (e Env) AdminOnly(path string) (bool, string, error) {
	if e.AdminOnlyFn == nil {
		return false, "", ErrCannotCheck
	}
	return e.AdminOnlyFn(path)
}

// MSIProduct asks MSIProductFn.
func (e Env) MSIProduct(code string) (platform.MSIProduct, error) {
	if e.MSIProductFn == nil {
		return platform.MSIProduct{}, ErrCannotCheck
	}
	return e.MSIProductFn(code)
}

// VerifyMacApp asks VerifyMacAppFn.
func (e Env) VerifyMacApp(app, teamID string) error {
	if e.VerifyMacAppFn == nil {
		return ErrCannotCheck
	}
	return e.VerifyMacAppFn(app, teamID)
}

// SimulateRemove asks SimulateRemoveFn.
func (e Env) SimulateRemove(pkgs []string) ([]string, error) {
	if e.SimulateRemoveFn == nil {
		return nil, ErrCannotCheck
	}
	return e.SimulateRemoveFn(pkgs)
}

// Plan is one uninstaller to start, and why it was trusted.
type Plan struct {
	ProductID string   `json:"productId"`
	Product   string   `json:"product"`
	Kind      string   `json:"kind"`
	Program   string   `json:"program"`
	Args      []string `json:"args"`
	// Elevate asks for administrator rights (the UAC prompt) to start it.
	Elevate bool `json:"elevate"`
	// Signers are the certificate names Program must be signed by (Windows).
	Signers []string `json:"signers,omitempty"`
	// Subjects pin the O and C of those signers where the catalog cites them.
	Subjects []catalog.Subject `json:"subjects,omitempty"`
	// From is where the command came from (a registry key, a package database).
	From string `json:"from"`
	// Why lists the checks it passed, for Details and --dry-run.
	Why               []string `json:"why"`
	PasswordProtected bool     `json:"passwordProtected,omitempty"`
	// Vendor is whose product a Windows Installer plan removes, asked of
	// Windows Installer again before the start.
	Vendor string `json:"vendor,omitempty"`
	// AlsoRemoves lists the packages removed with the product's own
	// because they depend on them (Linux), for the question.
	AlsoRemoves []string `json:"alsoRemoves,omitempty"`
}

// CommandLine shows the plan as one line, quoted for reading.
func (p Plan) CommandLine() string {
	parts := []string{quote(p.Program)}
	for _, a := range p.Args {
		parts = append(parts, quote(a))
	}
	return strings.Join(parts, " ")
}

func quote(s string) string {
	if s == "" || strings.ContainsAny(s, " \t\"") {
		return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"`
	}
	return s
}

func refuse(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrRefused}, args...)...)
}

// PlanFor plans the removal of one finding.
func PlanFor(cat *catalog.Catalog, f detect.Finding, env Computer) (Plan, error) {
	if f.Role != catalog.RoleRemove {
		return Plan{}, refuse("%s is not a product to remove", f.Name)
	}
	var (
		p   Plan
		err error
	)
	switch env.Folders().GOOS {
	case "windows":
		p, err = planWindows(cat, f, env)
	case "linux":
		p, err = planLinux(f, env)
	case "darwin":
		p, err = planMac(cat, f, env)
	default:
		err = refuse("removal is not supported on %s", env.Folders().GOOS)
	}
	p.ProductID, p.Product, p.PasswordProtected = f.ProductID, f.Name, f.PasswordProtected
	return p, err
}

var guidPattern = regexp.MustCompile(`^\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}$`)

func planWindows(cat *catalog.Catalog, f detect.Finding, env Computer) (Plan, error) {
	var entries []platform.Program
	for _, u := range f.Uninstall {
		if u.Source == platform.SourceUninstall {
			entries = append(entries, u)
		}
	}
	if len(entries) == 0 {
		return Plan{}, refuse("no Uninstall entry was found for %s", f.Name)
	}
	var reasons []string
	for _, e := range entries {
		p, err := planEntry(cat, f, e, env)
		if err == nil {
			return p, nil
		}
		reasons = append(reasons, strings.TrimPrefix(err.Error(), ErrRefused.Error()+": "))
	}
	return Plan{}, refuse("%s", strings.Join(reasons, "; "))
}

func planEntry(cat *catalog.Catalog, f detect.Finding, e platform.Program, env Computer) (Plan, error) {
	perMachine := strings.HasPrefix(strings.ToUpper(e.Where), `HKLM\`)
	// Only what only administrators can write decides a start: an HKLM
	// entry, started with the administrator prompt.
	p := Plan{From: e.Where, Elevate: true}
	key := e.Where[strings.LastIndexByte(e.Where, '\\')+1:]
	if e.WindowsInstaller && guidPattern.MatchString(key) {
		return planMSI(cat, f, p, strings.ToUpper(key), "Windows Installer entry: msiexec /x with the product code of "+e.Where, env)
	}
	if strings.TrimSpace(e.UninstallString) == "" {
		return Plan{}, refuse("the Uninstall entry %s has no UninstallString", e.Where)
	}
	args, err := platform.SplitCommandLine(e.UninstallString)
	if err != nil {
		return Plan{}, refuse("UninstallString %q does not parse: %w", e.UninstallString, err)
	}
	for i := range args {
		if args[i], err = expandKnown(args[i], env); err != nil {
			return Plan{}, err
		}
	}
	prog, rest := resolveProgram(args, env)
	if strings.EqualFold(winBase(prog), "msiexec.exe") || strings.EqualFold(prog, "msiexec") {
		code := productCode(rest)
		if code == "" {
			return Plan{}, refuse("UninstallString %q runs msiexec without a product code", e.UninstallString)
		}
		return planMSI(cat, f, p, code, fmt.Sprintf("UninstallString runs msiexec: made into msiexec /x %s (never /i)", code), env)
	}
	if !perMachine {
		// Anything running as the user can write this entry and the file it
		// names: nothing is started from it, elevated or not (a signed program
		// next to a planted DLL would run that DLL the moment the user expects
		// an uninstaller). The user removes it from Apps & features.
		return Plan{}, refuse("%s is a per-user entry, which any program of this account can write: nothing is started from it", e.Where)
	}
	p.Kind, p.Program, p.Args = KindExe, prog, rest
	p.Signers, p.Subjects = cat.Signers(f.Vendor), cat.SignerSubjects(f.Vendor)
	p.Why = append(p.Why, fmt.Sprintf("UninstallString of %s, parsed as Windows does (no shell)", e.Where))
	return p, checkProgram(&p, env)
}

// planMSI plans msiexec /x code: only for a product Windows Installer
// itself knows as installed for all users and records as the vendor's
// (the Uninstall entry's own words count for nothing), and only with the
// system's own msiexec.exe.
func planMSI(cat *catalog.Catalog, f detect.Finding, p Plan, code, why string, env Computer) (Plan, error) {
	if !strings.HasPrefix(strings.ToUpper(p.From), `HKLM\`) {
		return Plan{}, refuse("%s is a per-user entry: msiexec /x %s is not started from it", p.From, code)
	}
	prod, err := installedBy(code, f.Vendor, env)
	if err != nil {
		return Plan{}, err
	}
	if env.Folders().SystemMsiexec == "" {
		return Plan{}, refuse("Windows' own msiexec.exe was not found")
	}
	p.Kind, p.Program, p.Args, p.Vendor = KindMSI, env.Folders().SystemMsiexec, []string{"/x", code}, f.Vendor
	p.Signers, p.Subjects = cat.Signers("Microsoft"), cat.SignerSubjects("Microsoft")
	p.Why = append(p.Why, why, fmt.Sprintf("Windows Installer knows %s as %q by %q, installed for all users", code, prod.Name, prod.Publisher))
	return p, checkProgram(&p, env)
}

// installedBy asks Windows Installer whether code is installed for all
// users as vendor's product.
func installedBy(code, vendor string, env Computer) (platform.MSIProduct, error) {
	prod, err := env.MSIProduct(code)
	switch {
	case errors.Is(err, ErrCannotCheck):
		return prod, refuse("Windows Installer cannot be asked about %s here", code)
	case err != nil:
		return prod, refuse("Windows Installer cannot say what %s is: %w", code, err)
	case !prod.PerMachine:
		return prod, refuse("Windows Installer does not know %s as installed for all users", code)
	case prod.PerUser:
		return prod, refuse("Windows Installer also knows %s for this user: msiexec /x might act on that registration", code)
	case !vendorNamed(prod.Publisher, vendor) || !vendorNamed(prod.Name, vendor):
		return prod, refuse("Windows Installer records %s as %q by %q, not a %s product", code, prod.Name, prod.Publisher, vendor)
	}
	return prod, nil
}

// expandKnown expands %ProgramFiles%, %ProgramFiles(x86)%, %ProgramW6432%,
// %SystemRoot% and %windir%; any other variable is refused.
func expandKnown(s string, env Computer) (string, error) {
	known := map[string]string{
		"programfiles": env.Folders().ProgramFiles, "programw6432": env.Folders().ProgramFiles, "programfiles(x86)": env.Folders().ProgramFilesX86,
		"systemroot": env.Folders().SystemRoot, "windir": env.Folders().SystemRoot,
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '%')
		if i < 0 {
			b.WriteString(s)
			return b.String(), nil
		}
		j := strings.IndexByte(s[i+1:], '%')
		if j < 0 {
			b.WriteString(s)
			return b.String(), nil
		}
		name := s[i+1 : i+1+j]
		val, ok := known[strings.ToLower(name)]
		if !ok || val == "" {
			return "", refuse("the command uses %%%s%%, which is not a known folder", name)
		}
		b.WriteString(s[:i])
		b.WriteString(val)
		s = s[i+2+j:]
	}
}

// resolveProgram finds the program as Windows would for an unquoted path
// with spaces: the shortest run of words that names an existing .exe.
func resolveProgram(args []string, env Computer) (string, []string) {
	for n := 1; n <= len(args); n++ {
		cand := strings.Join(args[:n], " ")
		if !strings.HasSuffix(strings.ToLower(cand), ".exe") {
			continue
		}
		if env.FileExists(cand) {
			return cand, args[n:]
		}
	}
	return args[0], args[1:]
}

// productCode finds the {GUID} after /x, /i, -x, -i, /uninstall or
// /package (attached or separate).
func productCode(args []string) string {
	for i, a := range args {
		la := strings.ToLower(a)
		for _, sw := range []string{"/x", "/i", "-x", "-i", "/uninstall", "/package"} {
			if !strings.HasPrefix(la, sw) {
				continue
			}
			rest := strings.TrimSpace(a[len(sw):])
			if rest == "" && i+1 < len(args) {
				rest = args[i+1]
			}
			if guidPattern.MatchString(rest) {
				return strings.ToUpper(rest)
			}
		}
	}
	return ""
}

// winClean cleans a Windows path on any system: / and \ both separate,
// "." and ".." are resolved (never above the drive), the result uses \.
func winClean(p string) string {
	parts := strings.FieldsFunc(p, func(r rune) bool { return r == '\\' || r == '/' })
	var out []string
	for i, part := range parts {
		switch {
		case part == ".":
		case part == "..":
			if len(out) > 1 {
				out = out[:len(out)-1]
			}
		case i == 0:
			out = append(out, part)
		default:
			out = append(out, part)
		}
	}
	return strings.Join(out, `\`)
}

func winBase(p string) string {
	c := winClean(p)
	return c[strings.LastIndexByte(c, '\\')+1:]
}

var debianName = regexp.MustCompile(`^[a-z0-9][a-z0-9+.-]+$`)

func planLinux(f detect.Finding, env Computer) (Plan, error) {
	var dpkg, rpm []string
	for _, u := range f.Uninstall {
		if !debianName.MatchString(u.Name) {
			return Plan{}, refuse("package name %q is not a valid package name", u.Name)
		}
		switch u.Source {
		case platform.SourceDpkg:
			dpkg = append(dpkg, u.Name)
		case platform.SourceRPM:
			rpm = append(rpm, u.Name)
		}
	}
	p := Plan{Kind: KindPackages, Program: "/usr/bin/pkexec"}
	switch {
	case len(dpkg) > 0:
		// apt-get remove --yes would also remove, unseen, every package that
		// depends on these. Ask apt first what would go, show it, and then
		// remove exactly that list with dpkg, which removes nothing more: a
		// dependant installed in between makes it stop instead.
		all, err := env.SimulateRemove(dpkg)
		if errors.Is(err, ErrCannotCheck) {
			return Plan{}, refuse("what else removing %s would remove cannot be checked here", strings.Join(dpkg, ", "))
		}
		if err != nil {
			return Plan{}, refuse("apt-get cannot say what removing %s would remove: %w", strings.Join(dpkg, ", "), err)
		}
		for _, name := range all {
			if !debianName.MatchString(name) {
				return Plan{}, refuse("apt-get named %q, which is not a valid package name", name)
			}
			if !slices.Contains(dpkg, name) {
				p.AlsoRemoves = append(p.AlsoRemoves, name)
			}
		}
		if len(all) == 0 {
			return Plan{}, refuse("apt-get says none of %s is installed", strings.Join(dpkg, ", "))
		}
		p.Args = append([]string{"/usr/bin/dpkg", "--remove"}, all...)
		p.From = "dpkg database"
		p.Why = append(p.Why, "apt-get -s remove says these packages go: "+strings.Join(all, ", "))
	case len(rpm) > 0:
		// rpm --erase refuses to remove a package others depend on.
		p.Args = append([]string{"/usr/bin/rpm", "--erase"}, rpm...)
		p.From = "rpm database"
	default:
		return Plan{}, refuse("no installed package was found for %s", f.Name)
	}
	p.Why = append([]string{"package names from " + p.From + ", passed as separate arguments"}, p.Why...)
	p.Why = append(p.Why, "nothing else is removed: dpkg and rpm stop if another package depends on these", "pkexec asks for an administrator's password")
	return p, nil
}

// planMac finds Kaspersky's own uninstaller app and opens the first one
// that passes VerifyMacApp: owned by root in folders only root can change,
// never in a user's home, and signed with Kaspersky's Developer ID. A look-
// alike ("/Applications/Kaspersky Uninstaller.app" sorts first) is skipped.
func planMac(cat *catalog.Catalog, f detect.Finding, env Computer) (Plan, error) {
	var candidates []string
	for _, u := range f.Uninstall {
		if u.Source == platform.SourceApp && u.InstallLocation != "" && !strings.HasPrefix(strings.ToLower(u.InstallLocation), "/users/") {
			candidates = append(candidates, env.Glob(path.Join(u.InstallLocation, "Contents", "Resources", "*ninstall*.app"))...)
		}
	}
	candidates = append(candidates, env.Glob("/Library/Application Support/Kaspersky Lab/*/*ninstall*.app")...)
	candidates = append(candidates, env.Glob("/Applications/Kaspersky*ninstall*.app")...)
	slices.Sort(candidates)
	candidates = slices.Compact(candidates)
	if len(candidates) == 0 {
		return Plan{}, refuse("Kaspersky's uninstaller was not found: use Kaspersky's removal tool for Mac")
	}
	teams := cat.TeamIDs(f.Vendor)
	if len(teams) == 0 {
		return Plan{}, refuse("uninstaller apps cannot be checked here: use Kaspersky's removal tool for Mac")
	}
	var why []string
	for _, c := range candidates {
		for _, team := range teams {
			err := env.VerifyMacApp(c, team)
			if errors.Is(err, ErrCannotCheck) {
				return Plan{}, refuse("uninstaller apps cannot be checked here: use Kaspersky's removal tool for Mac")
			}
			if err == nil {
				// -n: a new instance of this very bundle. Without it, an app
				// already running with the same bundle id (a look-alike
				// started from anywhere) would only be brought forward.
				return Plan{Kind: KindMacApp, Program: "/usr/bin/open", Args: []string{"-n", c}, From: c,
					Why: []string{"Kaspersky's own uninstaller app, opened with macOS's open command as a new instance (open -n), so no app already running under the same bundle id stands in for it",
						"owned by root, in folders only administrators change with a password, signed with Developer ID team " + team}}, nil
			}
			why = append(why, fmt.Sprintf("%s: %v", c, err))
		}
	}
	return Plan{}, refuse("no uninstaller app could be trusted (%s): use Kaspersky's removal tool for Mac", strings.Join(why, "; "))
}
