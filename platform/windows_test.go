//go:build windows

package platform

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/sys/windows"
)

func TestIsGUID(t *testing.T) {
	tests := map[string]bool{
		"{8F4F3A1B-2C3D-4E5F-9A0B-1C2D3E4F5A6B}": true,
		"{8f4f3a1b-2c3d-4e5f-9a0b-1c2d3e4f5a6b}": true,
		"8F4F3A1B-2C3D-4E5F-9A0B-1C2D3E4F5A6B":   false,
		"{8F4F3A1B-2C3D-4E5F-9A0B-1C2D3E4F5A6}":  false,
		"{8F4F3A1B_2C3D-4E5F-9A0B-1C2D3E4F5A6B}": false,
		"{8F4F3A1B-2C3D-4E5F-9A0B-1C2D3E4F5A6G}": false,
		"Kaspersky Internet Security":            false,
	}
	for in, want := range tests {
		if got := isGUID(in); got != want {
			t.Errorf("isGUID(%q) = %v", in, got)
		}
	}
}

// The probes below run for real: under Wine in make test, or on Windows.

func TestProcessSnapshotSeesThisProcess(t *testing.T) {
	var out Snapshot
	if err := probeProcesses(context.Background(), &Options{}, &out); err != nil {
		t.Fatal(err)
	}
	self := filepath.Base(os.Args[0])
	for _, p := range out.Processes {
		if p.PID == int32(os.Getpid()) {
			if !strings.EqualFold(p.Name, self) {
				t.Errorf("pid %d is named %q, want %q", p.PID, p.Name, self)
			}
			return
		}
	}
	t.Errorf("own process %d not in %d processes", os.Getpid(), len(out.Processes))
}

func TestServicesReadOnly(t *testing.T) {
	var out Snapshot
	if err := probeServices(context.Background(), &Options{}, &out); err != nil {
		t.Fatal(err)
	}
	if len(out.Services) == 0 {
		t.Fatal("no services at all")
	}
	for _, s := range out.Services {
		if s.Name == "" || (s.Kind != ServiceWindows && s.Kind != ServiceDriver) || (s.State != StateRunning && s.State != StateStopped) {
			t.Errorf("service %+v", s)
		}
	}
}

func TestSecurityCenterMissingIsReportedNotFailed(t *testing.T) {
	var out Snapshot
	err := probeSecurityCenter(context.Background(), &Options{}, &out)
	if err != nil && !errors.Is(err, ErrUnavailable) {
		t.Fatalf("Security Center probe failed instead of reporting it missing: %v", err)
	}
	for _, p := range out.SecurityCenter {
		if p.DisplayName == "" || p.State.Protection == "" {
			t.Errorf("product %+v", p)
		}
	}
}

func TestKnownFoldersOnWindows(t *testing.T) {
	for _, name := range []string{"ProgramData", "ProgramFiles", "ProgramFilesX86"} {
		if dir := knownFolder(name); dir == "" || !filepath.IsAbs(dir) {
			t.Errorf("%s = %q", name, dir)
		}
	}
	p, ok := ExpandKnownFolders(`{ProgramData}\Kaspersky Lab`, Roots{})
	if !ok || !strings.HasSuffix(p, `\Kaspersky Lab`) || strings.Contains(p, "{") {
		t.Errorf("expanded to %q %v", p, ok)
	}
}

func TestAttachParentConsoleKeepsOutput(t *testing.T) {
	before := os.Stdout
	AttachParentConsole()
	if os.Stdout != before {
		t.Error("a console program's stdout was replaced")
	}
	if !HasDisplay() {
		t.Error("Windows always has a display")
	}
}

func TestRegionHints(t *testing.T) {
	tz, locale := RegionHints()
	t.Logf("time zone %q, locale %q", tz, locale)
	if tz == "" && locale == "" {
		t.Error("neither a time zone nor a locale")
	}
}

// TestSplitCommandLineAgreesWithWindows checks the Go parser against
// CommandLineToArgvW itself, through windows.DecomposeCommandLine.
func TestSplitCommandLineAgreesWithWindows(t *testing.T) {
	for _, tt := range cmdlineCases {
		want, err := windows.DecomposeCommandLine(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := SplitCommandLine(tt.in)
		if !slices.Equal(got, want) {
			t.Errorf("%q: Go parser %q, Windows %q", tt.in, got, want)
		}
	}
}
