package ui

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"transitionhelper/app/progress"
)

// TestSupportGuideMatchesTheApp: the call guide quotes the app's own words
// for every step, button and prompt the caller will see, so an agent who
// reads it out says what is on the caller's screen.
func TestSupportGuideMatchesTheApp(t *testing.T) {
	guideBytes, err := os.ReadFile("../../docs/support-guide.md")
	if err != nil {
		t.Fatal(err)
	}
	guide := string(guideBytes)
	var en map[string]any
	data, err := os.ReadFile("../../assets/translations/en.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &en); err != nil {
		t.Fatal(err)
	}
	word := func(key string) string {
		s, _ := en[key].(string)
		if s == "" {
			t.Fatalf("en.json has no %q", key)
		}
		return s
	}
	// Each step's row names the step as the app does.
	for _, st := range progress.Steps {
		key, _ := st.Name()
		row := fmt.Sprintf("| %d. %s (", st, word(key))
		if !strings.Contains(guide, row) {
			t.Errorf("the guide has no row %q", row)
		}
	}
	// Each button the guide tells the agent to name, in bold, as the app labels it.
	for _, key := range []string{"nav.next", "nav.more-below", "step.go-1", "start.title", "scan.button", "scan.again",
		"remove.button", "remove.start", "remove.start-all", "guard.passwords-now", "guard.anyway", "save.passwords-link",
		"step.go-3", "step.go-4", "step.go-5", "choose.open-security", "done.save-report", "remove.restart-now", "support.button"} {
		if w := word(key); !strings.Contains(guide, "**"+w+"**") {
			t.Errorf("the guide does not name %q (%s) as the app does", w, key)
		}
	}
	// No bold word in a step row or a "tell them" cell names a button the
	// app does not have (e.g. the old "Check again").
	bold := regexp.MustCompile(`\*\*([^*]+)\*\*`)
	values := map[string]bool{}
	for _, v := range en {
		if s, ok := v.(string); ok {
			values[s] = true
		}
	}
	for _, line := range strings.Split(guide, "\n") {
		if !strings.HasPrefix(line, "| ") || !strings.Contains(line, "step") && !regexp.MustCompile(`^\| \d\. `).MatchString(line) {
			continue
		}
		for _, m := range bold.FindAllStringSubmatch(line, -1) {
			w := strings.TrimSuffix(m[1], " …")
			if strings.HasPrefix(w, "Remove all") || values[w] || strings.HasPrefix(line, "| **") && strings.HasPrefix(line, "| **"+m[1]+"**") {
				continue
			}
			if w == "Yes" || w == "No" || w == "Details" {
				continue // Windows' own buttons, and the app's expanders
			}
			t.Errorf("the guide names %q, which is no button or heading of the app:\n%s", m[1], line)
		}
	}
	// The two publishers the permission prompt can show, and both restarts.
	for _, pair := range [][2]string{
		{word("remove.confirm-msi"), `"Windows Installer" from *Microsoft Windows*`},
		{word("remove.confirm"), "Kaspersky"},
		{word("remove.restart-note"), "opens again by itself"},
		{word("remove.restart-note-other"), "open it again"},
	} {
		app, guideWords := pair[0], strings.ReplaceAll(pair[1], "*", "")
		if !strings.Contains(strings.ReplaceAll(guide, "*", ""), guideWords) {
			t.Errorf("the guide does not say %q", pair[1])
		}
		if k := strings.Fields(guideWords)[0]; !strings.Contains(app, strings.Trim(k, `"`)) {
			t.Errorf("the app's %q does not say %q", app, k)
		}
	}
	if strings.Contains(guide, "if the publisher is Kaspersky") && !strings.Contains(guide, "Windows Installer") {
		t.Error("the guide names only Kaspersky as the publisher; MSI products show Windows Installer")
	}
	for _, title := range []string{"Step 7 of 7: " + word("done.not-finished"), "Step 7 of 7: " + word("done.finished")} {
		if !strings.Contains(guide, title) {
			t.Errorf("the guide does not show step 7's title %q", title)
		}
	}
}
