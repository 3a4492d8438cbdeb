package wizard

import "strings"

// usTerritories are regions where U.S. rules apply.
var usTerritories = []string{"US", "PR", "GU", "VI", "AS", "MP", "UM"}

// usWindowsZones are Windows time zone key names used in the U.S.; some are
// shared with Canada and Mexico, so the locale breaks the tie.
var usWindowsZones = []string{
	"Eastern Standard Time", "US Eastern Standard Time", "Central Standard Time", "Mountain Standard Time",
	"US Mountain Standard Time", "Pacific Standard Time", "Alaskan Standard Time", "Hawaiian Standard Time",
	"Aleutian Standard Time",
}

// usIANA are IANA zone names only the U.S. uses.
var usIANA = []string{
	"America/New_York", "America/Detroit", "America/Kentucky/", "America/Indiana/", "America/Chicago",
	"America/Menominee", "America/North_Dakota/", "America/Denver", "America/Boise", "America/Phoenix",
	"America/Los_Angeles", "America/Anchorage", "America/Juneau", "America/Sitka", "America/Metlakatla",
	"America/Yakutat", "America/Nome", "America/Adak", "Pacific/Honolulu", "America/Puerto_Rico",
	"Pacific/Guam", "America/St_Thomas", "Pacific/Pago_Pago", "Pacific/Saipan", "US/",
}

// GuessRegion guesses whether this computer is in the U.S. from its time
// zone (an IANA name such as America/Chicago, or a Windows key name such as
// "Central Standard Time") and its locale (en_US.UTF-8, es-MX). An IANA
// zone decides alone; a Windows zone shared with Canada or Mexico is
// settled by the locale's region; with nothing to go on, the answer is the
// U.S., where the ban applies and the app's users are. The user can change it.
func GuessRegion(tz, locale string) Region {
	region := localeRegion(locale)
	if strings.HasPrefix(tz, "Etc/") || tz == "UTC" || tz == "GMT" || tz == "Universal" || tz == "Zulu" {
		tz = "" // a server default, not a place
	}
	if strings.Contains(tz, "/") {
		for _, z := range usIANA {
			if tz == z || (strings.HasSuffix(z, "/") && strings.HasPrefix(tz, z)) {
				return RegionUS
			}
		}
		return RegionOther
	}
	if tz != "" {
		for _, z := range usWindowsZones {
			if strings.EqualFold(tz, z) {
				if region != "" && !isUS(region) {
					return RegionOther
				}
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
