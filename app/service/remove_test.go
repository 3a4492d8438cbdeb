package service_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"transitionhelper/app/catalog"
	"transitionhelper/app/internal/testtmp"
	"transitionhelper/app/progress"
	"transitionhelper/app/region"
	"transitionhelper/app/removal"
	"transitionhelper/app/service"
	"transitionhelper/app/service/servicetest"
	"transitionhelper/platform"
)

const uninstaller = `C:\Program Files\Kaspersky Lab\Kaspersky Internet Security 21.3\uninstall.exe`

var (
	at = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

	snapKIS = platform.Snapshot{
		OS:        platform.OSInfo{Family: "windows"},
		Processes: []platform.Process{{PID: 10, Name: "avp.exe"}},
		Programs: []platform.Program{{Name: "Kaspersky Internet Security", Version: "21.3", Source: platform.SourceUninstall,
			Where: `HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\KIS`, UninstallString: `"` + uninstaller + `" /x`}},
		Paths: []platform.PathFact{{Template: `{ProgramData}\Kaspersky Lab`, Path: `C:\ProgramData\Kaspersky Lab`, Exists: true}},
	}
	snapProtected = func() platform.Snapshot {
		s := snapKIS
		s.VendorKeys = []platform.VendorKey{{Name: "AVP21.3", Where: `HKLM\SOFTWARE\KasperskyLab\AVP21.3`, PasswordProtected: true}}
		return s
	}()
	snapGone = platform.Snapshot{OS: platform.OSInfo{Family: "windows"},
		Paths: []platform.PathFact{{Template: `{ProgramData}\Kaspersky Lab`, Path: `C:\ProgramData\Kaspersky Lab`, Exists: true}}}

	kaspersky = platform.SignatureInfo{Present: true, Trusted: true, Signer: "AO Kaspersky Lab"}
)

// fake is a computer in memory: scans answer from a list (the last one
// repeats), the uninstaller answers with an exit code, and every call to
// the system is recorded.
type fake struct {
	scans     []platform.Snapshot
	sig       platform.SignatureInfo
	exit      int
	launchErr error
	launched  []string
	runOnce   []string
	cleared   int
	// unsafe is what CheckElevation says of this account's settings.
	unsafe error
	// links says where a path really leads at the start (a folder or link
	// changed after the question); by default, to itself.
	links map[string]string
	// pc is the computer the service was given, for a test to change.
	pc *servicetest.Computer
}

func (f *fake) finalOf(path string) string {
	if to, ok := f.links[path]; ok {
		return to
	}
	return path
}

func (f *fake) service(t *testing.T) *service.Service {
	t.Helper()
	cat, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	f.pc = &servicetest.Computer{
		NowFn: func() time.Time { return at }, OS: "windows",
		ScanFn: func(context.Context, platform.Options) *platform.Snapshot {
			s := f.scans[0]
			if len(f.scans) > 1 {
				f.scans = f.scans[1:]
			}
			return &s
		},
		Removal: removal.Env{GOOS: "windows", ProgramFiles: `C:\Program Files`, ProgramFilesX86: `C:\Program Files (x86)`, SystemRoot: `C:\Windows`,
			Exists:      func(p string) bool { return strings.EqualFold(p, uninstaller) },
			AdminOnlyFn: servicetest.AdminOnly},
		OpenFn: func(path string) (service.VerifiedProgram, error) {
			return servicetest.VerifiedProgram{Sig: f.sig, Final: f.finalOf(path), Start: func(args []string, elevate bool) (int, error) {
				f.launched = append(f.launched, path+" "+strings.Join(args, " "))
				if !elevate {
					t.Error("started without the administrator prompt")
				}
				return f.exit, f.launchErr
			}}, nil
		},
		RunOnceFn: func(name, program string, _ ...string) error {
			f.runOnce = append(f.runOnce, name+"="+program)
			return nil
		},
		ClearFn:    func(string) error { f.cleared++; return nil },
		ElevateErr: func() error { return f.unsafe },
		ExeFn:      func() (string, error) { return `C:\Tools\th.exe`, nil },
		LogFn:      func(what string, err error) { t.Errorf("%s: %v", what, err) },
	}
	return service.New(cat, f.pc)
}

// door is a door that says yes and records what it was shown; at each
// start it reads the saved progress back, which must already say
// "removing" (a crash or restart then resumes at step 4).
type door struct {
	t        *testing.T
	store    progress.Store
	confirm  func(*service.Prepared) bool
	outcomes []service.Outcome
}

func (d *door) Confirm(p *service.Prepared) bool { return d.confirm == nil || d.confirm(p) }
func (d *door) Starting(p *service.Prepared) io.Writer {
	saved, err := d.store.Load()
	if err != nil || saved.Removal[p.Finding.ProductID] != progress.Removing || !saved.Resuming() {
		d.t.Errorf("at the start the saved progress says %v (%v): a crash would not resume", saved.Removal, err)
	}
	return io.Discard
}
func (d *door) Finished(p *service.Prepared, o service.Outcome) {
	saved, err := d.store.Load()
	if err != nil || saved.Removal[p.Finding.ProductID] == progress.Removing {
		d.t.Errorf("after the start the saved progress still says %v (%v)", saved.Removal, err)
	}
	d.outcomes = append(d.outcomes, o)
}

// TestRemovalFlow walks the whole flow for each outcome: scan, prepare
// (fresh scan), then Remove: "removing" saved before the start, the
// outcome saved after it, the new scan saved; read back from the file.
func TestRemovalFlow(t *testing.T) {
	const id = "kaspersky-internet-security"
	tests := []struct {
		name      string
		first     platform.Snapshot
		sig       platform.SignatureInfo
		exit      int
		launchErr error
		after     platform.Snapshot // what the re-check sees

		prepareErr error // Prepare refuses
		result     string
		row        progress.RemovalState // after the re-check
		runOnce    int
		cleared    int
	}{
		{name: "done", first: snapKIS, sig: kaspersky, exit: 0, after: snapGone, result: removal.Done, row: progress.Removed, cleared: 1},
		{name: "done but still there", first: snapKIS, sig: kaspersky, exit: 0, after: snapKIS, result: removal.Done, row: progress.ToRemove},
		{name: "restart needed (3010)", first: snapKIS, sig: kaspersky, exit: 3010, after: snapKIS, result: removal.RestartNeeded, row: progress.RestartNeeded, runOnce: 1},
		{name: "restart started (1641)", first: snapKIS, sig: kaspersky, exit: 1641, after: snapKIS, result: removal.RestartNeeded, row: progress.RestartNeeded, runOnce: 1},
		{name: "cancelled in the uninstaller", first: snapKIS, sig: kaspersky, exit: 1602, after: snapKIS, result: removal.Cancelled, row: progress.ToRemove},
		{name: "administrator prompt declined", first: snapKIS, sig: kaspersky, exit: 1223, launchErr: platform.ErrCancelled, after: snapKIS, result: removal.Cancelled, row: progress.ToRemove},
		{name: "failed", first: snapKIS, sig: kaspersky, exit: 1603, after: snapKIS, result: removal.Failed, row: progress.ToRemove},
		{name: "could not start", first: snapKIS, sig: kaspersky, exit: -1, launchErr: errors.New("file not found"), after: snapKIS, result: removal.Failed, row: progress.ToRemove},
		{name: "swapped between the check and the start", first: snapKIS, sig: kaspersky, exit: -1, launchErr: fmt.Errorf("image differs: %w", platform.ErrSwapped), after: snapKIS, result: removal.Refused, row: progress.ToRemove},
		{name: "password protected", first: snapProtected, sig: kaspersky, exit: 0, after: snapGone, result: removal.Done, row: progress.Removed, cleared: 1},
		{name: "refused: unsigned", first: snapKIS, sig: platform.SignatureInfo{}, prepareErr: removal.ErrRefused},
		{name: "refused: another signer", first: snapKIS, sig: platform.SignatureInfo{Present: true, Trusted: true, Signer: "Evil Corp"}, prepareErr: removal.ErrRefused},
		{name: "refused: tampered", first: snapKIS, sig: platform.SignatureInfo{Present: true, Signer: "AO Kaspersky Lab", TrustError: "the file was changed after it was signed"}, prepareErr: removal.ErrRefused},
		{name: "gone before the start", first: snapGone, sig: kaspersky, prepareErr: service.ErrNotFound},
		{name: "a class override appeared after the question", first: snapKIS, sig: kaspersky, exit: -1, after: snapKIS, result: removal.Refused, row: progress.ToRemove,
			launchErr: &platform.UnsafeSettingError{Err: platform.ErrClassOverride, Settings: []string{`HKCU\Software\Classes\exefile\shell`}}},
		{name: "a profiler variable set after the question", first: snapKIS, sig: kaspersky, exit: -1, after: snapKIS, result: removal.Refused, row: progress.ToRemove,
			launchErr: &platform.UnsafeSettingError{Err: platform.ErrUnsafeEnvironment, Settings: []string{"COR_PROFILER"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &fake{scans: []platform.Snapshot{snapKIS, tt.first, tt.after}, sig: tt.sig, exit: tt.exit, launchErr: tt.launchErr}
			svc := f.service(t)
			res, err := svc.Scan(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			st := progress.New(region.US).WithScan(res.Record())
			p, _, err := svc.Prepare(t.Context(), id)
			if tt.prepareErr != nil {
				if !errors.Is(err, tt.prepareErr) {
					t.Fatalf("Prepare: %v, want %v", err, tt.prepareErr)
				}
				if len(f.launched) != 0 {
					t.Fatalf("started although refused: %q", f.launched)
				}
				return
			}
			if err != nil {
				t.Fatalf("Prepare: %v", err)
			}
			if got := p.Plan.CommandLine(); got != `"`+uninstaller+`" /x` {
				t.Errorf("plan %s", got)
			}
			if !strings.Contains(strings.Join(p.Trust, "\n"), "signed by AO Kaspersky Lab") {
				t.Errorf("trust %q", p.Trust)
			}
			if protected := tt.first.VendorKeys != nil; protected != (p.PasswordReset != nil) || protected && !strings.HasPrefix(p.PasswordReset.URL, "https://") {
				t.Errorf("password reset link %+v for a product protected: %v", p.PasswordReset, protected)
			}
			pr := &service.FileProgress{State: st, Store: progress.Store{Path: filepath.Join(testtmp.Dir(t), progress.StateFile)},
				OnError: func(err error) { t.Error(err) }}
			d := &door{t: t, store: pr.Store}
			if _, err := svc.Remove(t.Context(), pr, []*service.Prepared{p}, d); err != nil {
				t.Fatal(err)
			}
			if len(d.outcomes) != 1 || d.outcomes[0].Result != tt.result {
				t.Fatalf("outcomes %+v, want %s", d.outcomes, tt.result)
			}
			st, err = pr.Store.Load()
			if err != nil {
				t.Fatal(err)
			}
			rows := st.RemovalRows()
			if len(rows) != 1 || rows[0].State != tt.row {
				t.Errorf("rows %+v, want %s", rows, tt.row)
			}
			if len(f.launched) != 1 {
				t.Errorf("launched %q", f.launched)
			}
			if len(f.runOnce) != tt.runOnce || tt.runOnce > 0 && f.runOnce[0] != service.RunOnceName+`=C:\Tools\th.exe` {
				t.Errorf("RunOnce %q, want %d", f.runOnce, tt.runOnce)
			}
			if f.cleared != tt.cleared {
				t.Errorf("RunOnce cleared %d times, want %d", f.cleared, tt.cleared)
			}
			if left := service.Leftovers(st); len(left) != 1 || left[0] != `C:\ProgramData\Kaspersky Lab` {
				t.Errorf("leftovers %q", left)
			}
		})
	}
}

// TestStartChecksAgain: a program swapped for an unsigned one between the
// question and the start is refused at the start.
func TestStartChecksAgain(t *testing.T) {
	f := &fake{scans: []platform.Snapshot{snapKIS}, sig: kaspersky}
	svc := f.service(t)
	p, _, err := svc.Prepare(t.Context(), "kaspersky-internet-security")
	if err != nil {
		t.Fatal(err)
	}
	f.sig = platform.SignatureInfo{}
	if o := svc.Start(t.Context(), p, io.Discard); o.Result != removal.Refused || !errors.Is(o.Err, removal.ErrRefused) || len(f.launched) != 0 {
		t.Errorf("outcome %+v, launched %q", o, f.launched)
	}
}

// TestStartJudgesWhereTheFileReallyIs: between the question and the start,
// a link on the way is changed so that the signed program held open lies in
// a folder the user can write. The start is refused.
func TestStartJudgesWhereTheFileReallyIs(t *testing.T) {
	f := &fake{scans: []platform.Snapshot{snapKIS}, sig: kaspersky}
	svc := f.service(t)
	p, _, err := svc.Prepare(t.Context(), "kaspersky-internet-security")
	if err != nil {
		t.Fatal(err)
	}
	f.links = map[string]string{uninstaller: `C:\Users\ann\AppData\Local\kis\uninstall.exe`}
	o := svc.Start(t.Context(), p, io.Discard)
	if o.Result != removal.Refused || !strings.Contains(o.Err.Error(), "outside Program Files") || len(f.launched) != 0 {
		t.Errorf("outcome %+v, launched %q", o, f.launched)
	}
}

// TestStartAsksWindowsInstallerAgain: a product code that Windows Installer
// no longer knows per machine at the start is not removed.
func TestStartAsksWindowsInstallerAgain(t *testing.T) {
	const code = "{8F4F3A1B-2C3D-4E5F-9A0B-1C2D3E4F5A6B}"
	snap := platform.Snapshot{OS: platform.OSInfo{Family: "windows"}, Programs: []platform.Program{{Name: "Kaspersky Total Security", Source: platform.SourceUninstall,
		Where: `HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\` + code, WindowsInstaller: true}}}
	f := &fake{scans: []platform.Snapshot{snap}, sig: platform.SignatureInfo{Present: true, Trusted: true, Signer: "Microsoft Windows",
		Organization: "Microsoft Corporation", Country: "US", Method: platform.MethodCatalog}}
	svc := f.service(t)
	known := true
	f.pc.Removal.SystemMsiexec = `C:\Windows\System32\msiexec.exe`
	f.pc.Removal.Exists = func(string) bool { return true }
	f.pc.Removal.MSIProductFn = func(string) (platform.MSIProduct, error) {
		return platform.MSIProduct{PerMachine: known, Publisher: "AO Kaspersky Lab", Name: "Kaspersky Total Security"}, nil
	}
	p, _, err := svc.Prepare(t.Context(), "kaspersky-total-security")
	if err != nil {
		t.Fatal(err)
	}
	known = false
	if o := svc.Start(t.Context(), p, io.Discard); o.Result != removal.Refused || len(f.launched) != 0 {
		t.Errorf("outcome %+v, launched %q", o, f.launched)
	}
}

// TestPrepareIgnoresSavedProgress: the plan comes from the fresh scan, not
// from a finding anyone could have written into progress.json.
func TestPrepareIgnoresSavedProgress(t *testing.T) {
	f := &fake{scans: []platform.Snapshot{snapGone}, sig: kaspersky}
	svc := f.service(t)
	if _, _, err := svc.Prepare(t.Context(), "kaspersky-internet-security"); !errors.Is(err, service.ErrNotFound) {
		t.Errorf("Prepare of a product the computer does not have: %v", err)
	}
}

func TestDryRunStartsNothing(t *testing.T) {
	f := &fake{scans: []platform.Snapshot{snapKIS}, sig: platform.SignatureInfo{}}
	svc := f.service(t)
	f.pc.Sample = true
	p, _, err := svc.Prepare(t.Context(), "kaspersky-internet-security")
	if err != nil {
		t.Fatal(err)
	}
	pr := &service.FileProgress{State: progress.New(region.US), Store: progress.Store{Path: filepath.Join(testtmp.Dir(t), progress.StateFile)}}
	d := &door{t: t, store: pr.Store}
	if _, err := svc.Remove(t.Context(), pr, []*service.Prepared{p}, d); err != nil {
		t.Fatal(err)
	}
	if len(d.outcomes) != 1 || d.outcomes[0].Result != removal.WouldStart || len(f.launched) != 0 || len(f.runOnce) != 0 || f.cleared != 0 {
		t.Errorf("dry run: outcomes %+v, launched %q, RunOnce %q, cleared %d", d.outcomes, f.launched, f.runOnce, f.cleared)
	}
}

// TestPrepareRefusesUnsafeSettings: while this account's settings would
// ride on the elevated start, the uninstaller is not even offered; the
// refusal says which sentinel, so the doors can say how to undo it.
func TestPrepareRefusesUnsafeSettings(t *testing.T) {
	for _, sentinel := range []error{platform.ErrClassOverride, platform.ErrUnsafeEnvironment} {
		f := &fake{scans: []platform.Snapshot{snapKIS}, sig: kaspersky,
			unsafe: &platform.UnsafeSettingError{Err: sentinel, Settings: []string{"x"}}}
		p, _, err := f.service(t).Prepare(t.Context(), "kaspersky-internet-security")
		if !errors.Is(err, removal.ErrRefused) || !errors.Is(err, sentinel) || p == nil || p.Signature == nil {
			t.Errorf("%v: prepared %+v, %v", sentinel, p, err)
		}
		if len(f.launched) != 0 {
			t.Errorf("started: %v", f.launched)
		}
	}
}

// TestRemoveStopsAfterACancel: two products; the door says no to the
// first, so only the second starts; when the user cancels the permission
// prompt of a start, nothing after it starts; with the app's context
// ended, nothing starts at all.
func TestRemoveStopsAfterACancel(t *testing.T) {
	two := snapKIS
	two.Programs = append(slices.Clone(snapKIS.Programs), platform.Program{Name: "Kaspersky Password Manager", Version: "9.0", Source: platform.SourceUninstall,
		Where: `HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\KPM`, UninstallString: `"` + uninstaller + `" /x`})
	prepare := func(t *testing.T, f *fake) (*service.Service, []*service.Prepared, *service.FileProgress) {
		svc := f.service(t)
		res, err := svc.Scan(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		var preps []*service.Prepared
		for _, r := range service.Removable(res.Findings, nil) {
			p, err := svc.PrepareFrom(res, r.ProductID)
			if err != nil {
				t.Fatal(err)
			}
			preps = append(preps, p)
		}
		if len(preps) != 2 {
			t.Fatalf("prepared %d products, want 2", len(preps))
		}
		pr := &service.FileProgress{State: progress.New(region.US).WithScan(res.Record()), Store: progress.Store{Path: filepath.Join(testtmp.Dir(t), progress.StateFile)}}
		return svc, preps, pr
	}

	f := &fake{scans: []platform.Snapshot{two}, sig: kaspersky, exit: 0}
	svc, preps, pr := prepare(t, f)
	d := &door{t: t, store: pr.Store, confirm: func(p *service.Prepared) bool { return p != preps[0] }}
	if _, err := svc.Remove(t.Context(), pr, preps, d); err != nil {
		t.Fatal(err)
	}
	if len(f.launched) != 1 || len(d.outcomes) != 1 || pr.State.Removal[preps[0].Finding.ProductID] != progress.ToRemove {
		t.Errorf("said no to the first: launched %q, outcomes %+v, rows %v", f.launched, d.outcomes, pr.State.Removal)
	}

	f = &fake{scans: []platform.Snapshot{two}, sig: kaspersky, exit: 0, launchErr: platform.ErrCancelled}
	svc, preps, pr = prepare(t, f)
	d = &door{t: t, store: pr.Store}
	if _, err := svc.Remove(t.Context(), pr, preps, d); err != nil {
		t.Fatal(err)
	}
	if len(f.launched) != 1 || len(d.outcomes) != 1 || d.outcomes[0].Result != removal.Cancelled {
		t.Errorf("cancelled prompt: launched %q, outcomes %+v", f.launched, d.outcomes)
	}
	for _, p := range preps {
		if st := pr.State.Removal[p.Finding.ProductID]; st != progress.ToRemove {
			t.Errorf("%s is %s after a cancel, want to-remove", p.Finding.ProductID, st)
		}
	}

	f = &fake{scans: []platform.Snapshot{two}, sig: kaspersky}
	svc, preps, pr = prepare(t, f)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	d = &door{t: t, store: pr.Store}
	if _, err := svc.Remove(ctx, pr, preps, d); !errors.Is(err, context.Canceled) || len(f.launched) != 0 || len(d.outcomes) != 0 {
		t.Errorf("ended context: %v, launched %q, outcomes %+v", err, f.launched, d.outcomes)
	}
}
