package platform

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"howett.net/plist"
)

// maxPlist bounds what we read of one property list.
const maxPlist = 4 << 20

// BundleInfo is what we need of an application bundle's Info.plist.
type BundleInfo struct {
	Identifier string `plist:"CFBundleIdentifier"`
	Name       string `plist:"CFBundleName"`
	Display    string `plist:"CFBundleDisplayName"`
	Version    string `plist:"CFBundleShortVersionString"`
	Build      string `plist:"CFBundleVersion"`
	Executable string `plist:"CFBundleExecutable"`
}

// ParseBundleInfo decodes an Info.plist in any of its forms (XML, binary, OpenStep).
func ParseBundleInfo(data []byte) (BundleInfo, error) {
	var info BundleInfo
	if len(data) > maxPlist {
		return info, fmt.Errorf("property list is %d bytes, more than %d", len(data), maxPlist)
	}
	if _, err := plist.Unmarshal(data, &info); err != nil {
		return info, fmt.Errorf("decoding property list: %w", err)
	}
	return info, nil
}

// ParseLaunchdLabel returns the Label of a launchd job property list.
func ParseLaunchdLabel(data []byte) (string, error) {
	var job struct {
		Label string `plist:"Label"`
	}
	if len(data) > maxPlist {
		return "", fmt.Errorf("property list is %d bytes, more than %d", len(data), maxPlist)
	}
	if _, err := plist.Unmarshal(data, &job); err != nil {
		return "", fmt.Errorf("decoding property list: %w", err)
	}
	if strings.TrimSpace(job.Label) == "" {
		return "", fmt.Errorf("launchd property list has no Label")
	}
	return job.Label, nil
}

// eachEntry calls fn for every entry of every folder in dirs. A folder that
// does not exist is skipped; the first other error is returned after all.
func eachEntry(dirs []string, fn func(dir string, e os.DirEntry)) error {
	var firstErr error
	for _, dir := range dirs {
		entries, err := os.ReadDir(dir)
		if err != nil {
			if !os.IsNotExist(err) && firstErr == nil {
				firstErr = fmt.Errorf("reading %s: %w", dir, err)
			}
			continue
		}
		for _, e := range entries {
			fn(dir, e)
		}
	}
	return firstErr
}

// readApps lists the application bundles directly in dirs. A bundle whose
// Info.plist cannot be read is still listed, by its folder name.
func readApps(dirs []string) ([]Program, error) {
	var out []Program
	err := eachEntry(dirs, func(dir string, e os.DirEntry) {
		base, ok := strings.CutSuffix(e.Name(), ".app")
		if !ok || !e.IsDir() {
			return
		}
		path := filepath.Join(dir, e.Name())
		p := Program{Name: base, Source: SourceApp, Where: path, InstallLocation: path}
		if data, err := readLimited(filepath.Join(path, "Contents", "Info.plist")); err == nil {
			if info, err := ParseBundleInfo(data); err == nil {
				p.BundleID = info.Identifier
				p.Executable = info.Executable
				p.Version = info.Version
				if p.Version == "" {
					p.Version = info.Build
				}
			}
		}
		out = append(out, p)
	})
	return out, err
}

// XProtectBundle is where macOS keeps XProtect's signatures (macOS 10.15
// and later; Apple Platform Security guide, "Protecting against malware in
// macOS").
const XProtectBundle = "/Library/Apple/System/Library/CoreServices/XProtect.bundle"

// readXProtect reports macOS's own malware protection as an installed
// system program: XProtect, with the version of its signatures and the day
// they last changed (the bundle's Info.plist). It is part of macOS and
// cannot be turned off by a normal user.
func readXProtect(bundle string) ([]Program, error) {
	info := filepath.Join(bundle, "Contents", "Info.plist")
	fi, err := os.Stat(info)
	if err != nil {
		return nil, err
	}
	p := Program{Name: "XProtect", Source: SourceSystem, Where: bundle, InstallLocation: bundle,
		Updated: fi.ModTime().UTC().Format("2006-01-02")}
	if data, err := readLimited(info); err == nil {
		if b, err := ParseBundleInfo(data); err == nil {
			p.BundleID, p.Version = b.Identifier, b.Version
			if p.Version == "" {
				p.Version = b.Build
			}
		}
	}
	return []Program{p}, nil
}

// readLaunchd lists the launchd jobs defined in dirs.
func readLaunchd(dirs []string) ([]Service, error) {
	var out []Service
	err := eachEntry(dirs, func(dir string, e os.DirEntry) {
		if !strings.HasSuffix(e.Name(), ".plist") || e.IsDir() {
			return
		}
		path := filepath.Join(dir, e.Name())
		label := strings.TrimSuffix(e.Name(), ".plist")
		if data, err := readLimited(path); err == nil {
			if l, err := ParseLaunchdLabel(data); err == nil {
				label = l
			}
		}
		out = append(out, Service{Name: label, Kind: ServiceLaunchd, State: StateUnknown, Where: path})
	})
	return out, err
}

func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(io.LimitReader(f, maxPlist+1)); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
