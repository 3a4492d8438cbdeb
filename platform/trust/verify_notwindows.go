//go:build !windows

package trust

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// heldFile holds the open file outside Windows, where nothing is verified.
type heldFile struct{ f *os.File }

func (s *heldFile) open() bool { return s.f != nil }

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

func (s *heldFile) finalPath(path string) (string, error) {
	if s.f == nil {
		return "", errors.New("the program is closed")
	}
	return filepath.EvalSymlinks(path)
}
