package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"transitionhelper/app/catalog"
	"transitionhelper/app/progress"
	"transitionhelper/app/removal"
	"transitionhelper/app/report"
	"transitionhelper/app/service"
	"transitionhelper/platform"
)

// uninstallCommand walks the service's removal flow on the terminal, all
// products planned from one fresh scan: for each Kaspersky product found it
// prints exactly what would be started and why it is trusted. --dry-run
// stops there. Otherwise it asks before each start, then checks again and
// records the outcome in the guided app's progress, so the window (and the
// reopen after a restart) carry on from there.
func (e *Env) uninstallCommand(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("uninstall", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dryRun := fs.Bool("dry-run", false, "")
	if err := e.parseFlags(fs, args, true); err != nil {
		return usageError{"uninstall", err}
	}
	// Started with "Run as administrator", the app would write its progress
	// by name in the user's own profile with administrator rights, where
	// the same user's programs could send the write elsewhere: it stops
	// and says how to start it (a dry run writes nothing and runs).
	if !*dryRun && platform.ElevatedUser() {
		fmt.Fprintf(e.Stderr, "%s uninstall: %s\n", e.AppName, e.t("app.elevated-stop", ElevatedStopText, nil))
		return saidError{ExitFailure}
	}
	svc := e.Service
	// A name the catalog does not know is a mistake in the command, not
	// "nothing found": said before the scan, with the names it knows.
	if unknown, known := unknownProducts(svc.Catalog(), fs.Args()); len(unknown) > 0 {
		return usageError{"uninstall", errors.New(e.t("uninstall.unknown-product", "unknown product {{.Names}}; the products it can remove are: {{.Known}}",
			map[string]any{"Names": strings.Join(unknown, ", "), "Known": strings.Join(known, ", ")}))}
	}
	res, err := svc.Scan(ctx)
	if err != nil {
		return err
	}
	targets := service.Removable(res.Findings, fs.Args())
	if len(targets) == 0 {
		fmt.Fprintln(e.Stdout, e.t("uninstall.nothing", "No Kaspersky product to remove was found.", nil))
		return nil
	}
	pr := &service.FileProgress{State: e.savedState().WithScan(res.Record()), Store: e.store(),
		OnError: func(err error) {
			if !errors.Is(err, os.ErrNotExist) {
				fmt.Fprintf(e.Stderr, "%s: %s: %v\n", e.AppName, e.t("cli.progress-not-saved", "the guided app's progress could not be saved", nil), err)
			}
		}}
	failed := false
	var ready []*service.Prepared
	for _, f := range targets {
		fmt.Fprintf(e.Stdout, "\n%s\n", report.Name(f.NameVersion()))
		p, err := svc.PrepareFrom(res, f.ProductID)
		if p != nil && p.Plan.Program != "" {
			fmt.Fprintf(e.Stdout, "  %s %s\n", e.t("uninstall.would-run", "Would start:", nil), report.Sanitize(p.Plan.CommandLine()))
			for _, w := range p.Trust {
				fmt.Fprintf(e.Stdout, "    - %s\n", report.LongText(w))
			}
		}
		if err != nil {
			failed = true
			fmt.Fprintf(e.Stdout, "  %s %s\n", e.t("uninstall.will-not", "Will not start an uninstaller:", nil), report.LongText(err.Error()))
			if why := report.RefusalText(err, e.t); why != "" {
				fmt.Fprintf(e.Stdout, "  %s\n", why)
			}
			continue
		}
		if *dryRun {
			e.tellBefore(p)
			continue
		}
		ready = append(ready, p)
	}
	if *dryRun {
		if failed {
			return Verdict(ExitFound)
		}
		return nil
	}
	// The service walks the removal and saves each change; this door asks
	// before each start and says each outcome.
	door := &terminalDoor{ctx: ctx, e: e, in: bufio.NewReader(e.stdin()), pr: pr, first: len(targets) == 1}
	if _, err := svc.Remove(ctx, pr, ready, door); err != nil {
		return err
	}
	fmt.Fprintln(e.Stdout)
	still := false
	for _, row := range pr.State.RemovalRows() {
		if row.State != progress.Removed {
			still = true
		}
		fmt.Fprintf(e.Stdout, "%s: %s\n", report.Name(row.Finding.NameVersion()), report.RemovalText(row.State, e.t))
	}
	if still || failed || door.failed {
		return Verdict(ExitFound)
	}
	return nil
}

// ElevatedStopText is what the window and `uninstall` say, and do, when
// the app was started with "Run as administrator" (platform.ElevatedUser):
// in English, the fallback of the key app.elevated-stop.
const ElevatedStopText = "This app was started with \"Run as administrator\". Please close it and start it the usual way " +
	"(double-click it, or run it from a normal Command Prompt). It asks for administrator rights by itself, only " +
	"when it starts Kaspersky's uninstaller. Nothing was changed."

// tellBefore says what the question is about: packages other programs
// need, and the password the uninstaller will ask for.
func (e *Env) tellBefore(p *service.Prepared) {
	if len(p.Plan.AlsoRemoves) > 0 {
		fmt.Fprintf(e.Stdout, "  %s\n", e.t("remove.confirm-also", "Other programs need these packages and will be removed too: {{.Packages}}", map[string]any{"Packages": strings.Join(p.Plan.AlsoRemoves, ", ")}))
	}
	if p.Finding.PasswordProtected {
		fmt.Fprintf(e.Stdout, "  %s\n", e.t("remove.password", "Kaspersky is protected by a password. The uninstaller will ask for it. If you forgot it, Kaspersky explains how to reset it:", nil))
		if p.PasswordReset != nil {
			fmt.Fprintf(e.Stdout, "  %s\n", p.PasswordReset.URL)
		}
	}
}

// terminalDoor is the command line's side of service.Remove: before each
// start it says what the question is about and asks for a typed yes; it
// prints each outcome.
type terminalDoor struct {
	ctx    context.Context
	e      *Env
	in     *bufio.Reader
	pr     *service.FileProgress
	first  bool
	failed bool
}

func (d *terminalDoor) Confirm(p *service.Prepared) bool {
	e := d.e
	if !d.first {
		fmt.Fprintf(e.Stdout, "\n%s\n", report.Name(p.Finding.NameVersion()))
	}
	d.first = false
	e.tellBefore(p)
	// The same guard as the window's: data that removal deletes, not
	// marked saved in step 3 (passwords first), is said before the question.
	question := e.t("uninstall.confirm", "Start it now? Type yes to go on:", nil)
	if unsaved := d.pr.State.Unsaved(p.Finding.ProductID); len(unsaved) > 0 {
		warn := e.t("uninstall.unsaved", "Step 3 of the app does not have these marked done yet: {{.Items}}.", map[string]any{"Items": strings.Join(unsavedNames(unsaved, e.t), "; ")})
		if unsaved[0] == progress.SavePasswords {
			warn = e.t("guard.passwords-text-2", "After removal, the passwords in Kaspersky Password Manager are gone. Export them to a file first: it takes a few minutes.", nil) + " " + warn
		}
		fmt.Fprintf(e.Stdout, "  %s\n", warn)
		question = e.t("uninstall.confirm-anyway", "Remove it anyway? Type yes to go on:", nil)
	}
	fmt.Fprintf(e.Stdout, "  %s ", question)
	// The answer is read aside, so Ctrl+C (the context) ends the question
	// at once instead of after the next Enter.
	read := make(chan string, 1)
	go func() {
		answer, _ := d.in.ReadString('\n')
		read <- answer
	}()
	var answer string
	select {
	case answer = <-read:
	case <-d.ctx.Done():
		fmt.Fprintln(e.Stdout)
		return false
	}
	if !agreed(answer) {
		fmt.Fprintf(e.Stdout, "  %s\n", e.t("uninstall.skipped", "Skipped.", nil))
		return false
	}
	return true
}

func (d *terminalDoor) Starting(*service.Prepared) io.Writer { return d.e.Stdout }

func (d *terminalDoor) Finished(_ *service.Prepared, o service.Outcome) {
	e := d.e
	line := report.OutcomeText(o.Result, o.Code, e.t)
	if why := report.RefusalText(o.Err, e.t); why != "" {
		line = why
	}
	if o.Err != nil {
		line += " " + report.LongText(o.Err.Error())
	}
	fmt.Fprintf(e.Stdout, "  %s\n", line)
	if errors.Is(o.Err, platform.ErrNotStopped) {
		fmt.Fprintf(e.Stdout, "  %s\n", e.t("uninstall.not-stopped", "Warning: the program that started was not the one checked, and this app could not stop it. It may still be running with administrator rights. Restart the computer now, and have it checked for malware.", nil))
	}
	if o.Result == removal.Failed || o.Result == removal.Refused {
		d.failed = true
	}
}

// unknownProducts returns the names given that are no product the catalog
// removes (quoted and cleaned, for printing), and the names it knows.
func unknownProducts(cat *catalog.Catalog, names []string) (unknown, known []string) {
	for _, p := range cat.Products {
		if p.Role == catalog.RoleRemove {
			known = append(known, p.ID)
		}
	}
	for _, n := range names {
		if !slices.Contains(known, n) {
			unknown = append(unknown, strconv.Quote(report.Name(n)))
		}
	}
	return unknown, known
}

// store is where the guided app keeps its progress; no path when it has
// no folder.
func (e *Env) store() progress.Store {
	if e.StateDir == "" {
		return progress.Store{}
	}
	return progress.Store{Path: filepath.Join(e.StateDir, progress.StateFile)}
}

func (e *Env) stdin() io.Reader {
	if e.Stdin != nil {
		return e.Stdin
	}
	return os.Stdin
}

// agreed reads a yes typed at the question, in English or Spanish: yes, y,
// sí, si, s.
func agreed(answer string) bool {
	switch strings.ToLower(strings.TrimSpace(answer)) {
	case "yes", "y", "sí", "si", "s":
		return true
	}
	return false
}

// unsavedNames are step 3's items in words, as the report names them.
func unsavedNames(ids []string, t report.Translator) []string {
	var out []string
	for _, id := range ids {
		out = append(out, report.ChecklistName(id, t))
	}
	return out
}
