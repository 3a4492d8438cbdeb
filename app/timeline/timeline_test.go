package timeline

import (
	"testing"
	"time"

	"transitionhelper/app/catalog"
)

func cutoff(t *testing.T) time.Time {
	t.Helper()
	cat, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	m := UpdatesEnd(cat)
	if m == nil {
		t.Fatal("no updates-end milestone")
	}
	return m.At
}

func TestAt(t *testing.T) {
	c := cutoff(t)
	utc := time.UTC
	berlin := time.FixedZone("CEST", 2*3600)
	pacificDST := time.FixedZone("PDT", -7*3600)
	easternStd := time.FixedZone("EST", -5*3600)
	tests := []struct {
		name              string
		now               time.Time
		passed            bool
		days, hours, mins int
		daysSince         int
	}{
		{"one minute before, in Eastern daylight time", time.Date(2024, 9, 28, 23, 59, 0, 0, time.FixedZone("EDT", -4*3600)), false, 0, 0, 1, 0},
		{"30 seconds before shows 1 minute, never 0", c.Add(-30 * time.Second), false, 0, 0, 1, 0},
		{"the instant itself has passed", c, true, 0, 0, 0, 0},
		{"same instant seen from Berlin", time.Date(2024, 9, 29, 6, 0, 0, 0, berlin), true, 0, 0, 0, 0},
		{"same instant seen from Los Angeles", time.Date(2024, 9, 28, 21, 0, 0, 0, pacificDST), true, 0, 0, 0, 0},
		{"one hour before, from UTC", time.Date(2024, 9, 29, 3, 0, 0, 0, utc), false, 0, 1, 0, 0},
		{"sales end day", time.Date(2024, 7, 20, 0, 0, 0, 0, time.FixedZone("EDT", -4*3600)), false, 71, 0, 0, 0},
		{"across the DST change: a winter instant in EST", time.Date(2024, 1, 15, 12, 0, 0, 0, easternStd), false, 257, 11, 0, 0},
		{"a day after", c.Add(24 * time.Hour), true, 0, 0, 0, 1},
		{"just under two days after", c.Add(47*time.Hour + 59*time.Minute), true, 0, 0, 0, 1},
		{"today, 2026-11-23 noon UTC", time.Date(2026, 11, 23, 12, 0, 0, 0, utc), true, 0, 0, 0, 785},
		{"after the U.S. fall-back (EST)", time.Date(2024, 11, 29, 0, 0, 0, 0, easternStd), true, 0, 0, 0, 61},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := At(c, tt.now)
			if s.Passed != tt.passed || s.Days != tt.days || s.Hours != tt.hours || s.Minutes != tt.mins || s.DaysSince != tt.daysSince {
				t.Errorf("At(%s) = %+v", tt.now, s)
			}
		})
	}
}

func TestCutoffIsMidnightEastern(t *testing.T) {
	c := cutoff(t)
	if got := c.UTC(); !got.Equal(time.Date(2024, 9, 29, 4, 0, 0, 0, time.UTC)) {
		t.Errorf("cut-off %s, want 2024-09-29 04:00 UTC", got)
	}
	if c.Format("January 2, 2006") != "September 29, 2024" {
		t.Errorf("cut-off date shown as %q", c.Format("January 2, 2006"))
	}
}

// Fixed offsets, not the package's own zone, say which instant each case is:
// the test does not lean on the code it checks.
var (
	est = time.FixedZone("EST", -5*3600)
	edt = time.FixedZone("EDT", -4*3600)
	pst = time.FixedZone("PST", -8*3600)
)

// TestDaysSinceTurnsAtEasternMidnight: the count is of U.S. Eastern calendar
// days. It changed at 23:00 Eastern all winter when it counted 24-hour
// blocks from 00:00 EDT. Cases at 22:59, 23:00 and 00:00 on both sides of
// the 2025 daylight saving changes (March 9 and November 2, at 02:00).
func TestDaysSinceTurnsAtEasternMidnight(t *testing.T) {
	c := cutoff(t)
	tests := []struct {
		name string
		now  time.Time
		want int
	}{
		{"winter, 22:59 EST", time.Date(2025, 1, 15, 22, 59, 0, 0, est), 108},
		{"winter, 23:00 EST is still the same day", time.Date(2025, 1, 15, 23, 0, 0, 0, est), 108},
		{"winter, 20:00 PST is 23:00 EST", time.Date(2025, 1, 15, 20, 0, 0, 0, pst), 108},
		{"winter, one second before midnight", time.Date(2025, 1, 15, 23, 59, 59, 0, est), 108},
		{"winter, 00:00 EST", time.Date(2025, 1, 16, 0, 0, 0, 0, est), 109},
		{"eve of the March change, 22:59 EST", time.Date(2025, 3, 8, 22, 59, 0, 0, est), 160},
		{"eve of the March change, 23:00 EST", time.Date(2025, 3, 8, 23, 0, 0, 0, est), 160},
		{"March change day, 00:00 EST", time.Date(2025, 3, 9, 0, 0, 0, 0, est), 161},
		{"March change day, 22:59 EDT", time.Date(2025, 3, 9, 22, 59, 0, 0, edt), 161},
		{"March change day, 23:00 EDT", time.Date(2025, 3, 9, 23, 0, 0, 0, edt), 161},
		{"after the March change, 00:00 EDT", time.Date(2025, 3, 10, 0, 0, 0, 0, edt), 162},
		{"eve of the November change, 22:59 EDT", time.Date(2025, 11, 1, 22, 59, 0, 0, edt), 398},
		{"eve of the November change, 23:00 EDT", time.Date(2025, 11, 1, 23, 0, 0, 0, edt), 398},
		{"November change day, 00:00 EDT", time.Date(2025, 11, 2, 0, 0, 0, 0, edt), 399},
		{"November change day, 22:59 EST", time.Date(2025, 11, 2, 22, 59, 0, 0, est), 399},
		{"November change day, 23:00 EST", time.Date(2025, 11, 2, 23, 0, 0, 0, est), 399},
		{"after the November change, 00:00 EST", time.Date(2025, 11, 3, 0, 0, 0, 0, est), 400},
		{"first fall-back after the cut-off, 23:00 EST", time.Date(2024, 11, 3, 23, 0, 0, 0, est), 35},
		{"cut-off day, last minute", time.Date(2024, 9, 29, 23, 59, 0, 0, edt), 0},
		{"the day after, 00:00 EDT", time.Date(2024, 9, 30, 0, 0, 0, 0, edt), 1},
		{"2026-11-26, 04:59 UTC is 23:59 EST", time.Date(2026, 11, 26, 4, 59, 0, 0, time.UTC), 787},
		{"2026-11-26, 05:00 UTC is 00:00 EST", time.Date(2026, 11, 26, 5, 0, 0, 0, time.UTC), 788},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := At(c, tt.now)
			if !s.Passed || s.DaysSince != tt.want {
				t.Errorf("At(%s) = %+v, want %d days since", tt.now, s, tt.want)
			}
			// The zone now is written in changes nothing.
			for _, loc := range []*time.Location{time.UTC, pst, time.FixedZone("JST", 9*3600)} {
				if got := At(c, tt.now.In(loc)).DaysSince; got != tt.want {
					t.Errorf("At(%s) = %d days since, want %d", tt.now.In(loc), got, tt.want)
				}
			}
		})
	}
}

// TestZone: the package counts in the zone the catalog gives the cut-off
// in, and has that zone's rules (not a fixed offset) on every system:
// Windows has no zone files, time/tzdata must supply them.
func TestZone(t *testing.T) {
	cat, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if m := UpdatesEnd(cat); m.TimeZone != Zone {
		t.Errorf("the catalog gives the cut-off in %q, the day count uses %q", m.TimeZone, Zone)
	}
	if eastern.String() != Zone {
		t.Fatalf("day count zone %q, want %q (zone data missing?)", eastern, Zone)
	}
	for _, tt := range []struct {
		at     time.Time
		offset int
	}{
		{time.Date(2025, 1, 15, 12, 0, 0, 0, time.UTC), -5 * 3600},
		{time.Date(2025, 7, 15, 12, 0, 0, 0, time.UTC), -4 * 3600},
	} {
		if _, off := tt.at.In(eastern).Zone(); off != tt.offset {
			t.Errorf("offset at %s = %d, want %d", tt.at, off, tt.offset)
		}
	}
	if s := At(cutoff(t), time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)); s.Cutoff.Location() != eastern || s.Cutoff.Day() != 29 {
		t.Errorf("Status.Cutoff = %s, want September 29 in %s", s.Cutoff, Zone)
	}
}

func TestNextTick(t *testing.T) {
	c := cutoff(t)
	tests := []struct {
		name string
		now  time.Time
		want time.Duration
	}{
		{"before, mid-minute", c.Add(-90 * time.Second), 30 * time.Second},
		{"before, on the minute", c.Add(-2 * time.Minute), time.Minute},
		{"before, the last second", c.Add(-time.Second), time.Second},
		{"after, 01:00 EDT", c.Add(25 * time.Hour), 23 * time.Hour},
		{"the cut-off instant", c, 24 * time.Hour},
		{"winter, 22:59 EST", time.Date(2025, 1, 15, 22, 59, 0, 0, est), time.Hour + time.Minute},
		{"winter, 23:00 EST", time.Date(2025, 1, 15, 23, 0, 0, 0, est), time.Hour},
		{"winter, 20:00 PST", time.Date(2025, 1, 15, 20, 0, 0, 0, pst), time.Hour},
		{"winter, 00:00 EST", time.Date(2025, 1, 16, 0, 0, 0, 0, est), 24 * time.Hour},
		{"eve of the March change, 23:00 EST", time.Date(2025, 3, 8, 23, 0, 0, 0, est), time.Hour},
		{"March change day has 23 hours", time.Date(2025, 3, 9, 0, 0, 0, 0, est), 23 * time.Hour},
		{"March change day, 23:00 EDT", time.Date(2025, 3, 9, 23, 0, 0, 0, edt), time.Hour},
		{"eve of the November change, 23:00 EDT", time.Date(2025, 11, 1, 23, 0, 0, 0, edt), time.Hour},
		{"November change day has 25 hours", time.Date(2025, 11, 2, 0, 0, 0, 0, edt), 25 * time.Hour},
		{"November change day, 22:59 EST", time.Date(2025, 11, 2, 22, 59, 0, 0, est), time.Hour + time.Minute},
		{"one second before midnight", time.Date(2025, 11, 2, 23, 59, 59, 0, est), time.Second},
	}
	for _, tt := range tests {
		if got := NextTick(c, tt.now); got != tt.want {
			t.Errorf("%s: NextTick(%s) = %s, want %s", tt.name, tt.now, got, tt.want)
		}
	}
}

// TestNextTickIsWhenTheStatusChanges walks from a day before the cut-off
// to past the 2026 changes: at every step, the status is the same until
// the tick and different at it, so a screen refreshed at each tick is
// never stale and never refreshed for nothing.
func TestNextTickIsWhenTheStatusChanges(t *testing.T) {
	c := cutoff(t)
	end := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	for now := c.Add(-26 * time.Hour); now.Before(end); {
		tick := NextTick(c, now)
		if tick <= 0 || tick > 25*time.Hour {
			t.Fatalf("NextTick(%s) = %s", now, tick)
		}
		before, just, at := At(c, now), At(c, now.Add(tick-time.Nanosecond)), At(c, now.Add(tick))
		if just != before {
			t.Fatalf("status changed before the tick: at %s %+v, at %s %+v", now, before, now.Add(tick-time.Nanosecond), just)
		}
		if at == before {
			t.Fatalf("nothing changed at the tick %s: %+v", now.Add(tick), at)
		}
		if before.Passed && at.DaysSince != before.DaysSince+1 {
			t.Fatalf("at the tick %s the count went %d -> %d", now.Add(tick), before.DaysSince, at.DaysSince)
		}
		// Land on the tick itself and between ticks, in turn.
		if before.Passed {
			now = now.Add(tick + 7*time.Hour + 13*time.Minute)
		} else {
			now = now.Add(tick + 37*time.Second)
		}
	}
}
