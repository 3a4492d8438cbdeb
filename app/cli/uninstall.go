package cli

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"transitionhelper/app/catalog"
	"transitionhelper/app/detect"
	"transitionhelper/app/removal"
	"transitionhelper/platform"
)

// RemovalEnv describes this computer for removal plans.
func RemovalEnv() removal.Env {
	return removal.Env{
		GOOS:            runtime.GOOS,
		ProgramFiles:    platform.KnownFolder("ProgramFiles"),
		ProgramFilesX86: platform.KnownFolder("ProgramFilesX86"),
		SystemRoot:      platform.WindowsDir(),
		Exists: func(p string) bool {
			fi, err := os.Stat(p)
			return err == nil && fi.Mode().IsRegular()
		},
		Glob: func(pattern string) []string {
			m, _ := filepath.Glob(pattern)
			return m
		},
	}
}

// RealRemovalSystem runs uninstallers for real.
var RealRemovalSystem = removal.System{Verify: platform.VerifySignature, Launch: platform.Launch}

// uninstallCommand plans the removal of each Kaspersky product found,
// prints exactly what would be started and why it was trusted, and unless
// --dry-run asks on the terminal before starting each uninstaller.
func (e *Env) uninstallCommand(ctx context.Context, args []string) int {
	fs := flag.NewFlagSet("uninstall", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dryRun := fs.Bool("dry-run", false, "")
	if err := e.parseFlags(fs, args, true); err != nil {
		return e.usageError("uninstall", err)
	}
	only := fs.Args()
	cat, err := catalog.Embedded()
	if err != nil {
		fmt.Fprintf(e.Stderr, "%s: %v\n", e.AppName, err)
		return ExitFailure
	}
	res, err := e.RunScan(ctx)
	if err != nil {
		fmt.Fprintf(e.Stderr, "%s: %v\n", e.AppName, err)
		return ExitFailure
	}
	var targets []detect.Finding
	for _, f := range res.Findings {
		if f.Role == catalog.RoleRemove && f.State != detect.StateLeftover && (len(only) == 0 || slices.Contains(only, f.ProductID)) {
			targets = append(targets, f)
		}
	}
	if len(targets) == 0 {
		fmt.Fprintln(e.Stdout, e.t("uninstall.nothing", "No Kaspersky product to remove was found.", nil))
		return ExitOK
	}
	env := e.RemovalEnv
	if env.GOOS == "" {
		env = RemovalEnv()
	}
	sys := e.Removal
	if sys.Launch == nil {
		sys = RealRemovalSystem
	}
	in := bufio.NewReader(e.stdin())
	failed := false
	for _, f := range targets {
		fmt.Fprintf(e.Stdout, "\n%s\n", f.Name)
		plan, err := removal.For(cat, f, env)
		if err != nil {
			failed = true
			fmt.Fprintf(e.Stdout, "  %s %v\n", e.t("uninstall.refused", "Will not start an uninstaller:", nil), err)
			continue
		}
		fmt.Fprintf(e.Stdout, "  %s %s\n", e.t("uninstall.would-run", "Would start:", nil), plan.CommandLine())
		for _, w := range plan.Why {
			fmt.Fprintf(e.Stdout, "    - %s\n", w)
		}
		if plan.Kind == removal.KindMSI || plan.Kind == removal.KindExe {
			sig := sys.Verify(plan.Program)
			if err := removal.Decide(plan, sig); err != nil {
				failed = true
				fmt.Fprintf(e.Stdout, "  %s %v\n", e.t("uninstall.refused", "Will not start an uninstaller:", nil), err)
				continue
			}
			fmt.Fprintf(e.Stdout, "    - %s\n", e.t("uninstall.signed", "signed by {{.Signer}}, and Windows trusts the signature", map[string]any{"Signer": sig.Signer}))
		}
		if plan.PasswordProtected {
			fmt.Fprintf(e.Stdout, "  %s\n", e.t("remove.password", "Kaspersky is protected by a password. The uninstaller will ask for it. If you forgot it, Kaspersky explains how to reset it:", nil)+" https://support.kaspersky.com/14674")
		}
		if *dryRun {
			continue
		}
		fmt.Fprintf(e.Stdout, "  %s ", e.t("uninstall.confirm", "Start it now? Type yes to go on:", nil))
		answer, _ := in.ReadString('\n')
		if !strings.EqualFold(strings.TrimSpace(answer), "yes") && !strings.EqualFold(strings.TrimSpace(answer), "y") {
			fmt.Fprintf(e.Stdout, "  %s\n", e.t("uninstall.skipped", "Skipped.", nil))
			continue
		}
		outcome, code, err := sys.Run(ctx, plan, e.Stdout)
		switch {
		case err != nil:
			failed = true
			fmt.Fprintf(e.Stdout, "  %s %v\n", e.t("uninstall.failed", "The uninstaller did not finish:", nil), err)
		case outcome == removal.Done:
			fmt.Fprintf(e.Stdout, "  %s\n", e.t("uninstall.done", "The uninstaller finished.", nil))
		case outcome == removal.RestartNeeded:
			fmt.Fprintf(e.Stdout, "  %s\n", e.t("uninstall.restart", "The uninstaller finished. Restart the computer to complete the removal.", nil))
		case outcome == removal.Cancelled:
			fmt.Fprintf(e.Stdout, "  %s\n", e.t("uninstall.cancelled", "The uninstaller was cancelled. You can start it again.", nil))
		default:
			failed = true
			fmt.Fprintf(e.Stdout, "  %s\n", e.t("uninstall.exit", "The uninstaller stopped with code {{.Code}}. Try again, or remove it from Apps & features.", map[string]any{"Code": code}))
		}
	}
	if *dryRun {
		if failed {
			return ExitFound
		}
		return ExitOK
	}
	// Check again: what is still there?
	after, err := e.RunScan(ctx)
	if err != nil {
		fmt.Fprintf(e.Stderr, "%s: %v\n", e.AppName, err)
		return ExitFailure
	}
	fmt.Fprintln(e.Stdout)
	still := false
	for _, f := range targets {
		gone := !slices.ContainsFunc(after.Findings, func(g detect.Finding) bool {
			return g.ProductID == f.ProductID && g.State != detect.StateLeftover
		})
		state := e.t("remove.state-removed", "Removed", nil)
		if !gone {
			still = true
			state = e.t("remove.state-to-remove", "To remove", nil)
		}
		fmt.Fprintf(e.Stdout, "%s: %s\n", f.Name, state)
	}
	if still || failed {
		return ExitFound
	}
	return ExitOK
}

func (e *Env) stdin() io.Reader {
	if e.Stdin != nil {
		return e.Stdin
	}
	return os.Stdin
}
