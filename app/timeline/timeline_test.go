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

func TestNextTick(t *testing.T) {
	c := cutoff(t)
	if d := NextTick(c, c.Add(-90*time.Second)); d != 30*time.Second {
		t.Errorf("before: next tick in %s", d)
	}
	if d := NextTick(c, c.Add(-2*time.Minute)); d != time.Minute {
		t.Errorf("on the minute: next tick in %s", d)
	}
	if d := NextTick(c, c.Add(25*time.Hour)); d != 23*time.Hour {
		t.Errorf("after: next tick in %s", d)
	}
}
