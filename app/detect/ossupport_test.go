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
		{"Windows 10 Home 22H2 today", win("Windows 10 Home", "22H2 (build 19045)"), today, true, true},
		{"Windows 10 Pro a year ago: ended, the extra year not yet", win("Windows 10 Pro", "22H2 (build 19045)"), time.Date(2025, 11, 26, 0, 0, 0, 0, time.UTC), true, false},
		{"Windows 10 Home before the end", win("Windows 10 Home", "22H2 (build 19045)"), time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC), false, false},
		{"Windows 11 Home", win("Windows 11 Home", "23H2 (build 22631)"), today, false, false},
		{"Windows 10 Enterprise LTSC 2021 has its own dates", win("Windows 10 Enterprise LTSC 2021", "21H2 (build 19044)"), today, false, false},
		{"Windows Server 2019 (reports Windows 10 build numbers)", win("Windows Server 2019 Standard", "1809 (build 17763)"), today, false, false},
		{"a Mac", platform.OSInfo{Family: "darwin", Name: "macOS", Version: "15.1"}, today, false, false},
	}
	for _, tt := range tests {
		s := SupportOf(tt.os, cat, tt.at)
		if (s != nil) != tt.ended || s != nil && (s.System != "Windows 10" || s.EndedOn.Format("2006-01-02") != "2025-10-14" || s.ExtraEndedOn.IsZero() == tt.extra) {
			t.Errorf("%s: %+v", tt.name, s)
		}
	}
}
