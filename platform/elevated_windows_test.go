package platform

import "testing"

// TestElevatedUserUnderWine: Wine's processes are all elevated and its
// user is the administrator, so the app is not stopped there; with Wine's
// allowance off the same elevated token is a user's, as "Run as
// administrator" on Windows.
func TestElevatedUserUnderWine(t *testing.T) {
	if !runningOnWine() {
		t.Skip("Wine only")
	}
	if ElevatedUser() {
		t.Error("stopped under Wine, whose user is the administrator")
	}
	saved := wineUserIsAdmin
	t.Cleanup(func() { wineUserIsAdmin = saved })
	wineUserIsAdmin = func() bool { return false }
	if !elevatedUser() {
		t.Error("an elevated user's token (Wine's, judged as on Windows) is not told")
	}
}
