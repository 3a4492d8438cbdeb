package platform

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
	"transitionhelper/platform/platformtest"
)

func TestScanKeepsOtherProbesWhenOneFailsOrHangs(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	probes := []probe{
		{"good", func(_ context.Context, _ *Options, out *Snapshot) error {
			out.Processes = []Process{{PID: 1, Name: "init"}}
			return nil
		}},
		{"partial", func(_ context.Context, _ *Options, out *Snapshot) error {
			out.Programs = []Program{{Name: "half read"}}
			return errors.New("disk on fire")
		}},
		{"hung", func(context.Context, *Options, *Snapshot) error {
			<-release // ignores its context
			return nil
		}},
		{"crash", func(context.Context, *Options, *Snapshot) error { panic("boom") }},
		{"missing", func(context.Context, *Options, *Snapshot) error { return ErrUnavailable }},
	}
	snap := scan(context.Background(), Options{ProbeTimeout: 50 * time.Millisecond}, probes)
	if len(snap.Processes) != 1 || len(snap.Programs) != 1 {
		t.Fatalf("results lost: %+v", snap)
	}
	byName := map[string]ProbeResult{}
	for _, p := range snap.Probes {
		byName[p.Name] = p
	}
	if !byName["good"].OK() || byName["good"].Items != 1 {
		t.Errorf("good: %+v", byName["good"])
	}
	if p := byName["partial"]; p.OK() || !strings.Contains(p.Error, "disk on fire") || p.Items != 1 {
		t.Errorf("partial: %+v", p)
	}
	if p := byName["hung"]; p.OK() || !p.TimedOut {
		t.Errorf("hung: %+v", p)
	}
	if p := byName["crash"]; p.OK() || !strings.Contains(p.Error, "boom") {
		t.Errorf("crash: %+v", p)
	}
	if p := byName["missing"]; !p.OK() || !p.Unavailable {
		t.Errorf("missing: %+v", p)
	}
	if snap.Complete() {
		t.Error("a scan with failed probes says it is complete")
	}
	if snap.OS.Family != runtime.GOOS {
		t.Errorf("OS family %q", snap.OS.Family)
	}
}

func TestDecodeProductState(t *testing.T) {
	tests := []struct {
		state      uint32
		protection string
		upToDate   bool
		microsoft  bool
	}{
		{397568, "on", true, true},     // 0x061100
		{393472, "off", true, true},    // 0x060100
		{397312, "on", true, false},    // 0x061000
		{0x061010, "on", false, false}, // out of date
		{0x062100, "snoozed", true, true},
		{0x063000, "expired", true, false},
		{0x064000, "unknown", true, false},
	}
	for _, tt := range tests {
		got := DecodeProductState(tt.state)
		if got.Protection != tt.protection || got.SignaturesUpToDate != tt.upToDate || got.Microsoft != tt.microsoft {
			t.Errorf("DecodeProductState(%#x) = %+v", tt.state, got)
		}
	}
	if s := DecodeProductState(397568).String(); s != "on, signatures up to date, Microsoft" {
		t.Errorf("String() = %q", s)
	}
}

func TestExpandKnownFolders(t *testing.T) {
	roots := Roots{Home: "/home/ann"}
	if got, ok := ExpandKnownFolders("{Home}/Library/Kaspersky", roots); !ok || got != "/home/ann/Library/Kaspersky" {
		t.Errorf("got %q %v", got, ok)
	}
	if got, ok := ExpandKnownFolders("/opt/kaspersky", roots); !ok || got != "/opt/kaspersky" {
		t.Errorf("got %q %v", got, ok)
	}
	if _, ok := ExpandKnownFolders("{Home", roots); ok {
		t.Error("an unclosed placeholder was expanded")
	}
	if _, ok := ExpandKnownFolders("{Nope}/x", roots); ok {
		t.Error("an unknown folder was expanded")
	}
	if runtime.GOOS != "windows" {
		if _, ok := ExpandKnownFolders(`{ProgramData}\Kaspersky Lab`, roots); ok {
			t.Error("a Windows folder was expanded outside Windows")
		}
	}
}

func TestLeftoverProbe(t *testing.T) {
	dir := platformtest.TempDir(t)
	if err := os.Mkdir(filepath.Join(dir, "Kaspersky Lab"), 0o755); err != nil {
		t.Fatal(err)
	}
	opts := Options{Roots: Roots{Home: dir}, LeftoverPaths: []string{"{Home}/Kaspersky Lab", "{Home}/Gone"}}
	var out Snapshot
	if err := probeLeftovers(context.Background(), &opts, &out); err != nil {
		t.Fatal(err)
	}
	if len(out.Paths) != 2 || !out.Paths[0].Exists || out.Paths[1].Exists {
		t.Errorf("paths = %+v", out.Paths)
	}
}
