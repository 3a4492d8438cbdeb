package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"transitionhelper/app/catalog"
	"transitionhelper/app/internal/testtmp"
	"transitionhelper/app/passwords"
	"transitionhelper/app/service"
	"transitionhelper/app/service/servicetest"
	"transitionhelper/platform"
	"transitionhelper/platform/results"
)

// The export of app/passwords/testdata/sample.txt, whose passwords the
// tests look for in what the command prints.
const passwordsSample = "../passwords/testdata/sample.txt"

var samplePasswords = []string{`"quoted", with commas; and semicolons`, "  leading and trailing spaces   ",
	"Password: abc:def", "пароль🔒ü=1+2", "secret-no-url", `app-pass,"x"`, "wifi pass"}

// passwordsRun runs the command over a service whose private files are
// written by write (nil: the real results.CreatePrivateFile).
func passwordsRun(t *testing.T, write func(string, []byte) error, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	cat, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	svc := service.New(cat, &servicetest.Computer{PrivateFn: write})
	var out, errb bytes.Buffer
	code = Run(context.Background(), args, Env{Stdout: &out, Stderr: &errb, AppName: "transition-helper", Version: "test", Service: svc})
	return code, out.String(), errb.String()
}

// realWriter is the real results.CreatePrivateFile, for a run that
// writes OUT for real. Under Wine, which keeps a DACL of its own making
// whatever CreateFile is given, the writer's read-back refuses every file
// (platform.ErrNotPrivate), as it must on Windows for a file that is not
// the user's alone; Wine is never let through. So under Wine the test
// checks the refusal as the user would see it (exit 4, "could not be
// written", no password printed, no byte of the conversion left in OUT)
// and is then skipped with why; the DACL itself is read back on a real
// file by results.TestCreatePrivateFileDACL (also skipped under Wine),
// and the command's words after a write are checked on Linux and macOS.
// Any other refusal fails the test.
type realWriter struct {
	refused error // the read-back refusal under Wine, if any
}

func (w *realWriter) write(path string, data []byte) error {
	err := results.CreatePrivateFile(path, data)
	if platform.IsWine() && errors.Is(err, platform.ErrNotPrivate) {
		w.refused = err
	}
	return err
}

// skipIfWineRefused checks a run that Wine's DACL made the writer refuse,
// then skips the test; it does nothing when the file was written.
func (w *realWriter) skipIfWineRefused(t *testing.T, code int, stdout, stderr, out string) {
	t.Helper()
	if w.refused == nil {
		return
	}
	if code != ExitFailure || !strings.Contains(stderr, "could not be written") {
		t.Fatalf("the writer refused under Wine (%v), but the command said: exit %d\n%s", w.refused, code, stderr)
	}
	noPasswordIn(t, stdout, stderr)
	if fi, err := os.Lstat(out); err == nil && fi.Size() != 0 { // Wine 8 cannot delete by handle: an empty file may stay
		t.Fatalf("refused under Wine, but %d bytes were left in %s", fi.Size(), out)
	}
	t.Skipf("Wine ignores the DACL CreateFile is given, so the private-file writer refuses here as it must on Windows "+
		"(exit 4, nothing written: checked); the written file is tested on Linux and macOS, its DACL by "+
		"results.TestCreatePrivateFileDACL on Windows: %v", w.refused)
}

// noPasswordIn fails when any of the sample's passwords is printed (the
// one with spaces around it is looked for trimmed).
func noPasswordIn(t *testing.T, texts ...string) {
	t.Helper()
	for _, text := range texts {
		for _, p := range samplePasswords {
			if strings.Contains(text, strings.TrimSpace(p)) {
				t.Errorf("a password is printed: %q in\n%s", p, text)
			}
		}
	}
}

func TestPasswordsConvert(t *testing.T) {
	want, err := os.ReadFile(passwordsSample)
	if err != nil {
		t.Fatal(err)
	}
	entries, err := passwords.Parse(want)
	if err != nil {
		t.Fatal(err)
	}
	for _, tg := range passwords.Targets() {
		t.Run(string(tg), func(t *testing.T) {
			out := filepath.Join(testtmp.Dir(t), "import.csv")
			var w realWriter
			code, stdout, stderr := passwordsRun(t, w.write, "passwords", "convert", passwordsSample, "--to", string(tg), "--output", out)
			w.skipIfWineRefused(t, code, stdout, stderr, out)
			if code != ExitOK {
				t.Fatalf("exit %d\nstdout %s\nstderr %s", code, stdout, stderr)
			}
			noPasswordIn(t, stdout, stderr)
			res, _ := passwords.Convert(entries, tg)
			got, err := os.ReadFile(out)
			if err != nil || !bytes.Equal(got, res.CSV) {
				t.Fatalf("the file is not the conversion (%v)", err)
			}
			rows, err := csv.NewReader(bytes.NewReader(got)).ReadAll()
			if err != nil || len(rows) != res.Converted+1 {
				t.Fatalf("%d rows, %v", len(rows), err)
			}
			// On Windows the mode says only whether the file is read-only:
			// its DACL is read back by results.TestCreatePrivateFileDACL.
			if fi, err := os.Stat(out); runtime.GOOS != "windows" && (err != nil || fi.Mode().Perm() != 0o600) {
				t.Errorf("mode %v, %v; want 0600", fi.Mode(), err)
			}
			for _, s := range []string{tg.Name(), "To import it:", "delete", out, passwordsSample} {
				if !strings.Contains(stdout, s) {
					t.Errorf("stdout does not say %q:\n%s", s, stdout)
				}
			}
			// Every entry not held is named.
			for _, l := range res.Left {
				if !strings.Contains(stdout, "  - "+l.Name) {
					t.Errorf("%q is not listed:\n%s", l.Name, stdout)
				}
			}
			if strings.Contains(stdout, "Kaspersky (txt)") != (tg == passwords.Bitwarden) {
				t.Errorf("Bitwarden's own import of the text file said for %s:\n%s", tg, stdout)
			}
		})
	}
}

func TestPasswordsConvertSays(t *testing.T) {
	out := filepath.Join(testtmp.Dir(t), "edge.csv")
	var w realWriter
	code, stdout, stderr := passwordsRun(t, w.write, "passwords", "convert", "--to", "edge", "--output", out, passwordsSample)
	w.skipIfWineRefused(t, code, stdout, stderr, out)
	if code != ExitOK {
		t.Fatalf("flags before the file: exit %d", code)
	}
	for _, s := range []string{
		"Converted 4 of 10 entries for Microsoft Edge",
		"Microsoft Edge cannot hold these 6 entries",
		"  - Steam (Games) (an application, not a website)",
		"  - Home Wi-Fi (an account with no web address)",
		"  - Alarm code (a note)",
		"  - No address (no web address)",
		"  - No password (no password)",
		"Import passwords",
	} {
		if !strings.Contains(stdout, s) {
			t.Errorf("stdout does not say %q:\n%s", s, stdout)
		}
	}
	out = filepath.Join(testtmp.Dir(t), "firefox.csv")
	_, stdout, _ = passwordsRun(t, nil, "passwords", "convert", passwordsSample, "--to", "Firefox", "--output", out)
	if !strings.Contains(stdout, "Firefox has no place for comments; these 3 logins were converted without theirs:") ||
		!strings.Contains(stdout, "  - Bank of Example (Checking)") {
		t.Errorf("Firefox's lost comments not named:\n%s", stdout)
	}
}

func TestPasswordsConvertUsage(t *testing.T) {
	dir := testtmp.Dir(t)
	notExport := filepath.Join(dir, "letter.txt")
	if err := os.WriteFile(notExport, []byte("Dear Maria,\nhere are my passwords.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, make([]byte, passwords.MaxExportSize+1), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.csv")
	for _, tt := range []struct {
		name string
		args []string
		err  string
	}{
		{"no verb", []string{"passwords"}, "use: passwords convert FILE"},
		{"wrong verb", []string{"passwords", "export"}, "use: passwords convert FILE"},
		{"no file", []string{"passwords", "convert", "--to", "edge", "--output", out}, "give the file"},
		{"no target", []string{"passwords", "convert", passwordsSample, "--output", out}, "say which password manager"},
		{"no output", []string{"passwords", "convert", passwordsSample, "--to", "edge"}, "--output"},
		{"unknown target", []string{"passwords", "convert", passwordsSample, "--to", "lastpass", "--output", out}, `unknown password manager "lastpass"`},
		{"two files", []string{"passwords", "convert", passwordsSample, "other.txt", "--to", "edge", "--output", out}, `unexpected argument "other.txt"`},
		{"bad flag", []string{"passwords", "convert", passwordsSample, "--to", "edge", "--output", out, "--force"}, "not defined"},
		{"not an export", []string{"passwords", "convert", notExport, "--to", "edge", "--output", out}, "is not a Kaspersky Password Manager export"},
		{"too large", []string{"passwords", "convert", big, "--to", "edge", "--output", out}, "larger than 50 MB"},
		{"missing", []string{"passwords", "convert", filepath.Join(dir, "gone.txt"), "--to", "edge", "--output", out}, "is not there"},
		{"a folder", []string{"passwords", "convert", dir, "--to", "edge", "--output", out}, "could not be read"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := passwordsRun(t, nil, tt.args...)
			if code != ExitUsage || !strings.Contains(stderr, tt.err) {
				t.Fatalf("exit %d (want %d), stderr %q (want %q)\nstdout %s", code, ExitUsage, stderr, tt.err, stdout)
			}
			if _, err := os.Lstat(out); err == nil {
				t.Fatal("a file was written")
			}
		})
	}
}

// TestPasswordsConvertNeverOverwrites: an existing OUT is exit 4, said, and
// left as it was.
func TestPasswordsConvertNeverOverwrites(t *testing.T) {
	out := filepath.Join(testtmp.Dir(t), "there.csv")
	if err := os.WriteFile(out, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := passwordsRun(t, nil, "passwords", "convert", passwordsSample, "--to", "chrome", "--output", out)
	if code != ExitFailure || !strings.Contains(stderr, "never overwritten") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if got, _ := os.ReadFile(out); string(got) != "mine" {
		t.Errorf("the existing file became %q", got)
	}
	noPasswordIn(t, stdout, stderr)
	// The input itself as OUT: refused the same way.
	if code, _, _ := passwordsRun(t, nil, "passwords", "convert", passwordsSample, "--to", "chrome", "--output", passwordsSample); code != ExitFailure {
		t.Errorf("writing over the export: exit %d", code)
	}
}

// TestPasswordsConvertWriteFails: a write that fails is exit 4, and the
// error printed holds no password.
func TestPasswordsConvertWriteFails(t *testing.T) {
	failing := func(string, []byte) error { return errors.New("disk full") }
	code, stdout, stderr := passwordsRun(t, failing, "passwords", "convert", passwordsSample, "--to", "bitwarden", "--output", "x.csv")
	if code != ExitFailure || !strings.Contains(stderr, "could not be written") || !strings.Contains(stderr, "disk full") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	noPasswordIn(t, stdout, stderr)
	var _ = platform.ErrFileExists
}

// TestPasswordsConvertNothingToHold: an export of notes only, for a
// browser: nothing written, the notes named.
func TestPasswordsConvertNothingToHold(t *testing.T) {
	dir := testtmp.Dir(t)
	in := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(in, []byte("Notes\n\nName: Alarm code\nText: 1234\n\n---\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.csv")
	code, stdout, _ := passwordsRun(t, nil, "passwords", "convert", in, "--to", "apple", "--output", out)
	if code != ExitOK || !strings.Contains(stdout, "nothing was written") || !strings.Contains(stdout, "  - Alarm code (a note)") {
		t.Fatalf("exit %d\n%s", code, stdout)
	}
	if _, err := os.Lstat(out); err == nil {
		t.Error("a file was written")
	}
}

func TestPasswordsUsageListed(t *testing.T) {
	code, stdout, _ := passwordsRun(t, nil, "--help")
	if code != ExitOK || !strings.Contains(stdout, "passwords convert FILE --to edge|chrome|apple|firefox|1password|bitwarden --output OUT") {
		t.Errorf("help does not list the command:\n%s", stdout)
	}
}
