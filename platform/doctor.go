package platform

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os/exec"
	"strings"
	"time"
)

// Read-only facts for `transition-helper doctor`, which checks on the
// computer it runs on the assumptions the app's verdicts rest on. Nothing
// here changes anything.

// ClassOverride is one per-user class key that changes how Windows starts
// programs or installers (HKCU\Software\Classes\exefile\shell,
// …\.exe, …\Msi.Package\shell): such a key decides what
// ShellExecuteEx("runas") really runs, and anything running as the user
// can write it.
type ClassOverride struct {
	Key   string `json:"key"`
	Value string `json:"value,omitempty"` // its default value, when it has one
}

// ClassOverrides lists the per-user class keys that override how programs
// and Windows Installer packages start; none on a clean profile. Outside
// Windows it returns ErrNotSupported.
// They are the keys the removal refuses to start an uninstaller under
// (CheckElevatedStart): one list for both.
func ClassOverrides() ([]ClassOverride, error) { return classOverrides() }

// UIAutomation reports whether Windows' UI Automation, which screen readers
// read the window through, offers what the accessible build calls
// (uiautomationcore.dll from System32 with UiaRaiseStructureChangedEvent;
// Wine 8 lacks it). Outside Windows it returns ErrNotSupported.
func UIAutomation() error { return uiAutomation() }

// IsWine reports whether this Windows is Wine.
func IsWine() bool { return isWine() }

// OwnedPath is a path with its owner and mode: one folder of a macOS
// bundle's chain (platform/trust's JudgeMacBundle), or what the doctor
// reads of a folder.
type OwnedPath struct {
	Path string
	UID  uint32
	Mode fs.FileMode
}

// PathOwner reads the owner and mode of path without following a final
// link (Linux and macOS; ErrNotSupported on Windows).
func PathOwner(path string) (OwnedPath, error) { return pathOwner(path) }

// maxToolOutput bounds what ToolOutput keeps.
const maxToolOutput = 64 << 10

// ToolOutput runs a read-only system tool (found by ToolPath, never in the
// PATH; no shell) with fixed arguments, for at most timeout, and returns
// its standard output and error together, trimmed.
func ToolOutput(ctx context.Context, timeout time.Duration, name string, args ...string) (string, error) {
	path, err := ToolPath(name)
	if err != nil {
		return "", err
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, path, args...)
	cmd.Stdout, cmd.Stderr = &limitedWriter{&out, maxToolOutput}, &limitedWriter{&out, maxToolOutput}
	err = cmd.Run()
	text := strings.TrimSpace(out.String())
	if ctx.Err() != nil {
		return text, fmt.Errorf("%s gave no answer within %s: %w", path, timeout, ctx.Err())
	}
	if err != nil {
		return text, fmt.Errorf("%s %s: %w", path, strings.Join(args, " "), err)
	}
	return text, nil
}

type limitedWriter struct {
	b *bytes.Buffer
	n int
}

func (w *limitedWriter) Write(p []byte) (int, error) {
	if room := w.n - w.b.Len(); room > 0 {
		w.b.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}
