package report

import (
	"fmt"
	"sync"
	"time"

	"transitionhelper/app/catalog"
	"transitionhelper/app/detect"
	"transitionhelper/platform"
)

// LongDate writes a day as "October 12, 2027" (English) or "12 de octubre
// de 2027" (Spanish), as the translation says, in the day's own zone.
func LongDate(d time.Time, t Translator) string {
	month := t(fmt.Sprintf("month.%d", int(d.Month())), d.Month().String(), nil)
	return t("date.long", "{{.Month}} {{.Day}}, {{.Year}}", map[string]any{"Month": month, "Day": d.Day(), "Year": d.Year()})
}

// embedded is the app's catalog, for what a report or the decoder says of
// dated facts without a scan: Windows 10's dates (the status code only says
// "a Windows 10 past its free support") and how old the facts are.
var embedded = sync.OnceValue(func() *catalog.Catalog {
	cat, err := catalog.Embedded()
	if err != nil {
		return nil
	}
	return cat
})

// windows10At is the OSSupport of a Windows 10 22H2 at now, from the
// embedded catalog (nil when it has no Windows 10 dates or now is before
// the end of free support).
func windows10At(now time.Time) *detect.OSSupport {
	cat := embedded()
	if cat == nil {
		return nil
	}
	return detect.SupportOf(platform.OSInfo{Family: catalog.OSWindows, Name: "Windows 10 Home", Version: "22H2 (build 19045)"}, cat, now)
}

// FactsChecked is the day of the oldest dated fact the app states
// (catalog.FactsChecked), for reports and the support panel.
func FactsChecked() string {
	if cat := embedded(); cat != nil {
		return cat.FactsChecked()
	}
	return ""
}

// OSSupportText is what steps 6 and 7, the reports and the decoder say of a
// system past its maker's free security updates: Said, the situation in
// one or two sentences; How, what to do; Hint, what the user's registry
// reports of ESU enrollment (shown as a hint, never as proof), or "".
// One place, so every door says the same.
type OSSupportText struct {
	Said, How, Hint string
	// Line is the one line step 7 and the decoder give it.
	Line string
}

// OSSupportWords says s in words. t translates.
func OSSupportWords(s *detect.OSSupport, t Translator) OSSupportText {
	var w OSSupportText
	if s == nil {
		return w
	}
	ended := LongDate(s.EndedOn, t)
	if !s.ESUOpen() {
		w.Said = t("os.esu-ended", "This computer runs {{.System}}. Microsoft's security updates for it have ended: the free ones on {{.Ended}}, and Extended Security Updates (ESU) on {{.ESU}}. No antivirus replaces those updates.",
			map[string]any{"System": s.System, "Ended": ended, "ESU": LongDate(s.ExtraEndedOn, t)})
		w.How = t("os.esu-ended-how", "Move to Windows 11 if this computer can run it: Settings > Update & Security > Windows Update says so. If it cannot, ask someone you trust about another system.", nil)
		w.Line = t("os.line-ended", "{{.System}} gets no more security updates from Microsoft (Extended Security Updates ended on {{.ESU}}).", map[string]any{"System": s.System, "ESU": LongDate(s.ExtraEndedOn, t)})
		return w
	}
	until := LongDate(s.ESUUntil, t)
	w.Said = t("os.esu-open", "This computer runs {{.System}}. Its free security updates ended on {{.Ended}}. Until {{.Until}}, it still gets them if it is signed up for Extended Security Updates (ESU). No antivirus replaces those updates.",
		map[string]any{"System": s.System, "Ended": ended, "Until": until})
	w.How = t("os.esu-how", "To check or sign up: open Settings > Update & Security > Windows Update. If it says this computer is enrolled, you are set. If you see \"Enroll now\", press it: it is free when you back up your settings with Windows Backup, and Windows Update shows the other ways. After {{.Until}}, move to Windows 11 if this computer can run it.",
		map[string]any{"Until": until})
	if s.Needs22H2 {
		w.How = t("os.esu-22h2", "First update Windows 10 to version 22H2 in Windows Update: Extended Security Updates need it.", nil) + " " + w.How
	}
	switch s.ESUReported {
	case platform.ESUEnrolled:
		w.Hint = t("os.esu-hint-enrolled", "Windows keeps a note that this computer is signed up. Microsoft does not document that note, so check in Windows Update.", nil)
	case platform.ESUEligible:
		w.Hint = t("os.esu-hint-eligible", "Windows keeps a note that this computer can sign up. Microsoft does not document that note, so check in Windows Update.", nil)
	case platform.ESUNotEligible:
		w.Hint = t("os.esu-hint-not-eligible", "Windows keeps a note that this computer cannot sign up now. Microsoft does not document that note: Windows Update says why.", nil)
	}
	w.Line = t("os.line-esu", "{{.System}}: security updates until {{.Until}} only if it is signed up for Extended Security Updates (step 6 says how).", map[string]any{"System": s.System, "Until": until})
	return w
}
