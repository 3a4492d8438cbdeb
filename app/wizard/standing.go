package wizard

import (
	"slices"
	"strings"
	"time"

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

// OSSupport says that the computer's own system no longer gets security
// updates from its maker: no antivirus replaces those. Set at the scan, from
// the catalog's dated and sourced milestones.
type OSSupport struct {
	// System names the system, e.g. "Windows 10".
	System string `json:"system"`
	// EndedOn is the day its security updates ended; Milestone and
	// Source name the catalog's milestone and where it comes from.
	EndedOn   time.Time `json:"endedOn"`
	Milestone string    `json:"milestone"`
	// ExtraEndedOn is the end of the paid or free extra year (Windows 10's
	// consumer Extended Security Updates), when that too has passed.
	ExtraEndedOn time.Time `json:"extraEndedOn,omitzero"`
}

// SupportOf says whether os has passed its end of support at the time at:
// Windows 10 (Home, Pro and the other editions of the yearly channel; not
// the long-term LTSC/LTSB editions or Windows Server, which have their own
// dates). nil when the system is supported, or unknown to the catalog.
func SupportOf(os platform.OSInfo, cat *catalog.Catalog, at time.Time) *OSSupport {
	if os.Family != catalog.OSWindows || !strings.Contains(os.Name, "Windows 10") {
		return nil
	}
	for _, long := range []string{"LTSC", "LTSB", "Server", "IoT"} {
		if strings.Contains(os.Name, long) {
			return nil
		}
	}
	end := cat.Milestone("os-support-end")
	if end == nil || at.Before(end.At) {
		return nil
	}
	s := &OSSupport{System: "Windows 10", EndedOn: end.At, Milestone: end.ID}
	if esu := cat.Milestone("os-esu-end"); esu != nil && !at.Before(esu.At) {
		s.ExtraEndedOn = esu.At
	}
	return s
}
