package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"

	"transitionhelper/app/progress"
	"transitionhelper/app/report"
)

// decodeCommand explains a status code in plain sentences.
func (e *Env) decodeCommand(args []string) int {
	if len(args) == 0 {
		fmt.Fprintf(e.Stderr, "%s decode: %s\n", e.AppName, e.t("cli.decode-usage", "give the code the caller reads out, such as KTH-0G8R-M2Q7", nil))
		return ExitUsage
	}
	st, err := report.Decode(strings.Join(args, ""))
	if err != nil {
		fmt.Fprintf(e.Stderr, "%s\n", e.t("cli.bad-code", "This code is not valid. Please read the code again.", nil))
		return ExitUsage
	}
	facts, next := report.Explain(st, e.t)
	fmt.Fprintln(e.Stdout, report.Encode(st))
	for _, f := range facts {
		fmt.Fprintf(e.Stdout, "  - %s\n", f)
	}
	fmt.Fprintf(e.Stdout, "\n%s %s\n", e.t("report.next", "What to do next", nil)+":", next)
	return ExitOK
}

// reportCommand scans, adds the guided app's saved progress if there is
// one, and writes a report.
func (e *Env) reportCommand(ctx context.Context, args []string) int {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", report.FormatText, "")
	output := fs.String("output", "", "")
	full := fs.Bool("full", false, "")
	err := e.parseFlags(fs, args, false)
	if err == nil && !slices.Contains(report.Formats, *format) {
		err = errors.New(e.t("cli.bad-format", "unknown format {{.Format}}: use text, json or html", map[string]any{"Format": fmt.Sprintf("%q", *format)}))
	}
	if err != nil {
		return e.usageError("report", err)
	}
	res, err := e.Service.Scan(ctx)
	if err != nil {
		fmt.Fprintf(e.Stderr, "%s: %v\n", e.AppName, err)
		return ExitFailure
	}
	state := e.savedState()
	state = state.WithScan(res.Record())
	data, err := report.Render(*format, report.Input{
		App: e.AppName, Version: e.Version, GOOS: runtime.GOOS, At: res.At, State: state,
		Full: *full, Redactor: report.ForCurrentUser(), T: e.t,
	})
	if err != nil {
		fmt.Fprintf(e.Stderr, "%s: %v\n", e.AppName, err)
		return ExitFailure
	}
	if *output == "" {
		_, err = e.Stdout.Write(data)
	} else {
		err = e.Service.WriteFile(*output, data)
	}
	if err != nil {
		fmt.Fprintf(e.Stderr, "%s: %s: %v\n", e.AppName, e.t("cli.write-failed", "the report could not be written", nil), err)
		return ExitFailure
	}
	if *output != "" {
		fmt.Fprintln(e.Stderr, e.t("done.saved-to", "The report was saved to {{.Path}}", map[string]any{"Path": *output}))
	}
	return exitCode(res)
}

// savedState is the guided app's progress, or a fresh one when there is none.
func (e *Env) savedState() progress.State {
	if st := e.store(); st.Path != "" {
		if s, err := st.Load(); err == nil {
			return s
		}
	}
	return progress.New(e.Service.GuessRegion())
}
