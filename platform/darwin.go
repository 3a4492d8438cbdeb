//go:build darwin

package platform

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"howett.net/plist"
)

func osProbes() []probe {
	return []probe{
		{"system", probeDarwinVersion},
		{"processes", probeProcesses},
		{"applications", probeApps},
		{"launchd", probeLaunchd},
		{"xprotect", probeXProtect},
		{"root-certificates", probeRootCertificates},
	}
}

// probeXProtect adds macOS's own protection to the programs; the apps probe
// runs at the same time, so it goes through its own slot.
func probeXProtect(_ context.Context, opts *Options, out *Snapshot) error {
	live, old := opts.Roots.XProtectLive, opts.Roots.XProtect
	if live == "" {
		live = XProtectLiveBundle
	}
	if old == "" {
		old = XProtectBundle
	}
	progs, err := readXProtect(live, old)
	if os.IsNotExist(err) {
		return fmt.Errorf("%w: neither %s nor %s", ErrUnavailable, live, old)
	}
	out.Programs = append(out.Programs, progs...)
	return err
}

func probeDarwinVersion(_ context.Context, _ *Options, out *Snapshot) error {
	data, err := readLimited("/System/Library/CoreServices/SystemVersion.plist")
	if err != nil {
		return err
	}
	var v struct {
		Name    string `plist:"ProductName"`
		Version string `plist:"ProductVersion"`
	}
	if _, err := plist.Unmarshal(data, &v); err != nil {
		return err
	}
	out.OS.Name, out.OS.Version = v.Name, v.Version
	return nil
}

func homeDir(r Roots) string {
	if r.Home != "" {
		return r.Home
	}
	h, _ := os.UserHomeDir()
	return h
}

func probeApps(_ context.Context, opts *Options, out *Snapshot) error {
	dirs := opts.Roots.Applications
	if dirs == nil {
		dirs = []string{"/Applications", filepath.Join(homeDir(opts.Roots), "Applications")}
	}
	progs, err := readApps(dirs)
	out.Programs = progs
	return err
}

func probeLaunchd(_ context.Context, opts *Options, out *Snapshot) error {
	dirs := opts.Roots.LaunchDirs
	if dirs == nil {
		dirs = []string{"/Library/LaunchDaemons", "/Library/LaunchAgents", filepath.Join(homeDir(opts.Roots), "Library", "LaunchAgents")}
	}
	svcs, err := readLaunchd(dirs)
	out.Services = svcs
	return err
}
