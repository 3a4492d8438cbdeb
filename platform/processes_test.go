//go:build !windows

package platform

import (
	"context"
	"runtime"
	"testing"
)

// TestProcessesFromProcRoot reads a /proc tree from testdata through gopsutil's HOST_PROC.
func TestProcessesFromProcRoot(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("a /proc tree is Linux only")
	}
	opts := Options{Roots: Roots{Proc: "testdata/proc"}}
	var out Snapshot
	if err := probeProcesses(context.Background(), &opts, &out); err != nil {
		t.Fatal(err)
	}
	got := map[int32]string{}
	for _, p := range out.Processes {
		got[p.PID] = p.Name
	}
	if len(got) != 3 || got[1] != "systemd" || got[42] != "kesl" || got[77] != "klnagent64" {
		t.Errorf("processes = %v", got)
	}
}
