//go:build !windows

package platform

import (
	"os"
	"path/filepath"
	"strings"
)

func regionHints() (string, string) {
	tz := strings.TrimPrefix(os.Getenv("TZ"), ":")
	if tz == "" || strings.HasPrefix(tz, "/") {
		link := tz
		if link == "" {
			link = "/etc/localtime"
		}
		if target, err := filepath.EvalSymlinks(link); err == nil {
			if _, after, ok := strings.Cut(target, "zoneinfo/"); ok {
				tz = after
			}
		}
		if strings.HasPrefix(tz, "/") {
			tz = ""
		}
	}
	if tz == "" {
		if data, err := os.ReadFile("/etc/timezone"); err == nil {
			tz = strings.TrimSpace(string(data))
		}
	}
	locale := ""
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(name); v != "" {
			locale = v
			break
		}
	}
	return tz, locale
}
