package platform

import "golang.org/x/sys/windows/registry"

func regionHints() (tz, locale string) {
	if k, err := registry.OpenKey(registry.LOCAL_MACHINE, `SYSTEM\CurrentControlSet\Control\TimeZoneInformation`, registry.QUERY_VALUE); err == nil {
		tz, _, _ = k.GetStringValue("TimeZoneKeyName")
		k.Close()
	}
	if k, err := registry.OpenKey(registry.CURRENT_USER, `Control Panel\International`, registry.QUERY_VALUE); err == nil {
		locale, _, _ = k.GetStringValue("LocaleName")
		k.Close()
	}
	return tz, locale
}
