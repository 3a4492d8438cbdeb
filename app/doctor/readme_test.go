package doctor_test

import (
	"os"
	"strings"
	"testing"

	"transitionhelper/app/doctor"
)

// words is text as a reader sees it: lower case, one space between words,
// no Markdown backticks.
func words(text string) string {
	return strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(text, "`", ""))), " ")
}

// TestREADMENamesEveryCheck: the README's paragraph on `doctor` names
// every check on the list by its name. (Prose cannot say which words name
// a check that is not on it; the JSON doc's table can: list_test.go.)
func TestREADMENamesEveryCheck(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := words(string(data))
	for _, k := range doctor.Checks {
		if !strings.Contains(readme, words(k.Name)) {
			t.Errorf("README.md does not name the check %s (%q)", k.ID, k.Name)
		}
	}
}
