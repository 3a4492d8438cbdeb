package ui

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// fyneModule is the module whose version the screen-reader mirror is made for.
const fyneModule = "fyne.io/fyne/v2"

// mirrorFyneWarning is what to do when go.mod's Fyne moves past 2.8.x.
const mirrorFyneWarning = `the screen-reader mirror is made for Fyne 2.8.x (2.8.1 was the newest served when it was written); go.mod now asks for %s.
Before you keep it, read the newer Fyne and decide whether the mirror can go:
  - app/ui/a11y_mirror.go puts stand-ins in plain containers because Fyne 2.8's screen-reader bridges
    (internal/driver/glfw/accessibility_windows.go, _windows.c, accessibility_darwin.go, _darwin.m) walk only through
    *fyne.Container: never into a container.Scroll (the step), a widget.Card, a dialog's pop-up or our own widgets.
    Check: do the new bridges walk into widgets (scroll contents, custom widgets' renderers, overlays)? Then drop the
    mirrors (newStepMirror, newWindowMirror in a11y_shell.go) and update the bridge model in a11y_test.go (announced).
  - collectUnreached (a11y_mirror.go) and dismissButton (shell.go) reflect into Fyne's internal overlay container by
    its field name "Content"; if that field is renamed, dialogs go silent for screen readers and Escape stops working.
    Check the internal overlay type still has an exported Content field, or use a public API that reaches a dialog's content.
  - startA11yWatch (a11y_shell.go) polls the mirrors 4 times a second, because Fyne tells no one when a dialog opens or a
    step's insides change, and recovers from a tick that races the shutdown. Check for an event or an accessibility
    tree refresh the app can hook instead.
  - toggle, choice and expanderButton (a11y.go) say their state in their accessible name ("Larger text: on") because
    fyne.Accessible has only a label and a role. Check for an accessible-name or state/value API on widgets (checked,
    selected, expanded) and for Check, RadioGroup and Select being announced; then use Fyne's own widgets.
Then run TestScreenReaderReachesTheShell and the accessibility tests with -tags accessibility, and change this test's
version (mirrorFyneMinor) only once the mirror is gone or checked against the new Fyne.`

// mirrorFyneMinor is the Fyne minor version the mirror was checked against.
const mirrorFyneMinor = "v2.8."

// fyneRequirement reads the version go.mod asks for fyneModule, and whether
// a replace directive points fyneModule elsewhere.
func fyneRequirement(gomod string) (version string, replaced bool) {
	inRequire := false
	for _, line := range strings.Split(gomod, "\n") {
		if i := strings.Index(line, "//"); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		switch {
		case len(f) == 0:
			continue
		case f[0] == "require" && len(f) > 1 && f[1] == "(":
			inRequire = true
			continue
		case f[0] == ")":
			inRequire = false
			continue
		case f[0] == "replace" && len(f) > 1 && f[1] == fyneModule:
			replaced = true
			continue
		case f[0] == "require":
			f = f[1:]
		case !inRequire:
			continue
		}
		if len(f) >= 2 && f[0] == fyneModule {
			version = f[1]
		}
	}
	return version, replaced
}

// checkMirrorFyne says what to do when go.mod asks for another Fyne than
// the one the mirror was made for; nil while it is 2.8.x.
func checkMirrorFyne(gomod string) string {
	v, replaced := fyneRequirement(gomod)
	switch {
	case v == "":
		return fmt.Sprintf(mirrorFyneWarning, "no "+fyneModule)
	case replaced:
		return fmt.Sprintf(mirrorFyneWarning, fyneModule+" "+v+" with a replace directive for it")
	case !strings.HasPrefix(v, mirrorFyneMinor):
		return fmt.Sprintf(mirrorFyneWarning, fyneModule+" "+v)
	}
	return ""
}

// TestScreenReaderMirrorIsForFyne28 fails when go.mod's Fyne moves past
// 2.8.x: the screen-reader mirror (a11y_mirror.go) works around what Fyne
// 2.8's bridges cannot reach, reflects into a Fyne internal type by field
// name and polls 4 times a second; a newer Fyne may make it wrong, or
// needless. Its message says what to check.
func TestScreenReaderMirrorIsForFyne28(t *testing.T) {
	data, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	if msg := checkMirrorFyne(string(data)); msg != "" {
		t.Fatal(msg)
	}
	// The check itself, on go.mod files it must refuse or accept.
	for _, tt := range []struct {
		gomod string
		ok    bool
	}{
		{"module m\n\nrequire (\n\tfyne.io/fyne/v2 v2.8.1\n\tgolang.org/x/sys v0.49.0\n)\n", true},
		{"module m\n\nrequire fyne.io/fyne/v2 v2.8.3 // a patch\n", true},
		{"module m\n\nrequire (\n\tfyne.io/fyne/v2 v2.9.0\n)\n", false},
		{"module m\n\nrequire fyne.io/fyne/v2 v2.10.0\n", false},
		{"module m\n\nrequire (\n\tfyne.io/fyne/v2 v2.8.1\n)\n\nreplace fyne.io/fyne/v2 => ../fyne\n", false},
		{"module m\n\nrequire (\n\t// fyne.io/fyne/v2 v2.8.1\n)\n", false},
	} {
		msg := checkMirrorFyne(tt.gomod)
		if (msg == "") != tt.ok {
			t.Errorf("go.mod %q: accepted %v, want %v", tt.gomod, msg == "", tt.ok)
		}
		if msg != "" && (!strings.Contains(msg, "app/ui/a11y_mirror.go") || !strings.Contains(msg, "4 times a second")) {
			t.Errorf("the message does not name the mirror and its poll:\n%s", msg)
		}
	}
}
