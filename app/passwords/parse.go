// Package passwords reads the plain-text file Kaspersky Password Manager
// exports (Settings → Import/Export → Export to text file) and writes the
// CSV file that another password manager imports: Microsoft Edge, Google
// Chrome, Apple Passwords, Firefox, 1Password or Bitwarden.
//
// It is pure: no files, no network, no platform; the caller reads the
// export and writes the CSV (through the service's private-file writer).
// Every character of every password is kept exactly. Entries a target
// cannot hold are returned by name only, never with their passwords, so
// the caller can tell the user to copy them by hand: nothing is dropped
// silently. docs/passwords.md describes the format and each target.
package passwords

import (
	"bytes"
	"errors"
	"strings"
	"unicode/utf16"
)

// MaxExportSize is the largest export Parse reads: a vault of tens of
// thousands of entries is a few megabytes, so 50 MB is no real export.
const MaxExportSize = 50 << 20

var (
	// ErrNotExport: the file is not a Kaspersky Password Manager text
	// export (or not one in English, the only layout this package knows).
	ErrNotExport = errors.New("not a Kaspersky Password Manager text export")
	// ErrTooLarge: the file is larger than MaxExportSize.
	ErrTooLarge = errors.New("the file is too large to be a Kaspersky Password Manager export")
)

// Kind is the section of the export an entry comes from.
type Kind int

// The sections of an export.
const (
	Website      Kind = iota + 1 // "Websites": a login for a web address
	Application                  // "Applications": a login for a program, no web address
	OtherAccount                 // "Other Accounts" (older versions): a login with no web address
	Note                         // "Notes": a name and a text
)

func (k Kind) String() string {
	switch k {
	case Website:
		return "website"
	case Application:
		return "application"
	case OtherAccount:
		return "other account"
	case Note:
		return "note"
	}
	return "entry"
}

// Secret is a password. It prints as a placeholder (fmt's %v, %s, %q, %#v
// of the value or of an Entry holding it), so a log line or an error that
// shows an Entry never shows the password; string(s) is the password.
type Secret string

// String hides the password.
func (Secret) String() string { return "[hidden]" }

// GoString hides the password.
func (Secret) GoString() string { return "[hidden]" }

// Entry is one entry of the export, its values exactly as written (only
// the one space after each field's colon is taken off).
type Entry struct {
	Kind Kind
	// Name is "Website name", "Application", "Account name" or a note's
	// "Name".
	Name string
	// URL is "Website URL" (websites only).
	URL string
	// LoginName is "Login name": Kaspersky's label for the account.
	LoginName string
	// Login is "Login": the user name.
	Login    string
	Password Secret
	// Comment is "Comment" (a note's "Text"), over several lines joined
	// by "\n".
	Comment string
	// Extra holds the lines of the entry this package does not know
	// (fields of other versions, a second "Password:"), exactly as written;
	// the converter adds them to the notes so nothing is lost.
	Extra []string
	// Line is the line of the file the entry starts on (1-based).
	Line int
}

// Title is what a password manager shows as the entry's name: Name, with
// the login name Kaspersky showed next to it when it says more.
func (e Entry) Title() string {
	switch {
	case e.Name == "":
		return e.LoginName
	case e.LoginName == "" || e.LoginName == e.Name:
		return e.Name
	}
	return e.Name + " (" + e.LoginName + ")"
}

// label is how an entry is named to the user: its title, else its user
// name, else its line. Never its password.
func (e Entry) label() string {
	if t := e.Title(); strings.TrimSpace(t) != "" {
		return t
	}
	if strings.TrimSpace(e.Login) != "" {
		return e.Login
	}
	return ""
}

// The field names of the English export.
const (
	keyWebsiteName = "Website name"
	keyWebsiteURL  = "Website URL"
	keyApplication = "Application"
	keyAccountName = "Account name"
	keyName        = "Name"
	keyLoginName   = "Login name"
	keyLogin       = "Login"
	keyPassword    = "Password"
	keyComment     = "Comment"
	keyText        = "Text"
)

// sections are the headers of the export, lower case.
var sections = map[string]Kind{
	"websites":       Website,
	"applications":   Application,
	"other accounts": OtherAccount,
	"notes":          Note,
}

// startKeys are the fields an entry of each section starts with; 0 is a
// file with no header yet. A line of "---" ends a multi-line comment only
// when the next line that is not blank starts an entry (or a section, or
// the file ends): a "---" inside a comment stays in the comment.
var startKeys = map[Kind][]string{
	0:            {keyWebsiteName, keyApplication, keyAccountName, keyName},
	Website:      {keyWebsiteName},
	Application:  {keyApplication},
	OtherAccount: {keyAccountName, keyName, keyApplication, keyWebsiteName},
	Note:         {keyName},
}

const separator = "---"

// Parse reads a Kaspersky Password Manager text export: UTF-8 (a byte
// order mark is skipped) or UTF-16 with its byte order mark, LF or CRLF
// line ends. It returns the entries in the file's order, or ErrNotExport
// when the file does not look like an export (nothing is guessed from
// such a file), or ErrTooLarge.
func Parse(data []byte) ([]Entry, error) {
	if len(data) > MaxExportSize {
		return nil, ErrTooLarge
	}
	lines := splitLines(decode(data))

	first := -1
	for i, l := range lines {
		if strings.TrimSpace(l) != "" {
			first = i
			break
		}
	}
	if first < 0 {
		return nil, ErrNotExport
	}
	if _, ok := header(lines[first]); !ok && !startsEntry(lines[first], 0) {
		return nil, ErrNotExport
	}

	p := parser{lines: lines}
	for i := first; i < len(lines); i++ {
		p.line(i)
	}
	p.finish()
	if len(p.entries) > 0 && !p.anyKnown {
		return nil, ErrNotExport
	}
	return p.entries, nil
}

// parser walks the lines once.
type parser struct {
	lines   []string
	section Kind
	entries []Entry
	cur     *Entry
	long    string   // the multi-line field being read ("Comment", "Text"), or ""
	longBuf []string // its lines
	seen    map[string]bool
	named   bool // cur has its name
	// anyKnown: some entry has a field this package knows; a file of
	// entries with none is not an export.
	anyKnown bool
}

func (p *parser) line(i int) {
	l := p.lines[i]
	if l == separator && p.separatorAt(i) {
		p.finish()
		return
	}
	if p.long != "" {
		p.longBuf = append(p.longBuf, l)
		return
	}
	if p.cur == nil {
		if k, ok := header(l); ok {
			p.section = k
			return
		}
		if strings.TrimSpace(l) == "" {
			return
		}
		p.cur = &Entry{Kind: p.section, Line: i + 1}
		p.seen, p.named = map[string]bool{}, false
	}
	if l == "" {
		return // the blank line before "---"
	}
	key, value, ok := field(l)
	if !ok || p.seen[key] {
		p.cur.Extra = append(p.cur.Extra, l)
		return
	}
	p.seen[key] = true
	p.anyKnown = true
	e := p.cur
	switch key {
	case keyWebsiteName, keyApplication, keyAccountName, keyName:
		if p.named { // a second name: kept, in the notes
			e.Extra = append(e.Extra, l)
			return
		}
		p.named = true
		e.Name = value
		if e.Kind == 0 {
			e.Kind = kindOfNameKey(key)
		}
	case keyWebsiteURL:
		e.URL = value
	case keyLoginName:
		e.LoginName = value
	case keyLogin:
		e.Login = value
	case keyPassword:
		e.Password = Secret(value)
	case keyComment, keyText:
		p.long = key
		p.longBuf = []string{value}
	}
}

// separatorAt: the "---" at line i ends an entry. Outside a comment every
// "---" line does (fields are one line each); inside one, only a "---"
// followed by the end of the file, a section header or the first field of
// an entry of this section.
func (p *parser) separatorAt(i int) bool {
	if p.long == "" {
		return true
	}
	for _, l := range p.lines[i+1:] {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if _, ok := header(l); ok {
			return true
		}
		return startsEntry(l, p.section)
	}
	return true
}

// finish ends the entry being read.
func (p *parser) finish() {
	if p.cur == nil {
		return
	}
	if p.long != "" {
		buf := p.longBuf
		// The export puts one blank line between the last field and "---".
		if n := len(buf); n > 1 && buf[n-1] == "" {
			buf = buf[:n-1]
		}
		p.cur.Comment = strings.Join(buf, "\n")
	}
	if p.cur.Kind == 0 {
		p.cur.Kind = kindOfFields(*p.cur)
	}
	p.entries = append(p.entries, *p.cur)
	p.cur, p.long, p.longBuf, p.seen = nil, "", nil, nil
}

// field splits "Key: value" for a key this package knows; exactly one
// space after the colon belongs to the layout, the rest to the value.
func field(l string) (key, value string, ok bool) {
	i := strings.IndexByte(l, ':')
	if i <= 0 {
		return "", "", false
	}
	key = l[:i]
	switch key {
	case keyWebsiteName, keyWebsiteURL, keyApplication, keyAccountName, keyName,
		keyLoginName, keyLogin, keyPassword, keyComment, keyText:
	default:
		return "", "", false
	}
	value = l[i+1:]
	value = strings.TrimPrefix(value, " ")
	return key, value, true
}

// header reports whether l is a section header ("Websites", …).
func header(l string) (Kind, bool) {
	k, ok := sections[strings.ToLower(strings.TrimSpace(l))]
	return k, ok
}

// startsEntry: l is the first field of an entry of section k.
func startsEntry(l string, k Kind) bool {
	key, _, ok := field(l)
	if !ok {
		return false
	}
	for _, s := range startKeys[k] {
		if key == s {
			return true
		}
	}
	return false
}

func kindOfNameKey(key string) Kind {
	switch key {
	case keyWebsiteName:
		return Website
	case keyApplication:
		return Application
	case keyName:
		return Note
	}
	return OtherAccount
}

// kindOfFields guesses the kind of an entry before any section header.
func kindOfFields(e Entry) Kind {
	switch {
	case e.URL != "":
		return Website
	case e.Login != "" || e.Password != "":
		return OtherAccount
	}
	return Note
}

// decode turns the file into text: a UTF-8 byte order mark is dropped,
// UTF-16 (with its mark, as Windows programs write it) is converted.
// Anything else is taken as UTF-8, byte for byte.
func decode(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return string(b[3:])
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return utf16String(b[2:], false)
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return utf16String(b[2:], true)
	}
	return string(b)
}

func utf16String(b []byte, bigEndian bool) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return string(utf16.Decode(u))
}

// splitLines splits text into lines. A file whose every line ends in CRLF
// has the CR taken off each; in a file of LF ends a CR is a character like
// any other (it could end a password). A file of CR alone (old Macs) is
// split on CR.
func splitLines(s string) []string {
	if !strings.Contains(s, "\n") {
		if strings.Contains(s, "\r") {
			return strings.Split(s, "\r")
		}
		return []string{s}
	}
	lines := strings.Split(s, "\n")
	if strings.Count(s, "\r\n") == len(lines)-1 {
		for i := range len(lines) - 1 {
			lines[i] = strings.TrimSuffix(lines[i], "\r")
		}
	}
	return lines
}
