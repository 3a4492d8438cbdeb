package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"slices"

	"transitionhelper/app/progress"
	"transitionhelper/app/report"
)

// reportCommand scans, adds the guided app's saved progress if there is
// one, and writes a report.
func (e *Env) reportCommand(ctx context.Context, args []string) error {
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
		return usageError{"report", err}
	}
	res, err := e.Service.Scan(ctx)
	if err != nil {
		return err
	}
	state := e.savedState()
	state = state.WithScan(res.Record())
	data, err := report.Render(*format, report.Input{
		App: e.AppName, Version: e.Version, GOOS: runtime.GOOS, At: res.At, State: state,
		Full: *full, Redactor: report.ForCurrentUser(), T: e.t,
	})
	if err != nil {
		return err
	}
	if *output == "" {
		_, err = e.Stdout.Write(data)
	} else {
		err = e.Service.WriteFile(*output, data)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", e.t("cli.write-failed", "the report could not be written", nil), err)
	}
	if *output != "" {
		fmt.Fprintln(e.Stderr, e.t("done.saved-to", "The report was saved to {{.Path}}", map[string]any{"Path": *output}))
	}
	return scanVerdict(res)
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
