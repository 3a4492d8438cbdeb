package removal

// The Linux and macOS plans: packages removed through pkexec with dpkg or
// rpm, and Kaspersky's own uninstaller app opened. Built on every system.

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
