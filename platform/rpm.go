package platform

import (
	"bytes"
	"strings"
)

// ParseRPMList reads the output of rpm -qa --qf '%{NAME}\t%{VERSION}-%{RELEASE}\t%{VENDOR}\n'.
func ParseRPMList(data []byte) []Program {
	var out []Program
	for line := range bytes.Lines(data) {
		f := strings.Split(strings.TrimRight(string(line), "\r\n"), "\t")
		if len(f) < 2 || strings.TrimSpace(f[0]) == "" {
			continue
		}
		p := Program{Name: strings.TrimSpace(f[0]), Version: f[1], Source: SourceRPM, Where: "rpm database"}
		if len(f) > 2 && f[2] != "(none)" {
			p.Publisher = f[2]
		}
		out = append(out, p)
	}
	return out
}
