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

func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.base.Color(n, v)
}

func (t *appTheme) Font(s fyne.TextStyle) fyne.Resource { return t.base.Font(s) }

func (t *appTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base.Icon(n) }

func (t *appTheme) Size(n fyne.ThemeSizeName) float32 {
	return t.base.Size(n) * t.scale
}
