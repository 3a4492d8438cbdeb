package act

import (
	"fmt"
	"slices"

	"transitionhelper/platform"
)

// matchCommandLine checks that a started child's command line runs the
// planned program with exactly the planned arguments: parsed as Windows
// parses it (platform.SplitCommandLine), its first word must name the program
// (sameProgram decides, so a short name or another spelling of the same
// file counts) and the rest must be args, one for one, to the letter. A
// class override that keeps the program but changes its arguments
// (msiexec.exe /y some.dll instead of /x {code}) fails here although the
// image is the verified one.
func matchCommandLine(cmdline string, args []string, sameProgram func(string) bool) error {
	got, err := platform.SplitCommandLine(cmdline)
	if err != nil {
		return fmt.Errorf("its command line does not parse: %w", err)
	}
	if !sameProgram(got[0]) {
		return fmt.Errorf("its command line starts %q, not the verified program", got[0])
	}
	if !slices.Equal(got[1:], args) {
		return fmt.Errorf("its arguments are %q, not the planned %q", got[1:], args)
	}
	return nil
}
