package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// largerTextScale is how much "Larger text" grows text, icons and padding.
const largerTextScale = 1.3

// appTheme is Fyne's default theme, which follows the system's light or
// dark mode, with sizes scaled up when the user asks for larger text.
type appTheme struct {
	base  fyne.Theme
	scale float32
}

func newTheme(larger bool) fyne.Theme {
	t := &appTheme{base: theme.DefaultTheme(), scale: 1}
	if larger {
		t.scale = largerTextScale
	}
	return t
}

// readable are the colours that replace Fyne's where its text would fall
// below WCAG's 4.5:1 for normal text on the backgrounds it is drawn on
// (contrast_test.go computes every pair). Same hues, darker in the light
// variant, lighter in the dark one; everything else is Fyne's. Disabled
// buttons still say what they do ("Next", "Remove"), so their text is
// readable too, only lighter than enabled text.
var readable = map[fyne.ThemeVariant]map[fyne.ThemeColorName]color.Color{
	theme.VariantLight: {
		theme.ColorNameWarning:             color.NRGBA{R: 0x9e, G: 0x5e, B: 0x00, A: 0xff}, // was #ff9800, 2.16:1 on white
		theme.ColorNameForegroundOnWarning: color.White,
		theme.ColorNameError:               color.NRGBA{R: 0xc8, G: 0x37, B: 0x2c, A: 0xff}, // was #f44336, 3.68:1
		theme.ColorNameSuccess:             color.NRGBA{R: 0x22, G: 0x7c, B: 0x1c, A: 0xff}, // was #43f436, 1.48:1
		theme.ColorNamePrimary:             color.NRGBA{R: 0x23, G: 0x68, B: 0xdb, A: 0xff}, // was #2979ff, 4.47:1
		theme.ColorNameHyperlink:           color.NRGBA{R: 0x23, G: 0x68, B: 0xdb, A: 0xff},
		theme.ColorNameForegroundOnPrimary: color.White,
		theme.ColorNameDisabled:            color.NRGBA{R: 0x6d, G: 0x6d, B: 0x6d, A: 0xff}, // was #e3e3e3, 1.18:1 on a button
		theme.ColorNamePlaceHolder:         color.NRGBA{R: 0x6d, G: 0x6d, B: 0x6d, A: 0xff}, // was #888888, 3.19:1
		// The outline of an unticked box or an unselected choice, and of a
		// text field: WCAG asks 3:1 for controls. Fyne's is about 1.1:1, so
		// "Outside the U.S." and "Free only" looked switched off.
		theme.ColorNameInputBorder: color.NRGBA{R: 0x5f, G: 0x5f, B: 0x5f, A: 0xff}, // 6.4:1 on white, so the thin, smoothed line still reads at 3:1 or better
	},
	theme.VariantDark: {
		theme.ColorNamePrimary:             color.NRGBA{R: 0x4d, G: 0x90, B: 0xff, A: 0xff}, // was #2979ff, 3.79:1 on a card
		theme.ColorNameHyperlink:           color.NRGBA{R: 0x4d, G: 0x90, B: 0xff, A: 0xff},
		theme.ColorNameForegroundOnPrimary: color.NRGBA{R: 0x17, G: 0x17, B: 0x18, A: 0xff}, // dark on the lighter blue, as Fyne does on error and success
		theme.ColorNameDisabled:            color.NRGBA{R: 0x92, G: 0x92, B: 0x93, A: 0xff}, // was #39393a, 1.26:1 on a button
		theme.ColorNameInputBorder:         color.NRGBA{R: 0xa2, G: 0xa2, B: 0xa4, A: 0xff}, // outlines of boxes and choices, 3:1 or better even smoothed
	},
}

// colorNameFocusRing is the colour of the focus outline (focus.go).
const colorNameFocusRing fyne.ThemeColorName = "transitionhelper.focusRing"

// Color is the default theme's colour, light or dark as the system is,
// made readable where Fyne's is not (readable).
func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == colorNameFocusRing {
		// Near-black on a light page, near-white on a dark one: 3:1 or
		// better against the page and every button colour, blue ones
		// included (TestFocusIsVisible).
		r, g, b, _ := t.Color(theme.ColorNameBackground, v).RGBA()
		if r+g+b > 3*0x8000 {
			return color.NRGBA{R: 0x11, G: 0x11, B: 0x11, A: 0xff}
		}
		return color.NRGBA{R: 0xf5, G: 0xf5, B: 0xf5, A: 0xff}
	}
	if c, ok := readable[v][n]; ok {
		return c
	}
	return t.base.Color(n, v)
}

// Font is the default theme's font.
func (t *appTheme) Font(s fyne.TextStyle) fyne.Resource { return t.base.Font(s) }

// Icon is the default theme's icon.
func (t *appTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base.Icon(n) }

// Size is the default theme's size, scaled up for larger text.
func (t *appTheme) Size(n fyne.ThemeSizeName) float32 {
	return t.base.Size(n) * t.scale
}
