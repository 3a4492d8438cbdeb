//go:build linux

package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"time"
)

// startup runs a binary until it prints "started", and returns the time
// from exec and its peak memory then (KiB).
func startup(bin string, env []string, tmp string) (time.Duration, int, error) {
	ctx, cancel := context.WithTimeout(context.Background(), startTimeout)
	defer cancel()
	cmd, stderr, err := appCommand(ctx, bin, env, tmp, "TH_BENCH_STARTUP=1")
	if err != nil {
		return 0, 0, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return 0, 0, err
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return 0, 0, err
	}
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "started" {
			d := time.Since(start)
			m, err := vmHWM(cmd.Process.Pid)
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
			return d, m, err
		}
	}
	_ = cmd.Process.Kill()
	_ = cmd.Wait()
	return 0, 0, fmt.Errorf("%s never said it started within %v (built with -tags %s? make build-dev)%s", bin, startTimeout, devTag, tail(stderr.String()))
}

// appCommand prepares the app with one benchmark hook, its own empty state
// folder, and its standard error kept for messages.
func appCommand(ctx context.Context, bin string, env []string, tmp, hook string) (*exec.Cmd, *bytes.Buffer, error) {
	state, err := os.MkdirTemp(tmp, "state-")
	if err != nil {
		return nil, nil, err
	}
	cmd := exec.CommandContext(ctx, bin)
	cmd.Env = append(slices.Clip(env), hook, "TH_STATE_DIR="+state)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	return cmd, &stderr, nil
}

// responsiveness starts n sleeping processes, runs the app's UI-wait probe
// and returns the longest wait in milliseconds.
func responsiveness(bin string, env []string, tmp string, n int) (float64, error) {
	ctx, cancel := context.WithTimeout(context.Background(), responsiveTimeout)
	defer cancel()
	cmd, stderr, err := appCommand(ctx, bin, env, tmp, "TH_BENCH_RESPONSIVE=1")
	if err != nil {
		return 0, err
	}
	stop, err := spawn(n)
	if err != nil {
		return 0, err
	}
	out, err := cmd.Output()
	stop()
	if err != nil {
		return 0, fmt.Errorf("responsiveness run: %w%s", err, tail(stderr.String()))
	}
	for line := range strings.Lines(string(out)) {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "worst-ui-wait-ms "); ok {
			return strconv.ParseFloat(v, 64)
		}
	}
	return 0, fmt.Errorf("responsiveness run printed no worst-ui-wait-ms line (built with -tags %s? make build-dev): %q", devTag, out)
}

// spawn starts n sleeping processes and returns a function that ends them.
// If one cannot be started, those already started are ended first.
func spawn(n int) (func(), error) {
	var cmds []*exec.Cmd
	stop := func() {
		for _, c := range cmds {
			_ = c.Process.Kill()
		}
		for _, c := range cmds {
			_ = c.Wait()
		}
	}
	for range n {
		c := exec.Command("/bin/sleep", "600")
		if err := c.Start(); err != nil {
			stop()
			return nil, fmt.Errorf("starting process %d of %d: %w", len(cmds)+1, n, err)
		}
		cmds = append(cmds, c)
	}
	return stop, nil
}

// tail is the end of a program's error output, for an error message.
func tail(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if len(s) > 2000 {
		s = "…" + s[len(s)-2000:]
	}
	return "\n" + s
}

func vmHWM(pid int) (int, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for l := range strings.Lines(string(data)) {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmHWM:" {
			return strconv.Atoi(f[1])
		}
	}
	return 0, fmt.Errorf("/proc/%d/status has no VmHWM", pid)
}

func median[T time.Duration | int](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}
