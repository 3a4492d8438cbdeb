package platform

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
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
// macOS"). Since macOS 15 it may be stale: see XProtectLiveBundle.
const XProtectBundle = "/Library/Apple/System/Library/CoreServices/XProtect.bundle"

// XProtectLiveBundle is where macOS 15 and later keep the XProtect
// signatures they use, updated through XProtect's own channel, looked at
// before XProtectBundle. This is reported, not confirmed by Apple: "How
// XProtect has changed in macOS Sequoia" (2024-09-25, as published on
// macmegasite.com; credited to Eclectic Light; catalog source
// eclectic-light-xprotect-sequoia) says XProtect reads its rules there
// first and the CoreServices bundle is a secondary source. Apple's
// documentation searched for this change named only the old location.
const XProtectLiveBundle = "/var/protected/xprotect/XProtect.bundle"

// XProtectInfo is what one XProtect bundle holds.
type XProtectInfo struct {
	Path    string `json:"path"`
	Exists  bool   `json:"exists"`
	Version string `json:"version,omitempty"`
	// Updated is the day its Info.plist last changed, YYYY-MM-DD.
	Updated  string `json:"updated,omitempty"`
	BundleID string `json:"bundleId,omitempty"`
	Error    string `json:"error,omitempty"`
}

// ReadXProtectBundle reads one XProtect bundle's version and date.
func ReadXProtectBundle(bundle string) XProtectInfo {
	x := XProtectInfo{Path: bundle}
	info := filepath.Join(bundle, "Contents", "Info.plist")
	fi, err := os.Stat(info)
	if err != nil {
		if !os.IsNotExist(err) {
			x.Error = err.Error()
		}
		return x
	}
	x.Exists, x.Updated = true, fi.ModTime().UTC().Format("2006-01-02")
	data, err := readLimited(info)
	if err == nil {
		var b BundleInfo
		if b, err = ParseBundleInfo(data); err == nil {
			x.BundleID, x.Version = b.Identifier, b.Version
			if x.Version == "" {
				x.Version = b.Build
			}
		}
	}
	if err != nil {
		x.Error = err.Error()
	}
	return x
}

// NewerXProtect picks the bundle macOS uses of the live and the old one:
// the one that exists; of two, the higher version, the live one when they
// tie or cannot be compared.
func NewerXProtect(live, old XProtectInfo) XProtectInfo {
	switch {
	case !live.Exists:
		return old
	case !old.Exists:
		return live
	case compareVersions(old.Version, live.Version) > 0:
		return old
	}
	return live
}

// compareVersions compares dotted numeric versions ("5285", "2.10");
// anything unparsable compares equal.
func compareVersions(a, b string) int {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := range max(len(pa), len(pb)) {
		var x, y int
		var err1, err2 error
		if i < len(pa) {
			x, err1 = strconv.Atoi(pa[i])
		}
		if i < len(pb) {
			y, err2 = strconv.Atoi(pb[i])
		}
		if err1 != nil || err2 != nil {
			return 0
		}
		if x != y {
			return cmp.Compare(x, y)
		}
	}
	return 0
}

// readXProtect reports macOS's own malware protection as an installed
// system program: XProtect, with the version of its signatures and the day
// they last changed, from the bundle macOS uses (NewerXProtect of live and
// old). It is part of macOS and cannot be turned off by a normal user.
func readXProtect(live, old string) ([]Program, error) {
	x := NewerXProtect(ReadXProtectBundle(live), ReadXProtectBundle(old))
	if !x.Exists {
		return nil, &os.PathError{Op: "stat", Path: old, Err: os.ErrNotExist}
	}
	return []Program{{Name: "XProtect", Source: SourceSystem, Where: x.Path, InstallLocation: x.Path,
		Updated: x.Updated, BundleID: x.BundleID, Version: x.Version}}, nil
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
