package platform

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// DefaultUnitDirs are where systemd looks for system unit files.
var DefaultUnitDirs = []string{"/etc/systemd/system", "/run/systemd/system", "/usr/local/lib/systemd/system", "/lib/systemd/system", "/usr/lib/systemd/system"}

// readUnitDirs lists the .service unit files in dirs, first directory wins,
// as systemd does. Missing directories are skipped.
func readUnitDirs(dirs []string) ([]Service, error) {
	var out []Service
	seen := map[string]bool{}
	for _, dir := range dirs {
		entries, err := os.ReadDir(dir)
		if err != nil {
			if os.IsNotExist(err) {
				continue
			}
			return out, err
		}
		for _, e := range entries {
			name, ok := strings.CutSuffix(e.Name(), ".service")
			if !ok || name == "" || strings.HasSuffix(name, "@") || seen[name] {
				continue
			}
			seen[name] = true
			out = append(out, Service{Name: name, Kind: ServiceSystemd, State: StateUnknown, Where: filepath.Join(dir, e.Name())})
		}
	}
	return out, nil
}

// ParseSystemctlUnits reads `systemctl list-units --type=service --all
// --plain --no-legend` and returns unit name (without .service) → state.
func ParseSystemctlUnits(r io.Reader) map[string]string {
	states := map[string]string{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		// A leading "●" marks failed or not-found units in some versions.
		if len(f) > 0 && (f[0] == "●" || f[0] == "*") {
			f = f[1:]
		}
		if len(f) < 4 {
			continue
		}
		name, ok := strings.CutSuffix(f[0], ".service")
		if !ok || name == "" {
			continue
		}
		switch f[2] { // ACTIVE column
		case "active", "reloading", "activating", "deactivating":
			states[name] = StateRunning
		default:
			states[name] = StateStopped
		}
	}
	return states
}
