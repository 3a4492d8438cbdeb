package region

import (
	"slices"
	"testing"
)

func TestGuessRegion(t *testing.T) {
	tests := []struct {
		tz, locale string
		want       Region
	}{
		{"America/Chicago", "de_DE.UTF-8", US},
		{"America/Indiana/Indianapolis", "", US},
		{"Pacific/Honolulu", "en_US", US},
		{"America/Toronto", "en_US.UTF-8", Other},
		{"Europe/Berlin", "en_US.UTF-8", Other},
		{"Eastern Standard Time", "en-US", US},
		{"Eastern Standard Time", "en-CA", Other},
		{"Eastern Standard Time", "", US},
		{"Central Standard Time", "es-MX", US}, // a Spanish-speaking household in Texas
		{"Central Standard Time", "es-US", US},
		{"Central Standard Time", "fr-CA", Other},
		{"Pacific Standard Time", "ko-KR", US},
		{"Hawaiian Standard Time", "en-CA", US}, // not shared with Canada
		{"Central Standard Time (Mexico)", "es-MX", Other},
		{"SA Western Standard Time", "es-PR", US}, // Puerto Rico
		{"SA Western Standard Time", "en-VI", US},
		{"SA Western Standard Time", "es-VE", Other},
		{"West Pacific Standard Time", "en-GU", US}, // Guam
		{"West Pacific Standard Time", "en-US", US},
		{"West Pacific Standard Time", "en-AU", Other},
		{"UTC-11", "en-AS", US}, // American Samoa
		{"America/Indianapolis", "", US},
		{"America/Fort_Wayne", "es-MX", US},
		{"US/Eastern", "", US},
		{"America/Puerto_Rico", "es-PR", US},
		{"Navajo", "", US},
		{"GMT Standard Time", "en-US", Other},
		{"", "es_PR.UTF-8", US},
		{"", "fr_FR.UTF-8", Other},
		{"", "C", US},
		{"", "", US},
		{"", "sr_RS@latin", Other},
		{"Etc/UTC", "C.UTF-8", US},
		{"Etc/UTC", "de_DE.UTF-8", Other},
		{"UTC", "", US},
		{"Coordinated Universal Time", "en-US", US}, // a server or Wine default, not a place
	}
	for _, tt := range tests {
		if got := Guess(tt.tz, tt.locale); got != tt.want {
			t.Errorf("Guess(%q, %q) = %s, want %s", tt.tz, tt.locale, got, tt.want)
		}
	}
	if !slices.Contains(usTerritories, "PR") {
		t.Error("Puerto Rico is under U.S. rules")
	}
}

// TestGuessRegionEdges: places whose hints look alike, each with the rule
// that decides it (see region.go).
func TestGuessRegionEdges(t *testing.T) {
	tests := []struct {
		why, tz, locale string
		want            Region
	}{
		// Mexico's border cities: their IANA zones say Mexico, whatever the language.
		{"Matamoros by IANA name", "America/Matamoros", "es-MX", Other},
		{"Matamoros with a U.S. locale", "America/Matamoros", "en_US.UTF-8", Other},
		{"Ojinaga by IANA name", "America/Ojinaga", "es_MX.UTF-8", Other},
		{"Ciudad Juárez by IANA name", "America/Ciudad_Juarez", "es-MX", Other},
		{"Sonora by IANA name", "America/Hermosillo", "es-MX", Other},
		{"Tijuana by IANA name", "America/Tijuana", "es-MX", Other},
		// Their Windows zones are the U.S.'s: es-MX cannot tell Matamoros from Texas.
		{"Matamoros or Texas: Central, es-MX", "Central Standard Time", "es-MX", US},
		{"Ciudad Juárez or El Paso: Mountain, es-MX", "Mountain Standard Time", "es-MX", US},
		{"Hermosillo or Arizona: US Mountain, es-MX", "US Mountain Standard Time", "es-MX", US},
		{"Canada shares US Mountain (Creston, Dawson Creek)", "US Mountain Standard Time", "en-CA", Other},
		{"Mexico's own Windows zone", "Central Standard Time (Mexico)", "es-US", Other},
		{"Baja California's own Windows zone", "Pacific Standard Time (Mexico)", "es-MX", Other},
		{"a Windows key name in other case", "central standard time", "es-MX", US},
		// No zone: the locale is the only evidence.
		{"no zone, es-MX", "", "es-MX", Other},
		{"no zone, es_MX.UTF-8", "", "es_MX.UTF-8", Other},
		{"UTC is no zone, es-MX", "Etc/UTC", "es-MX", Other},
		{"tzdata's Factory is no zone", "Factory", "es-MX", Other},
		{"no zone, es-US", "", "es-US", US},
		{"no zone, es-419 names no country", "", "es-419", US},
		// Rule names are U.S. rules, read like Windows zones.
		{"EST5EDT", "EST5EDT", "", US},
		{"PST8PDT", "PST8PDT", "en_US.UTF-8", US},
		{"CST6CDT", "CST6CDT", "es_MX.UTF-8", US},
		{"MST7MDT", "MST7MDT", "C.UTF-8", US},
		{"EST", "EST", "", US},
		{"MST", "MST", "", US},
		{"HST", "HST", "en-CA", US},
		{"EST5EDT, Canadian locale", "EST5EDT", "fr_CA.UTF-8", Other},
		{"POSIX TZ string with its rule", "EST5EDT,M3.2.0,M11.1.0", "", US},
		{"POSIX TZ string with slashes in its rule", "PST8PDT,M3.2.0/2,M11.1.0/2", "", US},
		{"POSIX TZ string of Alaska", "AKST9AKDT,M3.2.0,M11.1.0", "", US},
		{"POSIX TZ string of Arizona", "MST7", "", US},
		{"POSIX TZ string of Hawaii", "HST10", "", US},
		{"not a U.S. rule", "CET", "", Other},
		// U.S. Minor Outlying Islands.
		{"Midway", "Pacific/Midway", "", US},
		{"Wake", "Pacific/Wake", "en-US", US},
		{"Midway's Windows zone with a U.S. locale", "UTC-11", "en-US", US},
		{"Niue shares UTC-11", "UTC-11", "en-NU", Other},
		{"Wake's Windows zone is Kiribati's and the Marshall Islands'", "UTC+12", "en-US", Other},
		// Puerto Rico.
		{"Puerto Rico, es-419", "America/Puerto_Rico", "es-419", US},
		{"Puerto Rico, es", "America/Puerto_Rico", "es", US},
		{"Puerto Rico, es-PR", "America/Puerto_Rico", "es-PR", US},
		{"Puerto Rico, es_PR.UTF-8", "America/Puerto_Rico", "es_PR.UTF-8", US},
		{"Puerto Rico's Windows zone, es-419", "SA Western Standard Time", "es-419", US},
		{"Puerto Rico's Windows zone, es", "SA Western Standard Time", "es", US},
		{"Puerto Rico's Windows zone, es-PR", "SA Western Standard Time", "es-PR", US},
		{"the Dominican Republic shares it", "SA Western Standard Time", "es-DO", Other},
		{"Bolivia shares it", "SA Western Standard Time", "es-BO", Other},
		{"Manaus shares it", "SA Western Standard Time", "pt-BR", Other},
		{"Guam's Windows zone, no country", "West Pacific Standard Time", "en", US},
		// The Bahamas.
		{"the Bahamas by IANA name", "America/Nassau", "en-BS", Other},
		{"the Bahamas by IANA name, U.S. locale", "America/Nassau", "en-US", Other},
		{"no zone, en-BS", "", "en-BS", Other},
		// A locale alone never moves a U.S. zone abroad, except Canada's:
		// en-BS on "Eastern Standard Time" cannot be told from a U.S. home.
		{"Eastern, en-BS", "Eastern Standard Time", "en-BS", US},
		{"the U.S. in Spanish by IANA name", "America/Chicago", "es-MX", US},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			if got := Guess(tt.tz, tt.locale); got != tt.want {
				t.Errorf("Guess(%q, %q) = %s, want %s", tt.tz, tt.locale, got, tt.want)
			}
		})
	}
}
