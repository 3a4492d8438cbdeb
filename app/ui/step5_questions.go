package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"transitionhelper/app/catalog"
	"transitionhelper/app/progress"
)

// chooseQuestions adds step 5's three questions to box (which devices,
// free or paid, what was used besides the antivirus), set to the answers
// saved; each answer changed is saved at once, and the step drawn anew.
func (u *App) chooseQuestions(box *fyne.Container, needs progress.Needs) {
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
}
