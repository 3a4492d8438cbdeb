package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/catalog"
	"transitionhelper/app/wizard"
)

// checkWidgets are step 1's widgets.
type checkWidgets struct {
	scanControl
	Region    *widget.RadioGroup
	Countdown *widget.Label
}

// checkView is step 1: what happened, the countdown, where this computer
// is, and one big button.
func (u *App) checkView() fyne.CanvasObject {
	us := u.state.Region == wizard.RegionUS
	var what *widget.Label
	if us {
		what = paragraph(lang.X("check.what-us", "In 2024 the U.S. government barred Kaspersky from selling or updating its software in the U.S. Using it is still legal. But since September 29, 2024 it gets no updates here, so it misses new threats."))
	} else {
		what = paragraph(lang.X("check.what-other", "In 2024 the U.S. government barred Kaspersky from selling or updating its software in the U.S. and for U.S. persons. Outside the U.S. Kaspersky may still get updates: check in Kaspersky that they are recent. If you are a U.S. citizen or resident, or bought it in the U.S., its updates may have stopped for you too."))
	}
	u.Check.Countdown = heading("")
	u.countdown = u.Check.Countdown
	u.Check.Countdown.SizeName = theme.SizeNameSubHeadingText
	if us {
		u.Check.Countdown.Importance = widget.DangerImportance
	}
	banner := widget.NewCard("", "", u.Check.Countdown)

	inUS, outside := lang.X("check.region-us", "In the U.S."), lang.X("check.region-other", "Outside the U.S.")
	u.Check.Region = widget.NewRadioGroup([]string{inUS, outside}, func(choice string) {
		r := wizard.RegionOther
		if choice == inUS {
			r = wizard.RegionUS
		}
		if r != u.state.Region {
			u.setState(u.state.WithRegion(r))
		}
	})
	u.Check.Region.Horizontal = true
	if us {
		u.Check.Region.Selected = inUS
	} else {
		u.Check.Region.Selected = outside
	}
	regionNote := lang.X("check.region-guessed", "We guessed this from the computer's time zone and language. Change it if it is wrong.")
	if u.state.RegionChosen {
		regionNote = lang.X("check.region-chosen", "You chose this.")
	}

	u.Check.scanControl = u.newScanControl(lang.X("check.button", "Check this computer"), theme.SearchIcon(), u.checkComputer)
	u.Check.CheckButton.Importance = widget.HighImportance
	var done fyne.CanvasObject = widget.NewLabel("")
	if u.state.Scan != nil {
		done = paragraph(lang.X("check.already", "This computer was checked. Press Next to see the result, or check again."))
	}

	return container.NewVBox(
		what, banner,
		heading(lang.X("check.region", "Where is this computer?")), u.Check.Region, paragraph(regionNote),
		widget.NewSeparator(),
		container.NewPadded(u.Check.CheckButton), u.Check.Progress, done,
		widget.NewAccordion(widget.NewAccordionItem(lang.X("check.sources", "Facts and sources"), u.sources())),
	)
}

// checkComputer runs the scan of step 1, then shows step 2.
func (u *App) checkComputer() {
	u.runCheck(u.Check.scanControl, u.scanned(func(st wizard.State, rec wizard.ScanRecord) wizard.State {
		return st.WithScan(rec).Go(wizard.StepFound)
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
			if h := httpsLink(src.Title, src.URL); h != nil {
				box.Add(h)
			}
		}
	}
	return box
}

// milestoneText is the milestone's title in the user's language.
func milestoneText(m catalog.Milestone) string {
	return lang.X("milestone."+m.ID, m.Title)
}
