package cli

import (
	"fmt"
	"os"

	"transitionhelper/app/report"
)

// OpenReportCommand opens a caller's JSON report. With a display, main
// shows it in the window's caller view after ReadReport accepted it;
// without one, the command line prints it.
const OpenReportCommand = "open-report"

// OpenReportFile is the file of `open-report FILE`, when args ask for it.
func OpenReportFile(args []string) (string, bool) {
	if len(args) == 2 && args[0] == OpenReportCommand {
		return args[1], true
	}
	return "", false
}

// ReadReport reads and checks a caller's JSON report file
// (report.ReadJSON: at most 5 MiB, this schema, a state that makes sense).
// A file that cannot be shown is said on Stderr, and the exit code is
// ExitUsage; the report is returned with ExitOK.
func (e *Env) ReadReport(path string) (report.JSONReport, int) {
	f, err := os.Open(path)
	if err == nil {
		defer f.Close()
		var fi os.FileInfo
		if fi, err = f.Stat(); err == nil && !fi.Mode().IsRegular() {
			err = fmt.Errorf("not a regular file (%s)", fi.Mode().Type())
		}
	}
	var rep report.JSONReport
	if err == nil {
		rep, err = report.ReadJSON(f)
	}
	if err != nil {
		fmt.Fprintf(e.Stderr, "%s %s: %s\n%s: %v\n", e.AppName, OpenReportCommand, report.ReadErrorText(err, e.t), path, err)
		return report.JSONReport{}, ExitUsage
	}
	return rep, ExitOK
}

// openReportCommand prints a caller's report where no window can show it:
// the code the caller reads out, then the report as text.
func (e *Env) openReportCommand(args []string) error {
	path, ok := OpenReportFile(append([]string{OpenReportCommand}, args...))
	if !ok {
		fmt.Fprintf(e.Stderr, "%s %s: %s\n", e.AppName, OpenReportCommand, e.t("cli.open-report-usage", "give one file: the JSON report the caller saved in step 7", nil))
		return saidError{ExitUsage}
	}
	rep, code := e.ReadReport(path)
	if code != ExitOK {
		return saidError{code}
	}
	fmt.Fprintf(e.Stdout, "%s: %s\n\n", e.t("open-report.caller-code", "The caller's status code", nil), report.Name(rep.Code))
	fmt.Fprint(e.Stdout, report.Text(report.Input{
		App: report.Name(rep.App), Version: report.Name(rep.Version), GOOS: rep.OS(), At: rep.GeneratedAt,
		State: rep.State, Full: true, T: e.t,
	}))
	return nil
}
