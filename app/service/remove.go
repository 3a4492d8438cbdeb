package service

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"

	"transitionhelper/app/catalog"
	"transitionhelper/app/detect"
	"transitionhelper/app/progress"
	"transitionhelper/app/removal"
	"transitionhelper/platform"
)

// The removal flow. The doors ask; the service does, and saves after each
// change (through the door's Progress):
//
//	Prepare      a fresh scan, the plan, the trust decision (never from saved progress)
//	             — the door shows the plan and asks —
//	Remove       for each product the door confirms:
//	               mark it "removing", save (a crash or restart resumes at step 4)
//	               start the uninstaller, checked again just before
//	               record the outcome (and the reopen after a restart), save
//	             a cancelled start stops the rest; then a new scan, saved:
//	             what is gone, what is still there (RunOnce cleared when all is gone)
//	Leftovers    what stays behind

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
	plan, err := removal.PlanFor(s.cat, f, s.pc)
	p.Plan = plan
	if err != nil {
		return p, err
	}
	p.Trust = slices.Clone(plan.Why)
	if needsSignature(plan) && s.pc.DryRun() {
		p.Trust = append(p.Trust, "sample data: no program to check, and nothing will be started")
		return p, nil
	}
	if needsSignature(plan) {
		v, sig, err := s.openTrusted(plan)
		p.Signature = sig
		if err != nil {
			return p, err
		}
		v.Close()
		p.Trust = append(p.Trust, removal.SignatureWords(*sig))
		if plan.Elevate {
			if err := s.pc.CheckElevation(); err != nil {
				return p, fmt.Errorf("%w: %w", removal.ErrRefused, err)
			}
		}
	}
	return p, nil
}

func needsSignature(p removal.Plan) bool {
	return p.Kind == removal.KindMSI || p.Kind == removal.KindExe
}

// openTrusted opens a plan's program and judges its signature on the open
// file: the one place both the question (PrepareFrom) and the start
// (launch) do it. The signature is returned whenever the file was opened,
// trusted or not (Details shows it); the caller closes what it returns.
func (s *Service) openTrusted(plan removal.Plan) (VerifiedProgram, *platform.SignatureInfo, error) {
	v, err := s.pc.Open(plan.Program)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %s cannot be opened: %w", removal.ErrRefused, plan.Program, err)
	}
	sig := v.Signature()
	if err := removal.JudgeSignature(plan, sig); err != nil {
		v.Close()
		return nil, &sig, err
	}
	return v, &sig, nil
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
	if err := ctx.Err(); err != nil {
		return Outcome{Result: removal.Cancelled, Code: -1, Err: err}
	}
	if s.pc.DryRun() {
		return Outcome{Result: removal.WouldStart, Code: -1}
	}
	// An uninstaller once started is never stopped half-way (that would
	// leave a product half removed): ctx decides what starts, not what ends.
	code, err := s.launch(context.WithoutCancel(ctx), p.Plan, out)
	switch {
	case errors.Is(err, removal.ErrRefused), errors.Is(err, platform.ErrSwapped),
		errors.Is(err, platform.ErrClassOverride), errors.Is(err, platform.ErrUnsafeEnvironment):
		return Outcome{Result: removal.Refused, Code: -1, Err: err}
	case errors.Is(err, platform.ErrCancelled):
		return Outcome{Result: removal.Cancelled, Code: code}
	case err != nil:
		return Outcome{Result: removal.Failed, Code: -1, Err: fmt.Errorf("starting %s: %w", p.Plan.Program, err)}
	}
	return Outcome{Result: removal.OutcomeOf(code), Code: code}
}

// launch starts a plan's program: a Windows program is opened, verified on
// that open file and started from it, held open until it runs.
func (s *Service) launch(ctx context.Context, plan removal.Plan, out io.Writer) (int, error) {
	if !needsSignature(plan) {
		return s.pc.Launch(ctx, plan.Program, plan.Args, plan.Elevate, out)
	}
	v, _, err := s.openTrusted(plan)
	if err != nil {
		return -1, err
	}
	defer v.Close()
	// What the signature does not cover, judged again on the file held open:
	// its folders, and what Windows Installer says of the product.
	final, err := v.FinalPath()
	if err != nil {
		return -1, fmt.Errorf("%w: where %s is cannot be read: %w", removal.ErrRefused, plan.Program, err)
	}
	if err := removal.CheckPlacement(plan, final, s.pc); err != nil {
		return -1, err
	}
	return v.Launch(ctx, plan.Args, plan.Elevate, out)
}

// Progress is the user's progress as a door holds it. The service changes
// it only through Update, which applies change to the latest progress,
// saves it and returns it: the window does so on its own goroutine (the
// user may tick a box while an uninstaller runs), the command line in its
// file. A progress that cannot be saved is said by the door; the removal
// goes on.
type Progress interface {
	Update(change func(progress.State) progress.State) progress.State
}

// Door is what a door does while a removal runs: it asks, and it shows.
type Door interface {
	// Confirm asks, just before p's start, whether to start it; the window
	// asked once for all and says yes.
	Confirm(p *Prepared) bool
	// Starting says p's uninstaller starts now; its output goes to the
	// writer returned (nil: nowhere).
	Starting(p *Prepared) io.Writer
	// Finished shows p's outcome, once it is recorded and saved.
	Finished(p *Prepared, o Outcome)
}

// Remove walks the removal of the prepared products, one after another:
// for each one the door confirms, "removing" is saved, the uninstaller
// starts and its outcome is saved; a cancelled start (the user said no to
// the permission prompt) or a cancelled ctx stops the rest. Then a new
// scan says what is gone, and is saved. The error is the new scan's: the
// outcomes are recorded whatever it says.
func (s *Service) Remove(ctx context.Context, pr Progress, preps []*Prepared, door Door) (*Result, error) {
	for _, p := range preps {
		if ctx.Err() != nil {
			break
		}
		if !door.Confirm(p) {
			continue
		}
		id := p.Finding.ProductID
		pr.Update(func(st progress.State) progress.State { return st.WithRemoval(id, progress.Removing) })
		o := s.Start(ctx, p, door.Starting(p))
		pr.Update(func(st progress.State) progress.State { return s.apply(st, id, o) })
		door.Finished(p, o)
		if o.Result == removal.Cancelled {
			break
		}
	}
	return s.Rescan(ctx, pr)
}

// apply records an outcome: a restart needed is kept (and the app is set to
// reopen after it); anything else leaves the product to remove until the
// new scan says it is gone.
func (s *Service) apply(st progress.State, productID string, o Outcome) progress.State {
	if o.Result != removal.RestartNeeded {
		return st.WithRemoval(productID, progress.ToRemove)
	}
	if !s.pc.DryRun() {
		exe, err := s.pc.Executable()
		if err == nil {
			err = s.pc.SetRunOnce(RunOnceName, exe)
		}
		if err != nil && !errors.Is(err, platform.ErrNotSupported) {
			s.pc.Log("registering the reopen after restart", err)
		}
	}
	return st.WithRemoval(productID, progress.RestartNeeded)
}

// Rescan scans again after a removal (or when the user asks) and saves
// it: a product no longer found is removed. Once no Kaspersky product is
// left, the reopen after restart is taken back. A failed scan changes
// nothing.
func (s *Service) Rescan(ctx context.Context, pr Progress) (*Result, error) {
	res, err := s.Scan(ctx)
	if err != nil {
		return nil, err
	}
	s.CheckStarts(res)
	if !res.Summary.KasperskyActive && !s.pc.DryRun() {
		if err := s.pc.ClearRunOnce(RunOnceName); err != nil && !errors.Is(err, platform.ErrNotSupported) {
			s.pc.Log("removing the reopen after restart", err)
		}
	}
	pr.Update(func(st progress.State) progress.State { return st.WithScan(res.Record()) })
	return res, nil
}

// FileProgress is a Progress kept in memory and saved to Store after each
// change: the command line's. Save errors go to OnError.
type FileProgress struct {
	State   progress.State
	Store   progress.Store
	OnError func(error)
}

// Update applies change, saves and returns the new progress.
func (f *FileProgress) Update(change func(progress.State) progress.State) progress.State {
	f.State = change(f.State)
	if f.Store.Path == "" {
		return f.State
	}
	if err := f.Store.Save(f.State); err != nil && f.OnError != nil {
		f.OnError(err)
	}
	return f.State
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
