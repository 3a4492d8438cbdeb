package ui

import (
	"fmt"
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// luminance is a colour's relative luminance (WCAG 2.x), drawn opaque.
func luminance(c color.Color) float64 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	ch := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(n.R) + 0.7152*ch(n.G) + 0.0722*ch(n.B)
}

// over draws c over the opaque bg, as the screen shows it.
func over(c, bg color.Color) color.Color {
	f := color.NRGBAModel.Convert(c).(color.NRGBA)
	b := color.NRGBAModel.Convert(bg).(color.NRGBA)
	a := float64(f.A) / 255
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*a + float64(y)*(1-a))) }
	return color.NRGBA{mix(f.R, b.R), mix(f.G, b.G), mix(f.B, b.B), 255}
}

// contrast is the WCAG 2.x contrast ratio of text fg on bg.
func contrast(fg, bg color.Color) float64 {
	bg = over(bg, color.White)
	l1, l2 := luminance(over(fg, bg)), luminance(bg)
	if l1 < l2 {
		l1, l2 = l2, l1
	}
	return (l1 + 0.05) / (l2 + 0.05)
}

// textOn lists each colour text is drawn in, with the backgrounds it is
// drawn on in this app.
var textOn = []struct {
	part fyne.ThemeColorName
	on   []fyne.ThemeColorName
	what string
}{
	{theme.ColorNameForeground, []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameButton, theme.ColorNameInputBackground, theme.ColorNameOverlayBackground, theme.ColorNameMenuBackground, theme.ColorNameHeaderBackground}, "text, button labels"},
	{theme.ColorNameWarning, []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameOverlayBackground}, "warnings (step 4, step 6, step 5's unchecked details)"},
	{theme.ColorNameError, []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameOverlayBackground}, "errors (\"No security software…\", the countdown)"},
	{theme.ColorNameSuccess, []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameOverlayBackground}, "success (\"Removed\", \"Protecting…\")"},
	{theme.ColorNameHyperlink, []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameOverlayBackground}, "links"},
	{theme.ColorNamePrimary, []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameOverlayBackground}, "high-importance labels"},
	{theme.ColorNameForegroundOnPrimary, []fyne.ThemeColorName{theme.ColorNamePrimary}, "labels of Next, Check, Save report"},
	{theme.ColorNameForegroundOnError, []fyne.ThemeColorName{theme.ColorNameError}, "labels of danger buttons"},
	{theme.ColorNameForegroundOnWarning, []fyne.ThemeColorName{theme.ColorNameWarning}, "labels of warning buttons"},
	{theme.ColorNameForegroundOnSuccess, []fyne.ThemeColorName{theme.ColorNameSuccess}, "labels of success buttons"},
	{theme.ColorNameDisabled, []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameDisabledButton, theme.ColorNameInputBackground}, "disabled buttons that still say what they do (Next, Remove)"},
	{theme.ColorNamePlaceHolder, []fyne.ThemeColorName{theme.ColorNameInputBackground}, "placeholders"},
}

// checkPairs computes the contrast of every colour with what it is drawn
// on, in both variants and text sizes, and fails below min.
func checkPairs(t *testing.T, pairs []struct {
	part fyne.ThemeColorName
	on   []fyne.ThemeColorName
	what string
}, min float64) {
	t.Helper()
	for _, larger := range []bool{false, true} {
		th := newTheme(larger)
		for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
			for _, p := range pairs {
				for _, bg := range p.on {
					r := contrast(th.Color(p.part, v), th.Color(bg, v))
					line := fmt.Sprintf("%s: %s on %s: %.2f:1 (%s)", map[fyne.ThemeVariant]string{0: "dark", 1: "light"}[v], p.part, bg, r, p.what)
					if r < min {
						t.Errorf("%s, below %.1f:1", line, min)
					} else if !larger {
						t.Log(line)
					}
				}
			}
		}
	}
}

func TestThemeContrast(t *testing.T) {
	test.NewTempApp(t)
	checkPairs(t, textOn, 4.5)
}

// controlsOn lists the colours that show a control (the outline of a tick
// box, a choice or a text field; a ticked box's fill; a chosen option's
// ring) with what they are drawn on: WCAG 2.x asks 3:1 for them (1.4.11).
var controlsOn = []struct {
	part fyne.ThemeColorName
	on   []fyne.ThemeColorName
	what string
}{
	{theme.ColorNameInputBorder, []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameInputBackground, theme.ColorNameOverlayBackground}, "unticked boxes, unselected choices, text fields (steps 1, 3, 5, 7)"},
	{theme.ColorNamePrimary, []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameOverlayBackground}, "ticked boxes, the chosen option's dot"},
	{theme.ColorNameForeground, []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameOverlayBackground}, "the chosen option's ring"},
}

func TestControlContrast(t *testing.T) {
	test.NewTempApp(t)
	checkPairs(t, controlsOn, 3)
}
