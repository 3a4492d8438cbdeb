package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"runtime"

	"transitionhelper/app/doctor"
	"transitionhelper/app/report"
)

// doctorCommand checks the app's assumptions on this computer and prints
// them as text or JSON (docs/doctor-json.md). It changes nothing.
func (e *Env) doctorCommand(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("doctor", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	asJSON := fs.Bool("json", false, "")
	output := fs.String("output", "", "")
	if err := e.parseFlags(fs, args, false); err != nil {
		return usageError{"doctor", err}
	}
	computer := e.Doctor
	if computer == nil {
		computer = doctor.ThisComputer(runtime.GOOS)
	}
	now := e.now
	redact := report.ForCurrentUser().String
	var data []byte
	var res doctor.Result
	if *asJSON {
		res = doctor.Run(ctx, computer, now(), nil) // JSON stays English
		var err error
		if data, err = doctor.JSON(res, e.AppName, e.Version, redact); err != nil {
			return err
		}
	} else {
		res = doctor.Run(ctx, computer, now(), e.t)
		data = []byte(doctor.Text(res, e.t, redact))
	}
	var err error
	if *output == "" {
		_, err = e.Stdout.Write(data)
	} else {
		err = e.Service.WriteFile(*output, data)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", e.t("cli.write-result-failed", "the result could not be written", nil), err)
	}
	if c := DoctorExitCode(res); c != DoctorPass {
		return Verdict(c)
	}
	return nil
}
