package progress

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// ErrNoState means nothing was saved yet: a first start.
var ErrNoState = errors.New("no saved progress")

// ErrCorrupt means the saved progress could not be used; start afresh.
var ErrCorrupt = errors.New("saved progress is unreadable")

// StateFile is the progress file's name in the app's storage folder.
const StateFile = "progress.json"

// MaxStateSize is the largest progress file read: a real one is a few
// kilobytes; anything larger was not written by the app.
const MaxStateSize = 1 << 20

// Store keeps the progress in one file.
type Store struct{ Path string }

// Load reads the saved progress. A missing file is ErrNoState; a file that
// is not a regular file (a link, a pipe, a device), is larger than
// MaxStateSize, does not parse or makes no sense wraps ErrCorrupt. A pipe
// put in the file's place never blocks the read.
func (st Store) Load() (State, error) {
	data, err := st.read()
	if errors.Is(err, os.ErrNotExist) {
		return State{}, ErrNoState
	}
	if err != nil {
		return State{}, fmt.Errorf("%w: reading %s: %w", ErrCorrupt, st.Path, err)
	}
	var s State
	if err := json.Unmarshal(data, &s); err != nil {
		return State{}, fmt.Errorf("%w: %s: %w", ErrCorrupt, st.Path, err)
	}
	if !s.Valid() {
		return State{}, fmt.Errorf("%w: %s: version %d, step %d of %d reached", ErrCorrupt, st.Path, s.Version, s.Step, s.Reached)
	}
	return s, nil
}

func (st Store) read() ([]byte, error) {
	fi, err := os.Lstat(st.Path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s)", fi.Mode().Type())
	}
	f, err := os.OpenFile(st.Path, os.O_RDONLY|openNoBlock, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Checked again on the open file: it may have been swapped since.
	if fi, err = f.Stat(); err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s)", fi.Mode().Type())
	}
	if fi.Size() > MaxStateSize {
		return nil, fmt.Errorf("%d bytes, more than %d", fi.Size(), MaxStateSize)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxStateSize+1))
	if err == nil && len(data) > MaxStateSize {
		err = fmt.Errorf("more than %d bytes", MaxStateSize)
	}
	return data, err
}

// Save writes the progress atomically: a temporary file in the same folder,
// flushed, then renamed over the old one, so a crash or power cut leaves
// either the old progress or the new, never half a file.
func (st Store) Save(s State) error {
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return fmt.Errorf("encoding progress: %w", err)
	}
	dir := filepath.Dir(st.Path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("making %s: %w", dir, err)
	}
	tmp, err := os.CreateTemp(dir, ".progress-*.tmp")
	if err != nil {
		return fmt.Errorf("saving progress: %w", err)
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("saving progress: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("saving progress: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("saving progress: %w", err)
	}
	if err := os.Rename(tmp.Name(), st.Path); err != nil {
		return fmt.Errorf("saving progress: %w", err)
	}
	return nil
}

// Clear removes the saved progress: "Start over".
func (st Store) Clear() error {
	err := os.Remove(st.Path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	return err
}
