//go:build !windows

package platform

import (
	"context"
	"errors"
	"fmt"
	"io/fs"

	"github.com/shirou/gopsutil/v3/common"
	"github.com/shirou/gopsutil/v3/process"
)

// probeProcesses lists process names through gopsutil: the pid list, then
// each name alone (on Linux one read of /proc/PID/comm), never the costly
// process.Processes().
func probeProcesses(ctx context.Context, opts *Options, out *Snapshot) error {
	if opts.Roots.Proc != "" {
		ctx = context.WithValue(ctx, common.EnvKey, common.EnvMap{common.HostProcEnvKey: opts.Roots.Proc})
	}
	pids, err := process.PidsWithContext(ctx)
	if err != nil {
		return fmt.Errorf("listing processes: %w", err)
	}
	out.Processes = make([]Process, 0, len(pids))
	for i, pid := range pids {
		if i%256 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		p := process.Process{Pid: pid}
		name, err := p.NameWithContext(ctx)
		switch {
		case err == nil:
			out.Processes = append(out.Processes, Process{PID: pid, Name: name})
		case errors.Is(err, fs.ErrNotExist):
			// It ended between the listing and the read.
		default:
			// Running, details unknown: never "absent".
			out.Processes = append(out.Processes, Process{PID: pid, Denied: true})
		}
	}
	return nil
}
