package detect

import (
	"testing"
	"time"

	"transitionhelper/app/catalog"
	"transitionhelper/platform"
)

func TestSupportOf(t *testing.T) {
	cat, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	today := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	win := func(name, version string) platform.OSInfo {
		return platform.OSInfo{Family: "windows", Name: name, Version: version}
	}
	tests := []struct {
		name  string
		os    platform.OSInfo
		at    time.Time
		ended bool
		extra bool
	}{
		// Microsoft extended consumer ESU to October 12, 2027: on this
		// day of 2026 an enrolled PC still gets updates.
		{"Windows 10 Home 22H2 today: ESU open", win("Windows 10 Home", "22H2 (build 19045)"), today, true, false},
		{"Windows 10 Home 22H2 after October 12, 2027", win("Windows 10 Home", "22H2 (build 19045)"), time.Date(2027, 10, 13, 12, 0, 0, 0, time.UTC), true, true},
		{"Windows 10 Pro a year ago: ended, the extra year not yet", win("Windows 10 Pro", "22H2 (build 19045)"), time.Date(2025, 11, 26, 0, 0, 0, 0, time.UTC), true, false},
		{"Windows 10 Home before the end", win("Windows 10 Home", "22H2 (build 19045)"), time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC), false, false},
		{"Windows 11 Home", win("Windows 11 Home", "23H2 (build 22631)"), today, false, false},
		{"Windows 10 Enterprise LTSC 2021 has its own dates", win("Windows 10 Enterprise LTSC 2021", "21H2 (build 19044)"), today, false, false},
		{"Windows Server 2019 (reports Windows 10 build numbers)", win("Windows Server 2019 Standard", "1809 (build 17763)"), today, false, false},
		{"a Mac", platform.OSInfo{Family: "darwin", Name: "macOS", Version: "15.1"}, today, false, false},
	}
	for _, tt := range tests {
		s := SupportOf(tt.os, cat, tt.at)
		if (s != nil) != tt.ended || s != nil && (s.System != "Windows 10" || s.EndedOn.Format("2006-01-02") != "2025-10-14" || s.ExtraEndedOn.IsZero() == tt.extra || s.ESUOpen() == tt.extra) {
			t.Errorf("%s: %+v", tt.name, s)
		}
	}
	s := SupportOf(win("Windows 10 Home", "22H2 (build 19045)"), cat, today)
	if got := s.ESUUntil.In(time.UTC).Format("2006-01-02"); got != "2027-10-12" {
		t.Errorf("consumer ESU open until %s, want 2027-10-12 (Microsoft's extension)", got)
	}
	// What the user's registry reports of enrollment is carried as a hint,
	// and a Windows 10 older than 22H2 must update before it can enroll.
	enrolled := win("Windows 10 Home", "21H2 (build 19044)")
	enrolled.ConsumerESU = &platform.ConsumerESU{Eligibility: 5}
	if s := SupportOf(enrolled, cat, today); s.ESUReported != platform.ESUEnrolled || !s.Needs22H2 {
		t.Errorf("enrolled 21H2: %+v", s)
	}
	if s := SupportOf(win("Windows 10 Home", "22H2 (build 19045)"), cat, today); s.ESUReported != "" || s.Needs22H2 {
		t.Errorf("nothing reported, 22H2: %+v", s)
	}
}
