package acl

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/windows"

	"transitionhelper/platform"
)

// TestAdminOnlyPathAsAnotherUserUnderWine: with the Wine allowance off and
// the running user swapped for another standard user (through the seam),
// Wine's System32, owned by the prefix's user, is refused: the deny rule
// alone passed it (its owner is not the running user), the allow-list
// does not.
func TestAdminOnlyPathAsAnotherUserUnderWine(t *testing.T) {
	if !platform.IsWine() {
		t.Skip("Wine only")
	}
	savedWine, savedTok := wineUserIsAdmin, tokenPrincipals
	t.Cleanup(func() { wineUserIsAdmin, tokenPrincipals = savedWine, savedTok })
	wineUserIsAdmin = func() bool { return false }
	tokenPrincipals = func() ([]string, error) { return []string{"S-1-5-21-1-2-3-1002"}, nil }
	sys, _ := windows.GetSystemDirectory()
	ok, why, err := AdminOnlyPath(filepath.Join(sys, "msiexec.exe"))
	if err != nil || ok || !strings.Contains(why, "not by SYSTEM or Administrators") {
		t.Errorf("a file another user owns, judged for a standard user: ok %v, %q, %v", ok, why, err)
	}
}
