package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"time"
)

// factsCommand: `facts [--older-than DAYS]`. It lists every dated fact the
// app states (what it says, the day its page was read, the page), oldest
// first, for a maintainer re-checking them before a release (docs/
// catalog.md) and for support staff asking how old the app's facts are.
// With --older-than it lists only those read more than DAYS days ago and
// says so with its exit code: 1 when there are any, 0 when none.
func (e *Env) factsCommand(args []string) error {
	fs := flag.NewFlagSet("facts", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	older := fs.Int("older-than", -1, "")
	if err := e.parseFlags(fs, args, false); err != nil {
		return usageError{"facts", err}
	}
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == "older-than" })
	if set && *older < 0 {
		return usageError{"facts", errors.New(e.t("cli.facts-bad-days", "--older-than needs a number of days, 0 or more", nil))}
	}
	now := e.now()
	n := 0
	for _, f := range e.Service.Catalog().Facts() {
		day, err := time.Parse("2006-01-02", f.Checked)
		age := int(now.Sub(day).Hours() / 24)
		if set && err == nil && age <= *older {
			continue
		}
		n++
		fmt.Fprintf(e.Stdout, "%s  %s\n  %s\n  %s\n", f.Checked, f.About, f.Says, f.URL)
	}
	switch {
	case !set:
		return nil
	case n == 0:
		fmt.Fprintln(e.Stderr, e.t("cli.facts-none-old", "No fact was checked more than {{.Days}} days ago.", map[string]any{"Days": *older}))
		return nil
	}
	fmt.Fprintln(e.Stderr, e.t("cli.facts-old", "{{.Count}} facts were checked more than {{.Days}} days ago: read their pages again before a release.", map[string]any{"Count": n, "Days": *older}))
	return Verdict(ExitFound)
}
