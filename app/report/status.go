package report

import (
	"fmt"
	"time"

	"transitionhelper/app/catalog"
	"transitionhelper/app/detect"
	"transitionhelper/app/progress"
	"transitionhelper/app/region"
)

// Translator returns the text for key in the user's language; fallback is
// the English text, a text/template over data.
type Translator func(key, fallback string, data map[string]any) string

// StatusOf condenses the app's state into what the code carries. The
// latest scan counts: the re-check of step 6 if there is one.
func StatusOf(s progress.State, version, goos string) Status {
	st := Status{OS: OSCode(goos), US: s.Region == region.US, Step: int(s.Step)}
	st.Major, st.Minor, st.Patch = ParseVersion(version)
	rec := s.Latest()
	if rec == nil {
		return st
	}
	if rec.OS.Family != "" {
		st.OS = OSCode(rec.OS.Family)
	}
	set := func(f Flag, on bool) {
		if on {
			st.Flags |= f
		}
	}
	for _, f := range rec.Findings {
		kaspersky := f.Role == catalog.RoleRemove
		active := kaspersky && f.State != detect.StateLeftover
		set(FlagKasperskyRunning, kaspersky && f.State == detect.StateRunning)
		set(FlagKasperskyInstalled, active)
		set(FlagLeftovers, kaspersky && f.State == detect.StateLeftover)
		set(FlagPasswordManager, active && f.Component == catalog.ComponentPasswordManager)
		set(FlagVPN, active && f.Component == catalog.ComponentVPN)
		set(FlagSafeKids, active && f.Component == catalog.ComponentParentalControls)
		set(FlagUltraAV, f.Role == catalog.RoleReplacement)
		set(FlagPasswordProtected, f.PasswordProtected)
	}
	for _, r := range s.RemovalRows() {
		set(FlagRestartPending, r.State == progress.RestartNeeded)
		set(FlagByHand, r.State == progress.ByHand)
	}
	set(FlagOSUnsupported, rec.OSSupport != nil)
	p := s.Protection()
	set(FlagActiveProtection, len(p.Active) > 0)
	set(FlagTwoScanners, len(p.Clashing()) > 1)
	return st
}

// Code is the status code of the app's state.
func Code(s progress.State, version, goos string) string {
	return Encode(StatusOf(s, version, goos))
}

func osName(os int, t Translator) string {
	switch os {
	case OSWindows:
		return "Windows"
	case OSMac:
		return "macOS"
	case OSLinux:
		return "Linux"
	}
	return t("decode.os-other", "another system", nil)
}

// Explain says in plain sentences what a code means, then what to do next,
// on the day now (what is left of Windows 10's updates depends on it).
func Explain(st Status, t Translator, now time.Time) (facts []string, next string) {
	region := t("decode.region-us", "The computer is in the U.S.", nil)
	if !st.US {
		region = t("decode.region-other", "The computer is outside the U.S.: Kaspersky may still get updates there.", nil)
	}
	key, name := progress.Step(st.Step).Name()
	facts = append(facts,
		t("decode.where", "App version {{.Version}} on {{.OS}}.", map[string]any{
			"Version": fmt.Sprintf("%d.%d.%d", st.Major, st.Minor, st.Patch), "OS": osName(st.OS, t)}),
		region,
		t("decode.step", "The caller is at step {{.Step}}: {{.Name}}.", map[string]any{"Step": st.Step, "Name": t(key, name, nil)}))
	switch {
	case st.Has(FlagKasperskyRunning):
		facts = append(facts, t("decode.kaspersky-running", "Kaspersky is installed and running.", nil))
	case st.Has(FlagKasperskyInstalled):
		facts = append(facts, t("decode.kaspersky-installed", "Kaspersky is installed but not running.", nil))
	case st.Has(FlagLeftovers):
		facts = append(facts, t("decode.leftovers", "Kaspersky was removed; some of its files stayed behind.", nil))
	case st.Step >= 2:
		facts = append(facts, t("decode.no-kaspersky", "No Kaspersky product was found.", nil))
	}
	if st.Has(FlagPasswordManager) {
		facts = append(facts, t("decode.password-manager", "Kaspersky Password Manager is installed: its passwords must be exported before removal.", nil))
	}
	if st.Has(FlagVPN) {
		facts = append(facts, t("decode.vpn", "Kaspersky's VPN is installed: it stops working when removed.", nil))
	}
	if st.Has(FlagSafeKids) {
		facts = append(facts, t("decode.safe-kids", "Kaspersky Safe Kids is installed: its rules do not move to another product.", nil))
	}
	if st.Has(FlagUltraAV) {
		facts = append(facts, t("decode.ultraav", "UltraAV or UltraVPN is installed (Kaspersky moved its U.S. customers to it in September 2024).", nil))
	}
	if st.Has(FlagPasswordProtected) {
		facts = append(facts, t("decode.password-protected", "Kaspersky's password protection is on: its uninstaller will ask for the Kaspersky password.", nil))
	}
	if st.Has(FlagRestartPending) {
		facts = append(facts, t("decode.restart", "A restart is needed to finish removing Kaspersky.", nil))
	}
	if st.Has(FlagByHand) {
		facts = append(facts, t("decode.by-hand", "One Kaspersky product's uninstaller cannot be started from the app: it must be removed in the system's settings (step 4 names it).", nil))
	}
	os := OSSupportWords(windows10At(now), t)
	if st.Has(FlagOSUnsupported) {
		if os.Line == "" { // a clock set before Windows 10's end of free support
			os.Line = t("decode.os-past-free", "The computer runs Windows 10, past the end of its free security updates.", nil)
		}
		facts = append(facts, os.Line)
	}
	switch {
	case st.Has(FlagTwoScanners):
		facts = append(facts, t("decode.two-scanners", "Two or more security programs are switched on at once.", nil))
	case st.Has(FlagActiveProtection):
		facts = append(facts, t("decode.protected", "Security software is switched on.", nil))
	case st.Has(FlagKasperskyRunning) && st.US:
		facts = append(facts, t("decode.only-kaspersky", "Only Kaspersky is running, and in the U.S. it gets no updates: nothing else protects the computer.", nil))
	case st.Has(FlagKasperskyRunning):
		facts = append(facts, t("decode.kaspersky-protects", "Only Kaspersky is running; outside the U.S. it may still get updates.", nil))
	case st.Step >= 2:
		facts = append(facts, t("decode.unprotected", "No security software is switched on.", nil))
	}

	switch {
	case st.Step < 2:
		next = t("decode.next-scan", "Ask the caller to press \"Scan this computer\" in step 1, then read the new code.", nil)
	case st.Has(FlagRestartPending):
		next = t("decode.next-restart", "Ask the caller to restart the computer and open the app again: it comes back to step 4.", nil)
	case st.Has(FlagKasperskyInstalled) && st.Has(FlagPasswordManager) && st.Step < 4:
		next = t("decode.next-save", "Go to step 3 with the caller and export the passwords first, then remove Kaspersky in step 4.", nil)
	case st.Has(FlagKasperskyInstalled) && st.Has(FlagPasswordProtected) && st.US:
		next = t("decode.next-password", "Go to step 4. Have the Kaspersky password ready; if it is forgotten, follow Kaspersky's reset steps or use its removal tool (kavremover).", nil)
	case st.Has(FlagKasperskyInstalled) && st.US:
		next = t("decode.next-remove", "Go to step 4 with the caller and remove Kaspersky with its own uninstaller.", nil)
	case st.Has(FlagKasperskyInstalled):
		next = t("decode.next-other-region", "Check the region in step 1 with the caller. Outside the U.S. Kaspersky may still get updates: ask them to check in Kaspersky that its updates are recent, and remove it in step 4 only if they want to change.", nil)
	case !st.Has(FlagActiveProtection):
		next = t("decode.next-protect", "Go to step 5: install new protection (on Windows, turn on Microsoft Defender in Windows Security), then check again in step 6.", nil)
	case st.Has(FlagTwoScanners):
		next = t("decode.next-two", "Keep one security program and remove or turn off the others, then check again in step 6.", nil)
	case st.Has(FlagOSUnsupported) && windows10At(now).ESUOpen():
		next = t("decode.next-esu", "The computer is protected. Ask the caller to open Settings > Update & Security > Windows Update: it says whether Windows 10 is signed up for Extended Security Updates, or shows \"Enroll now\" (free with Windows Backup). That keeps Windows' own updates coming until {{.Until}}. Offer to save the report in step 7.",
			map[string]any{"Until": LongDate(windows10At(now).ESUUntil, t)})
	case st.Has(FlagOSUnsupported):
		next = t("decode.next-os", "The computer is protected, but its Windows 10 gets no security updates: suggest Windows 11 if the computer can run it (Settings > Update & Security > Windows Update). Offer to save the report in step 7.", nil)
	default:
		next = t("decode.next-done", "Nothing else is needed: the computer is protected. Offer to save the report in step 7.", nil)
	}
	return facts, next
}
