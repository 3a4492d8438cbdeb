package detect

import (
	"strings"
	"time"

	"transitionhelper/app/catalog"
	"transitionhelper/platform"
)

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
