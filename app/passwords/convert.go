package passwords

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Target is a password manager the converter writes a CSV file for.
type Target string

// The targets, as the command line names them.
const (
	Edge        Target = "edge"
	Chrome      Target = "chrome"
	Apple       Target = "apple"
	Firefox     Target = "firefox"
	OnePassword Target = "1password"
	Bitwarden   Target = "bitwarden"
)

// ErrUnknownTarget: a target this package cannot write for.
var ErrUnknownTarget = errors.New("unknown password manager")

// Targets are every target, in the order the app offers them.
func Targets() []Target { return []Target{Edge, Chrome, Apple, Firefox, OnePassword, Bitwarden} }

// ParseTarget reads a target's name (any case).
func ParseTarget(s string) (Target, error) {
	t := Target(strings.ToLower(strings.TrimSpace(s)))
	if slices.Contains(Targets(), t) {
		return t, nil
	}
	return "", fmt.Errorf("%w: %q", ErrUnknownTarget, s)
}

// Name is the product's own name, the same in every language.
func (t Target) Name() string {
	switch t {
	case Edge:
		return "Microsoft Edge"
	case Chrome:
		return "Google Chrome"
	case Apple:
		return "Apple Passwords"
	case Firefox:
		return "Firefox"
	case OnePassword:
		return "1Password"
	case Bitwarden:
		return "Bitwarden"
	}
	return string(t)
}

// ImportsExportDirectly reports whether the target can import Kaspersky's
// text file itself, with no conversion: Bitwarden can ("Kaspersky (txt)"
// in its import list, https://bitwarden.com/help/import-data/). The CSV
// is still offered; either works.
func (t Target) ImportsExportDirectly() bool { return t == Bitwarden }

// layout is what a target's CSV holds: its header, what it can take, and
// how an entry becomes a row.
type layout struct {
	header []string
	// websitesOnly: every row needs a web address and a password (the
	// browsers skip a row without them); applications, other accounts and
	// notes cannot be held.
	websitesOnly bool
	notes        bool // a notes column: the comment goes there
	noteItems    bool // Kaspersky's notes can be items of their own
	row          func(e Entry, url, notes string) []string
}

// layouts are the columns each target documents. Blank columns are left
// empty for the importer to fill (Firefox makes a guid and the dates).
var layouts = map[Target]layout{
	// Google Chrome, "Import passwords" (support.google.com/chrome/answer/
	// 13068232): the first row names the columns; url, username and
	// password are needed, name and note are read too (Chrome's own
	// export: name,url,username,password,note). Microsoft Edge is Chromium
	// and reads the same file ("Import passwords from a CSV file",
	// support.microsoft.com, Edge settings → Passwords → Import).
	Edge:   {header: chromeHeader, websitesOnly: true, notes: true, row: chromeRow},
	Chrome: {header: chromeHeader, websitesOnly: true, notes: true, row: chromeRow},
	// Apple Passwords (macOS 15 and later): File → Import Passwords reads
	// the CSV Passwords and Safari export themselves, whose header is
	// Title,URL,Username,Password,Notes,OTPAuth ("Import passwords into
	// Passwords on Mac", support.apple.com/guide/passwords). A row needs a
	// web address; OTPAuth (a one-time-code secret) Kaspersky's export
	// does not have.
	Apple: {header: []string{"Title", "URL", "Username", "Password", "Notes", "OTPAuth"}, websitesOnly: true, notes: true,
		row: func(e Entry, url, notes string) []string {
			return []string{e.Title(), url, e.Login, string(e.Password), notes, ""}
		}},
	// Firefox, "Import login data from a file" (support.mozilla.org
	// kb/import-login-data-file) reads its own export's columns, named in
	// LoginCSVImport.sys.mjs: url (required), username, password
	// (required), httpRealm, formActionOrigin, guid, timeCreated,
	// timeLastUsed, timePasswordChanged. It has no name and no notes: a
	// comment cannot go with the login (the entry is listed).
	Firefox: {header: []string{"url", "username", "password", "httpRealm", "formActionOrigin", "guid", "timeCreated", "timeLastUsed", "timePasswordChanged"}, websitesOnly: true,
		row: func(e Entry, url, _ string) []string {
			return []string{url, e.Login, string(e.Password), "", "", "", "", "", ""}
		}},
	// 1Password, "Import data from a CSV file" (support.1password.com/
	// import-csv/ and create-csv-files/): Login items as
	// title,website,username,password,notes with a header row, which the
	// importer maps. A login may have no website (applications, other
	// accounts). Kaspersky's notes would need a file of their own; they
	// are listed instead.
	OnePassword: {header: []string{"title", "website", "username", "password", "notes"}, notes: true,
		row: func(e Entry, url, notes string) []string {
			return []string{e.Title(), url, e.Login, string(e.Password), notes}
		}},
	// Bitwarden, "Condition a Bitwarden .csv file" (bitwarden.com/help/
	// condition-bitwarden-import/): folder,favorite,type,name,notes,fields,
	// reprompt,login_uri,login_username,login_password,login_totp; type is
	// "login" or "note", so every entry is held.
	Bitwarden: {header: []string{"folder", "favorite", "type", "name", "notes", "fields", "reprompt", "login_uri", "login_username", "login_password", "login_totp"}, notes: true, noteItems: true,
		row: func(e Entry, url, notes string) []string {
			if e.Kind == Note {
				return []string{"", "", "note", e.Title(), notes, "", "", "", "", "", ""}
			}
			return []string{"", "", "login", e.Title(), notes, "", "", url, e.Login, string(e.Password), ""}
		}},
}

var chromeHeader = []string{"name", "url", "username", "password", "note"}

func chromeRow(e Entry, url, notes string) []string {
	return []string{e.Title(), url, e.Login, string(e.Password), notes}
}

// Columns are the target's CSV header.
func (t Target) Columns() []string { return slices.Clone(layouts[t].header) }

// Reason says why an entry is not, or not wholly, in the CSV.
type Reason int

// Why an entry is left out.
const (
	// NoWebAddress: the target holds only logins for web addresses, and
	// this entry has none (an application, another account, a website
	// entry without a URL).
	NoWebAddress Reason = iota + 1
	// NoPassword: the target needs a password, and the entry has none.
	NoPassword
	// NotesNotHeld: the target cannot hold Kaspersky's notes.
	NotesNotHeld
	// CommentNotHeld: the login is in the CSV, but the target has no place
	// for its comment (or for the extra fields kept with it).
	CommentNotHeld
)

// Left is an entry the CSV does not (wholly) hold: by name only, never
// with its password.
type Left struct {
	// Name is the entry's title, else its user name; "" when it has
	// neither (then Line says which).
	Name   string
	Kind   Kind
	Line   int
	Reason Reason
}

// Result is a conversion.
type Result struct {
	Target Target
	// CSV is the file to import: UTF-8, a header row, LF line ends,
	// fields quoted where CSV needs it. It holds passwords: write it only
	// to a file of the user's alone, never to a log.
	CSV []byte
	// Converted is how many entries are rows of CSV.
	Converted int
	// Left are the entries, or parts of entries, CSV does not hold.
	Left []Left
}

// Convert writes entries as target's CSV. A value is never changed, with
// two exceptions that touch no password: a web address without a scheme
// gets "https://" for the browsers (which refuse "www.example.com"), and
// the notes are the comment followed by the lines Parse did not know.
//
// No value is prefixed to defuse spreadsheet formulas ("=", "+", "-",
// "@"): the importers read the file as data, and a prefix would become
// part of a password or a name. The file is for the importer only; the
// app tells the user not to open it in a spreadsheet.
func Convert(entries []Entry, t Target) (Result, error) {
	l, ok := layouts[t]
	if !ok {
		return Result{}, fmt.Errorf("%w: %q", ErrUnknownTarget, string(t))
	}
	res := Result{Target: t}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.Write(l.header); err != nil {
		return Result{}, err
	}
	for _, e := range entries {
		left := func(r Reason) {
			res.Left = append(res.Left, Left{Name: e.label(), Kind: e.Kind, Line: e.Line, Reason: r})
		}
		notes := notesOf(e)
		url := e.URL
		switch {
		case e.Kind == Note && !l.noteItems:
			left(NotesNotHeld)
			continue
		case l.websitesOnly:
			if e.Kind != Website || strings.TrimSpace(e.URL) == "" {
				left(NoWebAddress)
				continue
			}
			if e.Password == "" {
				left(NoPassword)
				continue
			}
			url = webAddress(e.URL)
		}
		if !l.notes && notes != "" {
			left(CommentNotHeld)
		}
		if err := w.Write(l.row(e, url, notes)); err != nil {
			return Result{}, err
		}
		res.Converted++
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return Result{}, err
	}
	res.CSV = buf.Bytes()
	return res, nil
}

// notesOf is what goes in the notes column: the comment, then the lines
// Parse kept but did not know.
func notesOf(e Entry) string {
	parts := make([]string, 0, 1+len(e.Extra))
	if e.Comment != "" {
		parts = append(parts, e.Comment)
	}
	parts = append(parts, e.Extra...)
	return strings.Join(parts, "\n")
}

// webAddress is the address for a browser: spaces around it taken off,
// and "https://" before one without a scheme, as the browsers' importers
// need one.
func webAddress(u string) string {
	u = strings.TrimSpace(u)
	if strings.Contains(u, "://") {
		return u
	}
	return "https://" + u
}
