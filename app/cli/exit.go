package cli

import (
	"errors"
	"fmt"
	"strconv"

	"transitionhelper/app/doctor"
	"transitionhelper/app/service"
)

// Exit codes of the command line. Each command returns an error; exit
// turns it into the process's exit code, here and nowhere else.
const (
	ExitOK         = 0 // nothing to remove / done
	ExitFound      = 1 // Kaspersky is running or installed
	ExitUsage      = 2 // bad command or flag
	ExitIncomplete = 3 // some checks could not finish, and no Kaspersky was found
	ExitFailure    = 4 // the command could not do its work (catalog not loaded, scan failed, output not written)
	// ExitNoWindow: the window could not open and the user was told how
	// to go on without it (NoWindow).
	ExitNoWindow = 5
)

// Exit codes of doctor.
const (
	DoctorPass = 0 // every check passed
	DoctorWarn = 1 // some checks warn, none failed
	DoctorFail = 3 // at least one check failed
)

// Verdict is a command's answer that has an exit code of its own but is
// not a failure: Kaspersky found, checks incomplete, doctor's warnings.
type Verdict int

func (v Verdict) Error() string { return "exit " + strconv.Itoa(int(v)) }

// usageError is a wrong command, flag or argument: said with the usage.
type usageError struct {
	command string // "" for an unknown command
	err     error
}

func (u usageError) Error() string { return u.err.Error() }
func (u usageError) Unwrap() error { return u.err }

// saidError is a failure the command has already said in its own words on
// standard error; only its exit code is left to give.
type saidError struct{ code int }

func (s saidError) Error() string { return "exit " + strconv.Itoa(s.code) }

// exit says what err means, where the command has not, and gives the exit
// code: nil 0, a Verdict its own, a usage error 2, any other failure 4.
func (e *Env) exit(err error) int {
	var (
		v Verdict
		u usageError
		s saidError
	)
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &v):
		return int(v)
	case errors.As(err, &u):
		if u.command == "" {
			fmt.Fprintf(e.Stderr, "%s: %v\n\n", e.AppName, u.err)
		} else {
			fmt.Fprintf(e.Stderr, "%s %s: %v\n\n", e.AppName, u.command, u.err)
		}
		e.usage(e.Stderr)
		return ExitUsage
	case errors.As(err, &s):
		return s.code
	}
	fmt.Fprintf(e.Stderr, "%s: %v\n", e.AppName, err)
	return ExitFailure
}

// scanCode is a scan's exit code: found beats incomplete beats nothing.
func scanCode(r *service.Result) int {
	switch {
	case r.Summary.KasperskyActive:
		return ExitFound
	case !r.Complete():
		return ExitIncomplete
	}
	return ExitOK
}

// scanVerdict is a scan's answer as a command's result.
func scanVerdict(r *service.Result) error {
	if c := scanCode(r); c != ExitOK {
		return Verdict(c)
	}
	return nil
}

// DoctorExitCode is doctor's exit code for a result.
func DoctorExitCode(r doctor.Result) int {
	switch r.Worst() {
	case doctor.Pass:
		return DoctorPass
	case doctor.Warn:
		return DoctorWarn
	}
	return DoctorFail
}
