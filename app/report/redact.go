package report

import (
	"os"
	"os/user"
	"regexp"
	"slices"
	"strings"

	"transitionhelper/app/detect"
	"transitionhelper/app/progress"
)

// Redacted stands in for a user name.
const Redacted = "<user>"

// profileDirs match a user's name in a profile path; group 1 is kept.
// Profiles live in C:\Users, on another drive (D:\Profiles\name, E:\Home\name),
// or on a server when redirected (\\server\profiles$\name, \\server\users\name).
// Windows paths are matched in any case and with either separator: programs
// and logs write c:/users/name as often as C:\Users\name.
var profileDirs = []*regexp.Regexp{
	regexp.MustCompile(`(?i)([a-z]:[\\/]+(?:Users|Profiles?|Home|Homes)[\\/]+)([^\\/"<>|:*?\r\n]+)`),
	regexp.MustCompile(`(?i)([\\/]{2}[^\\/"<>|:*?\r\n]+[\\/]+(?:Users|Profiles?\$?|Home|Homes?\$?|UserData\$?)[\\/]+)([^\\/"<>|:*?\r\n]+)`),
	regexp.MustCompile(`(?i)([\\/]Documents and Settings[\\/]+)([^\\/"<>|:*?\r\n]+)`),
	regexp.MustCompile(`(/home/)([^/\s"']+)`),
	regexp.MustCompile(`(/Users/)([^/\s"']+)`),
	regexp.MustCompile(`(?i)(HKEY_USERS\\|HKU\\)(S-1-5-21-[0-9-]+)`),
}

// Other things that name a person or a computer, hidden wherever they appear.
var (
	// A domain or local account's security identifier (S-1-5-21-…); the
	// well-known ones (S-1-5-18 SYSTEM, S-1-5-32-545 Users) name no one.
	accountSID = regexp.MustCompile(`(?i)\bS-1-5-21(?:-[0-9]+){2,5}\b`)
	email      = regexp.MustCompile(`[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`)
)

// nameEdges end a name where it stands as one (in a regexp class): path
// separators, double quotes, the = of a setting, an account's @, brackets
// and list separators. Not an apostrophe: it is part of a word (Owner's);
// not a colon: a one-letter name would take the drive letter of C:\.
const nameEdges = `\\/"=@;,()<>|\[\]`

// thingNames are names of the system's and the products' own folders, keys
// and stores that a person may also be called (an account named "Windows",
// "Root" or "Kaspersky"): outside profile folders, which are hidden
// whatever the name, such a word names the thing, never the person, and is
// kept. Lower case.
var thingNames = []string{
	"windows", "microsoft", "kaspersky", "kaspersky lab", "kasperskylab", "defender", "system", "system32", "syswow64",
	"program files", "program files (x86)", "programdata", "software", "users", "user", "public", "default", "shared",
	"root", "authroot", "ca", "my", "trust", "localmachine", "currentuser", "library", "applications", "apple",
}

// Stand-ins for what is hidden besides user names.
const (
	RedactedSID   = "<sid>"
	RedactedEmail = "<email>"
	RedactedID    = "<id>"
)

// sharedProfiles are folders in Users that belong to no one.
var sharedProfiles = []string{"public", "default", "default user", "all users", "shared", "<user>"}

// Redactor hides user names, home folders, account SIDs, e-mail addresses
// and the identifiers Windows gives an installation.
type Redactor struct {
	// Names are further names to hide (the account name, the full name and
	// its parts) where they stand as a name: a whole part of a path or
	// key, a quoted or assigned value, an account before its @; never
	// inside other words or among the words of a product or store name.
	Names []string
	// Homes are home folders, wherever they live (a redirected profile on
	// a server, D:\Profiles\name): hidden as a whole.
	Homes []string
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
	for _, home := range r.Homes {
		home = strings.ToValidUTF8(home, "") // a pattern must be valid UTF-8
		if len(home) >= 3 {
			s = replaceHome(s, strings.TrimRight(home, `\/`))
		}
	}
	s = accountSID.ReplaceAllLiteralString(s, RedactedSID)
	s = email.ReplaceAllLiteralString(s, RedactedEmail)
	for _, n := range r.Names {
		n = strings.ToValidUTF8(strings.TrimSpace(n), "")
		if n == "" || slices.Contains(thingNames, strings.ToLower(n)) {
			continue
		}
		// Only where it stands as a name: a whole part of a path or key, a
		// quoted or assigned value, an account before its @. A space is not
		// an edge: product and store names are words between spaces
		// ("Kaspersky Anti-Virus Personal Root Certificate"), and a
		// person's name in a finding stands as a path part or an account.
		s = regexp.MustCompile(`(?i)(^|[`+nameEdges+`])`+regexp.QuoteMeta(n)+`([`+nameEdges+`]|$)`).ReplaceAllString(s, "${1}"+Redacted+"${2}")
	}
	return s
}

// homeStandIn keeps a home folder's shape but not its name:
// \\srv\profiles$\ann → \\srv\profiles$\<user>.
func homeStandIn(home string) string {
	home = strings.TrimRight(home, `\/`)
	if i := strings.LastIndexAny(home, `\/`); i >= 0 {
		return home[:i+1] + Redacted
	}
	return Redacted
}

// replaceHome replaces every occurrence of the folder home, in any case
// and with either separator (C:\Users\ann is also c:/users/ann, and
// \\srv\home$\ann is also //srv/home$/ann), by homeStandIn of what was
// found, so the path keeps the shape it had.
func replaceHome(s, home string) string {
	sep := func(r rune) bool { return r == '\\' || r == '/' }
	var pat strings.Builder
	pat.WriteString(`(?i)`)
	switch lead := len(home) - len(strings.TrimLeftFunc(home, sep)); {
	case lead >= 2: // a server's share
		pat.WriteString(`[\\/]{2}`)
	case lead == 1:
		pat.WriteString(`[\\/]`)
	}
	for i, part := range strings.FieldsFunc(home, sep) {
		if i > 0 {
			pat.WriteString(`[\\/]+`)
		}
		pat.WriteString(regexp.QuoteMeta(part))
	}
	return regexp.MustCompile(pat.String()).ReplaceAllStringFunc(s, homeStandIn)
}

// State returns a copy of s with every path and name in its findings redacted.
func (r Redactor) State(s progress.State) progress.State {
	rec := func(in *progress.ScanRecord) *progress.ScanRecord {
		if in == nil {
			return nil
		}
		out := *in
		out.Findings = r.Findings(in.Findings)
		if in.ByHand != nil {
			out.ByHand = make(map[string]string, len(in.ByHand))
			for id, why := range in.ByHand { // a refusal names the program's path
				out.ByHand[id] = r.String(why)
			}
		}
		return &out
	}
	if s.PasswordFiles != nil {
		files := make([]string, len(s.PasswordFiles))
		for i, p := range s.PasswordFiles {
			files[i] = r.String(p)
		}
		s.PasswordFiles = files
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
			if f.SecurityCenter[j].InstanceGUID != "" {
				f.SecurityCenter[j].InstanceGUID = RedactedID // unique to this installation
			}
		}
		out[i] = f
	}
	return out
}

// ForCurrentUser is a Redactor that also hides this account's name, its
// full name and its home folder, wherever that folder lives.
func ForCurrentUser() Redactor {
	var r Redactor
	if u, err := user.Current(); err == nil {
		name := u.Username
		if i := strings.LastIndexAny(name, `\/`); i >= 0 {
			name = name[i+1:] // DOMAIN\name on Windows
		}
		r.Names = append(r.Names, name)
		if full := strings.TrimSpace(u.Name); full != "" && !slices.Contains(r.Names, full) {
			r.Names = append(r.Names, full) // "Ann Smith" as a folder's name
		}
		for _, part := range strings.Fields(u.Name) { // and each name
			if !slices.Contains(r.Names, part) {
				r.Names = append(r.Names, part)
			}
		}
		r.Homes = append(r.Homes, u.HomeDir)
	}
	for _, v := range []string{"USERPROFILE", "HOME", "HOMESHARE"} {
		if d := os.Getenv(v); d != "" && !slices.Contains(r.Homes, d) {
			r.Homes = append(r.Homes, d)
		}
	}
	return r
}
