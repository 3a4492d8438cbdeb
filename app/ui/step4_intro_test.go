package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"transitionhelper/app/detect"
	"transitionhelper/app/progress"
)

// TestRemoveIntroFollowsTheState: step 4's first sentence in each state
// names only what is there: the button it says to press is the one the
// footer shows, and "removed" is said only when every row is removed.
func TestRemoveIntroFollowsTheState(t *testing.T) {
	test.NewTempApp(t)
	row := func(id string, st progress.RemovalState) progress.RemovalRow {
		return progress.RemovalRow{Finding: detect.Finding{ProductID: id, Name: id}, State: st}
	}
	for _, tt := range []struct {
		name     string
		rows     []progress.RemovalRow
		removing bool
		want     string
	}{
		{"to remove, several", []progress.RemovalRow{row("a", progress.ToRemove), row("b", progress.ToRemove)}, false, `Press "Remove all"`},
		{"to remove, one, one by hand", []progress.RemovalRow{row("a", progress.ToRemove), row("b", progress.ByHand)}, false, `Press "Remove Kaspersky"`},
		{"removing", []progress.RemovalRow{row("a", progress.Removing), row("b", progress.ToRemove)}, false, "An uninstaller is running"},
		{"a start under way", []progress.RemovalRow{row("a", progress.ToRemove)}, true, "An uninstaller is running"},
		{"restart pending", []progress.RemovalRow{row("a", progress.RestartNeeded), row("b", progress.Removed)}, false, `press "Restart now"`},
		{"all removed", []progress.RemovalRow{row("a", progress.Removed), row("b", progress.Removed)}, false, "Kaspersky is removed. Press Next."},
		{"one left by hand", []progress.RemovalRow{row("a", progress.Removed), row("b", progress.ByHand)}, false, "its row says where to remove it"},
		{"nothing found", nil, false, "No Kaspersky product to remove was found"},
	} {
		if got := removeIntro(tt.rows, tt.removing); !strings.Contains(got, tt.want) {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestRemoveAllNeverPromisesMore: on the Windows 10 sample whose VPN has
// no uninstaller the app may start, "Remove all" counts the two it starts,
// asks about two, starts two; the VPN's row says where to remove it and
// offers to open Apps; the report and the status code say one is left by
// hand.
func TestRemoveAllNeverPromisesMore(t *testing.T) {
	snap := win10(true, true, true, false)
	for i, p := range snap.Programs {
		if strings.Contains(p.Name, "VPN") { // installed for this user only: never started
			snap.Programs[i].Where = `HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\` + p.Name
		}
	}
	j := newJourney(t, snap)
	u := j.u
	j.click(u.Action, "Scan this computer")
	for _, id := range u.state.Checklist() {
		u.setState(u.state.WithTick(id, true))
	}
	j.click(u.NavButtons[3], "4. Remove Kaspersky")
	if u.Remove.RemoveAll == nil || u.Remove.RemoveAll.Text != "Remove all 2, one after another" {
		t.Fatalf("the main button: %v", u.Remove.RemoveAll)
	}
	if u.Remove.Rows["kaspersky-vpn"] == nil || !strings.Contains(u.Remove.Rows["kaspersky-vpn"].Text, "by hand") || u.Remove.RemoveButtons["kaspersky-vpn"] != nil {
		t.Fatalf("the VPN's row: %v", u.Remove.Rows)
	}
	if text := labelsText(u.win.Canvas().Content()); !strings.Contains(text, "Remove Kaspersky VPN") || !strings.Contains(text, "Windows Settings > Apps") {
		t.Errorf("no plain line for the VPN:\n%s", text)
	}
	j.click(u.Remove.RemoveAll, "Remove all 2")
	if top := u.win.Canvas().Overlays().Top(); top == nil || !strings.Contains(labelsText(top), "Remove 2 products?") && u.Remove.Confirm == nil || findButton(top, "Start the uninstallers") == nil {
		t.Fatal("no confirmation of the two")
	}
	j.click(j.dialogButton("Start the uninstallers"), "Start the uninstallers")
	if len(j.launched) != 2 {
		t.Errorf("started %q, want the two it promised", j.launched)
	}
	if text := u.supportText(); !strings.Contains(text, "Kaspersky VPN") || !strings.Contains(text, "To remove by hand") || !strings.Contains(text, "cannot be started from the app") {
		t.Errorf("the report does not say the VPN is left by hand:\n%s", text)
	}
}
