package cli

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"transitionhelper/app/detect"
	"transitionhelper/app/internal/testtmp"
	"transitionhelper/platform"
)

// TestLinuxScanFindsRealProcesses starts renamed copies of this binary and
// scans the real /proc through gopsutil, with a dpkg database and unit
// folder from testdata.
func TestLinuxScanFindsRealProcesses(t *testing.T) {
	dir := testtmp.Dir(t)
	pids := map[string]int{}
	for _, name := range []string{"avp", "kesl", "klnagent64"} {
		pids[name] = startRenamed(t, dir, name)
	}
	scan := func(ctx context.Context, opts platform.Options) *platform.Snapshot {
		opts.Roots = platform.Roots{
			DpkgStatus: "../../platform/testdata/dpkg/status",
			UnitDirs:   []string{"../../platform/testdata/units/b"},
			NoCommands: true,
		}
		return platform.Scan(ctx, opts)
	}
	var got ScanJSON
	var code int
	// The copies may take a moment to exec; wait for both to show up.
	for deadline := time.Now().Add(10 * time.Second); ; {
		got, code = runJSON(t, Env{Service: testService(t, scan, nil)})
		if len(got.Findings) >= 2 && got.Findings[0].State == detect.StateRunning && got.Findings[1].State == detect.StateRunning || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if code != ExitFound || !got.KasperskyFound {
		t.Fatalf("exit %d, kasperskyFound %v", code, got.KasperskyFound)
	}
	want := map[string][]string{
		"kaspersky-endpoint-linux": {"process kesl", "package kesl", "service kesl"},
		"kaspersky-network-agent":  {"process klnagent64", "package klnagent64", "service klnagent64"},
	}
	if len(got.Findings) != len(want) {
		t.Fatalf("findings: %+v", got.Findings)
	}
	for _, f := range got.Findings {
		evidence, ok := want[f.ProductID]
		if !ok {
			t.Errorf("unexpected finding %s", f.ProductID)
			continue
		}
		if f.State != detect.StateRunning {
			t.Errorf("%s: state %s, want running", f.ProductID, f.State)
		}
		var seen []string
		for _, e := range f.Evidence {
			seen = append(seen, e.Kind+" "+e.Matched)
			// Other copies may run on this machine too: ours must be among the pids.
			if e.Kind == "process" && !slices.Contains(strings.Split(strings.TrimPrefix(e.Where, "pid "), ", "), fmt.Sprint(pids[e.Matched])) {
				t.Errorf("%s: pid %d not in %q", f.ProductID, pids[e.Matched], e.Where)
			}
		}
		for _, w := range evidence {
			if !slices.Contains(seen, w) {
				t.Errorf("%s: no evidence %q in %q", f.ProductID, w, seen)
			}
		}
	}
	// avp is a Windows and macOS name: on Linux it must not be taken for Kaspersky.
	for _, f := range got.Findings {
		for _, e := range f.Evidence {
			if e.Matched == "avp" {
				t.Errorf("avp matched on Linux: %+v", e)
			}
		}
	}
}
