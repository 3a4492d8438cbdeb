// Package cli is the command line of the app, for support staff and scripts:
// scan (text or JSON), decode, report, uninstall, help and version. It is
// one of the app's two front doors, thin over app/service like the window;
// it has no Fyne in it. main passes in the translator, the version and the
// service.
package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"transitionhelper/app/catalog"
	"transitionhelper/app/detect"
	"transitionhelper/app/doctor"
	"transitionhelper/app/report"
	"transitionhelper/app/service"
)

// Exit codes of the command line.
const (
	ExitOK         = 0 // nothing to remove
	ExitFound      = 1 // Kaspersky is running or installed
	ExitUsage      = 2 // bad command or flag
	ExitIncomplete = 3 // some checks could not finish, and no Kaspersky was found
	ExitFailure    = 4 // the command could not do its work (catalog not loaded, scan failed, output not written)
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
	Doctor *doctor.Computer
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

// English is the translator for builds and tests without translations.
var English Translator = report.English

// Run runs one command and returns the process exit code.
func Run(ctx context.Context, args []string, env Env) int {
	if env.Service == nil {
		fmt.Fprintf(env.Stderr, "%s: no computer to work on (cli.Env.Service is nil)\n", env.AppName)
		return ExitFailure
	}
	if len(args) == 0 {
		env.usage(env.Stdout)
		return ExitOK
	}
	switch args[0] {
	case "scan":
		return env.scanCommand(ctx, args[1:])
	case "decode":
		return env.decodeCommand(args[1:])
	case "report":
		return env.reportCommand(ctx, args[1:])
	case "uninstall":
		return env.uninstallCommand(ctx, args[1:])
	case "doctor":
		return env.doctorCommand(ctx, args[1:])
	case OpenReportCommand:
		return env.openReportCommand(args[1:])
	case "help", "-h", "-help", "--help":
		env.usage(env.Stdout)
		return ExitOK
	case "version", "-version", "--version":
		fmt.Fprintf(env.Stdout, "%s %s\n", env.AppName, env.Version)
		return ExitOK
	}
	what := env.t("cli.unknown-command", "unknown command {{.Command}}", map[string]any{"Command": fmt.Sprintf("%q", args[0])})
	if strings.HasPrefix(args[0], "-") {
		what = env.t("cli.unknown-flag", "unknown flag {{.Flag}}", map[string]any{"Flag": args[0]})
	}
	fmt.Fprintf(env.Stderr, "%s: %s\n\n", env.AppName, what)
	env.usage(env.Stderr)
	return ExitUsage
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

// usageError reports a wrong flag or argument of command, with the usage.
func (e *Env) usageError(command string, err error) int {
	fmt.Fprintf(e.Stderr, "%s %s: %v\n\n", e.AppName, command, err)
	e.usage(e.Stderr)
	return ExitUsage
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
}

func (e *Env) scanCommand(ctx context.Context, args []string) int {
	fs := flag.NewFlagSet("scan", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	asJSON := fs.Bool("json", false, "")
	details := fs.Bool("details", false, "")
	output := fs.String("output", "", "")
	summary := fs.Bool("summary", false, "")
	summaryOut := fs.String("summary-output", "", "")
	err := e.parseFlags(fs, args, false)
	if err == nil && *summaryOut != "" {
		*summary = true
	}
	if err == nil && *summary && *output == "" {
		err = errors.New(e.t("cli.summary-needs-output", "--summary needs --output FILE: the result goes to the file, the one line to the screen", nil))
	}
	if err != nil {
		return e.usageError("scan", err)
	}
	// say prints the summary line, and with --summary-output also writes it
	// to that file, by the same safe writer as the result (detect.ps1 runs
	// as SYSTEM: a file it wrote itself by path could be sent anywhere).
	say := func(line string) {
		fmt.Fprintln(e.Stdout, line)
		if *summaryOut == "" {
			return
		}
		if err := e.Service.WriteFile(*summaryOut, []byte(line+"\n")); err != nil {
			fmt.Fprintf(e.Stderr, "%s: %s: %v\n", e.AppName, e.t("cli.write-summary-failed", "the summary could not be written", nil), err)
		}
	}
	res, err := e.Service.Scan(ctx)
	if err != nil {
		fmt.Fprintf(e.Stderr, "%s: %v\n", e.AppName, err)
		if *summary {
			say(fmt.Sprintf("FAILED: the check could not run: %v (exit %d)", err, ExitFailure))
		}
		return ExitFailure
	}
	var out bytes.Buffer
	if *asJSON {
		enc := json.NewEncoder(&out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(scanJSON(res, e.AppName, e.Version)); err != nil {
			fmt.Fprintf(e.Stderr, "%s: writing JSON: %v\n", e.AppName, err)
			return ExitFailure
		}
	} else {
		e.WriteText(&out, res, *details)
	}
	if *output == "" {
		if _, err := e.Stdout.Write(out.Bytes()); err != nil {
			return ExitFailure
		}
		return exitCode(res)
	}
	if err := e.Service.WriteFile(*output, out.Bytes()); err != nil {
		fmt.Fprintf(e.Stderr, "%s: %s: %v\n", e.AppName, e.t("cli.write-result-failed", "the result could not be written", nil), err)
		if *summary {
			say(fmt.Sprintf("FAILED: the result could not be written to %s: %v (exit %d)", *output, err, ExitFailure))
		}
		return ExitFailure
	}
	if *summary {
		say(SummaryLine(res, *output))
	}
	return exitCode(res)
}

// SummaryLine is the one line `scan --summary` prints, for Intune and RMM
// tools that keep a script's last line of output: the verdict in capitals,
// the Kaspersky products, the exit code and where the full result is. It
// stays in English so that scripts and dashboards can filter on it.
func SummaryLine(r *service.Result, output string) string {
	code := exitCode(r)
	var verdict string
	switch code {
	case ExitFound:
		var names []string
		for _, f := range r.Findings {
			if f.Role == catalog.RoleRemove && f.State != detect.StateLeftover {
				names = append(names, fmt.Sprintf("%s (%s)", report.Name(f.NameVersion()), f.State))
			}
		}
		verdict = "KASPERSKY FOUND: " + strings.Join(names, ", ")
	case ExitIncomplete:
		verdict = "INCOMPLETE: some checks could not finish; no Kaspersky found by the others"
	default:
		verdict = "OK: no Kaspersky to remove"
		switch {
		case slices.ContainsFunc(r.Findings, func(f detect.Finding) bool { return f.Component == catalog.ComponentRootCertificate }):
			verdict += " (leftovers only, a Kaspersky root certificate among them)"
		case r.Summary.KasperskyLeftovers:
			verdict += " (leftover folders only)"
		}
	}
	return fmt.Sprintf("%s; exit %d; result in %s", verdict, code, output)
}

// exitCode is the scan's exit code: found beats incomplete beats nothing.
func exitCode(r *service.Result) int {
	switch {
	case r.Summary.KasperskyActive:
		return ExitFound
	case !r.Complete():
		return ExitIncomplete
	}
	return ExitOK
}
