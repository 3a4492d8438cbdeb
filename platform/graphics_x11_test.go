//go:build linux

package platform

import (
	"errors"
	"testing"

	"transitionhelper/platform/xvfbtest"
)

// TestCheckGraphicsX11 asks real X servers: with GLX (as Xvfb and every
// desktop with a driver has), without it (a display that cannot draw the
// window), none at all, and Wayland, which only the window can try.
func TestCheckGraphicsX11(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Xvfb")
	}
	withGLX := xvfbtest.Start(t, 180, 220)
	withoutGLX := xvfbtest.Start(t, 180, 220, "-extension", "GLX")
	for _, tc := range []struct {
		name, display, wayland string
		want                   error
		checked                bool
	}{
		{"GLX", withGLX, "", nil, true},
		{"no GLX", withoutGLX, "", ErrNoGraphics, true},
		{"nobody there", ":219", "", ErrNoDisplay, false},
		{"no display", "", "", ErrNoDisplay, false},
		{"Wayland", "", "wayland-0", nil, false},
		{"Wayland with XWayland", withoutGLX, "wayland-0", nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("DISPLAY", tc.display)
			t.Setenv("WAYLAND_DISPLAY", tc.wayland)
			t.Setenv("FYNE_PLATFORM", "")
			g, err := CheckGraphics()
			if !errors.Is(err, tc.want) || (tc.want == nil && err != nil) {
				t.Fatalf("CheckGraphics() = %+v, %v; want %v", g, err, tc.want)
			}
			if g.Checked != tc.checked {
				t.Errorf("Checked = %v, want %v", g.Checked, tc.checked)
			}
			if tc.name == "GLX" && g.Version != "1.4" {
				t.Errorf("Version = %q, want 1.4 (Xvfb's GLX)", g.Version)
			}
		})
	}
}
