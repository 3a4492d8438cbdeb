package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2/lang"

	"transitionhelper/app/timeline"
)

// monthName names a month through the translations, for dates in plain words.
func monthName(m time.Month) string {
	fallback := m.String()
	return lang.X(fmt.Sprintf("month.%d", int(m)), fallback)
}

// longDate writes a date as "September 29, 2024" (English) or
// "29 de septiembre de 2024" (Spanish), as the translation says.
func longDate(t time.Time) string {
	return lang.X("date.long", "{{.Month}} {{.Day}}, {{.Year}}", map[string]any{
		"Month": monthName(t.Month()), "Day": t.Day(), "Year": t.Year(),
	})
}

// countdownText is the banner's text for the cut-off seen at now.
func countdownText(s timeline.Status) string {
	if s.Passed {
		return lang.X("countdown.passed", "Updates in the U.S. ended on {{.Date}} — {{.Ago}}", map[string]any{
			"Date": longDate(s.Cutoff), "Ago": daysAgo(s.DaysSince),
		})
	}
	return lang.X("countdown.left", "{{.Days}}, {{.Hours}}, {{.Minutes}} left until updates end in the U.S.", map[string]any{
		"Days":    lang.XN("count.days", "{{.Count}} days", s.Days, map[string]any{"Count": s.Days}),
		"Hours":   lang.XN("count.hours", "{{.Count}} hours", s.Hours, map[string]any{"Count": s.Hours}),
		"Minutes": lang.XN("count.minutes", "{{.Count}} minutes", s.Minutes, map[string]any{"Count": s.Minutes}),
	})
}

// daysAgo is "785 days ago", "1 day ago" or "today".
func daysAgo(n int) string {
	if n == 0 {
		return lang.X("count.today", "today")
	}
	return lang.XN("count.days-ago", "{{.Count}} days ago", n, map[string]any{"Count": n})
}
