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

// Color is the default theme's colour, light or dark as the system is.
func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
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
