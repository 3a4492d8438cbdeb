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

func (e *Env) usage(w io.Writer) {
	fmt.Fprintln(w, e.t("cli.usage", `Usage:
  {{.Name}}                  open the app window
  {{.Name}} scan             check this computer and print what was found
  {{.Name}} scan --details   the same, with the evidence for each finding
  {{.Name}} scan --json      the same as JSON, for scripts and support staff
  {{.Name}} scan [--json] --output FILE [--summary] [--summary-output FILE]
                             write the result to FILE (atomically); --summary
                             prints one line, for Intune and RMM tools, and
                             --summary-output writes that line to a file too
  {{.Name}} decode CODE      explain a status code a caller reads out
  {{.Name}} report [--format text|json|html] [--output FILE] [--full]
                             a report for support; --full keeps user names
  {{.Name}} open-report FILE show a caller's JSON report in the window
                             (without a display: print it)
  {{.Name}} uninstall [--dry-run] [PRODUCT...]
                             start Kaspersky's own uninstallers, asking first;
                             --dry-run prints what would start and why
  {{.Name}} --version        print the version
  {{.Name}} --help           print this help

Exit codes of scan: 0 no Kaspersky to remove, 1 Kaspersky found,
2 wrong command, flag or code, 3 some checks could not finish,
4 the check could not run or its result could not be written.`, map[string]any{"Name": "transition-helper"}))
	fmt.Fprintln(w, "\n"+e.t("cli.usage-doctor", `  {{.Name}} doctor [--json] [--output FILE]
                             check, on this computer, what the app's verdicts
                             rest on (changes nothing); exit 0 all passed,
                             1 some warn, 3 some failed`, map[string]any{"Name": "transition-helper"}))
	fmt.Fprintln(w, e.t("cli.usage-facts", `  {{.Name}} facts [--older-than DAYS]
                             every dated fact the app states, with the day
                             its page was read and the page, oldest first;
                             with --older-than, exit 1 when some are older`, map[string]any{"Name": "transition-helper"}))
	fmt.Fprintln(w, "\n"+e.t("cli.usage-passwords", `  {{.Name}} passwords convert FILE --to edge|chrome|apple|firefox|1password|bitwarden --output OUT
                             turn Kaspersky Password Manager's text export into
                             the CSV file that password manager imports; OUT is
                             created new, readable by you only; exit 0 done,
                             2 wrong file or manager, 4 not written`, map[string]any{"Name": "transition-helper"}))
}
