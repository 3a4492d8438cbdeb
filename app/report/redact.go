package report

import (
	"os/user"
	"regexp"
	"slices"
	"strings"

	"transitionhelper/app/detect"
	"transitionhelper/app/wizard"
)

// Redacted stands in for a user name.
const Redacted = "<user>"

// profileDirs match the user's name in a profile path; group 1 is kept.
var profileDirs = []*regexp.Regexp{
	regexp.MustCompile(`(?i)([a-z]:\\Users\\)([^\\/"<>|:*?\r\n]+)`),
	regexp.MustCompile(`(?i)(\\Documents and Settings\\)([^\\/"<>|:*?\r\n]+)`),
	regexp.MustCompile(`(/home/)([^/\s"']+)`),
	regexp.MustCompile(`(/Users/)([^/\s"']+)`),
	regexp.MustCompile(`(?i)(HKEY_USERS\\|HKU\\)(S-1-5-21-[0-9-]+)`),
}

// sharedProfiles are folders in Users that belong to no one.
var sharedProfiles = []string{"public", "default", "default user", "all users", "shared", "<user>"}

// Redactor hides user names and home folders.
type Redactor struct {
	// Names are further words to hide wherever they appear (the account
	// name); names shorter than three letters are ignored, as they would
	// hide ordinary words.
	Names []string
}

// String redacts one text.
func (r Redactor) String(s string) string {
	for _, re := range profileDirs {
		s = re.ReplaceAllStringFunc(s, func(m string) string {
			sub := re.FindStringSubmatch(m)
			if slices.Contains(sharedProfiles, strings.ToLower(sub[2])) {
				return m
			}
			return sub[1] + Redacted
		})
	}
	for _, n := range r.Names {
		if len(n) >= 3 {
			s = replaceFold(s, n, Redacted)
		}
	}
	return s
}

// replaceFold replaces every case-insensitive occurrence of old.
func replaceFold(s, old, repl string) string {
	re := regexp.MustCompile(`(?i)` + regexp.QuoteMeta(old))
	return re.ReplaceAllLiteralString(s, repl)
}

// State returns a copy of s with every path and name in its findings redacted.
func (r Redactor) State(s wizard.State) wizard.State {
	rec := func(in *wizard.ScanRecord) *wizard.ScanRecord {
		if in == nil {
			return nil
		}
		out := *in
		out.Findings = r.Findings(in.Findings)
		return &out
	}
	s.Scan = rec(s.Scan)
	s.Verify = rec(s.Verify)
	s.Gone = r.Findings(s.Gone)
	return s
}

// Findings returns redacted copies of fs.
func (r Redactor) Findings(fs []detect.Finding) []detect.Finding {
	if fs == nil {
		return nil
	}
	out := make([]detect.Finding, len(fs))
	for i, f := range fs {
		f.Evidence = slices.Clone(f.Evidence)
		for j := range f.Evidence {
			f.Evidence[j].Matched = r.String(f.Evidence[j].Matched)
			f.Evidence[j].Where = r.String(f.Evidence[j].Where)
		}
		f.Uninstall = slices.Clone(f.Uninstall)
		for j := range f.Uninstall {
			p := &f.Uninstall[j]
			p.Where = r.String(p.Where)
			p.UninstallString = r.String(p.UninstallString)
			p.QuietUninstallString = r.String(p.QuietUninstallString)
			p.InstallLocation = r.String(p.InstallLocation)
		}
		f.SecurityCenter = slices.Clone(f.SecurityCenter)
		for j := range f.SecurityCenter {
			f.SecurityCenter[j].ProductExe = r.String(f.SecurityCenter[j].ProductExe)
		}
		out[i] = f
	}
	return out
}

// ForCurrentUser is a Redactor that also hides this account's name.
func ForCurrentUser() Redactor {
	u, err := user.Current()
	if err != nil {
		return Redactor{}
	}
	name := u.Username
	if i := strings.LastIndexAny(name, `\/`); i >= 0 {
		name = name[i+1:] // DOMAIN\name on Windows
	}
	return Redactor{Names: []string{name}}
}
