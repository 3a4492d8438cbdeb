package platform

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/sys/windows"
)

// TestSplitCommandLineAgreesWithWindowsOnTheCorpus runs the Go parser and
// CommandLineToArgvW (windows.DecomposeCommandLine) over every input of
// testdata/fuzz/FuzzSplitCommandLine, seeds and fuzzer finds alike.
func TestSplitCommandLineAgreesWithWindowsOnTheCorpus(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "fuzz", "FuzzSplitCommandLine", "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	checked := 0
	for _, f := range files {
		in, err := readStringCorpus(f)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		got, err := SplitCommandLine(in)
		// Windows gives this program's own name for an empty line, and works
		// on UTF-16, where invalid UTF-8 is no longer the same text.
		if err != nil || !utf8.ValidString(in) {
			continue
		}
		want, err := windows.DecomposeCommandLine(in)
		if err != nil {
			t.Errorf("%s: Windows refused %q: %v", filepath.Base(f), in, err)
			continue
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: %q: Go parser %q, Windows %q", filepath.Base(f), in, got, want)
		}
		checked++
	}
	t.Logf("%d of %d corpus inputs compared", checked, len(files))
}

// readStringCorpus reads a "go test fuzz v1" file holding one string.
func readStringCorpus(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(lines) != 2 || lines[0] != "go test fuzz v1" {
		return "", os.ErrInvalid
	}
	v, ok := strings.CutPrefix(lines[1], "string(")
	if !ok || !strings.HasSuffix(v, ")") {
		return "", os.ErrInvalid
	}
	return strconv.Unquote(strings.TrimSuffix(v, ")"))
}
