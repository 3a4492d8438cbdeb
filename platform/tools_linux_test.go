package platform

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestToolsIgnoreThePATH: a systemctl and an rpm planted first in PATH are
// never run; the ones in the trusted folders are.
func TestToolsIgnoreThePATH(t *testing.T) {
	dir := t.TempDir()
	marker := filepath.Join(dir, "ran")
	for _, name := range []string{"systemctl", "rpm", "sh"} {
		script := "#!/bin/sh\necho planted > " + marker + "\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	for _, name := range []string{"systemctl", "rpm"} {
		_, err := run(t.Context(), name, "--version")
		if err != nil && !errors.Is(err, ErrUnavailable) {
			t.Logf("%s: %v", name, err) // installed but unhappy (no systemd in a container): fine
		}
	}
	if _, err := os.Stat(marker); err == nil {
		t.Error("a tool planted in PATH was run")
	}
	p, err := ToolPath("sh")
	if err != nil || filepath.Dir(p) == dir || !filepath.IsAbs(p) {
		t.Errorf("ToolPath(sh) = %q, %v", p, err)
	}
	for _, bad := range []string{"", "../sh", "/bin/sh", "bin/sh", ".."} {
		if _, err := ToolPath(bad); err == nil {
			t.Errorf("ToolPath(%q) accepted", bad)
		}
	}
	if _, err := ToolPath("no-such-tool-th"); !errors.Is(err, ErrUnavailable) {
		t.Errorf("a missing tool: %v", err)
	}
}
