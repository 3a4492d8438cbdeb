//go:build !windows

package act

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"

	"transitionhelper/platform"
	"transitionhelper/platform/trust"
)

func launchVerified(ctx context.Context, v *trust.VerifiedProgram, args []string, elevate bool, out io.Writer) (int, error) {
	if v == nil || !v.Held() {
		return -1, errors.New("launching a program that is not open")
	}
	return launch(ctx, v.Path, args, elevate, out)
}

func launch(ctx context.Context, program string, args []string, _ bool, out io.Writer) (int, error) {
	// An absolute path only: a bare name would be looked up in the inherited PATH.
	if !filepath.IsAbs(program) {
		return -1, fmt.Errorf("starting %q: not an absolute path (see ToolPath)", program)
	}
	cmd := exec.CommandContext(ctx, program, args...)
	cmd.Stdout, cmd.Stderr = out, out
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code := exit.ExitCode()
		// pkexec: 126 when the user dismissed the password dialog.
		if code == 126 && filepath.Base(program) == "pkexec" {
			return code, platform.ErrCancelled
		}
		return code, nil
	case err != nil:
		return -1, fmt.Errorf("starting %s: %w", program, err)
	}
	return 0, nil
}

func setRunOnce(string, string, []string) error { return platform.ErrNotSupported }

func clearRunOnce(string) error { return nil }

func restart() error { return platform.ErrNotSupported }

func openAppsSettings() error { return platform.ErrNotSupported }

func openWindowsSecurity() error { return platform.ErrNotSupported }

func hardenDLLSearch() error { return nil }

func checkElevatedStart() error { return nil }
