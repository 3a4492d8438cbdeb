package main

import (
	"fmt"
	"os"

	"transitionhelper/app/cli"
)

// recordingTeller writes each message and each opened file to the file
// log, one line each ("alert TITLE|TEXT", "open PATH"), instead of showing
// or opening anything: the seam the no-window tests read.
func recordingTeller(log string) cli.Teller {
	record := func(line string) error {
		f, err := os.OpenFile(log, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = fmt.Fprintln(f, line)
		return err
	}
	return cli.Teller{
		Alert: func(title, text string) (string, error) {
			return "test", record(fmt.Sprintf("alert %s|%q", title, text))
		},
		Open: func(path string) error { return record("open " + path) },
	}
}
