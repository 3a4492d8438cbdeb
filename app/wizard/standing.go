package wizard

import (
	"slices"

	"transitionhelper/app/catalog"
	"transitionhelper/app/detect"
	"transitionhelper/platform"
)

// Standing is where the computer stands on the latest scan, told the same
// way in steps 2, 6 and 7 and in the reports: what is left to do, and the
// one step to go to next.
type Standing struct {
	// Scanned: a scan was made.
	Scanned bool
	// KasperskyLeft: a Kaspersky product is still installed.
	KasperskyLeft bool
	// RestartPending: an uninstaller asked for a restart.
	RestartPending bool
	// Protected: security software other than Kaspersky is switched on
	// (or, outside the U.S., Kaspersky itself, which may still get updates).
	Protected bool
	// OnlyKaspersky: nothing protects the computer but a Kaspersky that
	// gets no updates (in the U.S.).
	OnlyKaspersky bool
	// Next is the one step to go to next; StepDone once nothing is left.
	Next Step
}

// Finished reports whether nothing is left to do: Kaspersky is gone (or,
// outside the U.S., kept by choice) and something protects the computer.
func (st Standing) Finished() bool { return st.Next == StepDone }

// Standing says where the computer stands and what comes next.
func (s State) Standing() Standing {
	rec := s.Latest()
	st := Standing{Scanned: rec != nil}
	if rec == nil {
		st.Next = StepCheck
		return st
	}
	st.KasperskyLeft = rec.Summary().KasperskyActive
	for _, r := range s.RemovalRows() {
		st.RestartPending = st.RestartPending || r.State == RestartNeeded
	}
	active := ActiveScanners(rec)
	kaspersky := KasperskyScanners(rec)
	st.Protected = len(active) > 0 || s.Region != RegionUS && len(kaspersky) > 0
	st.OnlyKaspersky = len(active) == 0 && len(kaspersky) > 0 && s.Region == RegionUS
	switch {
	case st.RestartPending:
		st.Next = StepRemove
	case st.KasperskyLeft && s.Region == RegionUS && slices.Contains(s.Checklist(), SavePasswords) && !s.Ticks[SavePasswords]:
		st.Next = StepSave
	case st.KasperskyLeft && s.Region == RegionUS:
		st.Next = StepRemove
	case !st.Protected:
		st.Next = StepVerify
	default:
		st.Next = StepDone
	}
	return st
}

// KasperskyScanners lists the Kaspersky antivirus products of rec that are
// running and, where Windows Security Center knows them, switched on.
func KasperskyScanners(rec *ScanRecord) []detect.Finding {
	if rec == nil {
		return nil
	}
	var out []detect.Finding
	for _, f := range rec.Findings {
		if f.Role != catalog.RoleRemove || f.Component != catalog.ComponentAntivirus || f.State != detect.StateRunning {
			continue
		}
		if p := ProtectionOf(f); p.Known && p.Protection != platform.ProtectionOn {
			continue
		}
		out = append(out, f)
	}
	return out
}

// ProtectionOf is what Windows Security Center says of one product: Known
// is false where it says nothing (other systems, products it does not list).
func ProtectionOf(f detect.Finding) ProtectionState {
	p := ProtectionState{Finding: f}
	for _, sc := range f.SecurityCenter {
		p.Known = true
		if p.Protection == "" || sc.State.Protection == platform.ProtectionOn {
			p.Protection, p.SignaturesUpToDate = sc.State.Protection, sc.State.SignaturesUpToDate
		}
	}
	return p
}
