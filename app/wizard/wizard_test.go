package wizard

import (
	"strings"
	"testing"
	"time"

	"transitionhelper/app/detect"
	"transitionhelper/app/progress"
	"transitionhelper/app/region"
	"transitionhelper/platform"
)

var (
	kis = detect.Finding{ProductID: "kaspersky-total-security", Name: "Kaspersky Total Security", Role: "remove", Component: "antivirus", State: detect.StateRunning, UserData: []string{"passwords", "parental-controls"}}
	kpm = detect.Finding{ProductID: "kaspersky-password-manager", Name: "Kaspersky Password Manager", Role: "remove", Component: "password-manager", State: detect.StateInstalled, UserData: []string{"passwords"}}
	vpn = detect.Finding{ProductID: "kaspersky-vpn", Name: "Kaspersky VPN Secure Connection", Role: "remove", Component: "vpn", State: detect.StateInstalled, UserData: []string{"vpn"}}
	lft = detect.Finding{ProductID: "kaspersky", Name: "Kaspersky security app", Role: "remove", Component: "antivirus", State: detect.StateLeftover}
	uav = detect.Finding{ProductID: "ultraav", Name: "UltraAV", Role: "replacement", Component: "antivirus", State: detect.StateRunning}
	def = detect.Finding{ProductID: "microsoft-defender", Name: "Microsoft Defender", Role: "protection", Component: "antivirus", State: detect.StateRunning}
)

func scanned(fs ...detect.Finding) progress.ScanRecord {
	return progress.ScanRecord{At: time.Unix(0, 0), Findings: fs, Complete: true}
}

func TestNextStep(t *testing.T) {
	tests := []struct {
		name  string
		state progress.State
		want  progress.Step
	}{
		{"step 1 without a scan stays", progress.New(region.US), progress.StepStart},
		{"a scan moves to step 2", progress.New(region.US).WithScan(scanned(kis)), progress.StepFound},
		{"found Kaspersky: save", nexts(progress.New(region.US).WithScan(scanned(kis)), 1), progress.StepSave},
		{"save → remove", nexts(progress.New(region.US).WithScan(scanned(kis)), 2), progress.StepRemove},
		{"remove → choose", nexts(progress.New(region.US).WithScan(scanned(kis)), 3), progress.StepChoose},
		{"choose → verify", nexts(progress.New(region.US).WithScan(scanned(kis)), 4), progress.StepVerify},
		{"verify → done", nexts(progress.New(region.US).WithScan(scanned(kis)), 5), progress.StepDone},
		{"done stays", nexts(progress.New(region.US).WithScan(scanned(kis)), 6), progress.StepDone},
		{"nothing found: step 2 goes on to step 6", nexts(progress.New(region.US).WithScan(scanned(def)), 1), progress.StepVerify},
		{"only leftovers: step 6", nexts(progress.New(region.US).WithScan(scanned(lft, def)), 1), progress.StepVerify},
		{"UltraAV only: choose", nexts(progress.New(region.US).WithScan(scanned(uav)), 1), progress.StepChoose},
		{"outside the U.S. the steps are the same", nexts(progress.New(region.Other).WithScan(scanned(kis)), 1), progress.StepSave},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.state.Step; got != tt.want {
				// the table gives the state after its moves: its progress.Step is the answer
				t.Errorf("step %d, want %d", got, tt.want)
			}
			if tt.state.Reached < tt.state.Step {
				t.Errorf("reached %d behind step %d", tt.state.Reached, tt.state.Step)
			}
		})
	}
}

func TestBackGoAndApplies(t *testing.T) {
	s := nexts(progress.New(region.US).WithScan(scanned(kis)), 2) // at step 4
	if s.Step != progress.StepRemove || s.Reached != progress.StepRemove {
		t.Fatalf("at %d reached %d", s.Step, s.Reached)
	}
	if b := Back(s); b.Step != progress.StepSave || b.Reached != progress.StepRemove {
		t.Errorf("back: %d reached %d", b.Step, b.Reached)
	}
	if g := Go(s, progress.StepStart); g.Step != progress.StepStart || !CanGo(progress.StepRemove) {
		t.Errorf("go to 1: %+v", g)
	}
	// The list on the left opens any step; the step says in place what it needs.
	if g := Go(s, progress.StepVerify); g.Step != progress.StepVerify || g.Reached != progress.StepVerify {
		t.Errorf("go to 6: %+v", g)
	}
	if g := Go(progress.New(region.US), progress.StepRemove); g.Step != progress.StepRemove || Applies(g, progress.StepRemove) != ReasonNotChecked || !g.Valid() {
		t.Errorf("go to 4 before a scan: %+v", g)
	}
	if g := Go(s, 8); g.Step != progress.StepRemove {
		t.Error("went to a step that does not exist")
	}
	if Back(progress.New(region.US)).Step != progress.StepStart {
		t.Error("back from step 1")
	}
	if r := Applies(progress.New(region.US), progress.StepFound); r != ReasonNotChecked {
		t.Errorf("step 2 before a scan: %q", r)
	}
	nothing := progress.New(region.US).WithScan(scanned(def))
	for _, st := range []progress.Step{progress.StepSave, progress.StepRemove} {
		if r := Applies(nothing, st); r != ReasonNoKaspersky {
			t.Errorf("step %d with no Kaspersky: %q", st, r)
		}
	}
	for _, st := range progress.Steps {
		if r := Applies(s, st); r != ReasonNone {
			t.Errorf("step %d with Kaspersky: %q", st, r)
		}
	}
}

func TestStanding(t *testing.T) {
	sc := func(state uint32) []platform.SecurityCenter {
		return []platform.SecurityCenter{{ProductState: state, State: platform.DecodeProductState(state)}}
	}
	kisOn := kis
	kisOn.SecurityCenter = sc(397312)
	defOff := def
	defOff.SecurityCenter = sc(393472)
	defOn := def
	defOn.SecurityCenter = sc(397568)
	tests := []struct {
		name          string
		s             progress.State
		next          progress.Step
		protected     bool
		onlyKaspersky bool
	}{
		{"no scan", progress.New(region.US), progress.StepStart, false, false},
		{"Kaspersky on, Defender off, passwords not saved", progress.New(region.US).WithScan(scanned(kisOn, kpm, defOff)), progress.StepSave, false, true},
		{"Kaspersky on, passwords saved", progress.New(region.US).WithScan(scanned(kisOn, kpm, defOff)).WithTick(progress.SavePasswords, true), progress.StepRemove, false, true},
		{"restart pending", progress.New(region.US).WithScan(scanned(kisOn, defOff)).WithRemoval(kis.ProductID, progress.RestartNeeded), progress.StepRemove, false, true},
		{"Kaspersky gone, Defender still off", progress.New(region.US).WithScan(scanned(kisOn, defOff)).WithVerify(scanned(defOff)), progress.StepVerify, false, false},
		{"Kaspersky gone, Defender on", progress.New(region.US).WithScan(scanned(kisOn, defOff)).WithVerify(scanned(defOn)), progress.StepDone, true, false},
		{"outside the U.S. Kaspersky may still get updates", progress.New(region.Other).WithScan(scanned(kisOn, defOff)), progress.StepDone, true, false},
	}
	for _, tt := range tests {
		st := StandingOf(tt.s)
		if st.Next != tt.next || st.Protected != tt.protected || st.OnlyKaspersky != tt.onlyKaspersky || st.Finished() != (tt.next == progress.StepDone) {
			t.Errorf("%s: %+v", tt.name, st)
		}
	}
}

func TestStepsStayAfterRemoval(t *testing.T) {
	s := nexts(progress.New(region.US).WithScan(scanned(kpm, def)), 1) // step 3
	s = Next(s.WithTick(progress.SavePasswords, true))                 // step 4
	s = s.WithScan(scanned(def))                                       // all removed
	if r := Applies(s, progress.StepRemove); r != ReasonNone {
		t.Errorf("step 4 after removal: %q", r)
	}
	if got := strings.Join(s.Checklist(), " "); got != "passwords licence" {
		t.Errorf("checklist after removal %q", got)
	}
	if rows := s.RemovalRows(); len(rows) != 1 || rows[0].State != progress.Removed {
		t.Errorf("rows %+v", rows)
	}
}

// nexts presses Next n times.
func nexts(s progress.State, n int) progress.State {
	for range n {
		s = Next(s)
	}
	return s
}
