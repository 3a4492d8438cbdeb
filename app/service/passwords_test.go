package service_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"transitionhelper/app/catalog"
	"transitionhelper/app/internal/testtmp"
	"transitionhelper/app/passwords"
	"transitionhelper/app/service"
	"transitionhelper/app/service/servicetest"
	"transitionhelper/platform"
)

// TestMovePasswordsNeverOverwrites: the CSV goes beside the export under a
// name of its own; a name already taken gets the next one, and the file
// that had it is left as it was; a file that is not an export writes
// nothing; deleting removes exactly the files given.
func TestMovePasswordsNeverOverwrites(t *testing.T) {
	cat, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	svc := service.New(cat, &servicetest.Computer{})
	dir := testtmp.Dir(t)
	sample, err := os.ReadFile("../passwords/testdata/sample.txt")
	if err != nil {
		t.Fatal(err)
	}
	export := filepath.Join(dir, "export.txt")
	taken := filepath.Join(dir, "export (Firefox).csv")
	for p, data := range map[string][]byte{export: sample, taken: []byte("mine")} {
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	m, err := svc.MovePasswords(export, passwords.Firefox)
	if platform.IsWine() && errors.Is(err, platform.ErrNotPrivate) {
		// Wine ignores the DACL asked for at creation, so the writer
		// refuses every file there (docs/passwords.md); nothing is left.
		if _, serr := os.Stat(filepath.Join(dir, "export (Firefox) 2.csv")); !os.IsNotExist(serr) {
			t.Errorf("a refused file was left: %v", serr)
		}
		t.Skip("Wine cannot give a file a DACL of the user's alone: the writer refuses, as it must")
	}
	if err != nil || m.CSV != filepath.Join(dir, "export (Firefox) 2.csv") || m.Converted == 0 {
		t.Fatalf("moved %+v, %v", m, err)
	}
	if data, _ := os.ReadFile(taken); string(data) != "mine" {
		t.Errorf("the file that had the name was changed: %q", data)
	}
	letter := filepath.Join(dir, "letter.txt")
	if err := os.WriteFile(letter, []byte("Hello,\nsee you.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if m, err := svc.MovePasswords(letter, passwords.Edge); !errors.Is(err, passwords.ErrNotExport) || m.CSV != "" {
		t.Errorf("a letter: %+v, %v", m, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "letter (Microsoft Edge).csv")); !os.IsNotExist(err) {
		t.Error("a letter was converted")
	}
	left, err := svc.DeletePasswordFiles([]string{export, m.CSV, filepath.Join(dir, "gone.txt")})
	if err != nil || len(left) != 0 {
		t.Fatalf("deleting: %q %v", left, err)
	}
	for _, p := range []string{export, m.CSV} {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s is still there", p)
		}
	}
	if _, err := os.Stat(taken); err != nil {
		t.Error("a file that was not given was deleted")
	}
	if _, err := svc.DeletePasswordFiles([]string{dir}); err == nil {
		t.Error("a folder was accepted for deletion")
	}
}
