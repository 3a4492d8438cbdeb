package platform

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// trustedToolDirs are the only folders system tools are taken from on Linux
// and macOS (systemctl, rpm, pkexec, apt-get, dnf…), in this order. The
// inherited PATH is never searched: anything running as the user can put a
// folder of its own first in it. Debian and Fedora keep all of these tools
// in /usr/bin (with /bin and /sbin links to /usr on merged-/usr systems).
var trustedToolDirs = []string{"/usr/bin", "/bin", "/usr/sbin", "/sbin"}

// ToolPath finds the system tool name (a bare name such as "systemctl") in
// /usr/bin, /bin, /usr/sbin or /sbin, in that order, never in the PATH: a regular, executable file that neither its group nor
// others may write. It returns the absolute path, or an error wrapping
// ErrUnavailable when no trusted folder holds it.
func ToolPath(name string) (string, error) {
	if name == "" || strings.ContainsAny(name, `/\`) || name == "." || name == ".." {
		return "", fmt.Errorf("%q is not a tool name", name)
	}
	for _, dir := range trustedToolDirs {
		p := filepath.Join(dir, name)
		fi, err := os.Stat(p)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("looking at %s: %w", p, err)
		}
		if !fi.Mode().IsRegular() || fi.Mode().Perm()&0o111 == 0 {
			continue
		}
		if fi.Mode().Perm()&0o022 != 0 {
			return "", fmt.Errorf("%s may be changed by others than its owner", p)
		}
		return p, nil
	}
	return "", fmt.Errorf("%s is not installed in %s: %w", name, strings.Join(trustedToolDirs, ", "), ErrUnavailable)
}
