//go:build linux

package platform

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// DefaultDpkgStatus is the dpkg database of installed packages.
const DefaultDpkgStatus = "/var/lib/dpkg/status"

func osProbes() []probe {
	return []probe{
		{"system", probeLinuxRelease},
		{"processes", probeProcesses},
		{"dpkg", probeDpkg},
		{"rpm", probeRPM},
		{"systemd", probeSystemd},
	}
}

func probeLinuxRelease(_ context.Context, _ *Options, out *Snapshot) error {
	data, err := os.ReadFile("/etc/os-release")
	if err != nil {
		data, err = os.ReadFile("/usr/lib/os-release")
	}
	if err != nil {
		return fmt.Errorf("reading os-release: %w", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), "=")
		if !ok {
			continue
		}
		v = strings.Trim(v, `"'`)
		switch k {
		case "NAME":
			out.OS.Name = v
		case "VERSION_ID":
			out.OS.Version = v
		}
	}
	return nil
}

func probeDpkg(_ context.Context, opts *Options, out *Snapshot) error {
	path := opts.Roots.DpkgStatus
	if path == "" {
		path = DefaultDpkgStatus
	}
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("no dpkg database at %s: %w", path, ErrUnavailable)
	}
	if err != nil {
		return fmt.Errorf("opening dpkg database: %w", err)
	}
	defer f.Close()
	progs, err := ParseDpkgStatus(f, path)
	out.Programs = progs
	return err
}

// commandEnv keeps child output in the untranslated form we parse.
var commandEnv = []string{"LC_ALL=C", "PATH=/usr/sbin:/usr/bin:/sbin:/bin", "SYSTEMD_COLORS=0", "SYSTEMD_PAGER="}

// run starts a system tool by name, taken from TrustedToolDirs only (never
// the inherited PATH), with fixed arguments (never a shell), and returns its
// output; ErrUnavailable when the tool is not installed there.
func run(ctx context.Context, name string, args ...string) ([]byte, error) {
	path, err := ToolPath(name)
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, path, args...)
	cmd.Env = commandEnv
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	outp, err := cmd.Output()
	if ctx.Err() != nil {
		return outp, fmt.Errorf("running %s: %w", name, ctx.Err())
	}
	if err != nil {
		return outp, fmt.Errorf("running %s: %w: %s", name, err, truncate(strings.TrimSpace(stderr.String()), 200))
	}
	return outp, nil
}

func probeRPM(ctx context.Context, opts *Options, out *Snapshot) error {
	if opts.Roots.NoCommands {
		return fmt.Errorf("commands turned off: %w", ErrUnavailable)
	}
	data, err := run(ctx, "rpm", "-qa", "--qf", `%{NAME}\t%{VERSION}-%{RELEASE}\t%{VENDOR}\n`)
	if err != nil {
		return err
	}
	out.Programs = ParseRPMList(data)
	return nil
}

func probeSystemd(ctx context.Context, opts *Options, out *Snapshot) error {
	dirs := opts.Roots.UnitDirs
	if dirs == nil {
		dirs = DefaultUnitDirs
	}
	units, err := readUnitDirs(dirs)
	if err != nil {
		return fmt.Errorf("reading unit files: %w", err)
	}
	out.Services = units
	if opts.Roots.NoCommands {
		return nil
	}
	data, err := run(ctx, "systemctl", "list-units", "--type=service", "--all", "--plain", "--no-legend", "--no-pager")
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return err
	case err != nil:
		// No systemctl, or no running systemd (a container): the unit files are all we know.
		return nil
	}
	states := ParseSystemctlUnits(bytes.NewReader(data))
	for i := range out.Services {
		if st, ok := states[out.Services[i].Name]; ok {
			out.Services[i].State = st
		}
	}
	return nil
}
