package detect

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"transitionhelper/app/catalog"
	"transitionhelper/platform"
)

// OSSupport says that the computer's own system has passed the end of its
// maker's free security updates (Windows 10), and what is left: a paid or
// free extension (Windows 10's consumer Extended Security Updates, ESU)
// while it is open. No antivirus replaces those updates. Set at the scan,
// from the catalog's dated and sourced milestones.
type OSSupport struct {
	// System names the system, e.g. "Windows 10".
	System string `json:"system"`
	// EndedOn is the day its free security updates ended; Milestone names
	// the catalog's milestone.
	EndedOn   time.Time `json:"endedOn"`
	Milestone string    `json:"milestone"`
	// ESUUntil is, while consumer ESU is open, the day it ends: until then
	// a computer enrolled in it still gets Windows' security updates.
	ESUUntil time.Time `json:"esuUntil,omitzero"`
	// ExtraEndedOn is the day consumer ESU ended, once that too has passed.
	ExtraEndedOn time.Time `json:"extraEndedOn,omitzero"`
	// ESUMilestone names the catalog's milestone for ESU's end.
	ESUMilestone string `json:"esuMilestone,omitempty"`
	// ESUReported is what the user's registry reports of enrollment
	// (platform.ESUEnrolled, ESUEligible, ESUNotEligible): undocumented by
	// Microsoft, so a hint to show as such; "" when it reports nothing.
	ESUReported string `json:"esuReported,omitempty"`
	// Needs22H2: the computer runs a Windows 10 older than version 22H2,
	// which ESU requires: it must update first.
	Needs22H2 bool `json:"needs22H2,omitempty"`
}

// ESUOpen reports whether an enrolled computer still gets security updates.
func (s *OSSupport) ESUOpen() bool { return s != nil && !s.ESUUntil.IsZero() }

// build22H2 is Windows 10 version 22H2's build.
const build22H2 = 19045

// SupportOf says whether os has passed its end of free support at the
// time at: Windows 10 (Home, Pro and the other editions of the yearly
// channel; not the long-term LTSC/LTSB editions or Windows Server, which
// have their own dates). nil when the system is supported, or unknown to
// the catalog.
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
	if esu := cat.Milestone("os-esu-end"); esu != nil {
		s.ESUMilestone = esu.ID
		if at.Before(esu.At) {
			s.ESUUntil = esu.At
			s.ESUReported = os.ConsumerESU.Enrollment()
			if m := buildPattern.FindStringSubmatch(os.Version); m != nil {
				if b, err := strconv.Atoi(m[1]); err == nil && b < build22H2 {
					s.Needs22H2 = true
				}
			}
		} else {
			s.ExtraEndedOn = esu.At
		}
	}
	return s
}

var buildPattern = regexp.MustCompile(`build (\d+)`)
