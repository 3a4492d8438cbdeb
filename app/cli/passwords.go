package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"transitionhelper/app/passwords"
	"transitionhelper/app/report"
	"transitionhelper/platform"
)

// passwordsCommand: `passwords convert FILE --to TARGET --output OUT`.
// It reads Kaspersky Password Manager's text export and writes the CSV
// the chosen password manager imports, as a new file only this user may
// read. It prints counts, names and steps; never a password.
func (e *Env) passwordsCommand(args []string) error {
	const cmd = "passwords convert"
	if len(args) == 0 || args[0] != "convert" {
		return usageError{"passwords", errors.New(e.t("cli.passwords-usage",
			"use: passwords convert FILE --to edge|chrome|apple|firefox|1password|bitwarden --output OUT", nil))}
	}
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	to := fs.String("to", "", "")
	output := fs.String("output", "", "")
	file, err := e.parseInterspersed(fs, args[1:])
	if err != nil {
		return usageError{cmd, err}
	}
	switch {
	case file == "":
		return usageError{cmd, errors.New(e.t("cli.passwords-no-file", "give the file Kaspersky Password Manager exported", nil))}
	case *to == "":
		return usageError{cmd, errors.New(e.t("cli.passwords-no-target",
			"say which password manager with --to edge, chrome, apple, firefox, 1password or bitwarden", nil))}
	case *output == "":
		return usageError{cmd, errors.New(e.t("cli.passwords-no-output", "say where to save the new file with --output", nil))}
	}
	target, err := passwords.ParseTarget(*to)
	if err != nil {
		return usageError{cmd, errors.New(e.t("cli.passwords-unknown-target",
			"unknown password manager {{.Target}}: use edge, chrome, apple, firefox, 1password or bitwarden",
			map[string]any{"Target": fmt.Sprintf("%q", *to)}))}
	}

	data, err := e.Service.ReadExport(file)
	if err != nil {
		return usageError{cmd, e.exportError(file, err)}
	}
	entries, err := passwords.Parse(data)
	if err != nil {
		return usageError{cmd, e.exportError(file, err)}
	}
	res, err := passwords.Convert(entries, target)
	if err != nil {
		return err
	}
	name := target.Name()
	if res.Converted == 0 {
		fmt.Fprintln(e.Stdout, e.t("cli.passwords-none", "None of the {{.Count}} entries in this file can go into {{.Target}}; nothing was written.",
			map[string]any{"Count": len(entries), "Target": name}))
		e.printLeft(res)
		if target.ImportsExportDirectly() {
			fmt.Fprintln(e.Stdout, e.t("cli.passwords-bitwarden-direct", "Bitwarden can also import the Kaspersky file itself: in Tools > Import data, choose the file format \"Kaspersky (txt)\".", nil))
		}
		return nil
	}
	if err := e.Service.CreatePrivateFile(*output, res.CSV); err != nil {
		why := e.t("cli.passwords-write-failed", "the new file could not be written", nil)
		if errors.Is(err, platform.ErrFileExists) {
			why = e.t("cli.passwords-output-exists", "a file with that name is already there, and it is never overwritten: choose another name", nil)
		}
		fmt.Fprintf(e.Stderr, "%s %s: %s\n%v\n", e.AppName, cmd, why, err)
		return saidError{ExitFailure}
	}

	fmt.Fprintln(e.Stdout, e.t("cli.passwords-done", "Converted {{.Converted}} of {{.Total}} entries for {{.Target}} into {{.Output}} (only you can read this file).",
		map[string]any{"Converted": res.Converted, "Total": len(entries), "Target": name, "Output": report.Sanitize(*output)}))
	e.printLeft(res)
	fmt.Fprintln(e.Stdout)
	fmt.Fprintln(e.Stdout, e.t("cli.passwords-import-title", "To import it:", nil))
	fmt.Fprintln(e.Stdout, "  "+e.importSteps(target))
	if target.ImportsExportDirectly() {
		fmt.Fprintln(e.Stdout, "  "+e.t("cli.passwords-bitwarden-direct", "Bitwarden can also import the Kaspersky file itself: in Tools > Import data, choose the file format \"Kaspersky (txt)\".", nil))
	}
	fmt.Fprintln(e.Stdout)
	fmt.Fprintln(e.Stdout, e.t("cli.passwords-delete", "Both files hold your passwords in plain text. Once the import is done, delete {{.Export}} and {{.Output}}, and empty the Recycle Bin or Trash. Do not open the new file in a spreadsheet.",
		map[string]any{"Export": report.Sanitize(file), "Output": report.Sanitize(*output)}))
	return nil
}

// parseInterspersed parses flags that may come before or after the one
// argument (FILE), as `passwords convert FILE --to edge` is written.
func (e *Env) parseInterspersed(fs *flag.FlagSet, args []string) (string, error) {
	var file string
	for {
		if err := fs.Parse(args); err != nil {
			return "", err
		}
		args = fs.Args()
		if len(args) == 0 {
			return file, nil
		}
		if file != "" {
			return "", errors.New(e.t("cli.unexpected-argument", "unexpected argument {{.Arg}}", map[string]any{"Arg": fmt.Sprintf("%q", args[0])}))
		}
		file, args = args[0], args[1:]
	}
}

// exportError says why FILE cannot be converted, in the user's words.
func (e *Env) exportError(file string, err error) error {
	var why string
	switch {
	case errors.Is(err, passwords.ErrNotExport):
		why = e.t("cli.passwords-not-export", "{{.File}} is not a Kaspersky Password Manager export. In Kaspersky Password Manager, open Settings > Import/Export and export to a text file, then give that file.",
			map[string]any{"File": report.Sanitize(file)})
	case errors.Is(err, passwords.ErrTooLarge):
		why = e.t("cli.passwords-too-large", "{{.File}} is larger than 50 MB: it is not a Kaspersky Password Manager export.", map[string]any{"File": report.Sanitize(file)})
	case errors.Is(err, fs.ErrNotExist):
		why = e.t("cli.passwords-no-such-file", "{{.File}} is not there: check the name and the folder.", map[string]any{"File": report.Sanitize(file)})
	default:
		why = e.t("cli.passwords-unreadable", "{{.File}} could not be read: {{.Error}}", map[string]any{"File": report.Sanitize(file), "Error": err.Error()})
	}
	return errors.New(why)
}

// printLeft names, and only names, the entries the CSV does not hold.
func (e *Env) printLeft(res passwords.Result) {
	var out, comments []string
	for _, l := range res.Left {
		name := report.Sanitize(l.Name)
		if strings.TrimSpace(name) == "" {
			name = e.t("cli.passwords-unnamed", "(no name, line {{.Line}} of the file)", map[string]any{"Line": l.Line})
		}
		if l.Reason == passwords.CommentNotHeld {
			comments = append(comments, name)
			continue
		}
		out = append(out, fmt.Sprintf("%s (%s)", name, e.leftReason(l)))
	}
	name := res.Target.Name()
	if len(out) > 0 {
		fmt.Fprintln(e.Stdout, e.t("cli.passwords-left", "{{.Target}} cannot hold these {{.Count}} entries; copy them by hand from Kaspersky Password Manager:",
			map[string]any{"Target": name, "Count": len(out)}))
		for _, s := range out {
			fmt.Fprintln(e.Stdout, "  - "+s)
		}
	}
	if len(comments) > 0 {
		fmt.Fprintln(e.Stdout, e.t("cli.passwords-comments-left", "{{.Target}} has no place for comments; these {{.Count}} logins were converted without theirs:",
			map[string]any{"Target": name, "Count": len(comments)}))
		for _, s := range comments {
			fmt.Fprintln(e.Stdout, "  - "+s)
		}
	}
}

func (e *Env) leftReason(l passwords.Left) string {
	switch {
	case l.Reason == passwords.NotesNotHeld:
		return e.t("cli.passwords-why-note", "a note", nil)
	case l.Reason == passwords.NoPassword:
		return e.t("cli.passwords-why-no-password", "no password", nil)
	case l.Kind == passwords.Application:
		return e.t("cli.passwords-why-application", "an application, not a website", nil)
	case l.Kind == passwords.OtherAccount:
		return e.t("cli.passwords-why-other", "an account with no web address", nil)
	}
	return e.t("cli.passwords-why-no-address", "no web address", nil)
}

// importSteps are the target's own import steps, in one line.
func (e *Env) importSteps(t passwords.Target) string {
	switch t {
	case passwords.Edge:
		return e.t("cli.passwords-steps-edge", "In Microsoft Edge, open Settings > Passwords, click More actions (…) > Import passwords, choose \"Passwords CSV file\", and choose the new file.", nil)
	case passwords.Chrome:
		return e.t("cli.passwords-steps-chrome", "In Google Chrome, open the menu > Passwords and autofill > Google Password Manager > Settings, click Select file under Import passwords, and choose the new file.", nil)
	case passwords.Apple:
		return e.t("cli.passwords-steps-apple", "On a Mac with macOS 15 or later, open the Passwords app, choose File > Import Passwords, and choose the new file.", nil)
	case passwords.Firefox:
		return e.t("cli.passwords-steps-firefox", "In Firefox, open the menu > Passwords, click the menu (…) > Import from a File, and choose the new file.", nil)
	case passwords.OnePassword:
		return e.t("cli.passwords-steps-1password", "In the 1Password app, choose File > Import (or Import at 1Password.com), choose \"Other\" and \"CSV file\", and choose the new file.", nil)
	case passwords.Bitwarden:
		return e.t("cli.passwords-steps-bitwarden", "In the Bitwarden web app, open Tools > Import data, choose the file format \"Bitwarden (csv)\", and choose the new file.", nil)
	}
	return ""
}
