//go:build windows

package platform

import (
	"errors"
	"os"
	"strings"
	"testing"

	"golang.org/x/sys/windows/registry"
)

// TestUIAutomationUnderWine: with the test prefix's stand-in DLL
// (uiautomationcore=n, make test-windows) the accessible build can run;
// with Wine's own builtin DLL (the prefix changed for the test:
// uiautomationcore=b and TH_EXPECT_UIA=builtin, as make test-windows runs it
// a second time) it cannot, and the check says so. Wine reads its DLL
// overrides when it starts, so each case is its own run.
func TestUIAutomationUnderWine(t *testing.T) {
	if os.Getenv("TH_WINE") != "1" || !IsWine() {
		t.Skip("runs under Wine with TH_WINE=1 (make test-windows)")
	}
	err := UIAutomation()
	if os.Getenv("TH_EXPECT_UIA") == "builtin" {
		if err == nil || !strings.Contains(err.Error(), "Wine's builtin") {
			t.Errorf("with Wine's builtin DLL: %v, want the check to fail", err)
		}
		return
	}
	if err != nil {
		t.Errorf("with the stand-in: %v", err)
	}
}

// TestGraphicsUnderWine: WGL answers with OpenGL 2.1 or later on a display
// with GLX; on one without (Xvfb -extension GLX, TH_EXPECT_GL=none, as make
// test-windows runs it a second time) it fails with ErrNoGraphics.
func TestGraphicsUnderWine(t *testing.T) {
	if os.Getenv("TH_WINE") != "1" || !IsWine() || os.Getenv("DISPLAY") == "" {
		t.Skip("needs Wine on an X display (make test-windows)")
	}
	g, err := CheckGraphics()
	if os.Getenv("TH_EXPECT_GL") == "none" {
		if !errors.Is(err, ErrNoGraphics) || !g.Checked {
			t.Errorf("on %s without GLX: %+v, %v; want %v", os.Getenv("DISPLAY"), g, err, ErrNoGraphics)
		}
		return
	}
	if err != nil || !g.Checked || !GLVersionAtLeast(g.Version, 2, 1) {
		t.Errorf("on %s: %+v, %v", os.Getenv("DISPLAY"), g, err)
	}
	t.Logf("%+v", g)
}

// TestClassOverridesUnderWine: a clean profile has none; a per-user runas
// verb for programs (added to the prefix for the test, then taken away) is
// found.
func TestClassOverridesUnderWine(t *testing.T) {
	if os.Getenv("TH_WINE") != "1" {
		t.Skip("changes the registry: runs under Wine with TH_WINE=1")
	}
	if got, err := ClassOverrides(); err != nil || len(got) != 0 {
		t.Fatalf("a clean prefix: %+v, %v", got, err)
	}
	const path = `Software\Classes\exefile\shell\runas\command`
	k, _, err := registry.CreateKey(registry.CURRENT_USER, path, registry.SET_VALUE)
	if err != nil {
		t.Fatal(err)
	}
	k.SetStringValue("", `C:\Users\Public\evil.exe "%1"`)
	k.Close()
	t.Cleanup(func() {
		for _, p := range []string{path, `Software\Classes\exefile\shell\runas`, `Software\Classes\exefile\shell`, `Software\Classes\exefile`} {
			if err := registry.DeleteKey(registry.CURRENT_USER, p); err != nil && !errors.Is(err, registry.ErrNotExist) {
				t.Errorf("removing HKCU\\%s: %v", p, err)
			}
		}
	})
	got, err := ClassOverrides()
	if err != nil || len(got) != 1 || got[0].Key != `HKCU\Software\Classes\exefile\shell` || !strings.Contains(got[0].Value, "runas") {
		t.Errorf("%+v, %v", got, err)
	}
}
