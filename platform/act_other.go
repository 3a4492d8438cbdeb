//go:build !windows

package platform

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
)

func verifySignature(string) SignatureInfo { return SignatureInfo{} }

func launch(ctx context.Context, program string, args []string, _ bool, out io.Writer) (int, error) {
	cmd := exec.CommandContext(ctx, program, args...)
	cmd.Stdout, cmd.Stderr = out, out
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code := exit.ExitCode()
		// pkexec: 126 when the user dismissed the password dialog.
		if code == 126 && program == "/usr/bin/pkexec" {
			return code, ErrCancelled
		}
		return code, nil
	case err != nil:
		return -1, fmt.Errorf("starting %s: %w", program, err)
	}
	return 0, nil
}

func setRunOnce(string, string, []string) error { return ErrNotSupported }

func clearRunOnce(string) error { return nil }

func restart() error { return ErrNotSupported }

func openAppsSettings() error { return ErrNotSupported }

func openWindowsSecurity() error { return ErrNotSupported }
