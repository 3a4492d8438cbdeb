//go:build linux

package main

import (
	"debug/buildinfo"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// build is how -bin was built, as its build info says.
type build struct {
	tags     []string // without devhooks
	devTags  string   // as given, devhooks included
	ldflags  string
	trimpath bool
}

func buildOf(info *buildinfo.BuildInfo) build {
	var b build
	for _, s := range info.Settings {
		switch s.Key {
		case "-tags":
			b.devTags = s.Value
			for t := range strings.SplitSeq(s.Value, ",") {
				if t != "" && t != devTag {
					b.tags = append(b.tags, t)
				}
			}
		case "-ldflags":
			b.ldflags = s.Value
		case "-trimpath":
			b.trimpath = s.Value == "true"
		}
	}
	return b
}

// flags says how a binary was built, for the report.
func flags(tags, ldflags string, trimpath bool) string {
	var f []string
	if tags != "" {
		f = append(f, "-tags "+tags)
	}
	if trimpath {
		f = append(f, "-trimpath")
	}
	if ldflags != "" {
		f = append(f, fmt.Sprintf("-ldflags %q", ldflags))
	}
	if len(f) == 0 {
		return "no build flags"
	}
	return "`" + strings.Join(f, " ") + "`"
}

func goBuild(root, out, pkg string, tags []string, ldflags string, trimpath bool) error {
	args := []string{"build", "-tags", strings.Join(tags, ","), "-ldflags", ldflags}
	if trimpath {
		args = append(args, "-trimpath")
	}
	cmd := exec.Command("go", append(args, "-o", out, pkg)...)
	cmd.Dir, cmd.Stdout, cmd.Stderr = root, os.Stderr, os.Stderr
	fmt.Fprintf(os.Stderr, "go build -tags %s -ldflags %q -o %s %s\n", strings.Join(tags, ","), ldflags, out, pkg)
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("building %s: %w", pkg, err)
	}
	return nil
}

// moduleRoot is the folder of the go.mod that holds the current folder.
func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	mod := strings.TrimSpace(string(out))
	if mod == "" || mod == os.DevNull {
		return "", errors.New("run it from inside the module (go run ./app/internal/benchreport)")
	}
	return filepath.Dir(mod), nil
}

// cleanEnv is this process's environment without any TH_ variable, so a
// hook set in the caller's shell (a fixture, a step) cannot change what is
// measured.
func cleanEnv() []string {
	return slices.DeleteFunc(os.Environ(), func(kv string) bool { return strings.HasPrefix(kv, "TH_") })
}

func fileSize(p string) (int64, error) {
	fi, err := os.Stat(p)
	if err != nil {
		return 0, err
	}
	return fi.Size(), nil
}
