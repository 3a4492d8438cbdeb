package platform

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
)

// ParseDpkgStatus reads a dpkg status file (/var/lib/dpkg/status) and returns
// the packages whose Status is "install ok installed" (or that are unpacked
// or half-configured, which still leave files behind). where is recorded in
// each Program.
func ParseDpkgStatus(r io.Reader, where string) ([]Program, error) {
	var (
		out  []Program
		cur  map[string]string
		last string
	)
	flush := func() {
		if cur == nil {
			return
		}
		if name := cur["package"]; name != "" && dpkgPresent(cur["status"]) {
			out = append(out, Program{
				Name:      name,
				Version:   cur["version"],
				Publisher: cur["maintainer"],
				Source:    SourceDpkg,
				Where:     where,
			})
		}
		cur, last = nil, ""
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	for sc.Scan() {
		line := sc.Bytes()
		if len(bytes.TrimSpace(line)) == 0 {
			flush()
			continue
		}
		if line[0] == ' ' || line[0] == '\t' {
			// Continuation of a multi-line field (Description, Conffiles): not needed.
			if last == "" {
				return out, fmt.Errorf("reading %s: continuation line with no field", where)
			}
			continue
		}
		key, value, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			return out, fmt.Errorf("reading %s: line %q is not a field", where, truncate(string(line), 60))
		}
		if cur == nil {
			cur = map[string]string{}
		}
		last = strings.ToLower(string(key))
		switch last {
		case "package", "status", "version", "maintainer":
			cur[last] = strings.TrimSpace(string(value))
		}
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("reading %s: %w", where, err)
	}
	flush()
	return out, nil
}

// dpkgPresent reads the third word of "want flag status".
func dpkgPresent(status string) bool {
	f := strings.Fields(status)
	if len(f) != 3 {
		return false
	}
	switch f[2] {
	case "installed", "unpacked", "half-configured", "half-installed", "triggers-awaited", "triggers-pending":
		return true
	}
	return false
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
