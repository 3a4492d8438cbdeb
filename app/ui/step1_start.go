package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/catalog"
	"transitionhelper/app/progress"
	"transitionhelper/app/region"
	"transitionhelper/app/wizard"
)

// startWidgets are step 1's widgets.
type startWidgets struct {
	scanControl
	Region    *choiceGroup
	Countdown *widget.Label
	// FactsOld says the app's facts are old (nil when they are not).
	FactsOld *widget.Label
}

// checkView is step 1: what happened, the countdown, what to know before
// starting, where this computer is, and the scan button in the footer.
func (u *App) checkView() fyne.CanvasObject {
	us := u.state.Region == region.US
	var what *widget.Label
	if us {
		what = paragraph(lang.X("check.what-us", "In 2024 the U.S. government barred Kaspersky from selling or updating its software in the U.S. Home users who keep it face no penalty. But since September 29, 2024 it gets no updates here, so it misses new threats."))
	} else {
		what = paragraph(lang.X("check.what-other", "In 2024 the U.S. government barred Kaspersky from selling or updating its software in the U.S. and for U.S. persons. Outside the U.S. Kaspersky may still get updates: check in Kaspersky that they are recent. If you are a U.S. citizen or resident, or bought it in the U.S., its updates may have stopped for you too."))
	}
	u.Start.Countdown = heading("")
	u.countdown = u.Start.Countdown
	u.Start.Countdown.SizeName = theme.SizeNameSubHeadingText
	if us {
		u.Start.Countdown.Importance = widget.DangerImportance
	}
	banner := widget.NewCard("", "", u.Start.Countdown)

	inUS, outside := lang.X("check.region-us", "In the U.S."), lang.X("check.region-other", "Outside the U.S.")
	u.Start.Region = newChoiceGroup([]string{inUS, outside}, true, func(choice string) {
		r := region.Other
		if choice == inUS {
			r = region.US
		}
		if r != u.state.Region {
			u.setState(u.state.WithRegion(r))
		}
	})
	if us {
		u.Start.Region.SetSelected(inUS)
	} else {
		u.Start.Region.SetSelected(outside)
	}
	regionNote := lang.X("check.region-guessed", "We guessed this from the computer's time zone and language. Change it if it is wrong.")
	if u.state.RegionChosen {
		regionNote = lang.X("check.region-chosen", "You chose this.")
	}

	u.Start.scanControl = u.newScanControl(lang.X("scan.button", "Scan this computer"), theme.SearchIcon(), u.checkComputer)
	u.placeScan(u.Start.scanControl)
	box := container.NewVBox(what, banner)
	if old := u.staleFacts(); old != nil {
		box.Add(old)
	}
	box.Add(u.beforeYouStart())
	if u.state.Scan == nil {
		u.Start.ScanButton.Importance = widget.HighImportance
		box.Add(paragraph(lang.X("check.press-scan", "When you are ready, press \"Scan this computer\" at the bottom right. The scan only looks: it changes nothing.")))
	} else {
		box.Add(paragraph(lang.X("check.already-scanned", "This computer was scanned. Press Next to see the result, or scan again.")))
	}
	box.Add(heading(lang.X("check.region", "Where is this computer?")))
	box.Add(u.Start.Region.Box)
	box.Add(paragraph(regionNote))
	box.Add(newExpander(lang.X("check.sources", "Facts and sources"), u.sources()).Box)
	return box
}

// beforeYouStart reassures before the first click: what the app is and
// is not, what to have ready, how long it takes.
func (u *App) beforeYouStart() fyne.CanvasObject {
	lines := []string{
		lang.X("start.free", "This app is free. It is not made by Kaspersky, and no company pays us."),
		lang.X("start.nothing-changes", "Nothing on this computer changes until you press \"Remove\" in step 4, and nothing is sent anywhere."),
		u.passwordsToHaveReady(),
		lang.X("start.time", "It takes about 30 minutes, and the computer usually restarts once."),
	}
	box := container.NewVBox()
	for _, l := range lines {
		box.Add(paragraph("• " + l))
	}
	return widget.NewCard(lang.X("start.title", "Before you start"), "", box)
}

// passwordsToHaveReady says which passwords to have ready, for this
// system: on a Mac, Kaspersky Password Manager cannot be used without
// signing in to My Kaspersky (Kaspersky's Mac help), so that sign-in too.
func (u *App) passwordsToHaveReady() string {
	if u.osFamily() == catalog.OSDarwin {
		return lang.X("start.passwords-mac", "Have these ready if you use them. For Kaspersky Password Manager: your My Kaspersky sign-in (email and password), which a Mac asks for before it opens, and the Password Manager's main password. For the uninstaller: the password set under \"Password protection\" in Kaspersky's settings.")
	}
	return lang.X("start.passwords-2", "Have these ready if you use them. For Kaspersky Password Manager: its main password (some versions say \"master password\"), and your My Kaspersky sign-in if it asks for one. For the uninstaller: the password set under \"Password protection\" in Kaspersky's settings.")
}

// staleFacts says, when the app runs long after its facts were checked
// (factsStaleDays), how old they are and where a newer version comes from;
// nil otherwise. The app stays offline: it only says where to look.
func (u *App) staleFacts() fyne.CanvasObject {
	if u.cat.FactsAge(u.svc.Now()) <= factsStaleDays {
		return nil
	}
	d, err := time.Parse("2006-01-02", u.cat.FactsChecked())
	if err != nil {
		return nil
	}
	l := paragraph(lang.X("start.facts-old", "This app's facts were checked in {{.Month}} {{.Year}}. Things may have changed since, and a newer version may know more. Ask whoever gave you this app for the newest one, or get it again where you downloaded it.", map[string]any{"Month": monthName(d.Month()), "Year": d.Year()}))
	l.Importance = widget.WarningImportance
	u.Start.FactsOld = l
	return l
}

// factsStaleDays is how old the oldest fact may be before step 1 says so.
const factsStaleDays = 180

// checkComputer runs the scan of step 1, then shows step 2.
func (u *App) checkComputer() {
	u.runScan(u.Start.scanControl, u.scanned(func(st progress.State, rec progress.ScanRecord) progress.State {
		return wizard.Go(st.WithScan(rec), progress.StepFound)
	}))
}

// sources lists the ban's milestones with their dates and sources; links
// are the catalog's own https addresses.
func (u *App) sources() fyne.CanvasObject {
	box := container.NewVBox()
	for _, m := range u.cat.Milestones {
		line := longDate(m.At) + " — " + milestoneText(m)
		if m.Confidence != catalog.Confirmed {
			line += " " + lang.X("check.reported", "(reported in the press)")
		}
		box.Add(paragraph(line))
		if src := u.cat.Source(m.Source); src != nil {
			if h := httpsLink(sourceTitle(m.Source, src.Title), src.URL); h != nil {
				box.Add(h)
			}
		}
		box.Add(checkedOn(m.Checked))
	}
	return box
}

// milestoneText is the milestone's title in the user's language.
func milestoneText(m catalog.Milestone) string {
	return lang.X("milestone."+m.ID, m.Title)
}
