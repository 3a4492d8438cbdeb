package ui

import (
	"slices"
	"strings"
	"time"
	"unicode"

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

// chooseWidgets are step 5's widgets.
type chooseWidgets struct {
	Choices    []string
	Devices    *toggleGroup
	Price      *choiceGroup
	Features   *toggleGroup
	Compare    []*toggle
	CompareBox *fyne.Container
	// Builtin lists the built-in protection shown apart, above the list;
	// BuiltinLine sums it up at the top of the step.
	Builtin     []string
	BuiltinLine *widget.Label
	// TurnOn opens Windows Security (Windows only).
	TurnOn *button
	// TopPick names the best matches at the top of the step, so that on a
	// small screen the answer is in sight before the questions; SeeAll
	// scrolls down to the full list.
	TopPick *widget.Label
	SeeAll  *button
	// ListTitle heads the ranked list; FullList folds the whole list.
	ListTitle *widget.Label
	FullList  *expander
	// NextStep says what to do after choosing.
	NextStep *widget.Label
}

func deviceName(d string) string {
	switch d {
	case catalog.DeviceWindows:
		return lang.X("choose.device-windows", "Windows PC")
	case catalog.DeviceMac:
		return lang.X("choose.device-mac", "Mac")
	case catalog.DeviceAndroid:
		return lang.X("choose.device-android", "Android phone or tablet")
	}
	return lang.X("choose.device-ios", "iPhone or iPad")
}

func featureName(f string) string {
	switch f {
	case catalog.FeatureAntivirus:
		return lang.X("choose.feature-antivirus", "Antivirus")
	case catalog.FeatureFirewall:
		return lang.X("choose.feature-firewall", "Firewall")
	case catalog.FeaturePasswordManager:
		return lang.X("choose.feature-passwords", "Password manager")
	case catalog.FeatureVPN:
		return lang.X("choose.feature-vpn", "VPN")
	case catalog.FeatureParentalControls:
		return lang.X("choose.feature-parental", "Parental controls")
	}
	return lang.X("choose.feature-identity", "Identity protection")
}

// reasonFor says, in plain words, why an alternative is in its place.
func reasonFor(r choose.Ranked) []string {
	var out []string
	if r.Alternative.Builtin {
		out = append(out, lang.X("choose.why-builtin", "built into the system, free"))
	}
	for _, f := range r.Covers {
		switch f {
		case catalog.FeaturePasswordManager:
			out = append(out, lang.X("choose.why-passwords", "includes a password manager, like the Kaspersky one you used"))
		case catalog.FeatureVPN:
			out = append(out, lang.X("choose.why-vpn", "includes a VPN, like Kaspersky's"))
		case catalog.FeatureParentalControls:
			out = append(out, lang.X("choose.why-parental", "includes parental controls, like Kaspersky Safe Kids"))
		}
	}
	for _, f := range r.Lacks {
		out = append(out, lang.X("choose.why-lacks", "no {{.Feature}}", map[string]any{"Feature": lowerFirst(featureName(f))}))
	}
	for _, d := range r.Missing {
		out = append(out, lang.X("choose.why-missing", "not for {{.Device}}", map[string]any{"Device": deviceName(d)}))
	}
	switch {
	case r.FreeScannerOnly:
		out = append(out, lang.X("choose.why-free-scanner", "its free version only scans when you start it: it does not protect all the time"))
	case !r.PriceFits:
		out = append(out, lang.X("choose.why-price", "no version at the price you asked for"))
	}
	return out
}

// iosOfferName says in plain words what an iPhone app does instead of scanning.
func iosOfferName(o string) string {
	switch o {
	case "web-protection":
		return lang.X("ios.web-protection", "warns of dangerous websites")
	case "breach-alerts":
		return lang.X("ios.breach-alerts", "alerts when your data shows up in a breach")
	case "scam-check":
		return lang.X("ios.scam-check", "checks messages and links for scams")
	case "photo-vault":
		return lang.X("ios.photo-vault", "a locked photo vault")
	case "vpn":
		return lang.X("ios.vpn", "a VPN")
	case "wifi-check":
		return lang.X("ios.wifi-check", "checks Wi-Fi networks")
	}
	return o
}

// factName says which of a card's facts could not be checked, in plain words.
func factName(fact string) string {
	base, piece, _ := strings.Cut(fact, ":")
	switch base {
	case catalog.FactPlatforms:
		if piece != "" {
			return lang.X("fact.platform", "that it runs on {{.Device}}", map[string]any{"Device": deviceName(piece)})
		}
		return lang.X("fact.platforms", "which devices it runs on")
	case catalog.FactPrice:
		return lang.X("fact.price", "its free and paid versions")
	case catalog.FactFreeIncludes:
		return lang.X("fact.free-includes", "what the free version includes")
	case catalog.FactFreePlatforms:
		return lang.X("fact.free-platforms", "where the free version runs")
	case catalog.FactIncludes, catalog.FactFeaturePlatforms:
		if piece != "" {
			return lowerFirst(featureName(piece))
		}
		return lang.X("fact.includes", "what it includes")
	case catalog.FactIOS:
		return lang.X("fact.ios", "what the iPhone app does")
	case catalog.FactOwner:
		return lang.X("fact.owner", "the company")
	case catalog.FactCountry:
		return lang.X("fact.country", "where the company is based")
	}
	return fact
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

func priceText(a catalog.Alternative) string {
	switch {
	case a.Builtin:
		return lang.X("choose.price-builtin", "Free, built in")
	case a.Free && a.Paid:
		return lang.X("choose.price-both", "Free and paid versions")
	case a.Free:
		return lang.X("choose.price-free", "Free")
	}
	return lang.X("choose.price-paid", "Paid")
}

// chooseView is step 5: three questions, then the alternatives ranked by a
// rule shown on screen, each with its reasons, and a side-by-side table of
// the ones ticked for comparison.
func (u *App) chooseView() fyne.CanvasObject {
	needs := u.state.CurrentNeeds()
	intro := paragraph(lang.X("choose.intro", "Pick one security program to replace Kaspersky. We are neutral: we earn nothing from any of them, and the links go to each company's own website."))
	box := container.NewVBox()
	choices := choose.Choose(u.cat.Alternatives, needs)
	// The answer for these answers, in a sentence or two: the free
	// protection already on this computer and what is not part of it, then
	// the best matches among the others; what to do next. Then the
	// questions, then the full list, folded.
	answer := container.NewVBox()
	var builtinCards []fyne.CanvasObject
	enough := false
	for _, b := range choices.Builtin {
		u.Choose.Builtin = append(u.Choose.Builtin, b.Alternative.ID)
		u.Choose.BuiltinLine = heading(builtinLine(b))
		answer.Add(u.Choose.BuiltinLine)
		builtinCards = append(builtinCards, u.builtinCard(b))
		enough = enough || len(b.Lacks) == 0
	}
	if best := choices.Best(); len(best) > 0 {
		var names []string
		for _, r := range best {
			names = append(names, r.Alternative.Name)
		}
		text := lang.X("choose.best-one", "Best match for your answers among the others: {{.Names}}.", map[string]any{"Names": names[0]})
		if len(names) > 1 {
			text = lang.X("choose.best-many", "Equally good matches for your answers among the others: {{.Names}}.", map[string]any{"Names": strings.Join(names, ", ")})
		}
		u.Choose.TopPick = heading(text)
		answer.Add(u.Choose.TopPick)
	}
	next := lang.X("choose.next-install", "What to do next: install the one you choose from its company's website, then press Next. Step 6 checks that it is on.")
	if enough {
		next = lang.X("choose.next-enough", "What to do next: nothing to install. Press Next: step 6 checks that it is on.")
	}
	u.Choose.SeeAll = newButtonWithIcon(lang.X("choose.see-all-2", "See the full list and compare"), theme.MoveDownIcon(), u.scrollToChoices)
	answer.Add(container.NewHBox(u.Choose.SeeAll))
	u.Choose.NextStep = paragraph(next)
	answer.Add(u.Choose.NextStep)
	// The answer first, in sight on a 1024×600 screen with larger text;
	// the questions that change it under it.
	box.Add(answer)
	box.Add(widget.NewSeparator())
	box.Add(intro)

	devices := []string{catalog.DeviceWindows, catalog.DeviceMac, catalog.DeviceAndroid, catalog.DeviceIOS}
	var deviceLabels []string
	for _, d := range devices {
		deviceLabels = append(deviceLabels, deviceName(d))
	}
	var devicesOn []string
	for _, d := range needs.Devices {
		devicesOn = append(devicesOn, deviceName(d))
	}
	u.Choose.Devices = newToggleGroup(deviceLabels, devicesOn, nil)
	prices := []string{progress.PriceAny, progress.PriceFree, progress.PricePaid}
	priceLabels := []string{lang.X("choose.any-price", "Either"), lang.X("choose.free", "Free only"), lang.X("choose.paid", "Paid is fine")}
	u.Choose.Price = newChoiceGroup(priceLabels, true, nil)
	u.Choose.Price.SetSelected(priceLabels[max(0, slices.Index(prices, needs.Price))])
	features := []string{catalog.FeaturePasswordManager, catalog.FeatureVPN, catalog.FeatureParentalControls}
	var featureLabels []string
	for _, f := range features {
		featureLabels = append(featureLabels, featureName(f))
	}
	var featuresOn []string
	for _, f := range needs.Features {
		featuresOn = append(featuresOn, featureName(f))
	}
	u.Choose.Features = newToggleGroup(featureLabels, featuresOn, nil)
	changed := func() {
		n := progress.Needs{Devices: []string{}, Features: []string{}, Price: prices[max(0, slices.Index(priceLabels, u.Choose.Price.Selected))]}
		for i, l := range deviceLabels {
			if slices.Contains(u.Choose.Devices.Selected, l) {
				n.Devices = append(n.Devices, devices[i])
			}
		}
		for i, l := range featureLabels {
			if slices.Contains(u.Choose.Features.Selected, l) {
				n.Features = append(n.Features, features[i])
			}
		}
		u.setState(u.state.WithNeeds(n))
	}
	u.Choose.Devices.OnChanged = func([]string) { changed() }
	u.Choose.Price.OnChanged = func(string) { changed() }
	u.Choose.Features.OnChanged = func([]string) { changed() }
	box.Add(heading(lang.X("choose.q-devices", "Which devices do you want to protect?")))
	box.Add(u.Choose.Devices.Box)
	box.Add(heading(lang.X("choose.q-price", "Free or paid?")))
	box.Add(u.Choose.Price.Box)
	box.Add(heading(lang.X("choose.q-features", "What did you use besides the antivirus? (We checked what we found.)")))
	box.Add(u.Choose.Features.Box)
	// The full list, folded: the built-in protection's card, the rule, one
	// line on checking before buying, then the others by rank.
	list := container.NewVBox()

	rule := paragraph(lang.X("choose.rule-2", "How we order them: first those that work on all your devices, then those at the price you asked for (free only: a free version that protects all the time), then those with more of what you used in Kaspersky. Products with the same number are equally good matches; they are listed by name, which says nothing about which is better. No company pays for its place."))
	rule.TextStyle = fyne.TextStyle{Italic: true}
	for _, c := range builtinCards {
		list.Add(c)
	}
	u.Choose.ListTitle = heading(lang.X("choose.list-title-2", "Other products, best matches first"))
	list.Add(u.Choose.ListTitle)
	list.Add(rule)
	list.Add(paragraph(lang.X("choose.check-before-buy", "Prices and plans change: check each company's website before you buy. Where we could not check a detail, its card says so under \"Where these details come from\".")))

	u.Choose.Choices = nil
	compare := container.NewVBox()
	var ticked []catalog.Alternative
	redraw := func() {
		compare.Objects = []fyne.CanvasObject{compareTable(ticked)}
		compare.Refresh()
	}
	tied := map[int]int{}
	for _, r := range choices.Ranked {
		tied[r.Place]++
	}
	lastPlace := 0
	for _, r := range choices.Ranked {
		a := r.Alternative
		if tied[r.Place] > 1 && r.Place != lastPlace {
			list.Add(heading(lang.X("choose.tied", "{{.Place}}. Equally good matches, listed by name:", map[string]any{"Place": r.Place})))
		}
		lastPlace = r.Place
		u.Choose.Choices = append(u.Choose.Choices, a.ID)
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
		cmp := newToggle(lang.X("choose.compare", "Compare"), false, func(on bool) {
			if on && !slices.ContainsFunc(ticked, func(x catalog.Alternative) bool { return x.ID == a.ID }) {
				ticked = append(ticked, a)
			} else if !on {
				ticked = slices.DeleteFunc(ticked, func(x catalog.Alternative) bool { return x.ID == a.ID })
			}
			redraw()
		})
		cmp.name = lang.X("a11y.compare", "Compare {{.Name}}", map[string]any{"Name": a.Name})
		u.Choose.Compare = append(u.Choose.Compare, cmp)
		content.Add(container.NewBorder(nil, nil, nil, cmp, link))
		title := lang.X("choose.place", "{{.Place}}. {{.Name}}", map[string]any{"Place": r.Place, "Name": a.Name})
		if tied[r.Place] > 1 {
			title = a.Name // under its group's heading
		}
		list.Add(widget.NewCard(title, priceText(a), content))
	}
	u.Choose.CompareBox = compare
	list.Add(heading(lang.X("choose.compare-title", "Side by side")))
	list.Add(compare)
	redraw()
	u.Choose.FullList = newExpander(lang.X("choose.full-list", "The full list ({{.Count}} products)", map[string]any{"Count": len(choices.Ranked) + len(choices.Builtin)}), list)
	box.Add(u.Choose.FullList.Box)
	box.Add(paragraph(next))
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

// scrollToChoices scrolls step 5 down to its ranked list.
func (u *App) scrollToChoices() {
	if u.Choose.FullList != nil && !u.Choose.FullList.IsOpen() {
		u.Choose.FullList.Open()
	}
	if u.Choose.ListTitle == nil || u.body == nil {
		return
	}
	y := float32(0)
	for o := fyne.CanvasObject(u.Choose.ListTitle); o != nil && o != u.body.Content; o = parentIn(u.body.Content, o) {
		y += o.Position().Y
	}
	u.body.ScrollToOffset(fyne.NewPos(0, y))
}

// parentIn finds the container that holds o under root.
func parentIn(root, o fyne.CanvasObject) fyne.CanvasObject {
	c, ok := root.(*fyne.Container)
	if !ok {
		return nil
	}
	for _, child := range c.Objects {
		if child == o {
			return c
		}
		if p := parentIn(child, o); p != nil {
			return p
		}
	}
	return nil
}

// countryName is a catalog country in the user's language; a country the
// translations do not know yet stays as the catalog writes it.
func countryName(country string) string {
	switch country {
	case "United States":
		return lang.X("country.united-states", "United States")
	case "United Kingdom":
		return lang.X("country.united-kingdom", "United Kingdom")
	case "Czech Republic":
		return lang.X("country.czech-republic", "Czech Republic")
	case "Romania":
		return lang.X("country.romania", "Romania")
	case "Slovakia":
		return lang.X("country.slovakia", "Slovakia")
	case "Japan":
		return lang.X("country.japan", "Japan")
	case "Finland":
		return lang.X("country.finland", "Finland")
	case "Germany":
		return lang.X("country.germany", "Germany")
	case "Netherlands":
		return lang.X("country.netherlands", "Netherlands")
	case "Canada":
		return lang.X("country.canada", "Canada")
	}
	return country
}

// lowerFirst lower-cases a feature's name for the middle of a sentence,
// but not an acronym: "no password manager", "no VPN".
func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) < 2 || unicode.IsUpper(r[1]) {
		return s
	}
	r[0] = unicode.ToLower(r[0])
	return string(r)
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

// builtinLine sums up the built-in protection in one sentence: free,
// already here, and what it lacks for the answers given.
func builtinLine(r choose.Ranked) string {
	var lacks []string
	for _, f := range r.Lacks {
		lacks = append(lacks, lowerFirst(featureName(f)))
	}
	if len(lacks) == 0 {
		return lang.X("builtin.line-enough", "Free and already on this computer: {{.Name}}. For your answers it is enough.", map[string]any{"Name": r.Alternative.Name})
	}
	return lang.X("builtin.line-lacks-2", "Free and already on this computer: {{.Name}}. Not part of it, for your answers: {{.Features}}.", map[string]any{"Name": r.Alternative.Name, "Features": strings.Join(lacks, ", ")})
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
