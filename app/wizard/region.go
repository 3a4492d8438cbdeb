package wizard

import "strings"

// usTerritories are regions where U.S. rules apply.
var usTerritories = []string{"US", "PR", "GU", "VI", "AS", "MP", "UM"}

// usWindowsZones are Windows time zone key names of the U.S. The values say
// which are shared with Canada: there (and only there) a Canadian locale
// moves the guess abroad. Mexico has zones of its own ("Central Standard
// Time (Mexico)"), so a Mexican or any other locale never does: many U.S.
// households use Spanish (es-MX, es-US) or another language.
var usWindowsZones = map[string]bool{
	"Eastern Standard Time": true, "US Eastern Standard Time": false, "Central Standard Time": true,
	"Mountain Standard Time": true, "US Mountain Standard Time": true, "Pacific Standard Time": true,
	"Alaskan Standard Time": false, "Hawaiian Standard Time": false, "Aleutian Standard Time": false,
}

// territoryWindowsZones are the Windows zones of U.S. territories, shared
// with other countries: Puerto Rico and the U.S. Virgin Islands ("SA
// Western Standard Time"), Guam and the Northern Mariana Islands ("West
// Pacific Standard Time"), American Samoa ("UTC-11"). There the locale
// decides: a U.S. or territory locale (en-US, es-PR, en-GU) means the U.S.
var territoryWindowsZones = []string{"SA Western Standard Time", "West Pacific Standard Time", "UTC-11"}

// usIANA are IANA zone names only the U.S. uses.
var usIANA = []string{
	"America/New_York", "America/Detroit", "America/Kentucky/", "America/Indiana/", "America/Chicago",
	"America/Menominee", "America/North_Dakota/", "America/Denver", "America/Boise", "America/Phoenix",
	"America/Los_Angeles", "America/Anchorage", "America/Juneau", "America/Sitka", "America/Metlakatla",
	"America/Yakutat", "America/Nome", "America/Adak", "Pacific/Honolulu", "America/Puerto_Rico",
	"Pacific/Guam", "America/St_Thomas", "Pacific/Pago_Pago", "Pacific/Saipan", "US/",
	// Old names, still set on some systems.
	"America/Indianapolis", "America/Fort_Wayne", "America/Knox_IN", "America/Louisville", "America/Atka",
	"America/Shiprock", "Navajo", "America/Virgin", "Pacific/Samoa", "Pacific/Johnston",
}

// GuessRegion guesses whether this computer is in the U.S. from its time
// zone (an IANA name such as America/Chicago, or a Windows key name such as
// "Central Standard Time") and its locale (en_US.UTF-8, es-MX). An IANA
// zone decides alone. A U.S. Windows zone is the U.S. whatever the
// language, unless the zone is shared with Canada and the locale is
// Canadian (en-CA, fr-CA). A territory's zone shared with other countries
// is the U.S. with a U.S. or territory locale. With nothing to go on, the
// answer is the U.S., where the ban applies and the app's users are. The
// user can change it.
func GuessRegion(tz, locale string) Region {
	region := localeRegion(locale)
	if strings.HasPrefix(tz, "Etc/") || tz == "UTC" || tz == "GMT" || tz == "Universal" || tz == "Zulu" || tz == "Coordinated Universal Time" {
		tz = "" // a server default, not a place
	}
	if strings.Contains(tz, "/") || tz == "Navajo" {
		for _, z := range usIANA {
			if tz == z || (strings.HasSuffix(z, "/") && strings.HasPrefix(tz, z)) {
				return RegionUS
			}
		}
		return RegionOther
	}
	if tz != "" {
		for z, sharedWithCanada := range usWindowsZones {
			if strings.EqualFold(tz, z) {
				if sharedWithCanada && region == "CA" {
					return RegionOther
				}
				return RegionUS
			}
		}
		for _, z := range territoryWindowsZones {
			if strings.EqualFold(tz, z) && isUS(region) {
				return RegionUS
			}
		}
		return RegionOther
	}
	if region != "" && !isUS(region) {
		return RegionOther
	}
	return RegionUS
}

// localeRegion returns "US" from en_US.UTF-8, en-US or es_US@euro; "" if none.
func localeRegion(locale string) string {
	locale, _, _ = strings.Cut(locale, ".")
	locale, _, _ = strings.Cut(locale, "@")
	parts := strings.FieldsFunc(locale, func(r rune) bool { return r == '_' || r == '-' })
	for _, p := range parts[min(1, len(parts)):] {
		if len(p) == 2 && strings.ToUpper(p) == p {
			return p
		}
	}
	return ""
}

func isUS(region string) bool {
	for _, r := range usTerritories {
		if r == region {
			return true
		}
	}
	return false
}
