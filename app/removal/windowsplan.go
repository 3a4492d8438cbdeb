package removal

// The Windows plan: an Uninstall entry's command, parsed as Windows does,
// or msiexec /x for a product Windows Installer knows. Built on every
// system: the rules are plain string work, tested everywhere.

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"transitionhelper/app/catalog"
	"transitionhelper/app/detect"
	"transitionhelper/platform"
)

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
