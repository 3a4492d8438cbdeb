//go:build !windows

package platform

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
)

// heldFile holds the open file outside Windows, where nothing is verified.
type heldFile struct{ f *os.File }

func (s *heldFile) close() error {
	if s.f == nil {
		return nil
	}
	err := s.f.Close()
	s.f = nil
	return err
}

func openVerified(path string) (*VerifiedProgram, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	return &VerifiedProgram{Path: path, held: heldFile{f}}, nil
}

func launchVerified(ctx context.Context, v *VerifiedProgram, args []string, elevate bool, out io.Writer) (int, error) {
	if v == nil || v.held.f == nil {
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

func hardenDLLSearch() error { return nil }

func (s *heldFile) finalPath(path string) (string, error) {
	if s.f == nil {
		return "", errors.New("the program is closed")
	}
	return filepath.EvalSymlinks(path)
}

func checkElevatedStart() error { return nil }
