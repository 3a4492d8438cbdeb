//go:build !windows

package act

import "testing"

// TestLaunchTakesNoBareName: a bare program name would be looked up in the
// inherited PATH (platform.ToolPath finds tools in the system folders).
func TestLaunchTakesNoBareName(t *testing.T) {
	if _, err := Launch(t.Context(), "sh", []string{"-c", "true"}, false, nil); err == nil {
		t.Error("Launch took a bare program name")
	}
}
