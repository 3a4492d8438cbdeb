package platform

import (
	"context"
	"os"
	"strings"
)

// probeLeftovers checks which of the catalog's leftover paths exist.
func probeLeftovers(ctx context.Context, opts *Options, out *Snapshot) error {
	for _, tmpl := range opts.LeftoverPaths {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		path, ok := ExpandKnownFolders(tmpl, opts.Roots)
		fact := PathFact{Template: tmpl, Path: path}
		if ok {
			_, err := os.Stat(path)
			fact.Exists = err == nil
		}
		out.Paths = append(out.Paths, fact)
	}
	return nil
}

// ExpandKnownFolders replaces {ProgramData}, {ProgramFiles}, {ProgramFilesX86},
// {AppData}, {LocalAppData} and {Home} in tmpl with this computer's folders.
// It reports false when a folder is unknown here (a Windows folder on Linux),
// so the path must not be checked. Nothing else is expanded: environment
// variables in catalog text are never trusted.
func ExpandKnownFolders(tmpl string, roots Roots) (string, bool) {
	out := tmpl
	for {
		i := strings.IndexByte(out, '{')
		if i < 0 {
			return out, true
		}
		j := strings.IndexByte(out[i:], '}')
		if j < 0 {
			return "", false
		}
		name := out[i+1 : i+j]
		var dir string
		if name == "Home" {
			dir = roots.Home
			if dir == "" {
				dir, _ = os.UserHomeDir()
			}
		} else {
			dir = knownFolder(name)
		}
		if dir == "" {
			return "", false
		}
		out = out[:i] + dir + out[i+j+1:]
	}
}
