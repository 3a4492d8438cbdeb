//go:build unix

package progress

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"transitionhelper/app/region"
)

// TestStoreRefusesWhatIsNotAProgressFile: anything running as the user can
// put something else in progress.json's place. A pipe would block a plain
// read for ever, a link would read another file, a huge file would fill
// memory: each is refused, at once.
func TestStoreRefusesWhatIsNotAProgressFile(t *testing.T) {
	dir := t.TempDir()
	good := Store{Path: filepath.Join(dir, "good.json")}
	if err := good.Save(New(region.US)); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo", StateFile)
	os.MkdirAll(filepath.Dir(fifo), 0o700)
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link", StateFile)
	os.MkdirAll(filepath.Dir(link), 0o700)
	if err := os.Symlink(good.Path, link); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big", StateFile)
	os.MkdirAll(filepath.Dir(big), 0o700)
	pad := `{"version":1,"step":1,"reached":1,"region":"US","ticks":{"` + strings.Repeat("x", MaxStateSize) + `":true}}`
	if err := os.WriteFile(big, []byte(pad), 0o600); err != nil {
		t.Fatal(err)
	}
	for name, path := range map[string]string{"pipe": fifo, "link": link, "over 1 MiB": big, "folder": dir} {
		done := make(chan error, 1)
		go func() { _, err := (Store{Path: path}).Load(); done <- err }()
		select {
		case err := <-done:
			if !errors.Is(err, ErrCorrupt) {
				t.Errorf("%s: %v, want ErrCorrupt", name, err)
			}
		case <-time.After(10 * time.Second): // a hang, not a timing check
			t.Fatalf("%s: Load blocked", name)
		}
	}
	if _, err := good.Load(); err != nil {
		t.Errorf("a real progress file: %v", err)
	}
}
