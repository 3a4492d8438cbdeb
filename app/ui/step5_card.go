package ui

// Step 5's cards: one alternative's card in the ranked list, the built-in
// protection's card, the pages a card's facts were checked on, and the
// side-by-side table.

import (
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/catalog"
	"transitionhelper/app/choose"
	"transitionhelper/app/progress"
)

// alternativeCard is one alternative in the ranked list, titled title: what
// it includes on the devices asked for, why it is in its place, what its
// iPhone app does, its company, when its facts were checked and where, its
// website, and "Compare", which calls tick.
func (u *App) alternativeCard(r choose.Ranked, title string, needs progress.Needs, tick func(a catalog.Alternative, on bool)) fyne.CanvasObject {
	a := r.Alternative
	content := container.NewVBox()
	// What it includes on the devices asked for (the free version's,
	// for "Free only"): the same facts the reasons below are made of.
	var inc []string
	for _, f := range a.IncludesOnAll(needs.Devices, needs.Price == progress.PriceFree) {
		name := featureName(f)
		if plans := a.FeaturePlans[f]; len(plans) > 0 {
			name = lang.X("choose.only-in-plans", "{{.Feature}} (only in {{.Plans}})", map[string]any{"Feature": name, "Plans": strings.Join(plans, ", ")})
		}
		inc = append(inc, name)
	}
	if len(inc) == 0 {
		inc = append(inc, "—")
	}
	content.Add(paragraph(lang.X("choose.includes-on", "Includes on your devices: {{.Features}}.", map[string]any{"Features": strings.Join(inc, ", ")})))
	if why := reasonFor(r); len(why) > 0 {
		content.Add(paragraph(lang.X("choose.why", "Why here: {{.Reasons}}.", map[string]any{"Reasons": strings.Join(why, "; ")})))
	}
	if slices.Contains(needs.Devices, catalog.DeviceIOS) && slices.Contains(a.Platforms, catalog.DeviceIOS) {
		var does []string
		for _, o := range a.IOSOffers {
			does = append(does, iosOfferName(o))
		}
		line := lang.X("choose.ios-cannot", "On an iPhone or iPad no app can scan for viruses.")
		if len(does) > 0 {
			line += " " + lang.X("choose.ios-does", "Its app there: {{.Offers}}.", map[string]any{"Offers": strings.Join(does, ", ")})
		}
		content.Add(paragraph(line))
	}
	content.Add(paragraph(lang.X("choose.owner", "Company: {{.Owner}}, based in {{.Country}}.", map[string]any{"Owner": a.Owner, "Country": countryName(a.Country)})))
	// The day of the card's latest check, before what is still to check.
	if d, err := time.Parse("2006-01-02", a.Checked); err == nil {
		l := paragraph(lang.X("choose.last-checked", "Last checked on the company's pages on {{.Date}}.", map[string]any{"Date": longDate(d)}))
		l.SizeName = theme.SizeNameCaptionText
		content.Add(l)
	}
	// What no page of the company was found to support goes with the
	// sources, behind the card's Details: the list says once, above,
	// to check before buying.
	details := container.NewVBox()
	if un := a.Unchecked(); len(un) > 0 {
		var what []string
		for _, f := range un {
			what = append(what, factName(f))
		}
		details.Add(paragraph(lang.X("choose.unchecked-facts-2", "Not yet checked on the company's website: {{.Facts}}.", map[string]any{"Facts": strings.Join(what, "; ")})))
	}
	if len(a.Checks) > 0 {
		details.Add(u.checkedDetails(a))
	}
	if len(details.Objects) > 0 {
		content.Add(newExpander(lang.X("choose.sources", "Where these details come from"), details).Box)
	}
	// The link takes the room "Compare" leaves, and wraps there: in a
	// box of its own size a wrapping link is one letter wide and its
	// words are drawn under "Compare".
	var link fyne.CanvasObject
	if h := httpsLink(lang.X("choose.website", "Open the website"), a.Website); h != nil {
		link = h
	}
	// Its name says which product: "Compare Avast Free Antivirus: not checked".
	cmp := newToggle(lang.X("choose.compare", "Compare"), false, func(on bool) { tick(a, on) })
	cmp.name = lang.X("a11y.compare", "Compare {{.Name}}", map[string]any{"Name": a.Name})
	u.Choose.Compare = append(u.Choose.Compare, cmp)
	content.Add(container.NewBorder(nil, nil, nil, cmp, link))
	return widget.NewCard(title, priceText(a), content)
}

// checkedDetails lists the company pages a card's facts were checked on,
// with the day, for the card's Details.
func (u *App) checkedDetails(a catalog.Alternative) fyne.CanvasObject {
	box := container.NewVBox()
	for _, c := range a.Checks {
		src := u.cat.Source(c.Source)
		if src == nil {
			continue
		}
		var facts []string
		for _, f := range c.Facts {
			facts = append(facts, factName(f))
		}
		day := c.Checked
		if d, err := time.Parse("2006-01-02", c.Checked); err == nil {
			day = longDate(d)
		}
		box.Add(paragraph(lang.X("choose.checked-on", "Checked on {{.Date}}: {{.Facts}}. Page:", map[string]any{"Date": day, "Facts": strings.Join(facts, "; ")})))
		if h := httpsLink(sourceTitle(c.Source, src.Title), src.URL); h != nil {
			box.Add(h)
		}
	}
	return box
}

// compareTable shows two or three alternatives side by side.
func compareTable(alts []catalog.Alternative) fyne.CanvasObject {
	if len(alts) < 2 {
		return paragraph(lang.X("choose.compare-hint", "Check \"Compare\" on two or three of them to see them side by side."))
	}
	alts = alts[:min(3, len(alts))]
	grid := container.NewGridWithColumns(len(alts) + 1)
	grid.Add(widget.NewLabel(""))
	for _, a := range alts {
		grid.Add(heading(a.Name))
	}
	yes, no := lang.X("choose.yes", "Yes"), "—"
	addRow := func(label string, cell func(catalog.Alternative) string) {
		grid.Add(widget.NewLabel(label))
		for _, a := range alts {
			grid.Add(widget.NewLabel(cell(a)))
		}
	}
	addRow(lang.X("choose.row-price", "Price"), priceText)
	for _, d := range []string{catalog.DeviceWindows, catalog.DeviceMac, catalog.DeviceAndroid, catalog.DeviceIOS} {
		addRow(deviceName(d), func(a catalog.Alternative) string {
			if slices.Contains(a.Platforms, d) {
				return yes
			}
			return no
		})
	}
	for _, f := range []string{catalog.FeatureAntivirus, catalog.FeatureFirewall, catalog.FeaturePasswordManager, catalog.FeatureVPN, catalog.FeatureParentalControls, catalog.FeatureIdentity} {
		addRow(featureName(f), func(a catalog.Alternative) string {
			if slices.Contains(a.Includes, f) {
				return yes
			}
			return no
		})
	}
	addRow(lang.X("choose.row-owner", "Company"), func(a catalog.Alternative) string { return a.Owner })
	addRow(lang.X("choose.row-country", "Company based in"), func(a catalog.Alternative) string { return countryName(a.Country) })
	return grid
}

// builtinCard is the protection built into the system: free and already
// there, what it lacks for the answers given, and how to turn it on.
func (u *App) builtinCard(r choose.Ranked) fyne.CanvasObject {
	a := r.Alternative
	content := container.NewVBox()
	content.Add(paragraph(builtinLine(r)))
	// Each part, and who makes it: a browser's or an account's feature is
	// named as theirs, never lent to the built-in protection.
	for _, p := range a.Parts {
		var where string
		switch p.In {
		case "system":
			where = lang.X("builtin.part-system", "part of the system")
		case "browser":
			where = lang.X("builtin.part-browser", "comes with the web browser, not with {{.Name}}", map[string]any{"Name": a.Name})
		case "account":
			where = lang.X("builtin.part-account", "comes with your {{.Maker}} account, not with {{.Name}}", map[string]any{"Maker": p.Maker, "Name": a.Name})
		default:
			where = lang.X("builtin.part-app", "a separate app from {{.Maker}}", map[string]any{"Maker": p.Maker})
		}
		content.Add(paragraph("• " + lang.X("builtin.part", "{{.Feature}}: {{.Part}} ({{.Where}})", map[string]any{"Feature": featureName(p.Feature), "Part": p.Name, "Where": where})))
	}
	if len(r.Lacks) == 0 {
		content.Add(paragraph(lang.X("builtin.enough-2", "You do not need to buy anything.")))
	} else {
		content.Add(paragraph(lang.X("builtin.lacks-2", "Choose one of the products below if you want those in one place.")))
	}
	if a.ID == "microsoft-defender" {
		content.Add(paragraph(lang.X("builtin.defender-on", "It turns itself back on once Kaspersky is removed; step 6 checks that.")))
		if u.osFamily() == catalog.OSWindows && u.cfg.OpenWindowsSecurity != nil {
			u.Choose.TurnOn = newButtonWithIcon(lang.X("choose.open-security", "Open Windows Security"), theme.ConfirmIcon(), u.openWindowsSecurity)
			content.Add(container.NewHBox(u.Choose.TurnOn))
		}
	}
	if h := httpsLink(lang.X("builtin.website", "About {{.Name}}, from {{.Owner}}", map[string]any{"Name": a.Name, "Owner": a.Owner}), a.Website); h != nil {
		content.Add(h)
	}
	return widget.NewCard(a.Name, lang.X("builtin.subtitle", "Already on this computer · {{.Price}}", map[string]any{"Price": priceText(a)}), content)
}

// openWindowsSecurity opens Windows Security, or says why it could not.
func (u *App) openWindowsSecurity() {
	if u.cfg.OpenWindowsSecurity == nil {
		return
	}
	if err := u.cfg.OpenWindowsSecurity(); err != nil {
		fyne.LogError("opening Windows Security", err)
		dialog.ShowError(err, u.win)
	}
}
