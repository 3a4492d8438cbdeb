package platform

// RegionHints returns this computer's time zone name (IANA, such as
// America/Chicago, or on Windows its key name, such as "Central Standard
// Time") and locale (en_US.UTF-8, en-US); either may be empty.
func RegionHints() (timeZone, locale string) { return regionHints() }
