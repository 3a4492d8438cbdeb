// Package cli is the command line of the app, for support staff and scripts:
// scan (text or JSON), decode, report, uninstall, help and version. It is
// one of the app's two front doors, thin over app/service like the window;
// it has no Fyne in it. main passes in the translator, the version and the
// service.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"transitionhelper/app/doctor"
	"transitionhelper/app/report"
	"transitionhelper/app/service"
)

// Translator returns the text for key in the user's language; fallback is
// the English text, a text/template over data.
type Translator = report.Translator

// Env is what the commands need from outside.
type Env struct {
	Stdout, Stderr io.Writer
	AppName        string
	Version        string
	T              Translator // nil: English
	// Service scans, removes and writes result files: the command line's
	// one way to the computer. Required.
	Service *service.Service
	// StateDir holds the guided app's saved progress: `report` reads it,
	// `uninstall` records what it did in it.
	StateDir string
	// Stdin answers the uninstall command's question; nil means os.Stdin.
	Stdin io.Reader
	// Doctor is the computer `doctor` checks; nil means this one. Now is
	// its clock; nil means time.Now.
	Doctor doctor.Computer
	Now    func() time.Time
}

// IsCLI reports whether args (without the program name) ask for the command
// line rather than the window: any argument at all does.
func IsCLI(args []string) bool { return len(args) > 0 }

func (e *Env) t(key, fallback string, data map[string]any) string {
	if e.T != nil {
		return e.T(key, fallback, data)
	}
	return English(key, fallback, data)
}

// now is the command line's clock: Env.Now, or the computer's.
func (e *Env) now() time.Time {
	if e.Now != nil {
		return e.Now()
	}
	return time.Now()
}

// English is the translator for builds and tests without translations.
var English Translator = report.English

// Run runs one command and returns the process exit code (decided by
// exit, from what the command returns).
func Run(ctx context.Context, args []string, env Env) int {
	if env.Service == nil {
		fmt.Fprintf(env.Stderr, "%s: no computer to work on (cli.Env.Service is nil)\n", env.AppName)
		return ExitFailure
	}
	return env.exit(env.run(ctx, args))
}

func (e *Env) run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		e.usage(e.Stdout)
		return nil
	}
	switch args[0] {
	case "scan":
		return e.scanCommand(ctx, args[1:])
	case "decode":
		return e.decodeCommand(args[1:])
	case "report":
		return e.reportCommand(ctx, args[1:])
	case "uninstall":
		return e.uninstallCommand(ctx, args[1:])
	case "doctor":
		return e.doctorCommand(ctx, args[1:])
	case "facts":
		return e.factsCommand(args[1:])
	case "passwords":
		return e.passwordsCommand(args[1:])
	case OpenReportCommand:
		return e.openReportCommand(args[1:])
	case "help", "-h", "-help", "--help":
		e.usage(e.Stdout)
		return nil
	case "version", "-version", "--version":
		fmt.Fprintf(e.Stdout, "%s %s\n", e.AppName, e.Version)
		return nil
	}
	what := e.t("cli.unknown-command", "unknown command {{.Command}}", map[string]any{"Command": fmt.Sprintf("%q", args[0])})
	if strings.HasPrefix(args[0], "-") {
		what = e.t("cli.unknown-flag", "unknown flag {{.Flag}}", map[string]any{"Flag": args[0]})
	}
	return usageError{err: errors.New(what)}
}

// parseFlags parses a subcommand's flags; extra arguments are an error
// unless the command takes them.
func (e *Env) parseFlags(fs *flag.FlagSet, args []string, takesArgs bool) error {
	if err := fs.Parse(args); err != nil {
		return err
	}
	if !takesArgs && fs.NArg() > 0 {
		return errors.New(e.t("cli.unexpected-argument", "unexpected argument {{.Arg}}", map[string]any{"Arg": fmt.Sprintf("%q", fs.Arg(0))}))
	}
	return nil
}

// usage is --help, in the order a person reads it: what the program is,
// the commands one line each, their flags, the checks of doctor (from
// doctor.Checks), then each command's exit codes.
func (e *Env) usage(w io.Writer) {
	name := map[string]any{"Name": "transition-helper"}
	fmt.Fprintln(w, e.t("cli.usage", `Kaspersky Transition Helper finds Kaspersky on this computer, starts Kaspersky's own
uninstallers (asking first), and guides the move to other protection.

Usage: {{.Name}} [COMMAND] [FLAGS]
Without a command it opens the app window.`, name))
	fmt.Fprintln(w, "\n"+e.t("cli.usage-commands", `Commands:
  scan              check this computer and print what was found
  decode CODE       explain a status code a caller reads out
  report            a report of this computer for support
  open-report FILE  show a caller's JSON report in the window (no display: print it)
  uninstall [PRODUCT...]
                    start Kaspersky's own uninstallers, asking before each
  doctor            check what the app's verdicts rest on, here (changes nothing)
  facts             every dated fact the app states, with its page, oldest first
  passwords convert FILE --to edge|chrome|apple|firefox|1password|bitwarden --output OUT
                    turn Kaspersky Password Manager's text export into the CSV
                    file that password manager imports
  --version         print the version
  --help            print this help`, nil))
	fmt.Fprintln(w, "\n"+e.t("cli.usage-flags", `Flags:
  scan --details              the evidence for each finding
  scan --json                 the result as JSON, for scripts and support staff
  scan --output FILE          write the result to FILE (atomically)
  scan --summary              with --output: print one line, for Intune and RMM tools
  scan --summary-output FILE  write that line to FILE too
  report --format text|json|html
                              the report's form (text by default)
  report --output FILE        write the report to FILE
  report --full               keep user names
  uninstall --dry-run         print what would start and why; start nothing
  doctor --json               the checks as JSON (docs/doctor-json.md)
  doctor --output FILE        write the checks to FILE (atomically)
  facts --older-than DAYS     only the facts read more than DAYS days ago
  passwords ... --output OUT  OUT is created new, readable by you only`, nil))
	fmt.Fprintln(w, "\n"+e.t("cli.usage-checks", "The checks of doctor, in order, by their ids in --json\n(probe.NAME stands for one check for each part of the scan):", nil))
	fmt.Fprintln(w, wrapList(doctorIDs(), 78, "  "))
	fmt.Fprintln(w, "\n"+e.t("cli.usage-exit", `Exit codes:
  every command  0 done, 2 wrong command, flag, argument or code, 4 it could not
                 do its work or write its result
  scan, report   0 no Kaspersky to remove, 1 Kaspersky found, 3 some checks could
                 not finish
  uninstall      0 removed (or nothing to remove), 1 some Kaspersky is still there
  doctor         0 every check passed, 1 some warn, 3 some failed
  facts          with --older-than: 1 some facts are older
  no command     5 the window could not open (the text guide was written instead)`, nil))
}

// doctorIDs are the ids of doctor's checks, in the list's order.
func doctorIDs() []string {
	ids := make([]string, 0, len(doctor.Checks))
	for _, k := range doctor.Checks {
		ids = append(ids, k.ID)
	}
	return ids
}

// wrapList joins items with ", " in lines of at most width characters,
// each starting with indent.
func wrapList(items []string, width int, indent string) string {
	var b strings.Builder
	line := indent
	for i, it := range items {
		if i < len(items)-1 {
			it += ","
		}
		if line != indent && len(line)+1+len(it) > width {
			b.WriteString(line + "\n")
			line = indent
		}
		if line != indent {
			line += " "
		}
		line += it
	}
	b.WriteString(line)
	return b.String()
}
