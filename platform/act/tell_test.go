//go:build !windows

package act

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestAlertToolsPassTextAsArguments: every dialog tool gets the title and
// the text as arguments of their own, never inside a script or a shell
// line; osascript's script is fixed and reads them from its argv.
func TestAlertToolsPassTextAsArguments(t *testing.T) {
	title, text := `Title "quoted"`, "Text with ' and \" and $(rm -rf ~) and\nnew lines"
	for _, tool := range alertTools {
		args := tool.args(title, text)
		if !slices.Contains(args, title) || !slices.Contains(args, text) {
			t.Errorf("%s: title or text is not an argument of its own: %q", tool.name, args)
		}
		for i := 1; i < len(args); i++ {
			if args[i-1] == "-e" && (args[i] == title || args[i] == text) {
				t.Errorf("%s: the text is a script line: %q", tool.name, args)
			}
		}
	}
}

// TestOpenDocumentRefuses anything but an absolute path to a regular file.
func TestOpenDocumentRefuses(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"guide.html", dir, filepath.Join(dir, "missing.html"), "https://example.com/", "file:///etc/passwd"} {
		if err := OpenDocument(p); err == nil {
			t.Errorf("OpenDocument(%q) opened it", p)
		}
	}
	if _, err := os.Stat(dir); err != nil {
		t.Fatal(err)
	}
}
