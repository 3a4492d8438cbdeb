// Package region guesses whether the U.S. rules apply to this computer,
// from its time zone and language; the user can always change the answer.
package region

import (
	"strings"
)

// Region decides whether the U.S. ban applies.
type Region string

// Regions.
const (
	US    Region = "US"
	Other Region = "other"
)

// The region guess works from two hints: the time zone and the locale
// (platform.RegionHints). Neither says where the computer is for sure, so
// each rule below says which hint it trusts and why. The user can always
// change the answer on step 1.
//
// Where the hints cannot tell two places apart, the guess is the U.S.:
// the ban applies there and the app's users are there, and "you are in the
// U.S." is the safer mistake (it tells someone abroad to replace software
// that may still be updated; the other mistake tells someone in the U.S.
// that software with no updates may be fine).

// usTerritories are regions where U.S. rules apply.
var usTerritories = []string{"US", "PR", "GU", "VI", "AS", "MP", "UM"}

// usWindowsZones are Windows time zone key names of the U.S. The values say
// which are shared with Canada: there (and only there) a Canadian locale
// moves the guess abroad.
//
// A Windows zone names an offset and a daylight saving rule, not a place,
// and Mexico's border cities share some of these (CLDR windowsZones.xml):
// Matamoros and Ojinaga "Central Standard Time", Ciudad Juárez "Mountain
// Standard Time", Sonora (Hermosillo) "US Mountain Standard Time"; so do
// the Bahamas ("Eastern Standard Time"). The locale cannot tell them from
// the U.S.: many U.S. households use Spanish (es-MX, es-US) or another
// language, so a Mexican or any other non-Canadian locale keeps the U.S.
// Canadian locales (en-CA, fr-CA) are the exception: U.S. households
// rarely choose them, and Canada shares most of these zones.
var usWindowsZones = map[string]bool{
	"Eastern Standard Time": true, "US Eastern Standard Time": false, "Central Standard Time": true,
	"Mountain Standard Time": true, "US Mountain Standard Time": true, "Pacific Standard Time": true,
	"Alaskan Standard Time": false, "Hawaiian Standard Time": false, "Aleutian Standard Time": false,
}

// usRuleZones are time zone names that are U.S. rules rather than places:
// tzdata's EST5EDT, CST6CDT, MST7MDT, PST8PDT, EST, MST and HST (since
// tzdata 2024b links to New York, Chicago, Denver, Los Angeles, Panama,
// Phoenix and Honolulu), and the POSIX TZ strings of U.S. zones
// (AKST9AKDT, HST10HDT for Adak, MST7 for Arizona, HST10 for Hawaii), as
// a TZ variable may carry them, with or without their ",M3.2.0,M11.1.0"
// rule part. They are set by hand or on servers set up in the U.S. Like a
// Windows zone they name no city, so they are read the same way: the U.S.
// whatever the locale, unless the rule is shared with Canada (the value)
// and the locale is Canadian.
var usRuleZones = map[string]bool{
	"EST5EDT": true, "CST6CDT": true, "MST7MDT": true, "PST8PDT": true,
	"EST": true, "MST": true, "HST": false,
	"AKST9AKDT": false, "HST10HDT": false, "MST7": true, "HST10": false,
}

// territoryWindowsZones are the Windows zones of U.S. territories, shared
// with other countries: Puerto Rico and the U.S. Virgin Islands ("SA
// Western Standard Time"), Guam and the Northern Mariana Islands ("West
// Pacific Standard Time"), American Samoa and Midway ("UTC-11"). There the
// locale decides: a U.S. or territory locale (en-US, es-PR, en-GU) means
// the U.S., and so does a locale that names no country (es-419, es, en),
// as many Puerto Rico computers have: it points nowhere else, and with
// nothing to go on the guess is the U.S. A locale of another country
// (es-DO, pt-BR, en-AU) means abroad.
//
// Wake Island's "UTC+12" is not here: nobody lives there but staff, and
// the zone's households are in Kiribati, the Marshall Islands, Tuvalu and
// Nauru, where U.S. English settings are common.
var territoryWindowsZones = []string{"SA Western Standard Time", "West Pacific Standard Time", "UTC-11"}

// usIANA are IANA zone names only the U.S. uses. An IANA name is a city or
// area picked from a map or set from the computer's location, so it
// decides alone: America/Matamoros, America/Ojinaga, America/Ciudad_Juarez
// and America/Hermosillo are Mexico, America/Nassau the Bahamas, whatever
// the locale, and America/Chicago is the U.S. in any language.
var usIANA = []string{
	"America/New_York", "America/Detroit", "America/Kentucky/", "America/Indiana/", "America/Chicago",
	"America/Menominee", "America/North_Dakota/", "America/Denver", "America/Boise", "America/Phoenix",
	"America/Los_Angeles", "America/Anchorage", "America/Juneau", "America/Sitka", "America/Metlakatla",
	"America/Yakutat", "America/Nome", "America/Adak", "Pacific/Honolulu", "America/Puerto_Rico",
	"Pacific/Guam", "America/St_Thomas", "Pacific/Pago_Pago", "Pacific/Saipan", "US/",
	// U.S. Minor Outlying Islands.
	"Pacific/Midway", "Pacific/Wake",
	// Old names, still set on some systems.
	"America/Indianapolis", "America/Fort_Wayne", "America/Knox_IN", "America/Louisville", "America/Atka",
	"America/Shiprock", "Navajo", "America/Virgin", "Pacific/Samoa", "Pacific/Johnston",
}

// noPlace are zone names that say nothing about where the computer is: UTC
// under its names, a server's or Wine's default, tzdata's "Factory" (zone
// not set). They count as no zone at all.
var noPlace = []string{"UTC", "UCT", "GMT", "GMT0", "GMT+0", "GMT-0", "Greenwich", "Universal", "Zulu",
	"Factory", "Coordinated Universal Time"}

// Guess guesses whether this computer is in the U.S. from its time
// zone (an IANA name such as America/Chicago, a Windows key name such as
// "Central Standard Time", or a rule name such as EST5EDT) and its locale
// (en_US.UTF-8, es-MX), by the rules above:
//   - an IANA zone decides alone;
//   - a U.S. Windows zone or U.S. rule name is the U.S. whatever the
//     language, unless it is shared with Canada and the locale is
//     Canadian (en-CA, fr-CA);
//   - a territory's Windows zone shared with other countries is the U.S.
//     unless the locale names another country;
//   - any other zone is abroad;
//   - with no zone, a locale naming a country other than the U.S. or its
//     territories (es-MX, fr-FR) is abroad: it is the only evidence left;
//   - with nothing to go on, the U.S.
func Guess(tz, locale string) Region {
	region := localeRegion(locale)
	tz = strings.TrimSpace(tz)
	// A POSIX TZ string's rule part ("EST5EDT,M3.2.0/2,M11.1.0/2") holds
	// slashes that are not an IANA name's; the name is what comes before.
	tz, _, _ = strings.Cut(tz, ",")
	if strings.HasPrefix(tz, "Etc/") || containsFold(noPlace, tz) {
		tz = ""
	}
	if sharedWithCanada, ok := usRuleZones[tz]; ok {
		return usZone(sharedWithCanada, region)
	}
	if strings.Contains(tz, "/") || tz == "Navajo" {
		for _, z := range usIANA {
			if tz == z || (strings.HasSuffix(z, "/") && strings.HasPrefix(tz, z)) {
				return US
			}
		}
		return Other
	}
	if tz != "" {
		for z, sharedWithCanada := range usWindowsZones {
			if strings.EqualFold(tz, z) {
				return usZone(sharedWithCanada, region)
			}
		}
		if containsFold(territoryWindowsZones, tz) && (region == "" || isUS(region)) {
			return US
		}
		return Other
	}
	if region != "" && !isUS(region) {
		return Other
	}
	return US
}

// usZone is the guess for a zone the U.S. uses and maybe Canada too: the
// U.S., unless Canada shares it and the locale is Canadian.
func usZone(sharedWithCanada bool, region string) Region {
	if sharedWithCanada && region == "CA" {
		return Other
	}
	return US
}

// localeRegion returns "US" from en_US.UTF-8, en-US or es_US@euro; "" if
// the locale names no country (C, es, es-419: 419 is Latin America).
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

// containsFold says whether list holds s, ignoring case (Windows key names
// are case-insensitive).
func containsFold(list []string, s string) bool {
	for _, v := range list {
		if strings.EqualFold(v, s) {
			return true
		}
	}
	return false
}
