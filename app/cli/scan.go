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

	"transitionhelper/app/catalog"
	"transitionhelper/app/detect"
	"transitionhelper/app/report"
	"transitionhelper/app/service"
)

// scanCommand checks this computer and prints or writes what was found:
// text, --details, --json; --output FILE with --summary for deployment tools.
func (e *Env) scanCommand(ctx context.Context, args []string) error {
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
		return usageError{"scan", err}
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
		if *summary {
			say(fmt.Sprintf("FAILED: the check could not run: %v (exit %d)", err, ExitFailure))
		}
		return err
	}
	var out bytes.Buffer
	if *asJSON {
		enc := json.NewEncoder(&out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(scanJSON(res, e.AppName, e.Version)); err != nil {
			return fmt.Errorf("writing JSON: %w", err)
		}
	} else {
		e.WriteText(&out, res, *details)
	}
	if *output == "" {
		if _, err := e.Stdout.Write(out.Bytes()); err != nil {
			return err
		}
		return scanVerdict(res)
	}
	if err := e.Service.WriteFile(*output, out.Bytes()); err != nil {
		if *summary {
			say(fmt.Sprintf("FAILED: the result could not be written to %s: %v (exit %d)", *output, err, ExitFailure))
		}
		return fmt.Errorf("%s: %w", e.t("cli.write-result-failed", "the result could not be written", nil), err)
	}
	if *summary {
		say(SummaryLine(res, *output))
	}
	return scanVerdict(res)
}

// SummaryLine is the one line `scan --summary` prints, for Intune and RMM
// tools that keep a script's last line of output: the verdict in capitals,
// the Kaspersky products, the exit code and where the full result is. It
// stays in English so that scripts and dashboards can filter on it.
func SummaryLine(r *service.Result, output string) string {
	code := scanCode(r)
	var verdict string
	switch code {
	case ExitFound:
		var names []string
		for _, f := range service.Removable(r.Findings, nil) {
			names = append(names, fmt.Sprintf("%s (%s)", report.Name(f.NameVersion()), f.State))
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
