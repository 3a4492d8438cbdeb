// Package timeline turns the ban's milestones into what the app shows: time
// left before Kaspersky's U.S. update cut-off, or time since it. The clock
// is injected, so every instant can be tested.
package timeline

import (
	"time"
	// The days since the cut-off are counted on U.S. Eastern calendars,
	// which needs America/New_York's rules. Linux and macOS have the zone
	// files; Windows has none Go can read, and time.LoadLocation fails
	// there without them. This embeds the IANA data (about 410 KB more in
	// the binary), used only when the system has no zone files of its own.
	_ "time/tzdata"

	"transitionhelper/app/catalog"
)

// Zone is the IANA name of the time zone the ban's dates are given in: the
// cut-off is 00:00 U.S. Eastern, and "days since" are Eastern calendar days.
// The catalog's milestones name the same zone.
const Zone = "America/New_York"

// eastern is Zone's location. With time/tzdata linked in, loading it
// cannot fail; were it to, the cut-off's own offset (EDT) keeps its date
// right, and the day would turn at 23:00 in winter, as it once did.
var eastern = func() *time.Location {
	loc, err := time.LoadLocation(Zone)
	if err != nil {
		return time.FixedZone("EDT", -4*3600)
	}
	return loc
}()

// Status is the cut-off seen from one instant.
type Status struct {
	// Cutoff is the instant updates ended (00:00 U.S. Eastern, 2024-09-29),
	// in U.S. Eastern time, so its date is the date the ban gives.
	Cutoff time.Time
	// Passed is true from the cut-off instant on.
	Passed bool
	// Before the cut-off: the time left, split for "N days, H hours, M minutes".
	Days, Hours, Minutes int
	// After it: U.S. Eastern calendar days since the cut-off's day, so the
	// count changes at midnight in New York, winter or summer: 0 on
	// September 29, 2024, 1 on September 30, and so on.
	DaysSince int
}

// At computes the status of cutoff seen at now. Only instants count: the
// time zone now is expressed in changes nothing. The time left before the
// cut-off is a duration (24-hour days); the days since it are calendar
// days in U.S. Eastern time.
func At(cutoff, now time.Time) Status {
	s := Status{Cutoff: cutoff.In(eastern)}
	d := cutoff.Sub(now)
	if d <= 0 {
		s.Passed = true
		s.DaysSince = calendarDays(cutoff, now)
		return s
	}
	// Round up to the minute, so the last minute shows "1 minute", never "0".
	mins := int((d + time.Minute - 1) / time.Minute)
	s.Days, mins = mins/(24*60), mins%(24*60)
	s.Hours, s.Minutes = mins/60, mins%60
	return s
}

// calendarDays counts the days from the U.S. Eastern date of from to that
// of to. Both dates are written as midnights in UTC, where every day has 24
// hours, so the division is exact across daylight saving changes.
func calendarDays(from, to time.Time) int {
	day := func(t time.Time) time.Time {
		y, m, d := t.In(eastern).Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	return int(day(to).Sub(day(from)) / (24 * time.Hour))
}

// UpdatesEnd returns the catalog's update cut-off milestone, or nil.
func UpdatesEnd(cat *catalog.Catalog) *catalog.Milestone {
	return cat.Milestone("updates-end")
}

// NextTick says when the status shown at now next changes: on the minute
// before the cut-off, at the next midnight U.S. Eastern after it (23, 24
// or 25 hours apart, as daylight saving time begins or ends).
func NextTick(cutoff, now time.Time) time.Duration {
	if d := cutoff.Sub(now); d > 0 {
		next := d % time.Minute
		if next == 0 {
			next = time.Minute
		}
		return next
	}
	y, m, d := now.In(eastern).Date()
	return time.Date(y, m, d+1, 0, 0, 0, 0, eastern).Sub(now)
}
