package cli

import (
	"fmt"
	"strings"

	"transitionhelper/app/report"
)

// decodeCommand explains a status code in plain sentences.
func (e *Env) decodeCommand(args []string) error {
	if len(args) == 0 {
		fmt.Fprintf(e.Stderr, "%s decode: %s\n", e.AppName, e.t("cli.decode-usage", "give the code the caller reads out, such as KTH-0G8R-M2Q7", nil))
		return saidError{ExitUsage}
	}
	st, err := report.Decode(strings.Join(args, ""))
	if err != nil {
		fmt.Fprintf(e.Stderr, "%s\n", e.t("cli.bad-code", "This code is not valid. Please read the code again.", nil))
		return saidError{ExitUsage}
	}
	facts, next := report.Explain(st, e.t, e.now())
	fmt.Fprintln(e.Stdout, report.Encode(st))
	for _, f := range facts {
		fmt.Fprintf(e.Stdout, "  - %s\n", f)
	}
	fmt.Fprintf(e.Stdout, "\n%s %s\n", e.t("report.next", "What to do next", nil)+":", next)
	return nil
}
