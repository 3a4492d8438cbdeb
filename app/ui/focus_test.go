package ui

import (
	"fmt"
	"image"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"transitionhelper/app/region"
)

// TestFocusIsVisible measures the focus indicator on rendered screens, as
// WCAG 2.4.13 asks: on a blue button (the step's main action, the current
// step in the list) and on plain ones, light and dark, the pixels the
// focus changes form an outline at least 2 px thick on every side, each at
// 3:1 or more against what was there before (the page around the control)
// and against the control itself.
func TestFocusIsVisible(t *testing.T) {
	for _, variant := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		a := test.NewTempApp(t)
		a.Settings().SetTheme(variantTheme{newTheme(false), variant})
		h := newHarness(t, "", region.US, snapKaspersky)
		u := h.u
		settle(u.win, fyne.NewSize(1024, 600))
		controls := map[string]*button{
			"the main action (blue)":   u.Action,
			"the current step (blue)":  u.NavButtons[0],
			"another step (plain)":     u.NavButtons[1],
			"For support staff (grey)": u.Support,
		}
		for name, b := range controls {
			name := fmt.Sprintf("%s, %s", name, map[fyne.ThemeVariant]string{theme.VariantLight: "light", theme.VariantDark: "dark"}[variant])
			u.win.Canvas().Unfocus()
			before := u.win.Canvas().Capture()
			u.win.Canvas().Focus(b)
			after := u.win.Canvas().Capture()
			u.win.Canvas().Unfocus()
			pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
			// The control's first and last whole pixels (its position and
			// size are fractional).
			x0, y0 := int(math.Ceil(float64(pos.X))), int(math.Ceil(float64(pos.Y)))
			x1, y1 := int(math.Floor(float64(pos.X+b.Size().Width)))-1, int(math.Floor(float64(pos.Y+b.Size().Height)))-1
			mx, my := (x0+x1)/2, (y0+y1)/2
			// Outward from each side's middle, then a point just inside it
			// (the control's own colour, focused).
			sides := []struct {
				name    string
				outside func(i int) image.Point
				inside  image.Point
			}{
				{"top", func(i int) image.Point { return image.Pt(mx, y0-1-i) }, image.Pt(mx, y0+2)},
				{"bottom", func(i int) image.Point { return image.Pt(mx, y1+1+i) }, image.Pt(mx, y1-2)},
				{"left", func(i int) image.Point { return image.Pt(x0-1-i, my) }, image.Pt(x0+2, my)},
				{"right", func(i int) image.Point { return image.Pt(x1+1+i, my) }, image.Pt(x1-2, my)},
			}
			for _, s := range sides {
				control := after.At(s.inside.X, s.inside.Y)
				thick := 0
				for i := range 5 {
					p := s.outside(i)
					ring, page := after.At(p.X, p.Y), before.At(p.X, p.Y)
					if contrast(ring, page) >= 3 && contrast(ring, control) >= 3 {
						thick++
					}
				}
				if thick < 2 {
					t.Errorf("%s: the focus outline on the %s side is %d px at 3:1 (want 2 or more)", name, s.name, thick)
				}
			}
		}
	}
}
