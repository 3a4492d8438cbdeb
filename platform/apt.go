package platform

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"regexp"
	"strings"
	"time"
)

var debPackage = regexp.MustCompile(`^[a-z0-9][a-z0-9+.-]+$`)

// SimulateAptRemove asks apt-get what removing pkgs would remove — they and
// every installed package that depends on them — without removing anything
// and without administrator rights (apt-get -s). Package names must be
// valid Debian names.
func SimulateAptRemove(ctx context.Context, pkgs []string) ([]string, error) {
	for _, p := range pkgs {
		if !debPackage.MatchString(p) {
			return nil, fmt.Errorf("%q is not a package name", p)
		}
	}
	aptGet, err := ToolPath("apt-get") // never from the PATH the app inherited
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	var out, errb bytes.Buffer
	cmd := exec.CommandContext(ctx, aptGet, append([]string{"-s", "-q", "remove", "--"}, pkgs...)...)
	cmd.Env = []string{"LC_ALL=C", "PATH=/usr/sbin:/usr/bin:/sbin:/bin"}
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("apt-get -s remove: %s: %w", strings.TrimSpace(errb.String()), err)
	}
	return ParseAptSimulation(out.Bytes()), nil
}

// ParseAptSimulation reads the packages apt-get -s says it would remove
// ("Remv name [version]" lines), in its order, each once.
func ParseAptSimulation(out []byte) []string {
	var pkgs []string
	seen := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 || f[0] != "Remv" {
			continue
		}
		name, _, _ := strings.Cut(f[1], ":") // kesl:amd64
		if debPackage.MatchString(name) && !seen[name] {
			seen[name] = true
			pkgs = append(pkgs, name)
		}
	}
	return pkgs
}
