package service

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"transitionhelper/app/passwords"
	"transitionhelper/platform"
)

// ErrTooLarge: the file is larger than the limit it was read with.
var ErrTooLarge = errors.New("the file is too large")

// ErrNotPlainFile: the path names a folder, a link or a device, not a
// plain file.
var ErrNotPlainFile = errors.New("not a plain file")

// ReadUserFile reads a plain file at most limit bytes long. It is this
// computer's ReadUserFile.
func ReadUserFile(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: %w", path, ErrNotPlainFile)
	}
	if fi.Size() > limit {
		return nil, ErrTooLarge
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err == nil && int64(len(data)) > limit {
		err = ErrTooLarge
	}
	return data, err
}

// DeleteUserFile deletes a plain file, looked at without following a link;
// a folder, a link or a device is refused (ErrNotPlainFile). It is this
// computer's DeleteUserFile.
func DeleteUserFile(path string) error {
	fi, err := os.Lstat(path)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s: %w", path, ErrNotPlainFile)
	}
	return os.Remove(path)
}

// ReadExport reads Kaspersky Password Manager's export at path, a plain
// file of at most passwords.MaxExportSize bytes (a larger one is
// passwords.ErrTooLarge, read no further): both doors read it so.
func (s *Service) ReadExport(path string) ([]byte, error) {
	data, err := s.pc.ReadUserFile(path, passwords.MaxExportSize)
	if errors.Is(err, ErrTooLarge) {
		return nil, passwords.ErrTooLarge
	}
	return data, err
}

// Moved is the passwords of one export, converted for one password
// manager and saved: where, and what could not go there (names only).
type Moved struct {
	Export, CSV string
	Target      passwords.Target
	// Total is the number of entries in the export; Converted how many
	// are rows of the CSV; Left the ones (or parts) it cannot hold.
	Total, Converted int
	Left             []passwords.Left
}

// MovePasswords reads Kaspersky Password Manager's text export at export,
// converts it for the password manager t, and saves the CSV as a new file
// only this user may read, beside the export: "<name> (<manager>).csv", or
// "<name> (<manager>) 2.csv" … when that name is taken (nothing is ever
// overwritten).
// Nothing holding a password is logged or kept: the caller gets paths,
// counts and names. A file that is not an export is passwords.ErrNotExport;
// when the manager can hold none of its entries, no file is written and
// CSV is "".
func (s *Service) MovePasswords(export string, t passwords.Target) (Moved, error) {
	m := Moved{Export: export, Target: t}
	data, err := s.ReadExport(export)
	if err != nil {
		return m, err
	}
	entries, err := passwords.Parse(data)
	if err != nil {
		return m, err
	}
	res, err := passwords.Convert(entries, t)
	if err != nil {
		return m, err
	}
	m.Total, m.Converted, m.Left = len(entries), res.Converted, res.Left
	if res.Converted == 0 {
		return m, nil
	}
	base := strings.TrimSuffix(filepath.Base(export), filepath.Ext(export)) + " (" + t.Name() + ")"
	for i := 1; i <= 20; i++ {
		name := base + ".csv"
		if i > 1 {
			name = fmt.Sprintf("%s %d.csv", base, i)
		}
		path := filepath.Join(filepath.Dir(export), name)
		err = s.pc.CreatePrivateFile(path, res.CSV)
		if errors.Is(err, platform.ErrFileExists) {
			continue
		}
		if err != nil {
			return m, err
		}
		m.CSV = path
		return m, nil
	}
	return m, err
}

// DeletePasswordFiles deletes the files the app was given or made for the
// passwords (the export and its CSV); one already gone is not an error.
// It returns the paths it could not delete, with the first error.
func (s *Service) DeletePasswordFiles(paths []string) ([]string, error) {
	var left []string
	var first error
	for _, p := range paths {
		if err := s.pc.DeleteUserFile(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			left = append(left, p)
			if first == nil {
				first = err
			}
		}
	}
	return left, first
}

// FileExists reports whether path names something (a plain check of a
// path the app itself saved, never a search).
func (s *Service) FileExists(path string) bool { return s.pc.UserFileExists(path) }

// UserFileExists reports whether path names something, looked at without
// following a link. It is this computer's UserFileExists.
func UserFileExists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}
