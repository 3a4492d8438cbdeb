// Package timeline turns the ban's milestones into what the app shows: time
// left before Kaspersky's U.S. update cut-off, or time since it. The clock
// is injected, so every instant can be tested.
package timeline

import (
	"time"

	"transitionhelper/app/catalog"
)

// Status is the cut-off seen from one instant.
type Status struct {
	// Cutoff is the instant updates ended (00:00 U.S. Eastern, 2024-09-29),
	// in the time zone the catalog gives it.
	Cutoff time.Time
	// Passed is true from the cut-off instant on.
	Passed bool
	// Before the cut-off: the time left, split for "N days, H hours, M minutes".
	Days, Hours, Minutes int
	// After it: whole days since.
	DaysSince int
}

// At computes the status of cutoff seen at now. Only instants count: the
// time zone now is expressed in changes nothing.
func At(cutoff, now time.Time) Status {
	s := Status{Cutoff: cutoff}
	d := cutoff.Sub(now)
	if d <= 0 {
		s.Passed = true
		s.DaysSince = int(-d / (24 * time.Hour))
		return s
	}
	// Round up to the minute, so the last minute shows "1 minute", never "0".
	mins := int((d + time.Minute - 1) / time.Minute)
	s.Days, mins = mins/(24*60), mins%(24*60)
	s.Hours, s.Minutes = mins/60, mins%60
	return s
}

// UpdatesEnd returns the catalog's update cut-off milestone, or nil.
func UpdatesEnd(cat *catalog.Catalog) *catalog.Milestone {
	return cat.Milestone("updates-end")
}

// NextTick says when the status shown at now next changes: on the minute
// before the cut-off, at the next whole day after it.
func NextTick(cutoff, now time.Time) time.Duration {
	if d := cutoff.Sub(now); d > 0 {
		next := d % time.Minute
		if next == 0 {
			next = time.Minute
		}
		return next
	}
	since := now.Sub(cutoff)
	return 24*time.Hour - since%(24*time.Hour)
}
