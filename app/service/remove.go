package service

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"

	"transitionhelper/app/catalog"
	"transitionhelper/app/detect"
	"transitionhelper/app/progress"
	"transitionhelper/app/removal"
	"transitionhelper/platform"
)

// The removal flow, in the order both doors walk it:
//
//	Prepare   a fresh scan, the plan, the trust decision (never from saved progress)
//	          — the door shows the plan and asks —
//	Begin     the row says "Removing" (saved: a crash or restart resumes at step 4)
//	Start     the uninstaller runs, checked again just before; its outcome
//	Apply     the outcome's state change and the RunOnce policy
//	Recheck   a new scan: what is gone, what is still there; RunOnce cleared when all is gone
//	Leftovers what stays behind

// RunOnceName is the RunOnce entry that reopens the app after a restart.
const RunOnceName = "KasperskyTransitionHelper"

// PasswordResetSource is the catalog source that explains how to reset a
// forgotten Kaspersky password.
const PasswordResetSource = "kaspersky-password-reset"

// ErrNotFound means the product to remove is no longer on the computer.
var ErrNotFound = errors.New("no longer found on this computer")

// Prepared is one uninstaller ready to be started, and why it may be.
type Prepared struct {
	Finding detect.Finding
	Plan    removal.Plan
	// Trust lists why the program may be started: the plan's checks and
	// the signature, for Details and --dry-run.
	Trust []string
	// Signature is what the program's signature said (Windows programs).
	Signature *platform.SignatureInfo
	// PasswordReset explains how to reset a forgotten Kaspersky password;
	// set when the product is protected by one.
	PasswordReset *catalog.Source
}

// Removable lists the findings with something to remove, in order: the
// Kaspersky products installed or running (leftovers alone are not), those
// named in only if it is not empty.
func Removable(findings []detect.Finding, only []string) []detect.Finding {
	var out []detect.Finding
	for _, f := range findings {
		if f.Role == catalog.RoleRemove && f.State != detect.StateLeftover && (len(only) == 0 || slices.Contains(only, f.ProductID)) {
			out = append(out, f)
		}
	}
	return out
}

// Prepare scans afresh and plans the removal of one product: plans come
// from what is on the computer now, never from saved progress, which any
// program running as the user can edit. The error wraps ErrNotFound or
// removal.ErrRefused (with platform.ErrClassOverride or
// platform.ErrUnsafeEnvironment when this account's settings would ride on
// the elevated start); a refusal keeps whatever was planned for Details.
func (s *Service) Prepare(ctx context.Context, productID string) (*Prepared, *Result, error) {
	res, err := s.Scan(ctx)
	if err != nil {
		return nil, nil, err
	}
	p, err := s.PrepareFrom(res, productID)
	return p, res, err
}

// PrepareFrom plans the removal of one product of a scan just made.
func (s *Service) PrepareFrom(res *Result, productID string) (*Prepared, error) {
	i := slices.IndexFunc(Removable(res.Findings, nil), func(f detect.Finding) bool { return f.ProductID == productID })
	if i < 0 {
		return nil, fmt.Errorf("%s: %w", productID, ErrNotFound)
	}
	f := Removable(res.Findings, nil)[i]
	p := &Prepared{Finding: f}
	if f.PasswordProtected {
		p.PasswordReset = s.cat.Source(PasswordResetSource)
	}
	plan, err := removal.For(s.cat, f, s.sys.RemovalEnv)
	p.Plan = plan
	if err != nil {
		return p, err
	}
	p.Trust = slices.Clone(plan.Why)
	if needsSignature(plan) && s.sys.DryRun {
		p.Trust = append(p.Trust, "sample data: no program to check, and nothing will be started")
		return p, nil
	}
	if needsSignature(plan) {
		if s.sys.Open == nil {
			return p, fmt.Errorf("%w: signatures cannot be checked here", removal.ErrRefused)
		}
		v, err := s.sys.Open(plan.Program)
		if err != nil {
			return p, fmt.Errorf("%w: %s cannot be opened: %v", removal.ErrRefused, plan.Program, err)
		}
		sig := v.Signature()
		v.Close()
		p.Signature = &sig
		if err := removal.Decide(plan, sig); err != nil {
			return p, err
		}
		p.Trust = append(p.Trust, removal.TrustWords(sig))
		if plan.Elevate && s.sys.CheckElevation != nil {
			if err := s.sys.CheckElevation(); err != nil {
				return p, fmt.Errorf("%w: %w", removal.ErrRefused, err)
			}
		}
	}
	return p, nil
}

func needsSignature(p removal.Plan) bool {
	return p.Kind == removal.KindMSI || p.Kind == removal.KindExe
}

// Begin marks a product as being removed, before its uninstaller starts.
func (s *Service) Begin(st progress.State, productID string) progress.State {
	return st.WithRemoval(productID, progress.Removing)
}

// Outcome is how one start of an uninstaller ended.
type Outcome struct {
	// Result is one of removal's outcomes: Done, RestartNeeded, Cancelled,
	// Failed, Refused or WouldStart.
	Result string
	// Code is the uninstaller's exit code (-1 when it did not run).
	Code int
	// Err says why it was refused or could not start.
	Err error
}

// Start checks the plan's program again and starts it, then waits for it.
// In a dry run nothing starts.
func (s *Service) Start(ctx context.Context, p *Prepared, out io.Writer) Outcome {
	if s.sys.DryRun {
		return Outcome{Result: removal.WouldStart, Code: -1}
	}
	code, err := s.launch(ctx, p.Plan, out)
	switch {
	case errors.Is(err, removal.ErrRefused), errors.Is(err, platform.ErrSwapped),
		errors.Is(err, platform.ErrClassOverride), errors.Is(err, platform.ErrUnsafeEnvironment):
		return Outcome{Result: removal.Refused, Code: -1, Err: err}
	case errors.Is(err, platform.ErrCancelled):
		return Outcome{Result: removal.Cancelled, Code: code}
	case err != nil:
		return Outcome{Result: removal.Failed, Code: -1, Err: fmt.Errorf("starting %s: %w", p.Plan.Program, err)}
	}
	return Outcome{Result: removal.Outcome(code), Code: code}
}

// launch starts a plan's program: a Windows program is opened, verified on
// that open file and started from it, held open until it runs.
func (s *Service) launch(ctx context.Context, plan removal.Plan, out io.Writer) (int, error) {
	if !needsSignature(plan) {
		if s.sys.Launch == nil {
			return -1, errors.New("uninstallers cannot be started here")
		}
		return s.sys.Launch(ctx, plan.Program, plan.Args, plan.Elevate, out)
	}
	if s.sys.Open == nil {
		return -1, fmt.Errorf("%w: signatures cannot be checked here", removal.ErrRefused)
	}
	v, err := s.sys.Open(plan.Program)
	if err != nil {
		return -1, fmt.Errorf("%w: %s cannot be opened: %v", removal.ErrRefused, plan.Program, err)
	}
	defer v.Close()
	if err := removal.Decide(plan, v.Signature()); err != nil {
		return -1, err
	}
	// What the signature does not cover, judged again on the file held open:
	// its folders, and what Windows Installer says of the product.
	final, err := v.FinalPath()
	if err != nil {
		return -1, fmt.Errorf("%w: where %s is cannot be read: %v", removal.ErrRefused, plan.Program, err)
	}
	if err := removal.Recheck(plan, final, s.sys.RemovalEnv); err != nil {
		return -1, err
	}
	return v.Launch(ctx, plan.Args, plan.Elevate, out)
}

// Apply records an outcome: a restart needed is kept (and the app is set to
// reopen after it); anything else leaves the product to remove until the
// re-check says it is gone.
func (s *Service) Apply(st progress.State, productID string, o Outcome) progress.State {
	if o.Result != removal.RestartNeeded {
		return st.WithRemoval(productID, progress.ToRemove)
	}
	if s.sys.SetRunOnce != nil && !s.sys.DryRun {
		exe, err := s.sys.Executable()
		if err == nil {
			err = s.sys.SetRunOnce(RunOnceName, exe)
		}
		if err != nil {
			s.sys.Log("registering the reopen after restart", err)
		}
	}
	return st.WithRemoval(productID, progress.RestartNeeded)
}

// Recheck scans again and records it: a product no longer found is
// removed. Once no Kaspersky product is left, the reopen after restart is
// taken back.
func (s *Service) Recheck(ctx context.Context, st progress.State) (progress.State, *Result, error) {
	res, err := s.Scan(ctx)
	if err != nil {
		return st, nil, err
	}
	if !res.Summary.KasperskyActive && s.sys.ClearRunOnce != nil && !s.sys.DryRun {
		if err := s.sys.ClearRunOnce(RunOnceName); err != nil {
			s.sys.Log("removing the reopen after restart", err)
		}
	}
	return st.WithScan(res.Record()), res, nil
}

// Leftovers lists the folders of Kaspersky products that stay behind:
// the app deletes nothing itself, it says what may be deleted.
func Leftovers(st progress.State) []string {
	if st.Scan == nil {
		return nil
	}
	var folders []string
	for _, f := range st.Scan.Findings {
		if f.Role != catalog.RoleRemove {
			continue
		}
		for _, e := range f.Evidence {
			if e.Kind == catalog.KindLeftover && !slices.Contains(folders, e.Matched) {
				folders = append(folders, e.Matched)
			}
		}
	}
	return folders
}

// removalEnv describes this computer for removal plans.
func removalEnv() removal.Env {
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
		SystemMsiexec: platform.SystemMsiexec(),
		AdminOnly:     platform.AdminOnlyPath,
		MSIProduct:    platform.InstalledMSIProduct,
		VerifyMacApp:  platform.VerifyMacApp,
		SimulateRemove: func(pkgs []string) ([]string, error) {
			return platform.SimulateAptRemove(context.Background(), pkgs)
		},
	}
}
